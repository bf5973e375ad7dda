"""The report view-model: grouping, texts and the lines for areas without actions."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from homecheck.domain.actions import FEAR_OF_FALLING, TALK_ABOUT_FALL
from homecheck.domain.advice import advice_sections
from homecheck.domain.assessment import Answer
from homecheck.domain.content import Checklist
from homecheck.domain.person import person_content
from homecheck.i18n import catalogue, placeholders
from homecheck.report.model import build_report, format_date
from tests.report.conftest import all_hazards, all_ok, make_assessment, pages_text, squash


def test_report_catalogues_have_the_same_keys_and_placeholders() -> None:
    nl, en = catalogue("nl"), catalogue("en")
    nl_keys = {k for k in sorted(nl.keys()) if k.startswith("report.")}
    en_keys = {k for k in sorted(en.keys()) if k.startswith("report.")}
    assert nl_keys == en_keys
    assert len(nl_keys) > 40
    for key in nl_keys:
        assert placeholders(nl.raw(key)) == placeholders(en.raw(key)), key


@pytest.mark.parametrize(
    ("language", "expected"), [("nl", "5 maart 2025"), ("en", "5 March 2025")]
)
def test_format_date(language: str, expected: str) -> None:
    assert format_date("2025-03-05", catalogue(language)) == expected


def test_groups_follow_priority_then_area_order(content: Checklist) -> None:
    model = build_report(content, all_hazards(content), "en")
    assert [g.key for g in model.groups] == ["now", "soon", "later"]
    titles = [a.title("en") for a in content.areas]
    for group in model.groups:
        order = [titles.index(area.title) for area in group.areas]
        assert order == sorted(order)
        assert len(set(order)) == len(order), "an area appears twice in one priority"
    total = sum(len(a.actions) for g in model.groups for a in g.areas)
    assert total == len(list(content.items()))


def test_action_texts_come_from_the_item(content: Checklist) -> None:
    item = content.areas[0].items[0]
    model = build_report(content, make_assessment(content, hazards=[item.id]), "nl")
    (group,) = model.groups
    (area,) = group.areas
    (action,) = area.actions
    assert action.fix == item.fix("nl")
    assert action.why == item.why("nl")
    assert action.area == content.areas[0].title("nl")
    for helper in item.helpers:
        assert catalogue("nl")(f"helper.{helper}") in action.helpers
    assert action.done == ""


def test_done_date_is_formatted(content: Checklist) -> None:
    item = content.areas[0].items[0]
    assessment = make_assessment(content)
    assessment.answers[item.id] = Answer("hazard", done="2025-12-01")
    model = build_report(content, assessment, "en")
    assert model.groups[0].areas[0].actions[0].done == "1 December 2025"


def test_person_actions_use_catalogue_texts_and_lead_their_priority(content: Checklist) -> None:
    first = content.areas[0].items[0]
    assessment = make_assessment(content, hazards=[first.id])
    assessment.intake = {"key_fallen": True, "fesi": [3, 3, 3, 3, 3, 3, 3]}
    model = build_report(content, assessment, "en")
    t = catalogue("en")
    by_key = {g.key: g for g in model.groups}
    assert by_key["now"].areas[0].title == t("person.area_title")
    assert by_key["now"].areas[0].actions[0].fix == t(f"action.{TALK_ABOUT_FALL}.fix")
    assert by_key["soon"].areas[0].actions[0].fix == t(f"action.{FEAR_OF_FALLING}.fix")
    # The why line first says what happened, then why it matters.
    why = by_key["soon"].areas[0].actions[0].why
    assert why.endswith(t(f"action.{FEAR_OF_FALLING}.why")) and why.startswith("Your answers")
    assert by_key["now"].areas[0].actions[0].helpers


def test_person_outcome_shows_key_questions_and_fesi_band(content: Checklist) -> None:
    assessment = make_assessment(content)
    assessment.intake = {"key_fallen": False, "key_worried": True, "fesi": [2] * 6 + [None]}
    model = build_report(content, assessment, "en")
    assert model.person is not None
    texts = person_content()
    t = catalogue("en")
    assert [(line.label, line.value) for line in model.person.answers] == [
        (t("person.short.key_fallen"), texts.questions["key_fallen"].options["no"]("en")),
        (t("person.short.key_worried"), texts.questions["key_worried"].options["yes"]("en")),
    ]
    # 6 answers of 2, prorated: 12 * 7 / 6 = 14, the "high" band.
    assert "14" in model.person.fesi[0]
    assert texts.fesi_bands["high"]("en") in model.person.fesi
    assert catalogue("en")("report.person.fesi_prorated") in model.person.fesi


def test_about_you_holds_the_intake_tests_and_contradictions(content: Checklist) -> None:
    assessment = make_assessment(content)
    assessment.intake = {
        "falls_past_year": 3, "key_fallen": False, "pain": "often", "activity_days": 0,
        "fear_of_falling": True, "fear_limits_activities": True, "goals": "Walk to the market",
        "walking_aid": "walker", "tug_seconds": 13.5, "balance_stage": 3, "chair_stands": 9,
        "fesi": [3] * 7, "fesi_by_proxy": True,
    }
    model = build_report(content, assessment, "nl")
    t = catalogue("nl")
    assert model.person is not None
    answers = {line.label: line.value for line in model.person.answers}
    assert answers[t("person.short.falls_past_year")] == "3"
    assert answers[t("person.short.pain")] == "Vaak"
    assert answers[t("person.short.activity_days")] == "0"
    assert answers[t("person.short.walking_aid")] == "Rollator of looprek"
    assert model.person.goals == "Walk to the market"
    tests = [(line.label, line.value) for line in model.person.tests]
    assert tests == [
        (t("person.test.tug"), "13,5 seconden – " + t("person.test.flag")),
        (t("person.test.chair_stand"), "9 keer – " + t("person.test.no_norm")),
        (t("person.test.balance"), "stand 3 van 4 – " + t("person.test.fine")),
    ]
    assert model.person.warnings == (t("person.warning.falls_but_not_fallen", count=3),)
    assert t("person.fesi_by_proxy") in model.person.fesi
    # The first thing: the count of things to do now and the next step, with who helps.
    # The falls assessment, and the GP for a fall with pain (the injury question not answered).
    assert model.now_line == t("person.now_count_many", count=2)
    assert model.next_step == t("person.next_step_line",
                                step=t("person.next_step.falls_assessment"))
    assert t("helper.gp") in model.next_helpers


def test_no_intake_means_no_person_section(content: Checklist) -> None:
    assert build_report(content, make_assessment(content), "nl").person is None


def test_checked_areas_without_hazards_and_open_items_get_one_line_each(
    content: Checklist,
) -> None:
    stairs, bathroom = content.area("stairs"), content.area("bathroom")
    assessment = make_assessment(
        content,
        hazards=[bathroom.items[0].id],
        ok=[i.id for i in stairs.items] + [i.id for i in bathroom.items[1:3]],
        areas=["stairs", "bathroom"],
    )
    model = build_report(content, assessment, "en")
    t = catalogue("en")
    assert model.checked_ok == (t("report.areas.ok_line", area=stairs.title("en")),)
    open_count = len(bathroom.items) - 3
    assert model.unchecked == (
        t("report.areas.open_line", area=bathroom.title("en"), count=open_count,
          total=len(bathroom.items)),
    )


def test_no_hazard_says_so_and_keeps_the_advice(content: Checklist) -> None:
    model = build_report(content, all_ok(content), "nl")
    assert model.groups == ()
    assert model.no_hazard
    assert model.no_actions == catalogue("nl")("report.actions.none")
    assert [a.title for a in model.advice] == [s.title("nl") for s in advice_sections()]


def test_nothing_checked_is_not_called_safe(content: Checklist) -> None:
    model = build_report(content, make_assessment(content), "en")
    assert not model.no_hazard
    assert model.no_actions == catalogue("en")("report.actions.none_checked")
    assert all(bar.score is None for bar in model.bars)


def test_user_labels_are_put_on_one_clean_line(content: Checklist) -> None:
    model = build_report(
        content, make_assessment(content, client="Mevr.\n\x00Jansen", assessor=" Anna\t"), "nl"
    )
    assert model.client == "Mevr. Jansen"
    assert model.author == "Anna"


@pytest.mark.parametrize(
    ("role", "language", "title"),
    [("self", "en", "About you"), ("caregiver", "en", "About the person"),
     ("therapist", "en", "About the person"), ("self", "nl", "Over jou"),
     ("caregiver", "nl", "Over de persoon"), ("therapist", "nl", "Over de persoon")],
)
def test_the_persons_part_is_about_you_only_for_the_person_themselves(
    content: Checklist, role: str, language: str, title: str
) -> None:
    assessment = make_assessment(content)
    assessment.role = role
    assessment.intake = {"key_fallen": True, "falls_past_year": 2}
    model = build_report(content, assessment, language)
    rooms = {area.title(language) for area in content.areas}
    person_groups = [area.title for group in model.groups for area in group.areas
                     if area.title not in rooms]
    assert person_groups and set(person_groups) == {title}
    assert model.labels["person.heading"] == title
    assert model.person is not None and model.person.headings["answers"] != title


# Words that speak to the reader as the person ("your score"), not about the person.
YOU = {"nl": {"je", "jij", "jou", "jouw"}, "en": {"you", "your"}}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["caregiver", "therapist"])
@pytest.mark.parametrize("fesi", [[2] * 6 + [None], [2] * 5 + [None, None]])
def test_about_the_person_speaks_of_the_person_to_a_caregiver_or_therapist(
    content: Checklist, role: str, language: str, fesi: list[int | None]
) -> None:
    """Under "About the person" a caregiver reads the person's score, the person's skipped
    question and what the person wants to achieve, not "your score", "you skipped", "what
    you want"; and the note on what the check is not speaks of the person's fall and home."""
    assessment = make_assessment(content, role=role, language=language)
    assessment.intake = {"fesi": fesi, "goals": "Walk to the market"}
    model = build_report(content, assessment, language)
    assert model.person is not None
    bands = {band(language) for band in person_content().fesi_bands.values()}
    said = [s for s in model.person.fesi if s not in bands]  # the band advice: checklist texts
    said.append(model.labels["person.goals"])
    for text in said:
        words = set(re.findall(r"\w+", text.lower()))
        assert not words & YOU[language], text
    disclaimer = model.labels["read.disclaimer"]
    assert {"nl": "of de persoon gaat vallen", "en": "whether the person will fall"}[
        language] in disclaimer
    assert {"nl": "je huis", "en": "your home"}[language] not in disclaimer


def test_the_person_herself_reads_your_score(content: Checklist) -> None:
    assessment = make_assessment(content, role="self", language="en")
    assessment.intake = {"fesi": [2] * 6 + [None], "goals": "Walk to the market"}
    model = build_report(content, assessment, "en")
    assert model.person is not None
    assert model.person.fesi[0].startswith("Your score")
    assert model.labels["person.goals"] == "What you want to achieve"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_nothing_checked_is_not_nothing_to_do(
    content: Checklist, render: Callable[..., bytes], language: str
) -> None:
    """A check with nothing answered yet is not a safe home: page 2 says what page 1 says
    ("Nothing has been checked yet…"), not "Nothing that must be done this week" above
    "0 things to do" three times."""
    t = catalogue(language)
    assessment = make_assessment(content, language=language)
    model = build_report(content, assessment, language)
    assert model.now_line == t("report.fridge.nothing_checked")
    assert model.counts == ()
    second = squash(pages_text(render(content, assessment, language, "A4"))[1])
    assert squash(t("report.fridge.nothing_checked")) in second
    assert squash(t("person.now_count_none")) not in second
    assert squash(t("report.counts.heading")) not in second
    assert squash(t("report.counts.many", count=0)) not in second
