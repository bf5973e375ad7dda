"""A page just entered keeps its intro in view while the focused control's first line can be
seen, even when the whole control cannot (2x scaling on a laptop, a short view): it opened
scrolled down to the control, the page's text above it out of sight. Tab still scrolls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from homecheck.ui.pages.base import ABOUT_ID
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui


def _top_and_bottom(page, widget: QWidget) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    viewport = page.scroller.viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft()).y()
    return top, top + widget.height()


# (text size, window height): the first answer button's first line in view from the top, its
# bottom edge not.
@pytest.mark.parametrize(("text_size", "height"), [(18, 480), (20, 520)])
def test_about_you_opens_at_its_top_with_the_first_answer_half_in_view(
    make_wizard, text_size, height,
) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=text_size))
    wizard.resize(700, height)
    QApplication.processEvents()
    wizard.next()
    assert wizard.currentId() == ABOUT_ID
    page = wizard.currentPage()
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    assert page.isAncestorOf(focused)
    top, bottom = _top_and_bottom(page, focused)
    view = page.scroller.viewport().height()
    assert page.scroller.verticalScrollBar().value() == 0, "opened scrolled past its intro"
    assert top + focused.fontMetrics().lineSpacing() <= view < bottom  # the case meant
    # Tab moves on: the next control comes into view whole, as before.
    QTest.keyClick(focused, Qt.Key.Key_Tab)
    QApplication.processEvents()
    moved = QApplication.focusWidget()
    assert moved is not focused and page.isAncestorOf(moved)
    top, bottom = _top_and_bottom(page, moved)
    assert top >= 0 and bottom <= view
