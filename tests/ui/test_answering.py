"""Answering in a room: focus moves on after every answer, answers can be cleared and undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homecheck.ui.pages.base import SUMMARY_ID
from tests.ui.helpers import first_room
from tests.ui.test_photos_ui import _jpeg_with_gps

pytestmark = pytest.mark.gui


def _focused_row(room):  # type: ignore[no-untyped-def]
    widget = QApplication.focusWidget()
    return next((row for row in room.rows if row.isAncestorOf(widget)), None)


def test_a_click_on_an_answer_moves_focus_to_the_next_question(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    qtbot.mouseClick(room.rows[0].choices.buttons["ok"], Qt.MouseButton.LeftButton)
    assert wizard.ctx.session.answer(room.rows[0].item.id).answer == "ok"
    assert _focused_row(room) is room.rows[1]
    # The next digit answers the next question, never the one just clicked.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert wizard.ctx.session.answer(room.rows[0].item.id).answer == "ok"
    assert wizard.ctx.session.answer(room.rows[1].item.id).answer == "hazard"


def test_adding_a_photo_moves_focus_to_the_next_question(
    make_wizard, dialogs, qtbot, tmp_path
) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    row = room.rows[0]
    row.choices.choose_number(1)
    row.photo_button.setFocus()
    dialogs.open_paths = [_jpeg_with_gps(tmp_path / "IMG_0001.jpg")]
    qtbot.keyClick(row.photo_button, Qt.Key.Key_Space)
    assert len(wizard.ctx.session.answer(row.item.id).photos) == 1
    assert _focused_row(room) is room.rows[1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert wizard.ctx.session.answer(row.item.id).answer == "hazard"  # not flipped


def test_focus_scrolls_the_next_question_into_view(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    wizard.resize(900, 560)
    room = first_room(wizard)
    viewport = room.scroller.viewport()
    for row in room.rows[:-1]:
        qtbot.mouseClick(row.choices.buttons["ok"], Qt.MouseButton.LeftButton)
        focused = QApplication.focusWidget()
        assert viewport.isAncestorOf(focused)
        top_left = focused.mapTo(viewport, focused.rect().topLeft())
        bottom = focused.mapTo(viewport, focused.rect().bottomLeft()).y()
        assert top_left.y() >= 0 and bottom <= viewport.height(), focused.text()


def test_an_answer_can_be_cleared_with_a_button_or_the_delete_key(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    row = room.rows[0]
    assert not row.clear_button.isVisibleTo(row)  # nothing to clear yet
    row.choices.choose_number(1)
    assert row.clear_button.isVisibleTo(row) and row.clear_button.text()
    row.clear_button.click()
    assert wizard.ctx.session.answer(row.item.id) is None
    assert row.choices.value() is None
    assert wizard.ctx.session.progress(room.area.id)[0] == 0
    row.choices.choose_number(2)
    row.focus_target().setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert wizard.ctx.session.answer(row.item.id) is None
    assert row.choices.value() is None


def test_ctrl_z_undoes_the_last_answer_change_across_pages(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    row = room.rows[0]
    item_id = row.item.id
    row.choices.choose_number(1)
    row.note_button.setChecked(True)
    row.note_edit.setPlainText("Rug slides")
    row.focus_target().setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)  # changed to "fine"
    wizard.go_to(SUMMARY_ID)
    target = QApplication.focusWidget() or wizard
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # Back on the room, the answer is "hazard" again, the note kept, and the row marked.
    assert wizard.currentPage() is room
    answer = wizard.ctx.session.answer(item_id)
    assert answer is not None and answer.answer == "hazard" and answer.note == "Rug slides"
    assert row.choices.value() == "hazard"
    assert row.property("changed") is True
    assert _focused_row(room) is row
    # Once more: the first answer is taken back too (the item is unanswered again).
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert wizard.ctx.session.answer(item_id) is None
    assert not wizard.undo.can_undo()


def test_undo_brings_back_a_cleared_answer_with_its_note(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    row = room.rows[0]
    row.choices.choose_number(1)
    row.note_edit.setPlainText("Loose tile")
    row.clear_button.click()
    assert wizard.ctx.session.answer(row.item.id) is None
    assert wizard.undo_answer()
    answer = wizard.ctx.session.answer(row.item.id)
    assert answer is not None and (answer.answer, answer.note) == ("hazard", "Loose tile")


def test_ctrl_z_in_a_note_undoes_the_typing_not_the_answer(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    row = room.rows[0]
    row.choices.choose_number(1)
    edit = room.note_edit  # the area note
    edit.setFocus()
    qtbot.keyClicks(edit, "Dark hall")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() != "Dark hall"
    assert wizard.ctx.session.answer(row.item.id).answer == "hazard"  # untouched


def test_a_changed_answer_is_marked_for_a_moment(make_wizard, qtbot) -> None:
    from homecheck.ui.widgets.answer_row import CHANGED_MARK_MS

    wizard = make_wizard()
    room = first_room(wizard)
    row = room.rows[0]
    assert row.property("changed") is False
    row.choices.choose_number(1)
    assert row.property("changed") is True
    qtbot.waitUntil(lambda: row.property("changed") is False, timeout=CHANGED_MARK_MS + 2000)
    row.note_edit.setPlainText("only the note")  # a note is not an answer change
    assert row.property("changed") is False


def test_keyboard_users_reach_the_area_note(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    for row in room.rows:
        row.focus_target().setFocus()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    next_button = wizard.button(wizard.WizardButton.NextButton)
    assert QApplication.focusWidget() is next_button  # Enter goes on
    for _ in range(2):  # Back, then the area note
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                       Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is room.note_edit
    qtbot.keyClick(room.note_edit, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is next_button
