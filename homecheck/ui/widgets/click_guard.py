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

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

# A little longer than a double-click (0.4-0.5 s by default): older users click more slowly.
GUARD_S = 0.8


@dataclass(frozen=True)
class _Click:
    time: float
    pos: QPoint
    question: int  # id() of the question's guard


class ClickGuard:
    """One per question: its buttons (GuardedButton) ask it about every press."""

    last: ClassVar[_Click | None] = None  # the last click on any question's button
    clock = staticmethod(time.monotonic)  # tests move time on without waiting

    def __init__(self, focus_target: Callable[[], QWidget]) -> None:
        # Where keyboard focus belongs on the question (Qt gives focus on a press before the
        # button sees it: an ignored click must not leave it on, say, an unchosen "fine").
        self._focus_target = focus_target

    def watch(self, *buttons: GuardedButton) -> None:
        """Guard these buttons of the question."""
        for button in buttons:
            button.guard = self

    def refuses(self, button: QWidget, event: QMouseEvent) -> bool:
        """True when this press is not meant for the question: it came soon after a click on
        another question, at the same place (the page moved under the pointer)."""
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
            if button.hasFocus():
                self._focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        ClickGuard.last = _Click(now, pos, id(self))
        return False


class GuardedButton(QPushButton):
    """A button of one question (an answer, Why, Note, Photo, Clear): a press that its
    question's guard refuses does nothing. The second press of a double-click comes here too
    (QWidget.mouseDoubleClickEvent calls mousePressEvent). Keys and a screen reader's actions
    never pass here: only the mouse can land on a button by accident."""

    guard: ClickGuard | None = None  # set by ClickGuard.watch()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.guard is not None and self.guard.refuses(self, event):
            event.accept()  # swallowed: the button stays as it was
            return
        super().mousePressEvent(event)
