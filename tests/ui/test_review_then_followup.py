"""A finished check opened to look at it (review): the follow-up can start from there at once,
and Stop and Finish say what is true for a check that was finished already."""

from __future__ import annotations

import pytest

from homecheck.ui.pages.base import CLIENTS_ID, START_ID, SUMMARY_ID
from homecheck.ui.pages.room import RoomPage
from tests.ui.helpers import choose_role, finish_check_for_new_client, first_room

pytestmark = pytest.mark.gui


def _review_first_visit(make_wizard, dialogs):  # type: ignore[no-untyped-def]
    """A therapist with two finished visits to "Mevr. A" opens the first one again."""
    finish_check_for_new_client(make_wizard(), dialogs, "therapist", "Mevr. A")
    wizard = make_wizard()
    choose_role(wizard, "therapist")
    wizard.next()
    page = wizard.clients_page
    page.client_list.choose(next(c.id for c in page.client_list.clients if c.label == "Mevr. A"))
    assert page.followup_radio.isChecked()
    wizard.next()  # the follow-up of the first visit: the second visit
    first_room(wizard).rows[1].choices.choose_number(1)
    dialogs.yes_no.insert(0, False)
    wizard.accept()
    second = wizard.ctx.session.check_id
    checks = [c.id for c in page.checks]
    assert len(checks) == 2 and checks[0] == second
    page.checks_list.setCurrentRow(1)  # the first visit
    page.open_chosen()
    assert wizard.currentId() == SUMMARY_ID
    assert wizard.ctx.session.check_id == checks[1]
    return wizard, page, second


def test_the_client_page_offers_the_follow_up_of_a_reviewed_check(make_wizard, dialogs) -> None:
    wizard, page, second = _review_first_visit(make_wizard, dialogs)
    session = wizard.ctx.session
    reviewed = session.check_id
    assert session.reviewing
    wizard.go_to(CLIENTS_ID)
    assert page.followup_button.isVisible() and page.new_button.isVisible()
    assert not page.followup_radio.isVisible()  # Next still goes on with the reviewed check
    page.followup_button.click()
    assert isinstance(wizard.currentPage(), RoomPage) or wizard.currentId() > CLIENTS_ID
    assert session.check_id not in (reviewed, second)
    assert session.previous_id == second  # compared with the last visit, not the one looked at
    assert session.assessment.client == "Mevr. A" and not session.reviewing


def test_a_new_empty_check_can_start_from_a_reviewed_check(make_wizard, dialogs) -> None:
    wizard, page, second = _review_first_visit(make_wizard, dialogs)
    reviewed = wizard.ctx.session.check_id
    wizard.go_to(CLIENTS_ID)
    page.new_button.click()
    session = wizard.ctx.session
    assert session.check_id not in (reviewed, second)
    assert session.previous_id is None and session.assessment.answers == {}
    assert session.assessment.client == "Mevr. A"
    assert wizard.currentId() > CLIENTS_ID


def test_back_and_next_on_a_reviewed_check_start_nothing(make_wizard, dialogs) -> None:
    wizard, _page, _second = _review_first_visit(make_wizard, dialogs)
    reviewed = wizard.ctx.session.check_id
    wizard.go_to(CLIENTS_ID)
    wizard.next()
    assert wizard.ctx.session.check_id == reviewed


def test_stop_on_a_reviewed_check_promises_nothing_to_continue(make_wizard, dialogs) -> None:
    wizard, _page, _second = _review_first_visit(make_wizard, dialogs)
    dialogs.yes_no.insert(0, False)
    wizard.reject()
    asked = [c for c in dialogs.calls if c[0] == "ask_yes_no"][-1]
    assert "go on where you stopped" not in asked[2]
    assert "finished" in asked[2]


def test_the_save_page_of_a_reviewed_check_says_it_is_finished_already(
    make_wizard, dialogs
) -> None:
    wizard, _page, _second = _review_first_visit(make_wizard, dialogs)
    wizard.next()
    help_text = wizard.finish_page.done_help.text()
    assert "finished already" in help_text
    assert "next person" in help_text  # what Finish does for a therapist


def test_the_save_page_of_a_check_under_way_asks_to_finish_it(make_wizard, dialogs) -> None:
    wizard = make_wizard()
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.go_to(SUMMARY_ID)
    wizard.next()
    assert "finished already" not in wizard.finish_page.done_help.text()


def _review_own_last_check(make_wizard, dialogs):  # type: ignore[no-untyped-def]
    """A person finished a check of her own home, and opens it again to tick things off."""
    wizard = make_wizard()
    first_room(wizard).rows[0].choices.choose_number(1)
    first = wizard.ctx.session.check_id
    dialogs.yes_no.insert(0, False)
    wizard.accept()
    wizard.ctx.session.close()
    wizard = make_wizard()
    wizard.start_page.mode_radios["review"].setChecked(True)
    wizard.next()
    assert wizard.currentId() == SUMMARY_ID and wizard.ctx.session.reviewing
    assert wizard.ctx.session.check_id == first
    return wizard, first


def test_the_start_page_offers_the_follow_up_of_the_own_reviewed_check(
    make_wizard, dialogs
) -> None:
    wizard, first = _review_own_last_check(make_wizard, dialogs)
    wizard.go_to(START_ID)
    start = wizard.start_page
    assert start.mode_radios["followup"].isVisible()
    assert start.mode_radios["review"].isChecked()  # Next goes on looking, as before
    assert not start.mode_radios["resume"].isVisible() and not start.delete_button.isVisible()
    start.mode_radios["followup"].setChecked(True)
    wizard.next()
    session = wizard.ctx.session
    assert session.check_id != first and session.previous_id == first
    assert not session.reviewing and wizard.currentId() > START_ID


def test_back_to_the_start_page_and_on_keeps_the_own_reviewed_check(make_wizard, dialogs) -> None:
    wizard, first = _review_own_last_check(make_wizard, dialogs)
    wizard.go_to(START_ID)
    wizard.next()
    assert wizard.ctx.session.check_id == first and wizard.ctx.session.reviewing


def test_the_save_page_of_the_own_reviewed_check_says_homecheck_closes(
    make_wizard, dialogs
) -> None:
    wizard, _first = _review_own_last_check(make_wizard, dialogs)
    wizard.next()
    assert "finished already" in wizard.finish_page.done_help.text()
    assert "close homecheck" in wizard.finish_page.done_help.text()


def test_the_save_page_of_the_own_reviewed_check_starts_the_follow_up(make_wizard, dialogs) -> None:
    wizard, first = _review_own_last_check(make_wizard, dialogs)
    wizard.next()
    button = wizard.finish_page.followup_button
    assert button.isVisible()
    button.click()
    session = wizard.ctx.session
    assert session.check_id != first and session.previous_id == first
    assert not session.reviewing and wizard.currentId() > START_ID
    assert wizard.currentId() < SUMMARY_ID  # at the first page of the new check


def test_the_save_page_of_a_check_just_filled_in_has_no_follow_up_button(
    make_wizard, dialogs
) -> None:
    wizard = make_wizard()
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.go_to(SUMMARY_ID)
    wizard.next()
    assert not wizard.finish_page.followup_button.isVisible()


def test_a_reviewed_client_with_a_check_under_way_can_go_on_with_it(make_wizard, dialogs) -> None:
    wizard, page, second = _review_first_visit(make_wizard, dialogs)
    session = wizard.ctx.session
    reviewed = session.check_id
    wizard.go_to(CLIENTS_ID)
    page.followup_button.click()  # a third visit, stopped halfway
    first_room(wizard).rows[0].choices.choose_number(1)
    third = session.check_id
    wizard.go_to(CLIENTS_ID)
    page.choose_another()
    page.checks_list.setCurrentRow([c.id for c in page.checks].index(reviewed))
    page.open_chosen()
    assert session.check_id == reviewed and session.reviewing
    wizard.go_to(CLIENTS_ID)
    assert page.resume_button.isVisible()  # rather than a fourth check beside the third
    page.resume_button.click()
    assert session.check_id == third and not session.reviewing
    assert wizard.currentId() > CLIENTS_ID
    assert len(page.checks) == 3 and second in [c.id for c in page.checks]


def test_screen_readers_hear_what_stop_does_for_a_reviewed_check(make_wizard, dialogs) -> None:
    from PySide6.QtWidgets import QWizard

    wizard, page, _second = _review_first_visit(make_wizard, dialogs)
    stop = wizard.button(QWizard.WizardButton.CancelButton)
    assert "finished already" in stop.accessibleDescription()
    wizard.go_to(CLIENTS_ID)
    page.followup_button.click()
    assert "go on where you stopped" in stop.accessibleDescription()
