"""The wizard window on its screen: never larger than the screen's free area, and never so
small that the side panel's buttons are squeezed."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

MINIMUM_SIZE = (640, 480)  # logical pixels; less on a smaller screen (see fit_screen)


class ScreenFit(QObject):
    """Keeps a window, frame included, on the free area of its screen (without task bars).

    The window calls fit_minimum when it is resized and shown when it is shown; from then on
    a move to another screen, or a task bar that comes or goes, fits it again."""

    def __init__(self, window: QWidget, side: QWidget) -> None:
        super().__init__(window)  # a child: its screen connections end with the window
        self.window = window
        self.side = side  # the side panel, which QWizard does not ask for its size
        self._screen: QScreen | None = None  # the screen whose free area the window fits
        self._frame = QSize()  # the frame's size (title bar, borders) when last fitted

    def shown(self) -> None:
        """The window is shown: watch its screen (the first time) and fit its minimum."""
        handle = self.window.windowHandle()
        if self._screen is None and handle is not None:
            handle.screenChanged.connect(self._watch_screen)
            self._watch_screen(handle.screen())
        self.fit_minimum()  # now laid out: what the window has besides the panel is known

    def moved(self) -> None:
        """The window moved: when the window manager has just put its frame around it (on X11
        that comes after the window is shown), fit again with the title bar counted."""
        frame = self.window.frameGeometry().size() - self.window.size()
        if frame != self._frame:
            self._frame = frame
            self.fit_screen()

    def _watch_screen(self, screen: QScreen | None) -> None:
        # Moved to another screen, or a task bar came or went: fit the screen's free area.
        if self._screen is not None:
            self._screen.availableGeometryChanged.disconnect(self.fit_screen)
        self._screen = screen
        if screen is not None:
            screen.availableGeometryChanged.connect(self.fit_screen)
            self.fit_screen()

    def screen_room(self) -> QSize:
        """The largest window whose frame fits the free area of its screen (without task bars).

        At 200 % on a 1366x768 laptop that is less than 683x384 logical pixels."""
        window = self.window
        frame = window.frameGeometry().size() - window.size()  # title bar and borders, once shown
        return window.screen().availableGeometry().size() - frame

    def fit_screen(self) -> None:
        """Keep the whole window, frame included, on the free area of its screen: made smaller
        and moved where it does not fit, so that Back, Next and Finish are always in sight."""
        window = self.window
        self.fit_minimum()
        if not window.isVisible() or window.windowState() & (
            Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        ):
            return  # the window manager fits those
        size = window.size().boundedTo(self.screen_room())
        if size != window.size():
            window.resize(size)
        available = window.screen().availableGeometry()
        frame = QRect(window.pos(), size + window.frameGeometry().size() - window.geometry().size())
        left = max(available.left(), min(frame.left(), available.right() + 1 - frame.width()))
        top = max(available.top(), min(frame.top(), available.bottom() + 1 - frame.height()))
        if QPoint(left, top) != window.pos():
            window.move(left, top)  # a window's position is its frame's

    def fit_minimum(self, again: bool = False) -> None:
        """Set the window's minimum size; again=True after the text size changed."""
        # Pages wrap, stack and scroll (both ways) down to MINIMUM_SIZE; the side panel, which
        # QWizard does not ask, is never squeezed below what its buttons need at the text size
        # (tests/ui/test_layout_fit.py): a squeezed panel raises the minimum height by as much.
        # A screen with less room than that (200 % on a laptop) bounds both: the page scrolls.
        window = self.window
        height = MINIMUM_SIZE[1] if again else max(MINIMUM_SIZE[1], window.minimumHeight())
        short = self.side.minimumSizeHint().height() - self.side.height()
        if window.isVisible() and short > 0:
            height = max(height, window.height() + short)
        minimum = QSize(MINIMUM_SIZE[0], height).boundedTo(self.screen_room())
        if minimum != window.minimumSize():
            window.setMinimumSize(minimum)
