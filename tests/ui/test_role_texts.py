"""A caregiver or therapist reads the checklist's own texts about the person as the PDF says them:
"Hele huis en de persoon" in the side panel and over the room, "Vraag de huisarts" in a
question's "why" box; the person filling in for themselves reads them as before, and a role
changed later is shown when the room is entered again."""

from __future__ import annotations

import pytest

from homecheck.ui.pages.base import START_ID
from homecheck.ui.settings import Settings
from tests.ui.helpers import start_check

pytestmark = pytest.mark.gui

ITEM = "whole_home.medicines_drowsy_dizzy"


def _whole_home(wizard):  # type: ignore[no-untyped-def]
    """The whole-home room shown, with the "why" box of the medicines question open."""
    page = wizard.room_pages["whole_home"]
    wizard.go_to(page.page_id)
    row = page.row_for(ITEM)
    row.why_button.setChecked(True)
    return page, row


def _side_texts(wizard) -> list[str]:  # type: ignore[no-untyped-def]
    steps = wizard.side.steps
    return [steps.item(n).text() for n in range(steps.count())]


@pytest.mark.parametrize(("role", "language", "title", "fix"), [
    ("self", "nl", "Hele huis en jijzelf", "Vraag je huisarts of apotheker"),
    ("caregiver", "nl", "Hele huis en de persoon", "Vraag de huisarts of apotheker"),
    ("therapist", "en", "Whole home and the person", "Ask the GP or pharmacist"),
    ("self", "en", "Whole home and you", "Ask your GP or pharmacist"),
])
def test_the_room_and_its_why_box_speak_to_who_fills_in(
    make_wizard, dialogs, role: str, language: str, title: str, fix: str
) -> None:
    wizard = make_wizard(settings=Settings(language=language))
    start_check(wizard, dialogs, role)
    page, row = _whole_home(wizard)
    assert page.heading.text() == title
    assert any(text.startswith(title) for text in _side_texts(wizard)), _side_texts(wizard)
    assert fix in row.details.text() and row.details.isVisibleTo(page)
    # The questions themselves are not reworded ("je" is the person whose home it is).
    assert row.question.text().endswith(wizard.ctx.checklist.item(ITEM).question(language))


def test_a_role_changed_on_the_start_page_is_shown_in_the_room(make_wizard, dialogs) -> None:
    wizard = make_wizard(settings=Settings(language="nl"))
    start_check(wizard, dialogs, "self")
    page, row = _whole_home(wizard)
    assert "Vraag je huisarts" in row.details.text()
    wizard.go_to(START_ID)  # back to the start page: a caregiver fills it in after all
    start_check(wizard, dialogs, "caregiver")
    assert wizard.ctx.session.assessment.role == "caregiver"
    page, row = _whole_home(wizard)
    assert page.heading.text() == "Hele huis en de persoon"
    assert "Vraag de huisarts" in row.details.text()
