"""Choosing an answer does not move the answers: the tick in front of the chosen one is room
kept on every button, so no button grows and none jumps to another line under the pointer
(at 20 pt the Short FES-I's "3 Quite concerned" jumped to the next line when "2" was chosen)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from homecheck.ui.settings import Settings
from homecheck.ui.widgets.choice import ChoiceButtons

pytestmark = pytest.mark.gui


def test_choosing_an_answer_moves_no_button(make_wizard) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=20))
    wizard.next()  # About you: the Short FES-I's four long answers
    page = wizard.currentPage()
    QApplication.processEvents()
    rows = [c for c in page.findChildren(ChoiceButtons) if c.isVisible() and len(c.values) == 4]
    assert rows
    for row in rows[:3]:
        before = [(b.geometry(), b.width()) for b in row.buttons.values()]
        row.choose_number(2)
        QApplication.processEvents()
        after = [(b.geometry(), b.width()) for b in row.buttons.values()]
        assert after == before
