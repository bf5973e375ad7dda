"""Follow-up checks: earlier answers on every item, the comparison, the action log, the PDF."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import Qt

from homecheck.domain.assessment import loads
from homecheck.domain.content import checklist
from homecheck.domain.followup import compare
from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.pages.base import CLIENTS_ID, FINISH_ID, SUMMARY_ID
from tests.ui.helpers import finish_check_for_new_client, first_room

pytestmark = pytest.mark.gui


def _first_check(make_wizard) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    """A finished check of the own profile: items 0-3 hazards, 4 fine; returns the item ids."""
    wizard = make_wizard()
    room = first_room(wizard)
    for row in room.rows[:4]:
        row.choices.choose_number(1)
    room.rows[4].choices.choose_number(2)
    wizard.ctx.session.set_note(room.rows[0].item.id, "loose <b>tile</b>")
    check_id = wizard.ctx.session.check_id
    wizard.ctx.dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
    wizard.accept()
    wizard.ctx.session.close()
    return check_id, [row.item.id for row in room.rows[:5]]


def test_follow_up_shows_earlier_answers_and_compares(make_wizard, dialogs) -> None:
    first_id, items = _first_check(make_wizard)
    wizard = make_wizard()
    start = wizard.start_page
    followup = start.mode_radios["followup"]
    assert followup.isVisible() and followup.isChecked()  # the natural next step
    assert start.mode_radios["review"].isVisible()
    wizard.next()
    session = wizard.ctx.session
    assert session.previous_id == first_id and session.check_id != first_id
    assert session.assessment.answers == {}
    room = first_room(wizard)
    earlier = [row.earlier.text() for row in room.rows[:6]]
    assert all(row.earlier.isVisible() for row in room.rows)
    assert earlier[0].startswith("Last time (") and "Hazard here" in earlier[0]
    assert "Note then: loose <b>tile</b>" in earlier[0]
    assert "Fine" in earlier[4] and "not answered" in earlier[5]
    qt = {row.item.id: row for row in room.rows}
    qt[items[0]].choices.choose_number(2)  # fixed
    qt[items[1]].choices.choose_number(3)  # fixed (not applicable any more)
    qt[items[2]].choices.choose_number(1)  # still open
    # items[3] is not answered: not re-checked
    qt[items[4]].choices.choose_number(1)  # new
    wizard.go_to(SUMMARY_ID)
    box = wizard.summary_page.followup
    assert box.isVisible()
    store = Store(database_path())
    try:
        expected = compare(checklist(), store.load_check(first_id), session.exported())
        stored_now = store.load_check(session.check_id)
    finally:
        store.close()
    assert box.numbers == {"fixed": 2, "still_open": 1, "new": 1, "not_rechecked": 1}
    assert box.numbers == {k: len(getattr(expected, k)) for k in box.numbers}
    assert stored_now.answers.keys() == session.assessment.answers.keys()
    # items[3] was looked at then, not now: the scores are over other points, not compared.
    assert expected.checked is not None and expected.checked.only_before == 1
    assert box.score.text().startswith("Not everything has been checked yet")
    assert f"{expected.score_after} now" not in box.score.text()
    assert "Done or fixed: 2" in box.counts.text()
    assert "Not checked this time: 1" in box.counts.text()


def test_a_resumed_follow_up_still_shows_the_earlier_answers(make_wizard) -> None:
    first_id, _items = _first_check(make_wizard)
    wizard = make_wizard()
    wizard.next()
    first_room(wizard).rows[0].choices.choose_number(2)
    wizard.close()
    wizard.ctx.session.close()
    again = make_wizard()
    assert again.start_page.resume_radio.isChecked()
    assert again.ctx.session.previous_id == first_id
    again.next()
    assert again.currentPage().rows[0].earlier.isVisible()


def test_action_log_round_trip_through_store_and_export(make_wizard, dialogs, tmp_path) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    room.rows[0].choices.choose_number(1)
    room.rows[1].choices.choose_number(1)
    first_id = room.rows[0].item.id
    wizard.go_to(SUMMARY_ID)
    log = wizard.summary_page.action_log
    shown = [row for row in log.rows if row.isVisible()]
    assert len(shown) == 2
    row = next(r for r in shown if r.item_id == first_id)
    assert row.box.accessibleName().startswith("Done:")
    row.box.click()
    session = wizard.ctx.session
    done = session.answer(row.item_id).done
    assert done is not None and "Done on" in row.text.text()
    store = Store(database_path())
    try:
        assert store.load_check(session.check_id).answers[row.item_id].done == done
    finally:
        store.close()
    wizard.go_to(FINISH_ID)
    dialogs.save_paths = [tmp_path / "visit.json"]
    path = wizard.finish_page.save_json()
    assert loads(path.read_text(encoding="utf-8"), checklist()).answers[row.item_id].done == done
    wizard.go_to(SUMMARY_ID)
    row.box.setFocus()
    qt_key = Qt.Key.Key_Space
    from PySide6.QtTest import QTest

    QTest.keyClick(row.box, qt_key)  # the keyboard unticks it
    assert session.answer(row.item_id).done is None and "Done on" not in row.text.text()


def test_done_on_the_last_check_counts_as_fixed(make_wizard) -> None:
    first_id, items = _first_check(make_wizard)
    wizard = make_wizard()
    wizard.start_page.mode_radios["review"].setChecked(True)
    wizard.next()  # opens the last check at its summary
    assert wizard.currentId() == SUMMARY_ID and wizard.ctx.session.check_id == first_id
    row = next(r for r in wizard.summary_page.action_log.rows if r.item_id == items[3])
    row.box.click()
    wizard.ctx.dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
    wizard.accept()
    wizard.ctx.session.close()
    again = make_wizard()
    again.next()  # follow-up; items[3] is not answered again, but it was done
    again.go_to(SUMMARY_ID)
    followup = again.ctx.session.followup()
    assert followup is not None and items[3] in followup.fixed
    assert again.summary_page.followup.numbers["fixed"] == 1


def test_therapist_follow_up_from_the_client_page_and_pdf_gets_it(
    make_wizard, dialogs, tmp_path, monkeypatch
) -> None:
    wizard = make_wizard()
    finish_check_for_new_client(wizard, dialogs, "therapist", "Client 7")

    again = make_wizard()
    assert again.start_page.role() == "therapist"  # the last check was a therapist's
    assert not again.start_page.mode_radios["followup"].isVisible()
    again.next()
    page = again.clients_page
    assert again.currentId() == CLIENTS_ID and page.followup_radio.isVisible()
    assert page.followup_radio.isChecked()
    again.next()
    session = again.ctx.session
    assert session.previous is not None and session.assessment.client == "Client 7"
    calls: list[dict[str, object]] = []
    module = types.ModuleType("homecheck.report.pdf")

    def render_pdf(content, assessment, language=None, paper=None, *, photos=None,  # type: ignore[no-untyped-def]
                   followup=None, large_print=False):
        calls.append({"photos": photos, "followup": followup})
        return b"%PDF-1.4 fake"

    module.render_pdf = render_pdf  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "homecheck.report.pdf", module)
    again.go_to(FINISH_ID)
    dialogs.save_paths = [tmp_path / "list.pdf"]
    assert again.finish_page.save_pdf() is not None
    assert calls[0]["followup"] == session.followup()
    assert callable(calls[0]["photos"])


def test_done_on_the_follow_up_itself_counts_as_fixed_at_once(make_wizard) -> None:
    _first_id, items = _first_check(make_wizard)
    wizard = make_wizard()
    wizard.next()  # check again and compare
    room = first_room(wizard)
    room.rows[0].choices.choose_number(1)  # found again
    wizard.go_to(SUMMARY_ID)
    box = wizard.summary_page.followup
    assert box.numbers["still_open"] == 1 and box.numbers["fixed"] == 0
    row = next(r for r in wizard.summary_page.action_log.rows if r.item_id == items[0])
    row.box.click()  # fixed after this visit found it
    assert box.numbers["still_open"] == 0 and box.numbers["fixed"] == 1
    assert "Done or fixed: 1" in box.counts.text()
    row.box.click()  # unticked: still to do again
    assert box.numbers["still_open"] == 1 and box.numbers["fixed"] == 0
