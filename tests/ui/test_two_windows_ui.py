"""A change made in another homecheck window is shown, not overwritten, and the person is told."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from homecheck.domain.assessment import Answer
from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.pages.room import RoomPage

pytestmark = pytest.mark.gui


def test_answer_changed_in_other_window_is_reloaded_and_told(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    while not isinstance(wizard.currentPage(), RoomPage):
        wizard.next()
    row = wizard.currentPage().rows[0]
    session = wizard.ctx.session
    qtbot.keyClick(row.focus_target(), Qt.Key.Key_1)
    first = session.answer(row.item.id).answer
    other = Store(database_path())  # the other window: its own connection
    theirs = next(v for v in ("hazard", "ok", "na") if v != first)
    other.save_answer(session.check_id, row.item.id, Answer(theirs))
    mine = Qt.Key.Key_2
    qtbot.keyClick(row.focus_target(), mine)  # this window does not know about the other one
    assert dialogs.named("inform"), "the person is told"
    assert session.answer(row.item.id).answer == theirs
    assert row.choices.value() == theirs  # the screen shows what is stored
    assert other.load_check(session.check_id).answers[row.item.id].answer == theirs
    other.close()
