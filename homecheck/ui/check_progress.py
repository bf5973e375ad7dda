"""A small window that says the saved checks are being checked, while the check runs.

The full check of the store reads the whole file: after an unclean shutdown, before a backup
and when a backup is restored. With a therapist's years of data that takes from seconds to half
a minute; without a window the person thinks homecheck did not start and starts it again. So a
plain window with a busy bar shows at once while the work runs in a QThread on a connection of
its own (an SQLite connection never crosses threads), and the window stays responsive. It
offers no Cancel: the next step needs the answer. It cannot be closed by hand either; Ctrl-C in
a terminal still ends the app (the check is stopped first).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from PySide6.QtCore import QEventLoop, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from homecheck.store.connection import FileCheck, upgrade_checked
from homecheck.store.migrations import SCHEMA_VERSION

T = TypeVar("T")


class CheckingWindow(QDialog):
    """The window: what is being checked, in plain words, and a busy bar; it cannot be
    closed by hand."""

    def __init__(self, t: Callable[..., str], message: str, parent: QWidget | None = None) -> None:
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
        # Wide enough for the text in a few lines at the largest text size, never wider than
        # the screen; as tall as the wrapped text needs at that width.
        width = min(48 * self.fontMetrics().averageCharWidth(),
                    self.screen().availableGeometry().width() - 40)  # fmt: skip
        self.resize(width, max(self.heightForWidth(width), self.sizeHint().height()))
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


class _WorkThread(QThread):
    """Runs one piece of work; ``result`` or ``error`` holds what came of it."""

    said = Signal(str)  # the work's next step, for the window's text (emitted in the thread)

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self._work = work
        self.result: object = None
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except Exception as exc:  # handed to the window's thread, raised there
            self.error = exc


def run_with_window(
    work: Callable[[], T],
    t: Callable[..., str],
    message: str,
    *,
    parent: QWidget | None = None,
    stop: Callable[[], None] | None = None,
    say: list[Callable[[str], None]] | None = None,
) -> T:
    """Run ``work`` in a thread while a busy window with ``message`` shows; its result.

    What ``work`` raises is raised here. ``work`` must make its own SQLite connection.
    ``stop``: ends the work early when the app is told to quit (Ctrl-C) meanwhile.
    ``say``: gets a function with which ``work`` can change the window's text.
    """
    window = CheckingWindow(t, message, parent)
    thread = _WorkThread(work)
    thread.said.connect(window.label.setText)  # queued: the label lives in this thread
    thread.said.connect(window.setAccessibleDescription)
    if say is not None:
        say.append(thread.said.emit)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    window.show()
    window.raise_()
    thread.start()
    loop.exec()  # also ended by QCoreApplication.exit (Ctrl-C): the work is stopped then
    if thread.isRunning():
        if stop is not None:
            stop()
        thread.wait()
    window.setProperty("done", True)
    window.close()
    window.deleteLater()
    if thread.error is not None:
        raise thread.error
    return cast(T, thread.result)


def check_with_window(
    path: Path,
    t: Callable[..., str],
    message: str,
    *,
    parent: QWidget | None = None,
) -> tuple[int, Path | None] | None:
    """Check the store file at ``path`` in full while the busy window shows; a store of an
    older homecheck is then copied and upgraded under the same window, which says so.

    Returns (the version it had, the copy kept) after an upgrade, None otherwise; raises
    StoreDamaged when the file is not sound (CheckStopped when the check was stopped by Ctrl-C)
    and StoreError when it cannot be upgraded.
    """
    check = FileCheck(path)
    say: list[Callable[[str], None]] = []

    def work() -> tuple[int, Path | None] | None:
        if not 0 < check.run() < SCHEMA_VERSION:
            return None
        say[0](t("ui.checking.upgrading"))
        return upgrade_checked(path)  # the check just done is not repeated

    return run_with_window(work, t, message, parent=parent, stop=check.stop, say=say)
