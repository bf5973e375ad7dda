"""Issue 17: one documented maximum per free text (homecheck/domain/textrules.py), the same in
the reader of check files and in every box where the text is typed; a box stops at it while
typing or pasting, says so, and never cuts off what was already there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit

from homecheck.domain import assessment as fmt
from homecheck.domain.assessment import Assessment
from homecheck.domain.content import checklist
from homecheck.domain.textrules import MAX_INTAKE_TEXT, MAX_LABEL, MAX_NOTE
from homecheck.ui.dialogs import QtDialogs
from tests.ui.helpers import choose_role, first_room

pytestmark = pytest.mark.gui


def test_the_label_boxes_take_what_the_reader_takes(make_wizard, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    start = wizard.start_page
    start.ensure_built()
    assert start.client_edit.maxLength() == MAX_LABEL
    assert start.assessor_edit.maxLength() == MAX_LABEL
    # The client list's "Add" and "Rename" box too (the real dialog, its line edit read back).
    seen: list[int] = []

    def answer(dialog) -> int:  # type: ignore[no-untyped-def]
        seen.append(dialog.findChild(QLineEdit).maxLength())
        return 0

    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "exec", answer)
    QtDialogs().ask_text(None, "t", "label", "")
    assert seen == [MAX_LABEL]
    # The longest label a file may hold is typed in full, and a file holding it is valid.
    label = "Mevrouw " * (MAX_LABEL // 8)
    start.client_edit.setText(label + "more")
    assert start.client_edit.text() == label[:MAX_LABEL]
    fmt.loads(fmt.dumps(Assessment.new(checklist(), client=label[:MAX_LABEL])), checklist())
    with pytest.raises(fmt.FormatError):
        fmt.loads(fmt.dumps(Assessment.new(checklist(), client="x" * (MAX_LABEL + 1))),
                  checklist())  # fmt: skip


def _paste_at_start(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    QApplication.clipboard().setText(text)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_the_goals_box_stops_while_typing_and_keeps_what_was_there(
    qtbot, make_wizard, dialogs  # type: ignore[no-untyped-def]
) -> None:
    wizard = make_wizard()
    choose_role(wizard, "self")
    wizard.next()  # about you
    page = wizard.about_page
    session = wizard.ctx.session
    before = "Weer zelf boodschappen doen. " * ((MAX_INTAKE_TEXT - 10) // 29) + "EINDE"
    page.goals.setPlainText(before)
    assert session.assessment.intake["goals"] == before
    _paste_at_start(qtbot, page.goals, "0123456789" * 10)  # more than the room left
    goals = session.assessment.intake["goals"]
    assert len(goals) == MAX_INTAKE_TEXT
    assert goals.endswith("EINDE")  # before: the end was cut off to make it fit
    assert goals.startswith("0123456789"[: MAX_INTAKE_TEXT - len(before)])
    (told,) = dialogs.named("inform")
    assert told[2].startswith("The goals can hold at most 5,000 characters")


def test_the_area_note_stops_while_typing_and_keeps_what_was_there(
    qtbot, make_wizard, dialogs  # type: ignore[no-untyped-def]
) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    session = wizard.ctx.session
    before = "x" * (MAX_NOTE - 3) + "END"
    room.note_edit.setPlainText(before)
    _paste_at_start(qtbot, room.note_edit, "abcdef")
    note = session.assessment.area_notes[room.area.id]
    assert len(note) == MAX_NOTE and note.endswith("END")
    assert len(dialogs.named("inform")) == 1
