"""Notes per item: plain text of any length and any characters, typed or pasted, kept exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from homecheck.domain.textrules import MAX_NOTE
from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.widgets.note_edit import MAX_LINES, MIN_LINES
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui

# Right-to-left scripts, emoji (with skin tone and joiners), a combining accent, CJK, a
# no-break space, a line separator, a tab, markup that must stay text, and a NUL.
PIECES = (
    "שלום, זו הערה ", "ملاحظة طويلة ", "😀👍🏽👩‍👩‍👧 ", "e\u0301 ", "中文 ",
    "a\u00a0b ", "x\u2028y ", "\tindented ", "<b>not bold</b> &amp; ", "\x00 ",
)


def _long_note(length: int) -> str:
    lines, size, n = [], 0, 0
    while size < length:
        line = f"{n}: " + PIECES[n % len(PIECES)] * 3
        lines.append(line)
        size += len(line) + 1
        n += 1
    return "\n".join(lines)[:length]


def _type(widget: QWidget, text: str) -> None:
    """Type any text, one key event per character (QTest.keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def _open_note(qtbot, row) -> None:  # type: ignore[no-untyped-def]
    row.note_button.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(row.note_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: row.note_edit.hasFocus())


def test_a_long_note_in_any_script_is_kept_exactly(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    page = first_room(wizard)
    row = page.rows[0]
    qtbot.keyClick(row.focus_target(), Qt.Key.Key_1)
    _open_note(qtbot, row)
    _type(row.note_edit, "Mat ligt los – מחצלת 😀")
    qtbot.keyClick(row.note_edit, Qt.Key.Key_Return)  # a new line, not Next
    assert wizard.currentPage() is page
    typed = "Mat ligt los – מחצלת 😀\n"
    pasted = _long_note(MAX_NOTE - len(typed))  # exactly fills the note
    assert pasted.count("\n") > 200
    QApplication.clipboard().setText(pasted)
    qtbot.keyClick(row.note_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    expected = typed + pasted
    assert len(expected) == MAX_NOTE and dialogs.named("inform") == []

    session = wizard.ctx.session
    item_id, check_id = row.item.id, session.check_id
    assert session.answer(item_id).note == expected
    store = Store(database_path())
    try:
        assert store.load_check(check_id).answers[item_id].note == expected
    finally:
        store.close()
    # Long text scrolls inside a box of a few lines; the page does not grow with it.
    metrics = row.note_edit.fontMetrics()
    assert row.note_edit.height() <= (MAX_LINES + 2) * metrics.lineSpacing()
    wizard.close()
    session.store.close()

    again = make_wizard()
    assert again.start_page.resume_radio.isChecked()
    assert again.ctx.session.check_id == check_id
    room = again.room_pages[page.area.id]
    room.ensure_built()
    shown = room.rows[0]
    assert shown.note_button.isChecked() and not shown.note_edit.isHidden()
    assert shown.note_edit.text() == expected
    assert again.ctx.session.answer(item_id).note == expected  # showing it wrote nothing else


def test_digits_are_text_in_the_note_and_answers_elsewhere(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    page = first_room(wizard)
    row = page.rows[0]
    session = wizard.ctx.session
    qtbot.keyClick(row.focus_target(), Qt.Key.Key_1)
    assert session.answer(row.item.id).answer == "hazard"
    _open_note(qtbot, row)
    qtbot.keyClicks(row.note_edit, "2 of 3")
    assert session.answer(row.item.id).answer == "hazard"
    assert session.answer(row.item.id).note == "2 of 3"
    # On the note button (not in the box) a digit answers the row and types nothing.
    row.note_button.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(row.note_button, Qt.Key.Key_2)
    assert session.answer(row.item.id).answer == "ok"
    assert row.note_edit.text() == session.answer(row.item.id).note == "2 of 3"
    # Tab leaves the box instead of typing a tab.
    row.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(row.note_edit, Qt.Key.Key_Tab)
    assert not row.note_edit.hasFocus()
    assert session.answer(row.item.id).note == "2 of 3"


def test_the_note_box_is_three_lines_high_and_grows_a_little(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    row = first_room(wizard).rows[0]
    row.choices.choose_number(1)
    row.note_button.click()
    QApplication.processEvents()
    edit = row.note_edit
    line = edit.fontMetrics().lineSpacing()
    empty = edit.height()
    assert empty >= 44 and empty >= MIN_LINES * line
    edit.setPlainText("\n".join(str(n) for n in range(5)))
    QApplication.processEvents()
    assert edit.height() > empty
    edit.setPlainText("\n".join(str(n) for n in range(50)))
    QApplication.processEvents()
    tallest = edit.height()
    assert MAX_LINES * line <= tallest < (MAX_LINES + 2) * line
    assert edit.verticalScrollBar().maximum() > 0  # the rest scrolls
    assert wizard.ctx.session.answer(row.item.id).note.count("\n") == 49
    for _ in range(3):  # larger text: the same lines need more room
        wizard.side.larger_button.click()
    QApplication.processEvents()
    assert edit.fontMetrics().lineSpacing() > line
    assert edit.height() >= MAX_LINES * edit.fontMetrics().lineSpacing() > tallest


def test_the_area_note_keeps_every_character_too(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    text = "a\u00a0b\u2028c\nשלום 😀\t<i>x</i>"
    QApplication.clipboard().setText(text)
    room.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(room.note_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert wizard.ctx.session.assessment.area_notes[room.area.id] == text


def test_a_note_stops_at_its_maximum_and_says_so(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    row = first_room(wizard).rows[0]
    qtbot.keyClick(row.focus_target(), Qt.Key.Key_1)
    _open_note(qtbot, row)
    _type(row.note_edit, "Begin ")
    QApplication.clipboard().setText(_long_note(MAX_NOTE))  # more than fits
    qtbot.keyClick(row.note_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    note = wizard.ctx.session.answer(row.item.id).note
    assert len(note) == MAX_NOTE and note.startswith("Begin ")
    assert len(dialogs.named("inform")) == 1
    _type(row.note_edit, "x")  # full: nothing is added, and it is said again
    assert wizard.ctx.session.answer(row.item.id).note == note
    assert len(dialogs.named("inform")) == 2
    assert "20" in dialogs.named("inform")[0][2]
