"""Pages come after the first paint; rooms out of sight let go of their rows and lose nothing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from homecheck.ui.pages.base import START_ID, SUMMARY_ID
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.wizard import PREBUILD_DELAY_MS
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait as a person reading the page would: far pages are let go of in that time."""
    qtbot.wait(PREBUILD_DELAY_MS + 100)


def _built_rooms(wizard) -> list[str]:  # type: ignore[no-untyped-def]
    return [area for area, page in wizard.room_pages.items() if page.built]


def test_only_the_start_page_exists_until_the_window_is_painted(make_wizard, qtbot) -> None:
    wizard = make_wizard(show=False)
    assert wizard._later is None
    assert list(wizard._pages) == [START_ID]
    # The side panel lists every step without the pages existing yet.
    assert any(key == "area:kitchen" for _id, key in wizard.side._entries)
    wizard.show()
    qtbot.waitUntil(lambda: wizard._later is not None, timeout=2000)
    assert SUMMARY_ID in wizard._pages and len(wizard._pages) > 10


def test_next_works_even_before_the_other_pages_were_added(make_wizard) -> None:
    wizard = make_wizard(show=False)
    wizard.show()  # no event processed yet: nothing painted, no page added
    assert wizard._later is None and wizard.currentId() == START_ID
    wizard.next()  # validateCurrentPage adds them first
    assert wizard._later is not None and wizard.currentId() != START_ID


def test_far_rooms_let_go_of_their_rows_and_come_back_with_every_answer(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    first_area = room.area.id
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
        # Only this page and the next keep their widgets.
        assert len(_built_rooms(wizard)) <= 2
    assert wizard.currentId() == SUMMARY_ID
    assert not wizard.room_pages[first_area].built
    answered = len(wizard.ctx.session.assessment.answers)
    assert answered == sum(len(p.area.items) for p in wizard.room_pages.values()
                           if wizard.ctx.session.has_area(p.area.id))

    wizard.go_to(wizard.room_pages[first_area].page_id)
    again = wizard.currentPage()
    assert again.built and again.area.id == first_area
    assert again.rows[0].choices.value() == "hazard"
    assert again.rows[0].note_edit.text() == "Mat by the door slides"
    assert again.rows[0].note_edit.isVisibleTo(again)
    assert again.rows[1].choices.value() == "ok"


def test_a_released_room_can_be_released_and_built_again(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    wizard.go_to(SUMMARY_ID)
    _settle(qtbot)
    assert not room.built
    room.release()  # releasing twice is harmless
    row = room.row_for(room.area.items[0].id)
    assert room.built and row is not None and len(room.rows) == len(room.area.items)
    # Rebuilding adds to the page's one layout: no second layout, no stale scroll area.
    assert room.layout().count() == 1


def test_a_rebuilt_room_puts_focus_on_its_first_open_item(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    room.rows[0].choices.choose_number(2)
    open_id = room.rows[1].item.id
    wizard.go_to(SUMMARY_ID)
    _settle(qtbot)
    assert not room.built
    wizard.go_to(room.page_id)  # built again while the page is on screen
    row = room.row_for(open_id)
    assert row is not None and row.isVisible()
    assert QApplication.focusWidget() in row.choices.buttons.values()


def test_about_you_and_your_home_are_released_and_come_back_unchanged(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    wizard.next()
    about = wizard.about_page
    assert wizard.currentPage() is about
    key = next(iter(about.choices))
    about.choices[key].choose_number(1)
    chosen = about.choices[key].value()
    about.goals.setPlainText("Walk to the market again")
    wizard.next()
    home = wizard.home_page
    home.boxes["garden"].setChecked(False)
    wizard.go_to(SUMMARY_ID)
    _settle(qtbot)
    assert not about.built and not home.built
    wizard.go_to(about.page_id)
    assert about.choices[key].value() == chosen
    assert about.goals.toPlainText() == "Walk to the market again"
    wizard.go_to(home.page_id)
    assert home.built and home.boxes["garden"].isChecked() is False
    assert "area:garden" not in [k for _i, k in wizard.side._entries]


def test_the_next_room_is_built_and_laid_out_while_this_one_is_read(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    upcoming = wizard.pages_by_id[wizard.next_id_after(room.page_id)]
    _settle(qtbot)
    assert upcoming.built and not upcoming.isVisible()
    assert upcoming.size() == room.size()
    first = upcoming.rows[0]
    # Laid out at the real width already (a widget never laid out is 100 px wide).
    assert first.width() > room.width() // 2 and first.height() >= first.minimumSizeHint().height()
    wizard.next()
    assert wizard.currentPage() is upcoming and first.isVisible()


def test_module_sources_are_not_kept_in_memory(make_wizard, qtbot) -> None:
    import linecache

    wizard = make_wizard()
    wizard.next()  # loads the other pages' modules; PySide6's hook reads their sources
    _settle(qtbot)
    assert not [name for name in linecache.cache if "homecheck" in name]
