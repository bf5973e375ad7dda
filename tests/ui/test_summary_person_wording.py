"""The summary names the person's own actions as the side panel does: "About you" for the
person themselves, "About the person" when a caregiver or therapist fills in the check."""

from __future__ import annotations

import pytest

from homecheck.ui.pages.base import SUMMARY_ID
from tests.ui.helpers import choose_role, start_check

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("role", "title"), [("self", "About you"),
                                             ("caregiver", "About the person"),
                                             ("therapist", "About the person")])
def test_summary_says_whose_actions(make_wizard, dialogs, role: str, title: str) -> None:
    wizard = make_wizard()
    start_check(wizard, dialogs, role)
    wizard.ctx.session.set_intake("falls_past_year", 2)
    wizard.go_to(SUMMARY_ID)
    summary = wizard.summary_page
    lines = [row.text.text() for row in summary.action_log.rows if row.isVisibleTo(summary)]
    person = [line for line in lines if f" – {title}: " in line]
    assert person, lines
    assert not [line for line in lines if "About you" in line and title != "About you"]
    assert summary.person_heading.text() == title


def test_with_no_answers_about_the_person_their_hazards_start_the_section(make_wizard) -> None:
    """Nothing answered about the person, one hazard about them (their feet): the section under
    its heading starts with that, not with an empty line."""
    wizard = make_wizard()
    wizard.next()  # the check begins
    session = wizard.ctx.session
    item = next(i for i in wizard.ctx.checklist.items() if "person" in i.groups)
    session.set_answer(item.id, "hazard")
    wizard.go_to(SUMMARY_ID)
    text = wizard.summary_page.person_lines.text()
    assert text and not text.startswith("\n"), repr(text[:40])
    # The person fills in for herself (the default): her own heading, as the section's.
    assert text.splitlines()[0] == "About you (not counted in the home score)"


@pytest.mark.parametrize("role", ["caregiver", "therapist"])
def test_the_side_panel_names_the_person_as_soon_as_the_role_is_chosen(make_wizard,
                                                                      role: str) -> None:
    """On the start page, choosing "a caregiver" renames "About you" in the side panel at once
    (it used to change only after Next), and choosing "myself" again names it back."""
    wizard = make_wizard()
    steps = wizard.side.steps

    def texts() -> list[str]:
        return [steps.item(n).text() for n in range(steps.count())]

    assert "About you" in texts()
    choose_role(wizard, role)
    assert "About you" not in texts() and "About the person" in texts()
    choose_role(wizard, "self")
    assert "About you" in texts()


@pytest.mark.parametrize("role", ["self", "caregiver", "therapist"])
def test_the_next_step_names_whose_gp_for_the_role(make_wizard, dialogs, role: str) -> None:
    """To a caregiver or therapist the summary says "the GP" (the person's), never "your GP",
    and the heading over the person's hazards is "About the person"; to the person herself
    "your GP" and "About you"."""
    wizard = make_wizard()
    start_check(wizard, dialogs, role)
    session = wizard.ctx.session
    session.set_intake("falls_past_year", 2)  # the next step: a falls assessment
    item = next(i for i in wizard.ctx.checklist.items() if "person" in i.groups)
    session.set_answer(item.id, "hazard")
    wizard.go_to(SUMMARY_ID)
    summary = wizard.summary_page
    said = f"{summary.next_step.text()}\n{summary.next_helpers.text()}"
    own = role == "self"
    assert ("your GP" in said) is own, said
    assert ("the GP" in said) is not own, said
    heading = "About you" if own else "About the person"
    assert f"\n{heading} (not counted in the home score)" in summary.person_lines.text()
    # The row of the item's room: its hazard, and why its percentage can still say 100.
    title = wizard.ctx.checklist.area(item.area).title("en")
    rows = [label.text() for label, _bar, _number in summary.bar_rows]
    row = next(text for text in rows if text.startswith(title))
    whose = "you" if own else "the person"
    assert f"1 of them about {whose} (not counted in the score)" in row, row
