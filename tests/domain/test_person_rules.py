"""The person shapes the plan: intake rules, the profile's raised groups, the therapist's tests,
the next step and contradictions (issue 13; rules in docs/scoring.md)."""

from __future__ import annotations

from typing import Any

import pytest

from homecheck.domain import person, person_rules, person_summary
from homecheck.domain.actions import (
    FALLS_ASSESSMENT,
    FEAR_OF_FALLING,
    PERSON_ACTIONS,
    PERSON_AREA,
    SEE_GP_AFTER_FALL,
    STRENGTH_BALANCE,
    TALK_ABOUT_FALL,
    TALK_ABOUT_WORRY,
    Action,
    build_actions,
    count_by_priority,
    key_questions_yes,
    person_actions,
    raising_reasons,
)
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import Area, Checklist, Item, Text
from homecheck.domain.scoring import score_home
from homecheck.domain.wording import action_texts
from homecheck.i18n import LANGUAGES, catalogue

N = None
_T = Text({"nl": "x?", "en": "x?"})


def _item(item_id: str, severity: int, *groups: str) -> Item:
    fix = Text({"nl": f"fix {item_id}", "en": f"fix {item_id}"})
    return Item(
        item_id, item_id.split(".")[0], severity, ("self",), ("seed",), _T, _T, fix,
        groups=groups,
    )


# One small home: every group, every severity.
HOME = Checklist(
    areas=(
        Area("hall", _T, _T, True, (
            _item("hall.rug", 2, "walking"),
            _item("hall.dark", 1, "lighting"),
            _item("hall.threshold", 1, "walking"),
        )),
        Area("stairs", _T, _T, True, (
            _item("stairs.rail", 3, "stairs"),
            _item("stairs.edges", 2, "stairs", "lighting"),
        )),
        Area("bath", _T, _T, True, (
            _item("bath.grab_rail", 3, "transfers"),
            _item("bath.mat", 2),
        )),
        Area("home", _T, _T, True, (
            _item("home.alarm", 2, "long_lie"),
            _item("home.phone", 1, "long_lie"),
            _item("home.night_light", 1, "night_route", "lighting"),
            _item("home.medicines", 2, "person"),
        )),
    ),
    sources={},
)
ALL = [item.id for item in HOME.items()]


def _assess(intake: dict[str, Any] | None = None, hazards: list[str] | None = None,
            ok: list[str] | None = None) -> Assessment:
    answers = {i: Answer("hazard") for i in (ALL if hazards is None else hazards)}
    answers.update({i: Answer("ok") for i in ok or []})
    return Assessment(date="2026-01-01", areas=list(HOME.area_ids()), intake=intake or {},
                      answers=answers)


def _person(intake: dict[str, Any]) -> list[tuple[str, str]]:
    return [(a.item_id, a.priority) for a in person_actions(_assess(intake, []))]


def _by_id(actions: list[Action]) -> dict[str, Action]:
    return {a.item_id: a for a in actions}


# -- person actions ----------------------------------------------------------------------------

TALK = (TALK_ABOUT_FALL, "now")
FULL = (FALLS_ASSESSMENT, "now")
GP = (SEE_GP_AFTER_FALL, "now")
FEAR = (FEAR_OF_FALLING, "soon")
WORRY = (TALK_ABOUT_WORRY, "soon")
EXERCISE = (STRENGTH_BALANCE, "soon")


@pytest.mark.parametrize(
    ("intake", "expected"),
    [
        ({}, []),
        ({"falls_past_year": 0, "key_fallen": False, "key_unsteady": False}, []),
        ({"falls_past_year": 1}, [TALK]),
        ({"key_fallen": True}, [TALK]),
        ({"key_fallen": True, "falls_past_year": 1}, [TALK]),  # once
        # Two or more falls, injury, long lie, fainting: the full assessment replaces the talk.
        ({"falls_past_year": 2}, [FULL]),
        ({"falls_past_year": 4, "key_fallen": True}, [FULL]),
        ({"falls_past_year": 1, "long_lie": True}, [FULL]),
        ({"fainted": True}, [FULL]),
        ({"falls_past_year": 1, "fall_injury": True}, [FULL, GP]),
        # A fall with pain: the GP (the fall_injury question was not asked: the safer advice).
        ({"falls_past_year": 1, "pain": "sometimes"}, [TALK, GP]),
        ({"falls_past_year": 1, "pain": "sometimes", "fall_injury": False}, [TALK]),
        ({"pain": "sometimes"}, []),
        # Fear limiting activities or a moderate/high Short FES-I: work on it, soon.
        ({"fear_limits_activities": True}, [FEAR]),
        ({"fear_of_falling": True, "fear_limits_activities": True}, [FEAR]),
        ({"fesi": [2, 2, 1, 1, 1, 1, 1]}, [FEAR]),  # 9: moderate
        ({"fesi": [1, 1, 1, 1, 1, 1, 2]}, []),  # 8: low
        ({"fesi": [4, 4, 4, 4, 4, N, N]}, []),  # not scored
        # Only worried, no fall: talk about the worry, never "what happened".
        ({"fear_of_falling": True}, [WORRY]),
        ({"key_worried": True}, [WORRY]),
        ({"key_worried": True, "falls_past_year": 1}, [TALK]),
        # Pain often, under 5 active days, balance trouble, a flagged test: exercise, soon.
        ({"pain": "often"}, [EXERCISE]),
        ({"activity_days": 4}, [EXERCISE]),
        ({"activity_days": 5}, []),
        ({"key_unsteady": True}, [EXERCISE]),
        ({"tug_seconds": 12}, [EXERCISE]),
        ({"tug_seconds": 11.9}, []),
        ({"balance_stage": 2}, [EXERCISE]),
        ({"chair_stands": 9, "age": 70, "sex": "female"}, [EXERCISE]),
        ({"chair_stands": 9}, []),  # no age or sex: not judged
    ],
    ids=repr,
)
def test_person_actions(intake: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert _person(intake) == expected
    assert all(a.area_id == PERSON_AREA for a in person_actions(_assess(intake, [])))


def test_four_falls_plus_fear_is_no_longer_silent() -> None:
    # The pinned 0.1 behaviour ("falls_past_year: 4 plus fear -> no actions") was unsafe.
    intake = {"fear_of_falling": True, "fear_limits_activities": True, "falls_past_year": 4}
    assert _person(intake) == [FULL, FEAR]


def test_three_falls_pain_often_and_no_activity_without_key_answers() -> None:
    intake = {"falls_past_year": 3, "pain": "often", "activity_days": 0}
    actions = build_actions(HOME, _assess(intake, ["stairs.edges", "bath.mat"]))
    assert [(a.item_id, a.priority) for a in actions] == [
        FULL, GP, ("stairs.edges", "now"), EXERCISE, ("bath.mat", "soon"),
    ]  # fmt: skip
    assert _by_id(actions)["stairs.edges"].reasons == ("falls_past_year",)
    assert _by_id(actions)["bath.mat"].reasons == ()
    assert person_rules.next_step(intake) == "falls_assessment"
    assert key_questions_yes(_assess(intake, [])) == ["key_fallen"]  # derived, not asked twice


def test_fear_that_limits_activities_without_fesi() -> None:
    intake = {"fear_of_falling": True, "fear_limits_activities": True}
    assert _person(intake) == [FEAR]
    assert person_rules.next_step(intake) == "exercise"


def test_person_actions_never_share_a_fix_text() -> None:
    for lang in LANGUAGES:
        t = catalogue(lang)
        fixes = [t(f"action.{action_id}.fix") for action_id in PERSON_ACTIONS]
        assert len(set(fixes)) == len(fixes)


# -- the profile raises groups by one band ------------------------------------------------------


def test_walker_user_and_fit_person_in_the_same_home_differ() -> None:
    hazards = ["hall.rug", "hall.threshold", "bath.mat", "stairs.rail"]
    fit = build_actions(HOME, _assess({"walking_aid": "none", "age": 68}, hazards))
    walker = build_actions(HOME, _assess({"walking_aid": "walker", "age": 82}, hazards))
    assert [(a.item_id, a.priority, a.reasons) for a in fit] == [
        ("stairs.rail", "now", ()),
        ("hall.rug", "soon", ()), ("bath.mat", "soon", ()),
        ("hall.threshold", "later", ()),
    ]  # fmt: skip
    assert [(a.item_id, a.priority, a.reasons) for a in walker] == [
        ("hall.rug", "now", ("walking_aid",)), ("stairs.rail", "now", ()),
        ("hall.threshold", "soon", ("walking_aid",)), ("bath.mat", "soon", ()),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("intake", "raised"),
    [
        ({"walking_aid": "stick"}, {"hall.rug", "hall.threshold"}),
        ({"walking_aid": "wheelchair"}, {"bath.grab_rail"}),
        ({"low_vision": True}, {"hall.dark", "stairs.edges", "home.night_light"}),
        ({"falls_past_year": 1}, {"stairs.rail", "stairs.edges", "bath.grab_rail",
                                  "home.alarm", "home.phone", "home.night_light"}),
        ({"key_unsteady": True}, {"stairs.rail", "stairs.edges", "bath.grab_rail",
                                  "home.alarm", "home.phone", "home.night_light"}),
        ({"night_toilet": True}, {"home.night_light"}),
        ({"lives_alone": True}, {"home.alarm", "home.phone"}),
        ({"osteoporosis": True}, {"stairs.rail", "stairs.edges"}),
        ({"walking_aid": "none", "low_vision": False, "lives_alone": False}, set()),
    ],
    ids=repr,
)
def test_profile_rules_name_their_groups(intake: dict[str, Any], raised: set[str]) -> None:
    actions = build_actions(HOME, _assess(intake))
    assert {a.item_id for a in actions if a.reasons and not a.is_person_action} == raised


def test_several_reasons_still_raise_one_band_and_never_lower() -> None:
    intake = {"walking_aid": "walker", "low_vision": True, "falls_past_year": 1,
              "key_unsteady": True, "night_toilet": True}
    actions = _by_id(build_actions(HOME, _assess(intake)))
    # night light: severity 1 (later), three groups, four reasons: one band up.
    assert actions["home.night_light"].priority == "soon"
    assert actions["home.night_light"].reasons == (
        "low_vision", "falls_past_year", "key_unsteady", "night_toilet")
    assert actions["stairs.rail"].priority == "now"  # already now: stays now
    assert actions["home.medicines"].priority == "soon"  # no group rule: as it was


def test_lives_alone_and_fallen_brings_alarm_and_phone_to_now() -> None:
    alone = _by_id(build_actions(HOME, _assess({"lives_alone": True, "key_fallen": True})))
    assert (alone["home.phone"].priority, alone["home.alarm"].priority) == ("now", "now")
    assert alone["home.phone"].reasons == ("key_fallen", "lives_alone")
    not_fallen = _by_id(build_actions(HOME, _assess({"lives_alone": True})))
    assert (not_fallen["home.phone"].priority, not_fallen["home.alarm"].priority) == (
        "soon", "now")


def test_raised_hazards_say_why_in_both_languages() -> None:
    intake = {"walking_aid": "walker", "lives_alone": True, "key_fallen": True}
    actions = _by_id(build_actions(HOME, _assess(intake)))
    en = action_texts(actions["hall.rug"], catalogue("en"), HOME, intake)
    assert en.raised == "Higher because you walk with a walker or walking frame."
    nl = action_texts(actions["home.phone"], catalogue("nl"), HOME, intake)
    assert nl.raised == "Hoger omdat je het afgelopen jaar bent gevallen en je alleen woont."
    assert action_texts(actions["bath.mat"], catalogue("en"), HOME, intake).raised == ""


def test_raising_reasons_follow_the_intake_key_order() -> None:
    intake = {"osteoporosis": True, "key_unsteady": True, "falls_past_year": 2}
    assert raising_reasons(intake)["stairs"] == ("falls_past_year", "key_unsteady", "osteoporosis")


# -- person actions say what happened --------------------------------------------------------


def test_fall_actions_are_worded_for_what_happened() -> None:
    t = catalogue("en")
    intake = {"falls_past_year": 3, "long_lie": True}
    (full,) = person_actions(_assess(intake, []))
    texts = action_texts(full, t, HOME, intake)
    assert texts.why.startswith("You fell 3 times in the past year. After a fall you could not")
    assert "falls assessment" in texts.fix
    assert texts.helpers == ("gp", "physiotherapist")


def test_someone_who_only_worries_is_not_asked_what_happened() -> None:
    for lang in LANGUAGES:
        t = catalogue(lang)
        intake = {"fear_of_falling": True}
        (worry,) = person_actions(_assess(intake, []))
        texts = action_texts(worry, t, HOME, intake)
        fall_words = {"en": ("your fall", "fell"), "nl": ("je val", "gevallen")}[lang]
        assert not any(w in texts.fix + texts.why for w in fall_words)


# -- the therapist's tests ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("intake", "tug", "chair", "balance"),
    [
        ({}, (N, N), (N, N), (N, N)),
        ({"tug_seconds": 11.9}, (11.9, False), (N, N), (N, N)),
        ({"tug_seconds": 12}, (12, True), (N, N), (N, N)),
        ({"balance_stage": 3}, (N, N), (N, N), (3, False)),
        ({"balance_stage": 2}, (N, N), (N, N), (2, True)),
        ({"balance_stage": 0}, (N, N), (N, N), (0, True)),
        ({"chair_stands": 11, "age": 60, "sex": "female"}, (N, N), (11, True), (N, N)),
        ({"chair_stands": 12, "age": 64, "sex": "female"}, (N, N), (12, False), (N, N)),
        ({"chair_stands": 13, "age": 64, "sex": "male"}, (N, N), (13, True), (N, N)),
        ({"chair_stands": 14, "age": 60, "sex": "male"}, (N, N), (14, False), (N, N)),
        ({"chair_stands": 9, "age": 79, "sex": "female"}, (N, N), (9, True), (N, N)),
        ({"chair_stands": 10, "age": 80, "sex": "male"}, (N, N), (10, False), (N, N)),
        ({"chair_stands": 3, "age": 94, "sex": "female"}, (N, N), (3, True), (N, N)),
        ({"chair_stands": 4, "age": 90, "sex": "female"}, (N, N), (4, False), (N, N)),
        ({"chair_stands": 6, "age": 92, "sex": "male"}, (N, N), (6, True), (N, N)),
        ({"chair_stands": 0, "age": 59, "sex": "female"}, (N, N), (0, N), (N, N)),
        ({"chair_stands": 0, "age": 95, "sex": "male"}, (N, N), (0, N), (N, N)),
        ({"chair_stands": 5, "age": 70}, (N, N), (5, N), (N, N)),
        ({"chair_stands": 5, "sex": "male"}, (N, N), (5, N), (N, N)),
        ({"age": 70, "sex": "male"}, (N, N), (N, N), (N, N)),
    ],
    ids=repr,
)
def test_therapist_tests_and_their_flags(
    intake: dict[str, Any], tug: tuple[Any, Any], chair: tuple[Any, Any],
    balance: tuple[Any, Any]
) -> None:
    results = person_rules.therapist_tests(intake)
    assert (results["tug"].value, results["tug"].flag) == tug
    assert (results["chair_stand"].value, results["chair_stand"].flag) == chair
    assert (results["balance"].value, results["balance"].flag) == balance


# -- the next step ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("intake", "step"),
    [
        ({}, "advice"),
        ({"key_worried": True}, "advice"),
        ({"fear_of_falling": True}, "advice"),
        ({"fesi": [4] * 7}, "advice"),
        ({"pain": "often", "activity_days": 0}, "advice"),
        ({"falls_past_year": 1}, "exercise"),
        ({"key_fallen": True}, "exercise"),
        ({"key_unsteady": True}, "exercise"),
        ({"fear_limits_activities": True}, "exercise"),
        ({"tug_seconds": 13}, "exercise"),
        ({"balance_stage": 1}, "exercise"),
        ({"chair_stands": 5, "age": 75, "sex": "male"}, "exercise"),
        ({"falls_past_year": 2}, "falls_assessment"),
        ({"key_fallen": True, "fall_injury": True}, "falls_assessment"),
        ({"long_lie": True}, "falls_assessment"),
        ({"fainted": True}, "falls_assessment"),
        ({"falls_past_year": 0, "fainted": False, "long_lie": False}, "advice"),
    ],
    ids=repr,
)
def test_next_step(intake: dict[str, Any], step: str) -> None:
    assert person_rules.next_step(intake) == step


# -- reconciling overlapping questions ------------------------------------------------------


def test_overlapping_questions_are_derived_not_asked_twice() -> None:
    assert person_rules.reconciled({"falls_past_year": 2})["key_fallen"] is True
    assert person_rules.reconciled({"fear_of_falling": True})["key_worried"] is True
    assert "key_fallen" not in person_rules.reconciled({"falls_past_year": 0})
    # An answer given is never overwritten by a derived one.
    given = {"falls_past_year": 2, "key_fallen": False}
    assert person_rules.reconciled(given)["key_fallen"] is False


@pytest.mark.parametrize(
    ("intake", "codes"),
    [
        ({"falls_past_year": 4, "key_fallen": False}, ["falls_but_not_fallen"]),
        ({"falls_past_year": 0, "key_fallen": True}, ["fallen_but_no_falls"]),
        ({"fear_of_falling": True, "key_worried": False}, ["afraid_but_not_worried"]),
        ({"fear_of_falling": False, "fear_limits_activities": True}, ["limits_but_not_afraid"]),
        ({"falls_past_year": 0, "long_lie": True}, ["fall_details_but_no_fall"]),
        ({"key_fallen": False, "fall_injury": True}, ["fall_details_but_no_fall"]),
        ({"falls_past_year": 4, "key_fallen": True, "fear_of_falling": True}, []),
        ({"falls_past_year": None, "key_fallen": False}, []),
        ({}, []),
    ],
    ids=repr,
)
def test_contradictions(intake: dict[str, Any], codes: list[str]) -> None:
    assert person_rules.contradictions(intake) == codes
    for lang in LANGUAGES:
        texts = person_summary.warning_texts(intake, catalogue(lang))
        assert len(texts) == len(codes) and all(t.endswith(".") for t in texts)


def test_contradicting_falls_still_count_as_a_fall() -> None:
    # 4 falls but "not fallen": the safer reading wins.
    assert _person({"falls_past_year": 4, "key_fallen": False}) == [FULL]


# -- the home score is about the home -----------------------------------------------------------


def test_person_factors_are_left_out_of_the_home_score() -> None:
    only_home = _assess({}, ["bath.grab_rail"], ok=[i for i in ALL if i != "bath.grab_rail"])
    home = score_home(HOME, only_home)
    with_medicines = _assess({}, ["bath.grab_rail", "home.medicines"],
                             ok=[i for i in ALL if i not in ("bath.grab_rail", "home.medicines")])
    assert score_home(HOME, with_medicines).score == home.score
    # The medicines are a hazard found in their area (counted there, as the action list lists
    # them), but not a point of the home: the score stays the same.
    assert home.hazards == 1 and score_home(HOME, with_medicines).hazards == 2
    # ...but the medicines are still an action, listed in the whole-home area as before.
    assert "home.medicines" in _by_id(build_actions(HOME, with_medicines))


def test_a_single_missing_grab_rail_is_a_thing_to_do_now() -> None:
    check = _assess({}, ["bath.grab_rail"], ok=[i for i in ALL if i != "bath.grab_rail"])
    actions = build_actions(HOME, check)
    assert count_by_priority(actions) == {"now": 1, "soon": 0, "later": 0}
    assert [a.item_id for a in actions] == ["bath.grab_rail"]


def test_two_items_with_the_same_fix_print_once() -> None:
    same = Text({"nl": "zelfde", "en": "same"})
    a1 = Item("a.one", "a", 1, ("self",), ("seed",), _T, _T, same)
    a2 = Item("a.two", "a", 3, ("self",), ("seed",), _T, _T, same, groups=("stairs",))
    home = Checklist(areas=(Area("a", _T, _T, True, (a1, a2)),), sources={})
    check = Assessment(date="2026-01-01", areas=["a"], intake={"osteoporosis": True}, answers={
        "a.one": Answer("hazard", note="left", done="2026-02-01"),
        "a.two": Answer("hazard", note="right"),
    })
    (action,) = build_actions(home, check)
    assert (action.item_id, action.priority, action.note, action.done, action.reasons) == (
        "a.two", "now", "right\nleft", "2026-02-01", ("osteoporosis",))


# -- wording per role ---------------------------------------------------------------------------


def test_questions_about_someone_else_never_say_you() -> None:
    import re

    content = person.person_content()
    you = {"en": r"\b(you|your|yourself)\b", "nl": r"\b(je|jij|jou|jouw|jezelf)\b"}
    for lang in LANGUAGES:
        texts = [content.intro_about(lang), content.fesi_intro_about(lang)]
        for question in content.questions.values():
            texts += list(question.wording(lang, "Mum"))
        for text in texts:
            assert not re.search(you[lang], text, re.IGNORECASE), text
        # and the person's own wording does speak to "you"/"je"
        assert re.search(you[lang], content.questions["lives_alone"].wording(lang, None)[0], re.I)


def test_person_factors_are_listed_with_the_person() -> None:
    from homecheck.domain.scoring import person_factors

    check = _assess({}, ["home.medicines", "bath.mat"])
    assert [item.id for item in person_factors(HOME, check)] == ["home.medicines"]
    check.areas.remove("home")
    assert person_factors(HOME, check) == []
