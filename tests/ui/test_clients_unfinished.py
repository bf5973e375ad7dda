"""A client whose last check is not finished: the client page offers to go on with it (chosen
beforehand), instead of only "check again" or "a new check", which made a second check beside
the unfinished one with its answers in neither."""

from __future__ import annotations

import pytest

from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.pages.base import CLIENTS_ID
from tests.ui.helpers import choose_role, finish_check_for_new_client, first_room

pytestmark = pytest.mark.gui


def _client_id(page, label: str) -> int:  # type: ignore[no-untyped-def]
    return next(c.id for c in page.client_list.clients if c.label == label)


def _unfinished_check_for(make_wizard, dialogs, label: str) -> int:  # type: ignore[no-untyped-def]
    """A therapist's earlier finished check and a later one stopped halfway, for one client."""
    first = make_wizard()
    finish_check_for_new_client(first, dialogs, "therapist", label)
    second = make_wizard()
    choose_role(second, "therapist")
    second.next()
    page = second.clients_page
    page.client_list.choose(_client_id(page, label))
    page.followup_radio.setChecked(True)
    second.next()
    first_room(second).rows[0].choices.choose_number(2)  # one answer, then stop
    check_id = second.ctx.session.check_id
    assert check_id is not None
    dialogs.default_yes = True
    second.close()
    second.ctx.session.store.close()
    return check_id


def test_an_unfinished_check_is_offered_first_and_goes_on(make_wizard, dialogs) -> None:
    unfinished = _unfinished_check_for(make_wizard, dialogs, "Mrs Jansen")
    wizard = make_wizard()
    choose_role(wizard, "therapist")
    wizard.start_page.new_radio.setChecked(True)  # not "continue" on the start page
    wizard.next()
    assert wizard.currentId() == CLIENTS_ID
    page = wizard.clients_page
    page.client_list.choose(_client_id(page, "Mrs Jansen"))
    store = wizard.ctx.session.store
    before = len(store.list_checks(page.client_list.client_id))
    assert page.resume_radio.isVisible() and page.resume_radio.isChecked()
    assert page.resume_help.isVisible() and "1 question answered" in page.resume_help.text()
    wizard.next()
    session = wizard.ctx.session
    assert session.check_id == unfinished
    assert len(store.list_checks(page.client_list.client_id)) == before  # no second check
    assert len(session.assessment.answers) == 1


def test_a_client_with_only_finished_checks_is_offered_no_such_thing(make_wizard, dialogs) -> None:
    first = make_wizard()
    finish_check_for_new_client(first, dialogs, "therapist", "Mr Bakker")
    wizard = make_wizard()
    choose_role(wizard, "therapist")
    wizard.next()
    page = wizard.clients_page
    page.client_list.choose(_client_id(page, "Mr Bakker"))
    assert not page.resume_radio.isVisible()
    assert page.followup_radio.isChecked()


def test_a_year_old_unfinished_check_is_offered_but_the_follow_up_comes_first(
    make_wizard, dialogs,
) -> None:
    unfinished = _unfinished_check_for(make_wizard, dialogs, "Mrs Jansen")
    store = Store(database_path())  # left a year ago; the home was checked and finished since
    try:
        with store.transaction() as db:
            db.execute("UPDATE checks SET date='2025-12-24' WHERE id=?", (unfinished,))
    finally:
        store.close()
    wizard = make_wizard()
    choose_role(wizard, "therapist")
    wizard.start_page.new_radio.setChecked(True)
    wizard.next()
    page = wizard.clients_page
    page.client_list.choose(_client_id(page, "Mrs Jansen"))
    assert page.resume_radio.isVisible() and not page.resume_radio.isChecked()
    assert "24 December 2025" in page.resume_help.text()
    assert page.followup_radio.isChecked()
    wizard.next()
    session = wizard.ctx.session
    assert session.check_id != unfinished and session.previous_id is not None
    assert unfinished in [c.id for c in session.store.list_checks(page.client_list.client_id)]
