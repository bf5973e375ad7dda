"""A double-click on an answer answers that question only. The answer moves the page on, and
the next question's buttons may come to sit under the pointer; the second click of a
double-click (or an impatient second click) landed there and answered it unseen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from homecheck.ui.pages.base import ABOUT_ID
from homecheck.ui.widgets.choice import ChoiceButtons
from homecheck.ui.widgets.click_guard import GUARD_S, ClickGuard
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    fake = _Clock()
    monkeypatch.setattr(ClickGuard, "clock", staticmethod(fake))
    monkeypatch.setattr(ClickGuard, "last", None)
    return fake


def _click_at(widget: QWidget, screen: QPoint, double: bool = False) -> None:
    """Click the middle of the widget with the pointer at this place on the screen (the widget
    is taken to be there now: the page moved it under the pointer)."""
    local = QPointF(widget.rect().center())
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    kinds = [QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease]
    if double:
        kinds += [QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease]
    for kind in kinds:
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else left
        event = QMouseEvent(kind, local, QPointF(screen), left, buttons, none)
        QApplication.sendEvent(widget, event)


def _centre(widget: QWidget) -> QPoint:
    return widget.mapToGlobal(widget.rect().center())


def _first_answer_clicked(make_wizard):  # type: ignore[no-untyped-def]
    """A room whose first question was just answered "fine" by a click: (wizard, that row,
    the next row, where the pointer is)."""
    wizard = make_wizard()
    room = first_room(wizard)
    first, second = room.rows[0], room.rows[1]
    spot = _centre(first.choices.buttons["ok"])
    _click_at(first.choices.buttons["ok"], spot)
    return wizard, first, second, spot


def test_a_second_click_at_the_same_place_does_not_answer_the_next_question(
    make_wizard, clock: _Clock
) -> None:
    wizard, first, second, spot = _first_answer_clicked(make_wizard)
    session = wizard.ctx.session
    assert session.answer(first.item.id).answer == "ok"
    # The page moved on: the next question's "fine" (or its Clear, its Why) is now where the
    # pointer is, and the second click of the double-click arrives there.
    clock.now += 0.2
    for button in (second.choices.buttons["ok"], second.why_button):
        _click_at(button, spot, double=True)
    assert session.answer(second.item.id) is None
    assert not second.why_button.isChecked()
    # Keyboard focus stays on the question's first answer, not on the button under the pointer.
    assert QApplication.focusWidget() is second.choices.buttons["hazard"]
    # A click on the question just answered still counts there (it stays answered).
    _click_at(first.choices.buttons["ok"], spot, double=True)
    assert session.answer(first.item.id).answer == "ok"


def test_a_click_that_moved_or_came_after_a_pause_counts(make_wizard, clock: _Clock) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    session = wizard.ctx.session
    rows = room.rows
    spot = _centre(rows[0].choices.buttons["ok"])
    _click_at(rows[0].choices.buttons["ok"], spot)
    clock.now += 0.2
    _click_at(rows[1].choices.buttons["hazard"], spot + QPoint(40, 0))  # the mouse moved
    assert session.answer(rows[1].item.id).answer == "hazard"
    clock.now += GUARD_S + 0.1
    _click_at(rows[2].choices.buttons["ok"], spot + QPoint(40, 0))  # same place, later
    assert session.answer(rows[2].item.id).answer == "ok"


def test_about_you_answers_are_guarded_too(make_wizard, clock: _Clock) -> None:
    wizard = make_wizard()
    wizard.go_to(ABOUT_ID)
    about = wizard.currentPage()
    QApplication.processEvents()
    choices = [c for c in about.findChildren(ChoiceButtons) if c.isVisible()]
    one, two = choices[0], choices[1]
    spot = _centre(one.buttons[one.values[0]])
    _click_at(one.buttons[one.values[0]], spot)
    assert one.value() == one.values[0]
    clock.now += 0.2
    _click_at(two.buttons[two.values[0]], spot, double=True)
    assert two.value() is None


def _toggle_as_a_screen_reader(button: QWidget) -> None:
    """The Toggle action a screen reader offers on a checkable button (no mouse involved)."""
    from PySide6.QtGui import QAccessible, QAccessibleActionInterface

    accessible = QAccessible.queryAccessibleInterface(button)
    actions = accessible.actionInterface()
    assert QAccessibleActionInterface.toggleAction() in actions.actionNames()
    actions.doAction(QAccessibleActionInterface.toggleAction())


def test_a_screen_reader_toggle_right_after_a_click_still_answers(
    make_wizard, clock: _Clock
) -> None:
    wizard, _first, second, _spot = _first_answer_clicked(make_wizard)
    clock.now += 0.2  # well within the guard's time, and the pointer has not moved
    _toggle_as_a_screen_reader(second.choices.buttons["hazard"])
    assert wizard.ctx.session.answer(second.item.id).answer == "hazard"
    _toggle_as_a_screen_reader(second.why_button)
    assert second.why_button.isChecked()


def test_a_right_click_is_never_taken_for_the_second_click(make_wizard, clock: _Clock) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    first, second = room.rows[0], room.rows[1]
    spot = _centre(first.choices.buttons["ok"])
    right, none = Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier
    local = QPointF(first.choices.buttons["ok"].rect().center())
    press = QMouseEvent(QEvent.Type.MouseButtonPress, local, QPointF(spot), right, right, none)
    QApplication.sendEvent(first.choices.buttons["ok"], press)
    clock.now += 0.2
    _click_at(second.choices.buttons["ok"], spot)  # the first left click here: it counts
    assert wizard.ctx.session.answer(second.item.id).answer == "ok"
