"""The start page opens at its top: the welcome text is read first, not cut off, when the choice
of check (continue, check again, …) has keyboard focus and can be seen from there."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from homecheck.ui.settings import Settings
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("text_size", [14, 20])
def test_after_a_finished_check_the_start_page_opens_at_its_top(make_wizard, dialogs,
                                                            text_size: int) -> None:
    first = make_wizard(Settings(language="nl", text_size=text_size))
    first_room(first).rows[0].choices.choose_number(1)
    first.ctx.dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
    first.accept()
    first.ctx.session.close()

    again = make_wizard(Settings(language="nl", text_size=text_size))
    start = again.start_page
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    assert focused is start.mode_radios["followup"]
    viewport = start.scroller.viewport()
    top_left = focused.mapTo(viewport, focused.rect().topLeft())
    bottom = focused.mapTo(viewport, focused.rect().bottomLeft()).y()
    assert top_left.y() >= 0 and bottom <= viewport.height()  # the choice is in view
    assert start.scroller.verticalScrollBar().value() == 0  # and so is the welcome text
