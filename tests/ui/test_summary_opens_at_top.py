"""The summary opens at its top: the number of things to do now (and on a follow-up the change
since last time) is in view, and keyboard focus is on a control that can be seen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
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
