"""Finish: the PDF action list (save, open, print), the answers as JSON, and a FHIR export."""

from __future__ import annotations

import datetime as _dt
import json
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from homecheck.domain.assessment import dumps
from homecheck.fileio import atomic_write
from homecheck.session.photos import copy_beside, load_photo, photos_folder
from homecheck.ui import printing, theme
from homecheck.ui.context import UiContext
from homecheck.ui.pages.base import FINISH_ID, BasePage
from homecheck.ui.widgets.labels import plain_label


def default_folder() -> Path:
    """Where save dialogs start: Documents when it exists, else the home folder."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class FinishPage(BasePage):
    """Export; every write is atomic, and a failure is told in plain words."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, FINISH_ID, "finish")
        self.pdf_path: Path | None = None

    def build(self) -> None:
        layout = self.scroll_body()
        self.intro = plain_label()
        self.privacy = plain_label(role="muted")
        self.save_pdf_button = QPushButton(self)
        self.open_pdf_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.save_json_button = QPushButton(self)
        self.fhir_button = QPushButton(self)
        self.status = plain_label()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_help = plain_label(role="muted")
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_json_button.clicked.connect(self.save_json)
        self.fhir_button.clicked.connect(self.export_fhir)
        layout.addWidget(self.intro)
        layout.addWidget(self.privacy)
        for button in (
            self.save_pdf_button,
            self.open_pdf_button,
            self.print_button,
            self.save_json_button,
            self.fhir_button,
        ):
            button.setAutoDefault(False)
            theme.touch_target(button)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.done_help)
        layout.addStretch(1)
        self.setFinalPage(True)

    def retranslate(self) -> None:
        t = self.ctx.t
        self.set_heading(t("ui.finish.title"))
        self.intro.setText(t("ui.finish.intro"))
        self.privacy.setText(t("ui.finish.privacy"))
        pairs = (
            (self.save_pdf_button, "save_pdf"),
            (self.open_pdf_button, "open_pdf"),
            (self.print_button, "print"),
            (self.save_json_button, "save_json"),
            (self.fhir_button, "fhir"),
        )
        for button, key in pairs:
            button.setText(t(f"ui.finish.{key}"))
            button.setAccessibleName(t(f"ui.finish.{key}_name"))
            button.setAccessibleDescription(t(f"ui.finish.{key}_description"))
        self.done_help.setText(t("ui.finish.done_help"))

    def on_enter(self) -> None:
        self.save_pdf_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def ready_to_finish(self) -> bool:
        """Before Finish: when the action list was not saved, offer to save it now.

        True when the check may be finished (saved now, or the person chose not to).
        """
        if self.pdf_path is not None:
            return True
        t = self.ctx.t
        if not self.ctx.dialogs.ask_yes_no(self, t("ui.finish.unsaved_title"),
                                           t("ui.finish.unsaved_question")):
            return True
        return self.save_pdf() is not None

    # -- actions ---------------------------------------------------------------------------

    def _file_name(self, key: str, suffix: str) -> Path:
        stem = self.ctx.t(key, date=_dt.date.today().isoformat())
        return default_folder() / f"{stem}{suffix}"

    def _write(self, path: Path, data: bytes) -> bool:
        t = self.ctx.t
        try:
            atomic_write(path, data)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            message = t("ui.finish.write_error", path=path, reason=reason)
            self.ctx.dialogs.error(self, t("ui.finish.error_title"), message)
            return False
        return True

    def _ask_path(self, title: str, name: str, suffix: str, filters: str) -> Path | None:
        """Ask where to save (catalogue keys); the suffix is added when the person left it off."""
        t = self.ctx.t
        path = self.ctx.dialogs.ask_save_path(
            self, t(title), self._file_name(name, suffix), t(filters)
        )
        if path is not None and path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        return path

    def save_pdf(self) -> Path | None:
        """Ask where, render the action list and write it; return the path when saved."""
        t, ctx = self.ctx.t, self.ctx
        path = self._ask_path(
            "ui.finish.save_pdf_title", "ui.finish.pdf_file_name", ".pdf", "ui.finish.pdf_filter"
        )
        if path is None:
            return None
        try:
            # Imported on demand: the report package loads reportlab, which start-up can skip.
            from homecheck.report.pdf import render_pdf

            data = render_pdf(
                ctx.checklist, ctx.session.exported(), language=ctx.language,
                photos=load_photo, followup=ctx.session.followup(),
            )
        except Exception as exc:
            # Whatever goes wrong in the renderer becomes one plain message, never a traceback.
            message = t("ui.finish.pdf_error", reason=exc)
            ctx.dialogs.error(self, t("ui.finish.error_title"), message)
            return None
        if not self._write(path, data):
            return None
        self.pdf_path = path
        self.status.setText(t("ui.finish.saved", path=path))
        return path

    def _pdf_or_save(self) -> Path | None:
        if self.pdf_path is not None and self.pdf_path.is_file():
            return self.pdf_path
        return self.save_pdf()

    def open_pdf(self) -> None:
        """Open the saved PDF in the system's viewer (saving it first if needed)."""
        path = self._pdf_or_save()
        if path is None:
            return
        if not self.ctx.dialogs.open_file(path):
            t = self.ctx.t
            message = t("ui.finish.open_error", path=path)
            self.ctx.dialogs.error(self, t("ui.finish.error_title"), message)

    def print_pdf(self) -> None:
        """Print via CUPS when available; otherwise open the PDF to print from the viewer."""
        t, dialogs = self.ctx.t, self.ctx.dialogs
        path = self._pdf_or_save()
        if path is None:
            return
        if printing.lp_command() is None:
            # No QtPdf in PySide6-Essentials and no CUPS: say so, and use the viewer instead.
            dialogs.inform(self, t("ui.finish.print_title"), t("ui.finish.print_viewer"))
            self.open_pdf()
            return
        choice = dialogs.ask_printer(self)
        if choice is None:
            return
        try:
            printing.send_to_printer(path, choice.printer, choice.copies)
        except (OSError, subprocess.SubprocessError) as exc:
            dialogs.error(self, t("ui.finish.error_title"), t("ui.finish.print_error", reason=exc))
            return
        self.status.setText(t("ui.finish.printed", printer=choice.printer or "-"))

    def save_json(self) -> Path | None:
        """Save the answers in the documented JSON format; return the path when saved."""
        t, ctx = self.ctx.t, self.ctx
        path = self._ask_path(
            "ui.finish.save_json_title",
            "ui.finish.json_file_name",
            ".json",
            "ui.finish.json_filter",
        )
        if path is None:
            return None
        exported = ctx.session.exported()
        # Photos first: a JSON file that names photos it does not have beside it is worse
        # than no file at all.
        try:
            copied, missing = copy_beside(path, exported)
        except OSError as exc:
            folder = photos_folder(path)
            message = t("ui.finish.write_error", path=folder, reason=exc.strerror or str(exc))
            ctx.dialogs.error(self, t("ui.finish.error_title"), message)
            return None
        if not self._write(path, dumps(exported).encode("utf-8")):
            return None
        status = t("ui.finish.saved", path=path)
        if copied or missing:
            folder = photos_folder(path)
            status += "\n" + t("ui.finish.photos_saved", count=copied, folder=folder)
            if missing:
                status += "\n" + t("ui.finish.photos_missing", count=missing)
        self.status.setText(status)
        return path

    def export_fhir(self) -> Path | None:
        """Save the check as a FHIR Bundle for the care record; return the path when saved."""
        t, ctx = self.ctx.t, self.ctx
        path = self._ask_path(
            "ui.finish.fhir_title", "ui.finish.fhir_file_name", ".json", "ui.finish.fhir_filter"
        )
        if path is None:
            return None
        try:
            # Imported on demand: only this button needs it.
            from homecheck.interop.fhir import bundle

            doc = bundle(ctx.checklist, ctx.session.exported())
        except Exception as exc:
            # Building failed: one plain message, never a traceback.
            ctx.dialogs.error(
                self, t("ui.finish.error_title"), t("ui.finish.fhir_error", reason=exc)
            )
            return None
        data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        if not self._write(path, data):
            return None
        self.status.setText(t("ui.finish.fhir_saved", path=path))
        return path
