"""The summary opens at its top: the number of things to do now (and on a follow-up the change
since last time) is in view, keyboard focus is on that first line, and Tab goes down the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from homecheck.ui.pages.base import SUMMARY_ID
from homecheck.ui.settings import Settings
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


def _in_view(page, widget: QWidget) -> bool:  # type: ignore[no-untyped-def]
    viewport = page.scroller.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= viewport.height()


@pytest.mark.parametrize("points", [14, 20])
def test_the_summary_opens_at_the_top_with_focus_in_view(make_wizard, points: int) -> None:
    wizard = make_wizard(Settings(language="en", text_size=points))
    room = first_room(wizard)
    room.rows[0].choices.choose_number(1)  # a hazard: one action; the rest of the questions open
    room.rows[1].choices.choose_number(1)
    wizard.go_to(SUMMARY_ID)
    summary = wizard.summary_page
    assert summary.open_list.count() > 10
    assert summary.scroller.verticalScrollBar().value() == 0
    assert _in_view(summary, summary.now_label)
    focused = QApplication.focusWidget()
    assert focused is not None
    if summary.isAncestorOf(focused):
        assert _in_view(summary, focused)  # never focus on something out of sight
    else:
        assert focused is wizard.button(wizard.WizardButton.NextButton)


@pytest.mark.parametrize(("points", "width"), [(14, 1100), (20, 1100), (20, 700)])
def test_tab_goes_from_the_top_down_through_the_page_then_to_the_buttons(
    qtbot, make_wizard, points: int, width: int
) -> None:
    # A keyboard-only user: focus starts on the page's first line ("N things to do now", read
    # out by a screen reader) with the page at its top, not on Next (Tab from Next would leave
    # the page); Tab then goes down through the boxes to tick and the open questions, each
    # scrolled into view, and only then to the wizard's buttons.
    wizard = make_wizard(Settings(language="en", text_size=points))
    wizard.resize(width, 700)  # narrower: an action's text takes more lines than its box
    room = first_room(wizard)
    for row in room.rows[:4]:
        row.choices.choose_number(1)  # hazards: boxes to tick; the rest of the questions open
    wizard.go_to(SUMMARY_ID)
    summary = wizard.summary_page
    boxes = [r.box for r in summary.action_log.rows if r.box.isVisibleTo(summary)]
    assert boxes and summary.open_list.count() > 10
    assert summary.scroller.verticalScrollBar().value() == 0
    start = QApplication.focusWidget()
    assert start is summary.now_label
    assert _in_view(summary, start)
    name = QAccessible.queryAccessibleInterface(start).text(QAccessible.Text.Name)
    assert name == summary.now_label.text() != ""
    visited = []
    for _ in range(len(boxes) + 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None and summary.isAncestorOf(focused)
        if focused is summary.open_list:  # a list: its current line is what must be seen
            rect = focused.visualItemRect(focused.currentItem())
            top = focused.viewport().mapTo(summary.scroller.viewport(), rect.topLeft()).y()
            assert top >= 0 and top + rect.height() <= summary.scroller.viewport().height()
        else:  # a box, with the whole text of its action beside it
            assert _in_view(summary, focused.parentWidget())
        visited.append(focused)
    assert visited == [*boxes, summary.open_list]
    qtbot.keyClick(summary.open_list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in (wizard.button(wizard.WizardButton.BackButton),
                                          wizard.button(wizard.WizardButton.NextButton))
    # Shift+Tab goes back the same way, up to the first line.
    for expected in [summary.open_list, *reversed(boxes), summary.now_label]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                       Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is expected
