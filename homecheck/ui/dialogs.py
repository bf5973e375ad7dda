"""The one place where modal dialogs are opened, so tests can swap in a fake."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from homecheck.domain.textrules import MAX_LABEL
from homecheck.ui import theme

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class DialogService(Protocol):
    """Everything that waits for the person (or leaves the app), behind one interface."""

    def ask_yes_no(self, parent: QWidget | None, title: str, text: str) -> bool: ...

    def confirm_delete(
        self, parent: QWidget | None, title: str, text: str,
        save_copy: Callable[[], bool] | None = None, save_label: str = "",
    ) -> bool: ...

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str
    ) -> str | None: ...

    def ask_open_path(self, parent: QWidget | None, title: str, filters: str) -> Path | None: ...

    def ask_save_path(
        self, parent: QWidget | None, title: str, suggested: Path, filters: str
    ) -> Path | None: ...

    def ask_printer(self, parent: QWidget | None, printer: QPrinter, pages: int) -> bool: ...

    def inform(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def error(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def open_file(self, path: Path) -> bool: ...


class QtDialogs:
    """The real dialogs: message boxes, file dialogs, the print dialog and the system viewer."""

    def _box(
        self, parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
    ) -> QMessageBox:
        box = QMessageBox(parent)
        if parent is None:  # a window of its own (before the wizard exists)
            theme.follow(box)
        box.setIcon(icon)
        box.setWindowTitle(title)
        box.setText(text)
        # Our texts may contain a client label typed by a person: never interpret it as HTML.
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box

    def ask_yes_no(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = self._box(parent, QMessageBox.Icon.Question, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def confirm_delete(
        self, parent: QWidget | None, title: str, text: str,
        save_copy: Callable[[], bool] | None = None, save_label: str = "",
    ) -> bool:
        """Yes/No, No the default; with ``save_copy`` a third button (``save_label``) calls it
        to save a copy first, then the question is asked again."""
        while True:
            box = self._box(parent, QMessageBox.Icon.Warning, title, text)
            box.setStandardButtons(
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            )
            # Deleting cannot be undone: Enter or Esc in a hurry must keep everything.
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.setEscapeButton(QMessageBox.StandardButton.No)
            save = None
            if save_copy is not None:
                save = box.addButton(
                    save_label, QMessageBox.ButtonRole.ActionRole
                )
            answer = box.exec()
            if save is not None and box.clickedButton() is save:
                assert save_copy is not None
                save_copy()  # then ask again: the person still decides about deleting
                continue
            return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str) -> str | None:
        dialog = QInputDialog(parent)
        if parent is None:
            theme.follow(dialog)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        edit = dialog.findChild(QLineEdit)
        if edit is not None:
            edit.setMaxLength(MAX_LABEL)
            edit.setAccessibleName(label)
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()

    def ask_open_path(self, parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filters)
        return Path(name) if name else None

    def ask_save_path(
        self, parent: QWidget | None, title: str, suggested: Path, filters: str
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        return Path(name) if name else None

    def ask_printer(self, parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
        """Qt's print dialog for a document of ``pages`` pages: True when the person pressed
        Print (``printer`` then holds the printer, copies and pages chosen)."""
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setMinMax(1, max(1, pages))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        box = self._box(parent, QMessageBox.Icon.Information, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        box = self._box(parent, QMessageBox.Icon.Warning, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def open_file(self, path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
