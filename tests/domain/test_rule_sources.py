"""Every rule about the person cites its sources (GUIDE: "every item and priority rule cites its
source"): the rules that raise a hazard's priority, the person actions, the next steps, the
therapist's tests and the Short FES-I bands (homecheck.domain.rule_sources). Items and advice
blocks cite theirs in the TOML files, checked on load (tests/domain/test_content.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from homecheck import resources
from homecheck.domain import actions, advice, person_rules, rule_sources
from homecheck.domain.assessment import Assessment
from homecheck.domain.content import ContentError, checklist
from homecheck.domain.fesi import LOW_MAX, MODERATE_MAX, band_for
from homecheck.domain.person import person_content
from homecheck.i18n import catalogue
from tests.domain.strategies import CONTENT, assessments

KNOWN = set(checklist().sources)
LONG_LIE_ITEMS = [item for item in CONTENT.items() if "long_lie" in item.groups]


def _cites(sources: tuple[str, ...]) -> None:
    assert sources, "no source"
    assert set(sources) <= KNOWN, f"unknown sources: {set(sources) - KNOWN}"


@pytest.mark.parametrize("key", actions.REASON_KEYS)
def test_every_rule_that_raises_a_priority_cites_its_sources(key: str) -> None:
    _cites(rule_sources.RAISING[key])


def test_alone_after_a_fall_straight_to_now_cites_its_sources() -> None:
    _cites(rule_sources.ALONE_AND_FALLEN)


@pytest.mark.parametrize("action_id", actions.PERSON_ACTIONS)
def test_every_person_action_cites_its_sources(action_id: str) -> None:
    _cites(rule_sources.PERSON_ACTIONS[action_id])


@pytest.mark.parametrize("step", person_rules.NEXT_STEPS)
def test_every_next_step_cites_its_sources(step: str) -> None:
    _cites(rule_sources.NEXT_STEPS[step])


@pytest.mark.parametrize("test", sorted(person_rules.therapist_tests({})))
def test_every_therapist_test_cites_the_source_of_its_cut_off(test: str) -> None:
    _cites(rule_sources.TESTS[test])


def test_the_short_fesi_bands_cite_their_source() -> None:
    assert {band_for(total) for total in range(7, 29)} == {"low", "moderate", "high"}
    _cites(rule_sources.FESI_BANDS)


def test_no_citation_is_left_for_a_rule_that_is_gone() -> None:
    # One citation per rule: a rule taken out of the code takes its citation with it.
    assert set(rule_sources.RAISING) == set(actions.REASON_KEYS)
    assert set(rule_sources.PERSON_ACTIONS) == set(actions.PERSON_ACTIONS)
    assert set(rule_sources.NEXT_STEPS) == set(person_rules.NEXT_STEPS)
    assert set(rule_sources.TESTS) == set(person_rules.therapist_tests({}))


@settings(max_examples=300, deadline=None)
@given(assessment=assessments(stray_answers=True, plain=True))
def test_whatever_the_answers_every_rule_that_fired_has_a_source(assessment: Assessment) -> None:
    # Also a rule written around the constants above: what the code actually does is checked.
    intake = assessment.intake
    for keys in actions.raising_reasons(intake).values():
        for key in keys:
            _cites(rule_sources.RAISING[key])
    for action in actions.build_actions(CONTENT, assessment):
        if action.is_person_action:
            _cites(rule_sources.PERSON_ACTIONS[action.item_id])
        for key in action.reasons:
            _cites(rule_sources.RAISING[key])
    _cites(rule_sources.NEXT_STEPS[person_rules.next_step(intake)])
    for name, result in person_rules.therapist_tests(intake).items():
        if result.flag is not None:
            _cites(rule_sources.TESTS[name])


def test_every_source_is_cited_by_something() -> None:
    # A source nobody cites is a stale entry (or a citation someone forgot to add).
    cited = {s for item in CONTENT.items() for s in item.sources}
    cited |= {s for section in advice.advice_sections() for s in section.sources}
    for table in (rule_sources.RAISING, rule_sources.PERSON_ACTIONS, rule_sources.NEXT_STEPS,
                  rule_sources.TESTS):
        cited |= {s for sources in table.values() for s in sources}
    cited |= set(rule_sources.ALONE_AND_FALLEN) | set(rule_sources.FESI_BANDS)
    assert KNOWN - cited == set()


def test_the_long_lie_group_exists_for_the_alone_and_fallen_rule() -> None:
    assert LONG_LIE_ITEMS


# -- advice: a block without a source does not load ----------------------------------------------

ADVICE = """
[[sections]]
id = "move"
title = {{ nl = "Blijf bewegen", en = "Keep moving" }}
{sources}
points = [{{ nl = "Beweeg elke dag.", en = "Move every day." }}]
"""


def _load_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: str) -> None:
    root = tmp_path / "resources"
    (root / "checklist").mkdir(parents=True)
    (root / "checklist" / "advice.toml").write_text(
        ADVICE.format(sources=sources), encoding="utf-8"
    )
    monkeypatch.setattr(resources, "root", lambda: root)
    advice.advice_sections.__wrapped__()  # the loader itself, not the shipped copy in the cache


def test_advice_with_a_known_source_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _load_advice(tmp_path, monkeypatch, 'sources = ["seed"]')


@pytest.mark.parametrize("sources", ["", "sources = []", 'sources = ["seed", "a blog"]'])
def test_advice_without_a_known_source_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: str
) -> None:
    with pytest.raises(ContentError, match="needs known sources"):
        _load_advice(tmp_path, monkeypatch, sources)


# -- the cut-offs the texts and docs/scoring.md state are the ones the rules use -----------------

SCORING_DOC = (Path(__file__).resolve().parents[2] / "docs" / "scoring.md").read_text("utf-8")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_texts_state_the_cut_offs_the_rules_use(lang: str) -> None:
    questions = person_content().questions
    tug = person_rules.TUG_FLAG_SECONDS
    assert f"{tug} " in questions["tug_seconds"].help(lang)
    assert f"{tug} " in catalogue(lang)("person.happened.test.tug")
    assert f" {person_rules.BALANCE_FLAG_BELOW} " in questions["balance_stage"].help(lang)
    assert f"**≥ {tug} s**" in SCORING_DOC
    assert f"stage **< {person_rules.BALANCE_FLAG_BELOW}**" in SCORING_DOC
    assert f"**7–{LOW_MAX} low**, **{LOW_MAX + 1}–{MODERATE_MAX} moderate**" in SCORING_DOC
