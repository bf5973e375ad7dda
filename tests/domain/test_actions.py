"""Hazards and person answers become a prioritised action list, in the documented order."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from homecheck.domain import assessment as fmt
from homecheck.domain.actions import (
    DISCUSS_FALL_RISK,
    FEAR_OF_FALLING,
    PERSON_AREA,
    PRIORITIES,
    Action,
    build_actions,
    count_by_priority,
    key_questions_yes,
    person_actions,
)
from homecheck.domain.assessment import Answer, Assessment
from tests.domain.strategies import CONTENT, assessments, example_doc, tiny_checklist

N = None
# Areas in checklist order a, b, c; severities per item.
HOME = tiny_checklist(a=[1, 3, 2], b=[3, 1], c=[2])


def _assess(areas: list[str], intake: dict[str, Any] | None = None, **answers: Any) -> Assessment:
    built = {}
    for key, value in answers.items():
        built[key.replace("_", ".")] = value if isinstance(value, Answer) else Answer(value)
    return Assessment(date="2026-01-01", areas=areas, intake=intake or {}, answers=built)


def _ids(actions: list[Action]) -> list[str]:
    return [a.item_id for a in actions]


@pytest.mark.parametrize(("severity", "priority"), [(3, "now"), (2, "soon"), (1, "later")])
def test_priority_comes_from_severity(severity: int, priority: str) -> None:
    item = next(i for i in HOME.items() if i.severity == severity)
    actions = build_actions(HOME, _assess(["a", "b", "c"], **{item.id.replace(".", "_"): "hazard"}))
    assert [(a.item_id, a.priority, a.severity) for a in actions] == [(item.id, priority, severity)]


def test_order_is_priority_then_area_then_checklist() -> None:
    every_hazard = {f"{i.id.replace('.', '_')}": "hazard" for i in HOME.items()}
    actions = build_actions(HOME, _assess(["c", "b", "a"], **every_hazard))
    assert _ids(actions) == [
        "a.2", "b.1",  # now: area a before b
        "a.3", "c.1",  # soon
        "a.1", "b.2",  # later
    ]  # fmt: skip


def test_only_hazards_become_actions() -> None:
    actions = build_actions(HOME, _assess(["a", "b", "c"], a_1="ok", a_2="na", a_3="hazard"))
    assert _ids(actions) == ["a.3"]


def test_hazards_in_absent_areas_are_left_out() -> None:
    actions = build_actions(HOME, _assess(["a"], a_2="hazard", b_1="hazard", c_1="hazard"))
    assert _ids(actions) == ["a.2"]


def test_note_and_done_date_travel_with_the_action() -> None:
    answer = Answer("hazard", note="left side only", done="2026-02-03")
    (action,) = build_actions(HOME, _assess(["b"], b_1=answer))
    assert (action.note, action.done, action.area_id) == ("left side only", "2026-02-03", "b")
    assert not action.is_person_action


def test_no_hazards_no_actions() -> None:
    assert build_actions(HOME, _assess(["a", "b", "c"], a_1="ok", b_1="ok")) == []
    assert build_actions(HOME, _assess([])) == []


# -- person actions ----------------------------------------------------------------------------

DISCUSS = (DISCUSS_FALL_RISK, "now")
FEAR = (FEAR_OF_FALLING, "soon")


@pytest.mark.parametrize(
    ("intake", "expected"),
    [
        ({}, []),
        ({"key_fallen": True}, [DISCUSS]),
        ({"key_worried": True}, [DISCUSS]),
        ({"key_unsteady": True}, [DISCUSS]),
        ({"key_fallen": True, "key_worried": True, "key_unsteady": True}, [DISCUSS]),  # once
        ({"key_fallen": False, "key_worried": False, "key_unsteady": False}, []),
        ({"key_fallen": None, "key_worried": None, "key_unsteady": None}, []),
        # Only the three key questions count, not the other intake answers:
        ({"fear_of_falling": True, "fear_limits_activities": True, "falls_past_year": 4}, []),
        ({"fesi": [1, 1, 1, 1, 1, 1, 1]}, []),  # 7: low
        ({"fesi": [2, 1, 1, 1, 1, 1, 1]}, []),  # 8: low
        ({"fesi": [2, 2, 1, 1, 1, 1, 1]}, [FEAR]),  # 9: moderate
        ({"fesi": [4, 4, 4, 4, 4, 4, 4]}, [FEAR]),  # 28: high
        ({"fesi": [1, 1, 1, 1, 1, 2, N]}, [FEAR]),  # prorated to 9
        ({"fesi": [4, 4, 4, 4, 4, N, N]}, []),  # not scored
        ({"fesi": None}, []),
        ({"key_unsteady": True, "fesi": [3, 3, 3, 3, 3, 3, 3]}, [DISCUSS, FEAR]),
    ],
)
def test_person_actions(intake: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    actions = person_actions(_assess([], intake))
    assert [(a.item_id, a.priority) for a in actions] == expected
    assert all(a.area_id == PERSON_AREA and a.is_person_action for a in actions)


def test_key_questions_yes_lists_only_true_answers() -> None:
    intake = {"key_fallen": True, "key_worried": False, "key_unsteady": True}
    assert key_questions_yes(_assess([], intake)) == ["key_fallen", "key_unsteady"]


def test_person_advice_leads_its_priority_band() -> None:
    intake = {"key_fallen": True, "fesi": [4, 4, 4, 4, 4, 4, 4]}
    actions = build_actions(HOME, _assess(["a", "b", "c"], intake, a_1="hazard", a_2="hazard",
                                          a_3="hazard", b_1="hazard"))
    assert [(a.item_id, a.priority) for a in actions] == [
        (DISCUSS_FALL_RISK, "now"), ("a.2", "now"), ("b.1", "now"),
        (FEAR_OF_FALLING, "soon"), ("a.3", "soon"),
        ("a.1", "later"),
    ]  # fmt: skip


def test_therapist_example_actions() -> None:
    doc = example_doc("therapist-visit.json")
    visit = fmt.from_dict(doc, CONTENT)
    actions = build_actions(CONTENT, visit)
    hazards = [item_id for item_id, a in doc["answers"].items() if a["answer"] == "hazard"]
    assert len(actions) == len(hazards) + 2
    assert actions[0].item_id == DISCUSS_FALL_RISK
    assert _ids(actions).index(FEAR_OF_FALLING) == count_by_priority(actions)["now"]


# -- count_by_priority -------------------------------------------------------------------------


def test_count_by_priority_has_every_band() -> None:
    assert count_by_priority([]) == {"now": 0, "soon": 0, "later": 0}
    every_hazard = {f"{i.id.replace('.', '_')}": "hazard" for i in HOME.items()}
    actions = build_actions(HOME, _assess(["a", "b", "c"], {"key_worried": True}, **every_hazard))
    assert count_by_priority(actions) == {"now": 3, "soon": 2, "later": 2}


# -- properties on the real checklist ----------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(assessment=assessments(stray_answers=True, plain=True))
def test_action_list_invariants(assessment: Assessment) -> None:
    actions = build_actions(CONTENT, assessment)
    hazards_in_home = [
        item.id
        for item in CONTENT.items()
        if item.area in assessment.areas
        and getattr(assessment.answers.get(item.id), "answer", None) == "hazard"
    ]
    person = person_actions(assessment)
    assert len(actions) == len(hazards_in_home) + len(person)
    assert sorted(a.item_id for a in actions if not a.is_person_action) == sorted(hazards_in_home)

    # Ordering: priority, then area (person first), then checklist order.
    item_order = {item.id: n for n, item in enumerate(CONTENT.items())}
    area_order = {area_id: n for n, area_id in enumerate(CONTENT.area_ids())}

    def rank(action: Action) -> tuple[int, int, int]:
        if action.is_person_action:
            return (PRIORITIES.index(action.priority), -1, 0)
        return (
            PRIORITIES.index(action.priority),
            area_order[action.area_id],
            item_order[action.item_id],
        )

    ranks = [rank(a) for a in actions]
    assert ranks == sorted(ranks)
    for action in actions:
        if not action.is_person_action:
            item = CONTENT.item(action.item_id)
            assert action.area_id == item.area
            assert action.priority == {3: "now", 2: "soon", 1: "later"}[item.severity]

    counts = count_by_priority(actions)
    assert list(counts) == list(PRIORITIES)
    assert sum(counts.values()) == len(actions)
    for priority, count in counts.items():
        assert count == sum(1 for a in actions if a.priority == priority)
