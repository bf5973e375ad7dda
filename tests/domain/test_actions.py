"""Hazards and person answers become a prioritised action list, in the documented order."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from homecheck.domain.actions import (
    PRIORITIES,
    Action,
    build_actions,
    count_by_priority,
    person_actions,
)
from homecheck.domain.assessment import Answer, Assessment
from tests.domain.strategies import CONTENT, assessments, tiny_checklist

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


# -- count_by_priority -------------------------------------------------------------------------


def test_count_by_priority_has_every_band() -> None:
    assert count_by_priority([]) == {"now": 0, "soon": 0, "later": 0}
    every_hazard = {f"{i.id.replace('.', '_')}": "hazard" for i in HOME.items()}
    actions = build_actions(HOME, _assess(["a", "b", "c"], {"key_fallen": True}, **every_hazard))
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
    # One action per hazard and per fix text: items with the same advice print once.
    fixes = {CONTENT.item(i).fix("en") for i in hazards_in_home}
    assert len(actions) == len(fixes) + len(person)
    hazard_ids = [a.item_id for a in actions if not a.is_person_action]
    assert len(set(hazard_ids)) == len(hazard_ids) and set(hazard_ids) <= set(hazards_in_home)
    assert {CONTENT.item(i).fix("en") for i in hazard_ids} == fixes

    # Ordering: priority, then person advice, then raised hazards, then area, then checklist.
    item_order = {item.id: n for n, item in enumerate(CONTENT.items())}
    area_order = {area_id: n for n, area_id in enumerate(CONTENT.area_ids())}

    def rank(action: Action) -> tuple[int, int, int, int]:
        if action.is_person_action:
            return (PRIORITIES.index(action.priority), -1, 0, 0)
        return (
            PRIORITIES.index(action.priority),
            not action.reasons,
            area_order[action.area_id],
            item_order[action.item_id],
        )

    ranks = [rank(a) for a in actions]
    assert ranks == sorted(ranks)
    for action in actions:
        if not action.is_person_action:
            item = CONTENT.item(action.item_id)
            assert action.area_id == item.area
            # The profile can raise a hazard, never lower it.
            base = PRIORITIES.index({3: "now", 2: "soon", 1: "later"}[item.severity])
            assert PRIORITIES.index(action.priority) <= base
            assert (PRIORITIES.index(action.priority) < base) <= bool(action.reasons)

    counts = count_by_priority(actions)
    assert list(counts) == list(PRIORITIES)
    assert sum(counts.values()) == len(actions)
    for priority, count in counts.items():
        assert count == sum(1 for a in actions if a.priority == priority)
