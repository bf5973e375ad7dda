"""Every page exists from the start, builds its widgets on first view and keeps them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from homecheck.ui.pages.base import START_ID, SUMMARY_ID
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.wizard import PREBUILD_DELAY_MS
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait as a person reading the page would: the next page is built in that time."""
    qtbot.wait(PREBUILD_DELAY_MS + 100)


def test_every_page_exists_before_the_window_shows_and_only_the_first_is_built(
    make_wizard,
) -> None:
    wizard = make_wizard(show=False)
    ids = set(wizard.pageIds())
    assert ids == set(wizard.pages_by_id)
    assert {START_ID, SUMMARY_ID, *(p.page_id for p in wizard.room_pages.values())} <= ids
    assert not any(page.built for page in wizard.pages_by_id.values())
    wizard.show()
    assert [page for page in wizard.pages_by_id.values() if page.built] == [wizard.start_page]
    wizard.next()  # Next works at once, nothing is added later
    assert wizard.currentId() != START_ID and wizard.currentPage().built


def test_a_room_keeps_its_widgets_and_answers_when_left_and_shown_again(
    make_wizard, qtbot
) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    first_area = room.area.id
    rows = list(room.rows)
    room.rows[0].choices.choose_number(1)
    room.rows[0].note_edit.setPlainText("Mat by the door slides")
    room.rows[1].choices.choose_number(2)
    while isinstance(wizard.currentPage(), RoomPage):
        page = wizard.currentPage()
        for row in page.rows:
            if row.choices.value() is None:
                row.choices.choose_number(3)
        wizard.next()
        _settle(qtbot)
    assert wizard.currentId() == SUMMARY_ID
    assert room.built and room.rows == rows  # the same widgets, not made again

    wizard.go_to(wizard.room_pages[first_area].page_id)
    assert wizard.currentPage() is room
    assert room.rows[0].choices.value() == "hazard"
    assert room.rows[0].note_edit.text() == "Mat by the door slides"
    assert room.rows[1].choices.value() == "ok"


def test_a_note_keeps_its_own_undo_history_after_going_away_and_back(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    edit = room.note_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Loose rug")
    wizard.go_to(SUMMARY_ID)
    _settle(qtbot)
    wizard.go_to(room.page_id)
    assert room.note_edit is edit
    assert edit.document().isUndoAvailable()
    edit.undo()
    assert edit.toPlainText() != "Loose rug"


def test_a_revisited_room_puts_focus_on_its_first_open_item(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    room.rows[0].choices.choose_number(2)
    open_id = room.rows[1].item.id
    wizard.go_to(SUMMARY_ID)
    _settle(qtbot)
    wizard.go_to(room.page_id)
    row = room.row_for(open_id)
    assert row is not None and row.isVisible()
    assert QApplication.focusWidget() in row.choices.buttons.values()


def test_the_next_page_is_built_while_this_one_is_read(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    upcoming = wizard.pages_by_id[wizard.next_id_after(room.page_id)]
    _settle(qtbot)
    assert upcoming.built and not upcoming.isVisible()
    wizard.next()
    assert wizard.currentPage() is upcoming and upcoming.rows[0].isVisible()
