"""A check deleted in another homecheck window while this one offers it: a plain message, the
offer is taken away, nothing is started and nothing fails."""

from __future__ import annotations

import pytest

from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.pages.base import CLIENTS_ID, START_ID
from tests.ui.helpers import finish_check_for_new_client, first_room

pytestmark = pytest.mark.gui


def _finished_own_check(make_wizard) -> int:  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    first_room(wizard).rows[0].choices.choose_number(1)
    check_id = wizard.ctx.session.check_id
    wizard.ctx.dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
    wizard.accept()
    wizard.ctx.session.close()
    return check_id


def _delete_elsewhere(check_id: int) -> None:
    other = Store(database_path())  # the other window: its own connection
    other.delete_check(check_id)
    other.close()


@pytest.mark.parametrize("mode", ["followup", "review"])
def test_start_page_check_deleted_in_other_window(make_wizard, dialogs, mode) -> None:
    first_id = _finished_own_check(make_wizard)
    wizard = make_wizard()
    start = wizard.start_page
    start.mode_radios[mode].setChecked(True)
    _delete_elsewhere(first_id)
    checks_before = len(wizard.ctx.session.store.list_checks(None))
    wizard.next()
    assert wizard.currentId() == START_ID
    assert dialogs.named("inform")[-1][1] == "This check is no longer here"
    # The offer is gone: only a new check can be started now.
    assert start.base is None and start.mode() == "new"
    assert not start.mode_radios[mode].isVisible()
    assert len(wizard.ctx.session.store.list_checks(None)) == checks_before
    wizard.next()  # and starting anew works
    assert wizard.currentId() > START_ID


def test_start_page_delete_of_a_check_deleted_in_other_window(make_wizard, dialogs) -> None:
    first_id = _finished_own_check(make_wizard)
    wizard = make_wizard()
    start = wizard.start_page
    assert start.delete_button.isVisible()
    _delete_elsewhere(first_id)
    dialogs.default_yes = True
    assert not start.delete_last()  # before: a KeyError, and the offer stayed
    assert dialogs.named("inform")[-1][1] == "This check is no longer here"
    assert start.base is None and start.mode() == "new"
    assert not start.delete_button.isVisible()


@pytest.mark.parametrize("action", ["followup", "open", "delete"])
def test_client_page_check_deleted_in_other_window(make_wizard, dialogs, action) -> None:
    finish_check_for_new_client(make_wizard(), dialogs, "therapist", "Mrs Jansen")
    wizard = make_wizard()
    wizard.start_page.role_radios["therapist"].setChecked(True)
    wizard.next()
    page = wizard.clients_page
    assert wizard.currentId() == CLIENTS_ID and page.base is not None
    _delete_elsewhere(page.base.id)
    if action == "followup":
        assert page.followup_radio.isChecked()
        wizard.next()
    elif action == "open":
        page.open_chosen()
    else:
        dialogs.default_yes = True
        assert not page.delete_chosen_check()
    assert wizard.currentId() == CLIENTS_ID
    assert dialogs.named("inform")[-1][1] == "This check is no longer here"
    assert page.base is None and page.checks == []
    assert not page.followup_radio.isVisible()
