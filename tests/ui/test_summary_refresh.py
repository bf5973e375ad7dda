"""The summary shows what is stored now: after a change in another window, and when its step in
the side panel is chosen while it is shown (the keyboard then goes into the page)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homecheck.domain.assessment import Answer
from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.pages.base import SUMMARY_ID
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


def _open_items(summary) -> list[str]:  # type: ignore[no-untyped-def]
    return [summary.open_list.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(summary.open_list.count())]


def _on_the_summary_with_one_hazard(make_wizard):  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    room = first_room(wizard)
    room.rows[0].choices.choose_number(1)
    wizard.go_to(SUMMARY_ID)
    return wizard, room.rows[0].item.id, room.rows[1].item.id


def test_a_change_in_another_window_shows_on_the_summary(make_wizard, dialogs) -> None:
    wizard, first, second = _on_the_summary_with_one_hazard(make_wizard)
    summary = wizard.summary_page
    assert second in _open_items(summary)
    other = Store(database_path())  # the other window answers the second question
    other.save_answer(wizard.ctx.session.check_id, second, Answer("hazard"))
    other.close()
    row = next(r for r in summary.action_log.rows if r.item_id == first)
    row.box.setChecked(True)  # this window does not know: it is told and shows what is stored
    assert dialogs.named("inform")
    assert second not in _open_items(summary)
    shown = [r.item_id for r in summary.action_log.rows if r.isVisibleTo(summary)]
    assert first in shown and second in shown
    assert not row.box.isChecked()  # the tick was not saved


def test_choosing_the_summary_step_while_on_the_summary_goes_into_it(make_wizard) -> None:
    wizard, _first, _second = _on_the_summary_with_one_hazard(make_wizard)
    summary = wizard.summary_page
    steps = wizard.side.steps
    steps.setFocus(Qt.FocusReason.OtherFocusReason)
    entry = next(steps.item(n) for n in range(steps.count())
                 if steps.item(n).data(Qt.ItemDataRole.UserRole) == SUMMARY_ID)
    before = summary.open_list.count()
    wizard.ctx.session.set_answer(summary.open_list.item(0).data(Qt.ItemDataRole.UserRole), "ok")
    steps.itemActivated.emit(entry)  # Enter on the step
    assert wizard.currentId() == SUMMARY_ID
    assert summary.open_list.count() == before - 1  # shown afresh
    # Out of the side list, onto the page's first line (test_summary_opens_at_top.py).
    assert QApplication.focusWidget() is summary.now_label


def test_with_nothing_checked_the_summary_does_not_say_no_hazards_were_found(
    make_wizard,
) -> None:
    wizard = make_wizard()
    wizard.next()  # about you: a fall, so there is something to do for the person
    wizard.ctx.session.set_intake("falls_past_year", 2)
    wizard.go_to(SUMMARY_ID)
    summary = wizard.summary_page
    assert "No hazards found" not in summary.actions_help.text()
    assert summary.actions_help.text().startswith("Nothing in the home has been checked yet")
    room = next(iter(wizard.room_pages.values()))
    wizard.go_to(room.page_id)
    room.rows[0].choices.choose_number(2)  # fine
    wizard.go_to(SUMMARY_ID)
    assert summary.actions_help.text() == "No hazards found. Keep it that way!"
    room.rows[1].choices.choose_number(1)  # a hazard
    wizard.go_to(SUMMARY_ID)
    assert summary.actions_help.text().startswith("Tick what has been done")



def test_ticking_an_action_done_updates_the_counts_at_the_top_at_once(make_wizard) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    room.rows[0].choices.choose_number(1)
    wizard.go_to(SUMMARY_ID)
    summary = wizard.summary_page
    before = (summary.now_label.text(), summary.counts.text())
    row = next(r for r in summary.action_log.rows if r.item_id == room.rows[0].item.id)
    row.box.setFocus(Qt.FocusReason.TabFocusReason)
    row.box.setChecked(True)
    # The page still shown says what is stored now: one open action fewer, not the number
    # from before the tick (which used to stay until the page was left and shown again).
    shown = (summary.now_label.text(), summary.counts.text())
    assert shown != before
    summary.refresh()
    assert (summary.now_label.text(), summary.counts.text()) == shown
    assert QApplication.focusWidget() is row.box  # the keyboard stays where it was


def test_a_check_stopped_halfway_does_not_only_say_there_is_nothing_to_do(make_wizard) -> None:
    """One question answered, "fine": the large first line says nothing must be done this week;
    right under it the summary says that most questions are still open, so that nobody reads
    "nothing to do" as "the home was checked and is fine"."""
    wizard = make_wizard()
    room = first_room(wizard)
    room.rows[0].choices.choose_number(2)  # fine
    wizard.go_to(SUMMARY_ID)
    summary = wizard.summary_page
    assert summary.now_label.text() == "Nothing that must be done this week"
    open_count = summary.open_list.count()
    assert open_count > 50
    assert summary.not_checked.isVisible()
    assert str(open_count) in summary.not_checked.text()
    # Right under the first line, before the next step.
    layout = summary.now_label.parentWidget().layout()
    assert layout.indexOf(summary.not_checked) == layout.indexOf(summary.now_label) + 1
    # Every question answered: the line goes.
    session = wizard.ctx.session
    for area in wizard.ctx.checklist.areas:
        if session.has_area(area.id):
            for item in area.items:
                session.set_answer(item.id, "ok")
    summary.refresh()
    assert not summary.not_checked.isVisible()
