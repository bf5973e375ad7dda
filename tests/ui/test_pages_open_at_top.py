"""A page opens at its top, where its text begins (a room's "look at the path, the steps and the
front door", About you's "you may skip any question"), while the first line of the control that
gets keyboard focus can be seen from there too; only when it cannot does the page scroll to it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from homecheck.ui.pages.base import ABOUT_ID
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui

# (text size, window): the largest text; and 200 % scaling on a 1280x900 screen (640x450).
CASES = [(20, (1100, 800)), (14, (640, 450)), (20, (640, 450))]


def _in_view(page, widget: QWidget, line: int = 0) -> bool:  # type: ignore[no-untyped-def]
    """The whole widget in the page's view, or its first ``line`` pixels."""
    viewport = page.scroller.viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft()).y()
    bottom = widget.mapTo(viewport, widget.rect().bottomLeft()).y()
    return top >= 0 and min(bottom, top + line if line else bottom) <= viewport.height()


def _seen_from_the_top(page, widget: QWidget, line: int) -> bool:  # type: ignore[no-untyped-def]
    body = page.scroller.widget()
    top = widget.mapTo(body, widget.rect().topLeft()).y()
    return top + line <= page.scroller.viewport().height()


def _check_page_opened(page) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    line = focused.fontMetrics().lineSpacing()
    assert page.isAncestorOf(focused) and _in_view(page, focused, line)
    if _seen_from_the_top(page, focused, line):
        assert page.scroller.verticalScrollBar().value() == 0


@pytest.mark.parametrize(("text_size", "size"), CASES)
def test_about_you_and_every_room_open_at_their_top(make_wizard, text_size, size) -> None:
    wizard = make_wizard(Settings(language="en", text_size=text_size))
    wizard.resize(*size)
    QApplication.processEvents()
    wizard.next()
    assert wizard.currentId() == ABOUT_ID
    _check_page_opened(wizard.currentPage())
    wizard.next()  # your home
    wizard.next()
    for _room in range(3):
        _check_page_opened(wizard.currentPage())
        wizard.next()


def test_a_control_out_of_sight_still_scrolls_into_view(make_wizard) -> None:
    wizard = make_wizard(Settings(language="en", text_size=20))
    wizard.next()
    wizard.next()
    wizard.next()
    room = wizard.currentPage()
    QApplication.processEvents()
    last = room.rows[-1].focus_target()
    last.setFocus()
    QApplication.processEvents()
    assert room.scroller.verticalScrollBar().value() > 0 and _in_view(room, last)
