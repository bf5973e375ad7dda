"""Who is addressed: texts that say "you", "your GP" speak to the person filling in for
themselves; to a caregiver or therapist they name the person's GP as "the GP" ("de huisarts"),
and the heading over the person's own hazards follows the role as "About you" does."""

from __future__ import annotations

import pytest

from homecheck.domain.actions import NEXT_STEP_HELPERS, PERSON_HELPERS
from homecheck.domain.content import Checklist
from homecheck.i18n import catalogue
from homecheck.report.model import build_report
from tests.report.conftest import make_assessment

# Words that speak to the reader about their own doctor. (Every checklist text, "jezelf" and
# "Hele huis en jijzelf" too: tests/domain/test_wording.py.)
OWN = {"nl": ("je huisarts",), "en": ("your GP",)}
THE_GP = {"nl": "de huisarts", "en": "the GP"}
SELF_HEADING = {"nl": "Over jou", "en": "About you"}
OTHER_HEADING = {"nl": "Over de persoon", "en": "About the person"}


def _assessment(content: Checklist, role: str, language: str, **intake: object):
    item = next(i for i in content.items() if "person" in i.groups)
    assessment = make_assessment(content, hazards=[item.id], role=role, language=language)
    assessment.intake.update(intake)
    return assessment


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["caregiver", "therapist"])
def test_a_caregiver_reads_the_gp_not_your_gp(content: Checklist, role: str,
                                               language: str) -> None:
    # Two falls: the next step is a falls assessment with the GP or the physiotherapist.
    model = build_report(content, _assessment(content, role, language, falls_past_year=2),
                         language)
    said = [model.next_step, model.next_helpers]
    said += [a.helpers for g in model.groups for area in g.areas for a in area.actions]
    for text in said:
        for own in OWN[language]:
            assert own not in text, text
    assert THE_GP[language] in model.next_step
    assert THE_GP[language] in model.next_helpers


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_person_herself_reads_your_gp(content: Checklist, language: str) -> None:
    model = build_report(content, _assessment(content, "self", language, falls_past_year=2),
                         language)
    assert OWN[language][0] in model.next_step
    assert OWN[language][0] in model.next_helpers


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("role", "heading"), [("self", SELF_HEADING),
                                               ("caregiver", OTHER_HEADING),
                                               ("therapist", OTHER_HEADING)])
def test_the_heading_over_the_persons_hazards_follows_the_role(
    content: Checklist, role: str, heading: dict[str, str], language: str
) -> None:
    model = build_report(content, _assessment(content, role, language), language)
    assert model.person is not None and model.person.factors
    factors = model.person.headings["factors"]
    assert factors.startswith(heading[language] + " ("), factors
    # The same words as the section's own heading.
    assert model.labels["person.heading"].startswith(heading[language])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_helper_named_with_your_has_a_name_for_others(language: str) -> None:
    """A helper named as the reader's own ("your GP") has a second name for a caregiver or
    therapist ("the GP")."""
    t = catalogue(language)
    helpers = {h for hs in (*NEXT_STEP_HELPERS.values(), *PERSON_HELPERS.values()) for h in hs}
    helpers |= {k.split(".")[1] for k in sorted(t.keys()) if k.startswith("helper.")}
    own_names = 0
    for helper in sorted(h for h in helpers if not h.endswith("_other")):
        if any(own in t(f"helper.{helper}") for own in OWN[language]):
            own_names += 1
            other = t(f"helper.{helper}_other")
            assert not any(own in other for own in OWN[language]), other
    assert own_names >= 1  # "your GP"


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["caregiver", "therapist"])
def test_the_persons_own_actions_name_the_gp_for_a_caregiver(content: Checklist, role: str,
                                                              language: str) -> None:
    """A fall with pain, two falls and a worry: every person action that names a GP names
    "the GP" to a caregiver or therapist, on the action list of the PDF."""
    assessment = _assessment(content, role, language, falls_past_year=2, fall_injury=True,
                             key_worried=True)
    model = build_report(content, assessment, language)
    heading = OTHER_HEADING[language]
    person = [a.fix for g in model.groups for area in g.areas if area.title == heading
              for a in area.actions]
    named = [fix for fix in person if THE_GP[language] in fix]
    assert len(named) >= 2, person  # the falls assessment and the GP for the pain
    assert not [fix for fix in person if OWN[language][0].lower() in fix.lower()], person


@pytest.mark.parametrize(("role", "language", "said"), [
    ("self", "nl", "omdat je met een rollator of looprek loopt"),
    ("caregiver", "nl", "omdat de persoon met een rollator of looprek loopt"),
    ("therapist", "en", "because the person walks with a walker or walking frame"),
    ("self", "en", "because you walk with a walker or walking frame"),
])
def test_higher_because_names_whom_it_is_about(content: Checklist, role: str, language: str,
                                              said: str) -> None:
    assessment = _assessment(content, role, language, walking_aid="walker")
    assessment.answers.update(make_assessment(content, hazards=[
        item.id for item in content.items() if "walking" in item.groups]).answers)
    model = build_report(content, assessment, language)
    raised = [a.raised for g in model.groups for area in g.areas for a in area.actions if a.raised]
    assert raised and all(said in line for line in raised), raised


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["caregiver", "therapist"])
def test_why_says_what_happened_to_the_person(content: Checklist, role: str,
                                              language: str) -> None:
    """The "why" of the person's own actions: "The person fell 2 times…", "The GP…", never
    "You fell" or "your GP" to a caregiver or therapist."""
    intake = {"falls_past_year": 2, "fall_injury": True, "long_lie": True, "pain": "often",
              "activity_days": 1, "key_unsteady": True, "fear_of_falling": 3,
              "fear_limits_activities": True}
    model = build_report(content, _assessment(content, role, language, **intake), language)
    heading = OTHER_HEADING[language]
    whys = [a.why for g in model.groups for area in g.areas if area.title == heading
            for a in area.actions]
    assert len(whys) >= 3, whys
    you = {"nl": ("Je ", "je huisarts", " je "), "en": ("You ", "your GP", " you ")}[language]
    for why in whys:
        assert not any(word in why for word in you), why
    fell = {"nl": "De persoon is het afgelopen jaar 2 keer gevallen.",
            "en": "The person fell 2 times in the past year."}[language]
    assert any(why.startswith(fell) for why in whys), whys


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["self", "caregiver", "therapist"])
def test_with_nothing_to_do_the_next_step_does_not_point_to_a_list(
    content: Checklist, role: str, language: str
) -> None:
    """Every point fine and nothing about the person: the advice is to keep moving; there is no
    list of things to do to point at. With things to do it names the list."""
    from tests.report.conftest import all_ok

    words = {"nl": "deze lijst", "en": "this list"}[language]
    fine = all_ok(content, role=role, language=language)
    assert words not in build_report(content, fine, language).next_step
    one = _assessment(content, role, language)
    assert words in build_report(content, one, language).next_step
