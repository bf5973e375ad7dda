"""The app's follow-up compares checks of one person only, and shows the same progress as the
PDF: the change in worry about falling and per part of the home (issue 15 item 6)."""

from __future__ import annotations

import pytest

from homecheck.domain.content import checklist
from homecheck.report.model import build_report
from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.pages.base import ABOUT_ID, CLIENTS_ID, START_ID, SUMMARY_ID
from homecheck.ui.settings import Settings
from tests.ui.helpers import finish_check_for_new_client, first_room

pytestmark = pytest.mark.gui

REFUSED = {
    "en": ("Not the same person", "is for “Mum”, and this check is for “Dad”"),
    "nl": ("Niet dezelfde persoon", "is voor „Mum”, en deze check is voor „Dad”"),
}


def _own_check(make_wizard, label: str) -> int:  # type: ignore[no-untyped-def]
    """A finished check of the own profile "for" ``label``, with three hazards."""
    wizard = make_wizard()
    wizard.start_page.client_edit.setText(label)
    room = first_room(wizard)
    for row in room.rows[:3]:
        row.choices.choose_number(1)
    wizard.ctx.session.set_intake("fesi", [2, 2, 2, 2, 2, 2, 2])
    check_id = wizard.ctx.session.check_id
    assert wizard.ctx.session.assessment.client == label
    wizard.ctx.dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
    wizard.accept()
    wizard.ctx.session.close()
    return check_id


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_follow_up_for_another_name_is_refused_with_a_clear_message(
    make_wizard, dialogs, language: str
) -> None:
    _own_check(make_wizard, "Mum")
    wizard = make_wizard(Settings(language=language))
    start = wizard.start_page
    assert start.mode_radios["followup"].isChecked() and start.client_edit.text() == "Mum"
    start.client_edit.setText("Dad")
    checks = wizard.ctx.session.store.count_checks()
    wizard.next()
    assert wizard.currentId() == START_ID  # nothing started
    assert wizard.ctx.session.store.count_checks() == checks
    [(_, title, text)] = dialogs.named("error")
    assert title == REFUSED[language][0] and REFUSED[language][1] in text
    start.client_edit.setText("  mum ")  # the same person: case and spaces do not matter
    wizard.next()
    assert wizard.currentId() == ABOUT_ID
    assert wizard.ctx.session.previous_id is not None
    assert wizard.ctx.session.followup() is not None


def test_two_own_checks_without_a_name_are_one_person(make_wizard, dialogs) -> None:
    first = _own_check(make_wizard, "")
    wizard = make_wizard()
    wizard.next()
    assert wizard.currentId() == ABOUT_ID and not dialogs.named("error")
    assert wizard.ctx.session.previous_id == first


def test_the_client_page_refuses_an_earlier_check_of_another_name(make_wizard, dialogs) -> None:
    wizard = make_wizard()
    finish_check_for_new_client(wizard, dialogs, "therapist", "Client 7")
    store = Store(database_path())  # an earlier check that carries another person's name
    try:
        with store.transaction() as db:
            db.execute("UPDATE checks SET client_label='Client 8'")
    finally:
        store.close()
    wizard = make_wizard()
    wizard.start_page.role_radios["therapist"].setChecked(True)
    wizard.next()
    page = wizard.clients_page
    assert wizard.currentId() == CLIENTS_ID and page.followup_radio.isChecked()
    checks = wizard.ctx.session.store.count_checks()
    wizard.next()
    assert wizard.currentId() == CLIENTS_ID
    assert wizard.ctx.session.store.count_checks() == checks
    assert page.message.isVisible()
    assert "is for “Client 8”, and this check is for “Client 7”" in page.message.text()


def test_the_summary_shows_the_progress_the_pdf_prints(make_wizard) -> None:
    first = _own_check(make_wizard, "Mum")
    wizard = make_wizard()
    wizard.next()  # follow-up
    session = wizard.ctx.session
    room = first_room(wizard)
    room.rows[0].choices.choose_number(2)  # fixed
    room.rows[1].choices.choose_number(1)  # still open
    session.set_intake("fesi", [1, 1, 1, 2, 1, 2, 2])  # 14 → 10
    wizard.go_to(SUMMARY_ID)
    box = wizard.summary_page.followup
    followup = session.followup()
    assert followup is not None and session.previous_id == first
    model = build_report(checklist(), session.exported(), "en", followup=followup)
    progress = model.progress
    assert progress is not None
    assert progress.fesi == "Worry about falling (Short FES-I): 14 → 10, less than last time."
    assert box.fesi.isVisible() and box.fesi.text() == progress.fesi
    assert progress.areas and box.areas.isVisible()
    assert box.areas.text().splitlines() == [f"– {line}" for line in progress.areas]
    assert box.areas_heading.text() == progress.areas_heading
    # Given another name afterwards: no comparison, and the summary says why.
    session.set_header("self", "Dad", "")
    wizard.summary_page.refresh()
    assert session.followup() is None and box.isVisible()
    assert "is for “Mum”, and this check is for “Dad”" in box.score.text()
    assert not box.fesi.isVisible() and not box.areas.isVisible()
    assert box.heading.text() == f"Not compared with the check of {wizard.ctx.date(followup.since)}"
