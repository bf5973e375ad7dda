"""Alt+O (Note), Alt+W (Why) and Alt+F (Photo) act on the question at hand: the one with keyboard
focus, or, when that one is not answered yet, the one just answered. With several answered
questions on a page, Alt+O used to go to the first question's Note, and only put focus there,
so that the words typed next went nowhere and a space opened that note instead."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


def _alt(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)


def test_the_note_shortcut_opens_the_note_of_the_question_just_answered(make_wizard,
                                                                        qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    for number, row in zip((1, 2, 2, 1), room.rows[:4], strict=True):
        qtbot.keyClick(row.focus_target(), getattr(Qt.Key, f"Key_{number}"))
    assert room.rows[4].isAncestorOf(QApplication.focusWidget())  # focus moved on to the 5th
    _alt(qtbot, Qt.Key.Key_O)  # "N&ote" (Qt clicks a button's Alt+letter a moment later)
    qtbot.waitUntil(room.rows[3].note_button.isChecked)  # the 4th, just answered: its note
    assert not room.rows[0].note_button.isChecked()
    qtbot.keyClicks(QApplication.focusWidget(), "Wobbly doormat")
    answer = wizard.ctx.session.answer(room.rows[3].item.id)
    assert answer is not None and answer.note == "Wobbly doormat"


def test_on_an_answered_question_the_shortcuts_are_its_own(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    for row in room.rows[:3]:
        qtbot.keyClick(row.focus_target(), Qt.Key.Key_1)
    room.rows[1].focus_target().setFocus()  # back on the 2nd question
    QApplication.processEvents()
    _alt(qtbot, Qt.Key.Key_W)  # "&Why, and what can I do?"
    qtbot.waitUntil(room.rows[1].why_button.isChecked)
    assert not room.rows[0].why_button.isChecked() and not room.rows[2].why_button.isChecked()
