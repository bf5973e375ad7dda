"""A scripted stand-in for the Dialogs service: records every call, never opens a window."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QPrinter

from homecheck.ui.settings import FileKind


@dataclass
class FakeDialogs:
    """Answers from queues (or defaults); ``calls`` lists (method, title, text) in order."""

    yes_no: list[bool] = field(default_factory=list)
    default_yes: bool = True
    save_copy_first: bool = False  # press "Save a copy first…" in confirm_delete
    save_paths: list[Path | None] = field(default_factory=list)
    open_paths: list[Path | None] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    # The print dialog: None presses Cancel; a path chooses "print to a PDF file" there.
    print_to: Path | None = None
    print_copies: int = 1
    print_pages: tuple[int, int] | None = None  # (first, last) from 1, or every page
    open_result: bool = True
    calls: list[tuple[str, ...]] = field(default_factory=list)
    opened: list[Path] = field(default_factory=list)
    kinds: list[FileKind] = field(default_factory=list)  # of each file dialog asked for

    def ask_yes_no(self, parent: Any, title: str, text: str) -> bool:
        self.calls.append(("ask_yes_no", title, text))
        return self.yes_no.pop(0) if self.yes_no else self.default_yes

    def confirm_delete(
        self, parent: Any, title: str, text: str, save_copy: Any = None, save_label: str = ""
    ) -> bool:
        self.calls.append(("confirm_delete", title, text))
        if self.save_copy_first and save_copy is not None:
            self.calls.append(("save_copy", save_label))
            save_copy()
        return self.yes_no.pop(0) if self.yes_no else self.default_yes

    def ask_text(self, parent: Any, title: str, label: str, text: str) -> str | None:
        self.calls.append(("ask_text", title, label, text))
        return self.texts.pop(0) if self.texts else None

    def ask_open_path(
        self, parent: Any, title: str, filters: str, *, kind: FileKind
    ) -> Path | None:
        self.calls.append(("ask_open_path", title, filters))
        self.kinds.append(kind)
        return self.open_paths.pop(0) if self.open_paths else None

    def ask_save_path(
        self, parent: Any, title: str, name: str, filters: str, *, kind: FileKind
    ) -> Path | None:
        self.calls.append(("ask_save_path", title, name))
        self.kinds.append(kind)
        return self.save_paths.pop(0) if self.save_paths else None

    def ask_printer(self, parent: Any, printer: QPrinter, pages: int) -> bool:
        self.calls.append(("ask_printer", printer.pageLayout().pageSize().key(), str(pages)))
        if self.print_to is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        printer.setCopyCount(self.print_copies)
        if self.print_pages is not None:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*self.print_pages)
        return True

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.calls.append(("inform", title, text))

    def error(self, parent: Any, title: str, text: str) -> None:
        self.calls.append(("error", title, text))

    def open_file(self, path: Path) -> bool:
        self.calls.append(("open_file", str(path)))
        self.opened.append(path)
        return self.open_result

    def named(self, method: str) -> list[tuple[str, ...]]:
        """The recorded calls of one method."""
        return [call for call in self.calls if call[0] == method]
