"""A click that lands on the next question only because the page moved under a still pointer is
not an answer.

An answer moves the page on to the next question, and its buttons often come to sit where the
ones just clicked were. Older users often double-click, or click twice when nothing seems to
happen at once: the second click then answered the next question, unseen ("fine" for a hazard
nobody looked at). A press is ignored when it comes soon after a click on another question and
at the same place on the screen; moving the mouse, or a moment's pause, and the click counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

# A little longer than a double-click (0.4-0.5 s by default): older users click more slowly.
GUARD_S = 0.8


@dataclass(frozen=True)
class _Click:
    time: float
    pos: QPoint
    question: int  # id() of the question's guard


class ClickGuard(QObject):
    """One per question: watches the question's buttons for such a second click."""

    last: ClassVar[_Click | None] = None  # the last click on any question's button
    clock = staticmethod(time.monotonic)  # tests move time on without waiting

    def __init__(self, parent: QObject, focus_target: Callable[[], QWidget]) -> None:
        super().__init__(parent)
        # Where keyboard focus belongs on the question (Qt gives focus on a press before any
        # filter sees it: an ignored click must not leave it on, say, an unchosen "fine").
        self._focus_target = focus_target

    def watch(self, *widgets: QWidget) -> None:
        """Guard these buttons of the question."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
        if event.type() not in kinds or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        now, pos = ClickGuard.clock(), event.globalPosition().toPoint()
        last = ClickGuard.last
        if (
            last is not None
            and last.question != id(self)
            and now - last.time < GUARD_S
            and (pos - last.pos).manhattanLength() <= QApplication.startDragDistance()
        ):
            if isinstance(watched, QWidget) and watched.hasFocus():
                self._focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
            return True  # the page moved under the pointer: not meant for this question
        ClickGuard.last = _Click(now, pos, id(self))
        return False
