"""Back to the start page, another "who fills in this check?", Next: the check takes the new role,
in the store and on the PDF, whatever the first choice and however the check was started."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from homecheck.report.pdf import render_pdf
from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.pages.base import ABOUT_ID, CLIENTS_ID, START_ID
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui

SAID = {"self": "Filled in by: you", "therapist": "Filled in by: a therapist",
        "caregiver": "Filled in by: a caregiver"}


def _back_to_start(wizard) -> None:  # type: ignore[no-untyped-def]
    while wizard.currentId() != START_ID:
        wizard.back()


def _on_past_the_client_page(wizard) -> None:  # type: ignore[no-untyped-def]
    wizard.next()
    while wizard.currentId() == CLIENTS_ID:
        wizard.next()
    assert wizard.currentId() == ABOUT_ID


def _assert_role(wizard, role: str) -> None:  # type: ignore[no-untyped-def]
    store = Store(database_path())
    try:
        stored = store.load_check(wizard.ctx.session.check_id)
    finally:
        store.close()
    assert wizard.ctx.session.assessment.role == role
    assert stored.role == role
    document = pdfium.PdfDocument(render_pdf(wizard.ctx.checklist, stored, language="en"))
    try:
        text = " ".join(
            " ".join(page.get_textpage().get_text_range().split()) for page in document
        )
    finally:
        document.close()
    assert SAID[role] in text
    assert not [said for other, said in SAID.items() if other != role and said in text]


@pytest.mark.parametrize(
    ("first", "then"),
    [("self", "therapist"), ("self", "caregiver"), ("therapist", "self"),
     ("caregiver", "self"), ("therapist", "caregiver"), ("caregiver", "therapist")],
)
def test_a_changed_role_is_the_checks_role(make_wizard, dialogs, first: str, then: str) -> None:
    wizard = make_wizard()
    wizard.start_page.role_radios[first].setChecked(True)
    wizard.next()
    if wizard.currentId() == CLIENTS_ID:
        dialogs.texts = ["Mum"]
        wizard.clients_page.client_list.add()
        wizard.next()
    assert wizard.currentId() == ABOUT_ID
    _back_to_start(wizard)
    wizard.start_page.role_radios[then].setChecked(True)
    _on_past_the_client_page(wizard)
    _assert_role(wizard, then)


@pytest.mark.parametrize("then", ["therapist", "caregiver"])
def test_a_changed_role_after_checking_the_own_home_again(make_wizard, dialogs, then) -> None:
    wizard = make_wizard()
    first_room(wizard).rows[0].choices.choose_number(1)
    dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
    wizard.accept()
    wizard.ctx.session.close()
    wizard = make_wizard()
    assert wizard.start_page.mode() == "followup"
    wizard.next()
    _back_to_start(wizard)
    wizard.start_page.role_radios[then].setChecked(True)
    _on_past_the_client_page(wizard)
    _assert_role(wizard, then)


@pytest.mark.parametrize("role", ["therapist", "caregiver"])
def test_a_resumed_check_keeps_its_role_and_can_change_it(make_wizard, dialogs, role) -> None:
    wizard = make_wizard()
    wizard.start_page.role_radios[role].setChecked(True)
    wizard.next()
    dialogs.texts = ["Mum"]
    wizard.clients_page.client_list.add()
    wizard.next()
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.close()  # "stop for now?" yes
    wizard.ctx.session.close()
    wizard = make_wizard()
    assert wizard.start_page.mode() == "resume" and wizard.start_page.role() == role
    wizard.next()
    _assert_role(wizard, role)
    _back_to_start(wizard)
    wizard.start_page.role_radios["self"].setChecked(True)
    _on_past_the_client_page(wizard)
    _assert_role(wizard, "self")
