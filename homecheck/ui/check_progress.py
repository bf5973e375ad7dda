"""A small window that says the saved checks are being checked, while the check runs.

The full check of the store reads the whole file: after an unclean shutdown and before a
backup. With a therapist's years of data that takes from seconds to half a minute; without a
window the person thinks homecheck did not start and starts it again. So a plain window with a
busy bar shows at once, the check runs in a QThread on a connection of its own
(homecheck.store.connection.FileCheck; an SQLite connection never crosses threads), and the
window stays responsive. It offers no Cancel: the next step needs the answer. It cannot be
closed by hand either; Ctrl-C in a terminal still ends the app (the check is stopped first).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QThread
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from homecheck.i18n import Catalogue
from homecheck.store.connection import FileCheck
from homecheck.store.errors import StoreError


class CheckingWindow(QDialog):
    """ "Checking your saved checks…" with a busy bar; the person cannot close it."""

    def __init__(self, t: Catalogue, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checking_store")
        self.setWindowTitle(t("ui.checking.title"))
        # A title bar without a close button: closing would not stop the check.
        self.setWindowFlags(
            Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint
        )
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        self.label = QLabel(message, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy: how long it takes is not known
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(t("ui.checking.busy"))
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setMinimumWidth(min(520, self.screen().availableGeometry().width()))
        self.setAccessibleName(t("ui.checking.title"))
        self.setAccessibleDescription(message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()  # not closed by Escape: nothing would stop the check
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.property("done"):
            event.accept()
        else:
            event.ignore()


class _CheckThread(QThread):
    """Runs one check; ``error`` holds what it raised (None: the file is sound)."""

    def __init__(self, check: Callable[[], None]) -> None:
        super().__init__()
        self._check = check
        self.error: StoreError | None = None

    def run(self) -> None:
        try:
            self._check()
        except StoreError as exc:
            self.error = exc


def check_with_window(
    path: Path,
    t: Catalogue,
    message: str,
    *,
    parent: QWidget | None = None,
    check: FileCheck | None = None,
) -> None:
    """Check the store file at ``path`` in full while a busy window shows.

    Returns when the file is sound; raises StoreDamaged when it is not (StoreError when the
    check was stopped, e.g. by Ctrl-C). ``check``: tests pass one that waits for them.
    """
    check = check or FileCheck(path)
    window = CheckingWindow(t, message, parent)
    thread = _CheckThread(check.run)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    window.show()
    window.raise_()
    thread.start()
    loop.exec()  # also ended by QCoreApplication.exit (Ctrl-C): the check is stopped then
    if thread.isRunning():
        check.stop()
        thread.wait()
    window.setProperty("done", True)
    window.close()
    window.deleteLater()
    if thread.error is not None:
        raise thread.error
