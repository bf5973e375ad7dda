"""The one place where modal dialogs are opened, so tests can swap in a fake."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QWidget,
)

from homecheck.domain.textrules import MAX_LABEL
from homecheck.ui import theme
from homecheck.ui.settings import FileKind, Settings, save_settings
from homecheck.ui.widgets.labels import breakable_path, copies_without_breaks

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

    def ask_open_path(
        self, parent: QWidget | None, title: str, filters: str, *, kind: FileKind
    ) -> Path | None: ...

    def ask_save_path(
        self, parent: QWidget | None, title: str, name: str, filters: str, *, kind: FileKind
    ) -> Path | None: ...

    def ask_printer(self, parent: QWidget | None, printer: QPrinter, pages: int) -> bool: ...

    def inform(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def error(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def open_file(self, path: Path) -> bool: ...


MESSAGE_WIDTH_PX = 640  # a message's lines at most, where the screen has room
MESSAGE_MARGINS_PX = 100  # beside them in a message box: its icon and margins


class QtDialogs:
    """The real dialogs: message boxes, file dialogs, the print dialog and the system viewer.

    File dialogs start in the folder last used for their kind of file, kept in ``settings``
    and saved with them (without settings, as for a message before the window exists, only
    while this object lives).
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings if settings is not None else Settings()
        self._keep = settings is not None

    def _box(
        self, parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
    ) -> QMessageBox:
        box = QMessageBox(parent)
        if parent is None:  # a window of its own (before the wizard exists)
            theme.follow(box)
        box.setIcon(icon)
        box.setWindowTitle(title)
        # A path in the text wraps after its separators: a long Windows path ran past the edge
        # of the screen, its file name cut off.
        box.setText(breakable_path(text))
        # Our texts may contain a client label typed by a person: never interpret it as HTML.
        box.setTextFormat(Qt.TextFormat.PlainText)
        for label in box.findChildren(QLabel):  # selectable: copied without those breaks
            copies_without_breaks(label)
        _widen(box, text)
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

    def ask_open_path(
        self, parent: QWidget | None, title: str, filters: str, *, kind: FileKind
    ) -> Path | None:
        start = start_folder(self.settings, kind)
        return self._chosen(file_dialog(parent, title, start, filters, save=False), kind)

    def ask_save_path(
        self, parent: QWidget | None, title: str, name: str, filters: str, *, kind: FileKind
    ) -> Path | None:
        """The suggested ``name`` in the folder where files of this kind went last time."""
        start = start_folder(self.settings, kind) / name
        return self._chosen(file_dialog(parent, title, start, filters, save=True), kind)

    def _chosen(self, dialog: QFileDialog, kind: FileKind) -> Path | None:
        """The file chosen; its folder is remembered for ``kind`` (nothing when cancelled)."""
        try:
            if dialog.exec() != QFileDialog.DialogCode.Accepted:
                return None
            names = dialog.selectedFiles()
            path = Path(names[0]) if names and names[0] else None
        finally:
            dialog.deleteLater()
        if path is not None:
            self.settings.remember(kind, path.parent)
            if self._keep:
                # A data folder that cannot be written (a read-only store): the file is saved
                # all the same, and the folder remembered until the app closes.
                with contextlib.suppress(OSError):
                    save_settings(self.settings)
        return path

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


def _widen(box: QMessageBox, text: str) -> None:
    """Let a long message use the screen's width, up to MESSAGE_WIDTH_PX: Qt keeps a message to
    half the screen, and on a small one (200 % on a 1366x768 laptop) at 20 pt a message naming a
    path then grew taller than the screen, its buttons out of reach below it."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    if label is None:
        return
    widest = max(label.fontMetrics().horizontalAdvance(line) for line in text.splitlines() or [""])
    room = box.screen().availableGeometry().width() - MESSAGE_MARGINS_PX
    label.setMinimumWidth(max(0, min(widest, room, MESSAGE_WIDTH_PX)))


def start_folder(settings: Settings, kind: FileKind) -> Path:
    """Where a file dialog for ``kind`` starts: the folder last used for it when it is still
    there, else the system's Pictures folder (photos) or Documents folder (every other kind),
    else the home folder."""
    remembered = settings.folder(kind)
    if remembered is not None:
        return remembered
    location = (
        QStandardPaths.StandardLocation.PicturesLocation
        if kind is FileKind.PHOTOS
        else QStandardPaths.StandardLocation.DocumentsLocation
    )
    standard = QStandardPaths.writableLocation(location)
    if standard and Path(standard).is_dir():
        return Path(standard)
    return Path.home()


# The file name field of Qt's own file dialog has room for at least this many characters, and
# for the whole name suggested ("Actielijst Mevr J 2026-11-24.pdf" is 32); the list of files
# shows at least this many lines.
FILE_NAME_CHARS = 40
FILE_LIST_LINES = 12


def file_dialog(
    parent: QWidget | None, title: str, start: Path, filters: str, *, save: bool
) -> QFileDialog:
    """The one place a file dialog is made: to save (``start`` is the name suggested, in its
    folder) or to open (``start`` is the folder).

    Windows, macOS and a Linux desktop with a file chooser portal show their own dialog, as
    QFileDialog's static functions did. Elsewhere Qt shows its own: it takes the app's font,
    palette and style sheet like any other window, and is made wide enough for the name.
    """
    dialog = QFileDialog(parent, title, str(start), filters)
    if parent is None:
        theme.follow(dialog)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    _fit_file_dialog(dialog, start.name if save else "")
    return dialog


def _fit_file_dialog(dialog: QFileDialog, name: str) -> None:
    """Size Qt's own file dialog for its text size: the name field shows the whole ``name``
    (and at least FILE_NAME_CHARS characters), the screen permitting. Qt's own size is for
    small text: at 20 points it showed 22 characters of a 32-character name."""
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    if edit is None:  # a native dialog (Windows, macOS, a portal): the system sizes it
        return
    # Its back, up, new folder and view buttons: the style sheet's padding for text buttons
    # left their icons a few pixels wide at 14 points; big enough to see and to hit.
    for button in dialog.findChildren(QToolButton):
        button.setMinimumSize(theme.TARGET_PX, theme.TARGET_PX)
    # Measured with the style sheet's fonts and paddings: polished now, not when first shown.
    dialog.ensurePolished()
    metrics = edit.fontMetrics()
    text = max(metrics.horizontalAdvance(name), metrics.horizontalAdvance("x" * FILE_NAME_CHARS))
    # QLineEdit's size hint is 17 "x" wide plus its frame, padding and margins.
    frame = edit.sizeHint().width() - metrics.horizontalAdvance("x" * 17)
    room = text + frame + metrics.horizontalAdvance("x")  # and the cursor after the name
    # The field's width at Qt's size (a hidden window lays out only when asked); the dialog
    # grows by what the field lacks.
    size = dialog.sizeHint()
    dialog.resize(size)
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    width = size.width() + max(0, room - edit.width())
    height = max(size.height(), metrics.lineSpacing() * (FILE_LIST_LINES + 8))
    screen = dialog.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 40)
        height = min(height, available.height() - 40)
    dialog.resize(width, height)


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """The busy cursor while the list is made or printed (a second or so)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class _HoldClose(QObject):
    """Swallows a window's close requests."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.Close


@contextlib.contextmanager
def window_stays_open(window: QWidget) -> Iterator[None]:
    """While pages go to the printer the window keeps painting; a click on its close box then
    does nothing, instead of asking "stop for now?" halfway through the print job."""
    hold = _HoldClose(window)
    window.installEventFilter(hold)
    try:
        yield
    finally:
        window.removeEventFilter(hold)
        hold.deleteLater()
