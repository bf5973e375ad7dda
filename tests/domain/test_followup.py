"""Follow-up comparison on crafted pairs of checks."""

from __future__ import annotations

import dataclasses
import random

import pytest

from homecheck.domain.actions import (
    FALLS_ASSESSMENT,
    FEAR_OF_FALLING,
    PERSON_ACTIONS,
    STRENGTH_BALANCE,
    TALK_ABOUT_FALL,
    build_actions,
    open_counts,
)
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import Checklist, checklist
from homecheck.domain.followup import compare, prefilled_from
from homecheck.domain.scoring import is_home_item


@pytest.fixture(scope="module")
def content() -> Checklist:
    return checklist()


def _check(content: Checklist, date: str, answers: dict[str, Answer]) -> Assessment:
    return Assessment.new(content, date=date, answers=answers)


def test_fixed_open_new_and_not_rechecked_are_told_apart(content: Checklist) -> None:
    a, b, c, d, e, f = (item.id for item in list(content.items())[:6])
    before = _check(
        content,
        "2026-03-12",
        {
            a: Answer("hazard"),
            b: Answer("hazard"),
            c: Answer("hazard"),
            d: Answer("hazard", done="2026-04-01"),
            e: Answer("ok"),
        },
    )
    after = _check(
        content,
        "2026-05-01",
        {a: Answer("ok"), b: Answer("hazard"), e: Answer("hazard"), f: Answer("na")},
    )
    result = compare(content, before, after)
    assert result.fixed == (a, d)  # d: not re-checked, but the action log says done
    assert result.still_open == (b,)
    assert result.not_rechecked == (c,)
    assert result.new == (e,)
    assert result.previous_actions == 4
    assert result.since == "2026-03-12"


# One previous hazard against each kind of answer now: (answer now, done now, done before,
# area still in the check) -> the group it lands in.
RULES = [
    pytest.param("ok", None, None, True, "fixed", id="fine-now"),
    pytest.param("na", None, None, True, "fixed", id="not-applicable-now"),
    pytest.param("ok", "2026-05-02", None, True, "fixed", id="fine-and-done-now"),
    pytest.param("hazard", None, None, True, "still_open", id="hazard-again"),
    pytest.param("hazard", "2026-05-03", None, True, "fixed", id="hazard-then-done-now"),
    pytest.param("hazard", None, "2026-04-01", True, "still_open", id="done-before-but-back"),
    pytest.param("hazard", "2026-05-03", "2026-04-01", True, "fixed", id="done-before-and-now"),
    pytest.param(None, None, "2026-04-01", True, "fixed", id="not-answered-done-before"),
    pytest.param(None, None, None, True, "not_rechecked", id="not-answered"),
    pytest.param("hazard", "2026-05-03", None, False, "not_rechecked", id="area-left-out-now"),
    pytest.param("ok", None, None, False, "not_rechecked", id="fine-in-area-left-out"),
    pytest.param("hazard", None, "2026-04-01", False, "fixed", id="area-left-out-done-before"),
]
GROUPS = ("fixed", "still_open", "new", "not_rechecked")


@pytest.mark.parametrize(("now", "done_now", "done_before", "area_now", "group"), RULES)
def test_a_previous_hazard_lands_in_exactly_one_group(
    content: Checklist,
    now: str | None,
    done_now: str | None,
    done_before: str | None,
    area_now: bool,
    group: str,
) -> None:
    item = content.area("stairs").items[0].id
    before = _check(content, "2026-03-12", {item: Answer("hazard", done=done_before)})
    answers = {} if now is None else {item: Answer(now, done=done_now)}
    after = _check(content, "2026-05-01", answers)
    if not area_now:
        after.areas.remove("stairs")
    result = compare(content, before, after)
    assert {g: getattr(result, g) for g in GROUPS} == {
        g: (item,) if g == group else () for g in GROUPS
    }
    assert result.previous_actions == 1


@pytest.mark.parametrize(
    ("before", "now", "done_now", "is_new"),
    [
        pytest.param(None, "hazard", None, True, id="not-answered-before"),
        pytest.param("ok", "hazard", None, True, id="fine-before"),
        # Found and ticked done on this check: nothing to do, so in no group of things to do.
        pytest.param("na", "hazard", "2026-05-03", False, id="new-and-already-done"),
        pytest.param("ok", "ok", None, False, id="fine-both-times"),
        pytest.param(None, "na", None, False, id="not-applicable-now"),
    ],
)
def test_new_hazards_are_new_unless_already_done(
    content: Checklist, before: str | None, now: str, done_now: str | None, is_new: bool
) -> None:
    item = next(content.items()).id
    earlier = _check(content, "2026-03-12", {} if before is None else {item: Answer(before)})
    result = compare(content, earlier, _check(content, "2026-05-01",
                                              {item: Answer(now, done=done_now)}))
    assert result.new == ((item,) if is_new else ())
    assert result.fixed == result.still_open == result.not_rechecked == ()


def test_scores_before_and_after_come_from_the_scoring_module(content: Checklist) -> None:
    items = list(content.items())[:4]
    before = _check(content, "2026-01-01", {i.id: Answer("hazard") for i in items})
    after = _check(content, "2026-02-01", {i.id: Answer("ok") for i in items})
    result = compare(content, before, after)
    assert result.score_before == 0
    assert result.score_after == 100


def test_not_applicable_now_counts_as_fixed(content: Checklist) -> None:
    item = next(content.items()).id
    result = compare(
        content,
        _check(content, "2026-01-01", {item: Answer("hazard")}),
        _check(content, "2026-02-01", {item: Answer("na")}),
    )
    assert result.fixed == (item,)


def test_hazards_in_areas_the_home_no_longer_lists_are_not_compared(content: Checklist) -> None:
    stairs = content.area("stairs").items[0].id
    before = _check(content, "2026-01-01", {stairs: Answer("hazard")})
    after = _check(content, "2026-02-01", {})
    after.areas.remove("stairs")
    before.areas.remove("stairs")
    assert compare(content, before, after).previous_actions == 0


def test_prefilled_check_keeps_the_home_but_not_the_answers(content: Checklist) -> None:
    previous = _check(content, "2026-01-01", {next(content.items()).id: Answer("hazard")})
    previous.areas.remove("garden")
    previous.client = "Mrs J."
    follow = prefilled_from(previous, "2026-03-01")
    assert follow.areas == previous.areas
    assert follow.client == "Mrs J."
    assert follow.date == "2026-03-01"
    assert follow.answers == {}
    follow.areas.append("garden")
    assert "garden" not in previous.areas  # a copy, not shared


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Mrs J. de Vries", "  mrs j. DE VRIES ", True),
        ("Straße 1", "STRASSE 1", True),  # casefold, not lower
        ("", "   ", True),
        ("Mrs J.", "Mrs K.", False),
        ("Mrs J.", "", False),
        ("Anna de Boer", "Anna  de Boer", False),  # inner spaces count
    ],
)
def test_same_client_ignores_case_and_surrounding_spaces(a: str, b: str, same: bool) -> None:
    from homecheck.domain.followup import same_client

    assert same_client(a, b) is same
    assert same_client(b, a) is same


def test_a_part_of_the_home_with_no_answer_now_was_not_checked_now(content: Checklist) -> None:
    """A follow-up keeps every part of the home; one nobody looked at this time is "not
    checked this time", never "0 things to do" (which would read as all fixed)."""
    hall = content.area("hallway").items
    entrance = content.area("entrance").items
    before = _check(content, "2026-01-01", {hall[0].id: Answer("hazard"),
                                            hall[1].id: Answer("hazard"),
                                            entrance[0].id: Answer("hazard")})
    after = prefilled_from(before, "2026-02-01")
    after.answers[entrance[0].id] = Answer("ok")  # only the entrance was looked at
    assert "hallway" in after.areas
    changes = {change.area_id: change for change in compare(content, before, after).areas}
    assert (changes["hallway"].before, changes["hallway"].after) == (2, None)
    assert (changes["entrance"].before, changes["entrance"].after) == (1, 0)
    # And the other way round: a part with no answer then was not checked then.
    again = prefilled_from(after, "2026-03-01")
    again.answers[hall[0].id] = Answer("hazard")
    changes = {change.area_id: change for change in compare(content, after, again).areas}
    assert (changes["hallway"].before, changes["hallway"].after) == (None, 1)


# -- actions, not hazards: what the action list counts (one per fix, person actions too) --------


def _with_intake(check: Assessment, **intake: object) -> Assessment:
    check.intake = dict(intake)
    return check


def test_the_person_actions_are_compared_too(content: Checklist) -> None:
    before = _with_intake(_check(content, "2026-03-12", {}), falls_past_year=1, activity_days=2)
    assert [a.item_id for a in build_actions(content, before)] == [TALK_ABOUT_FALL,
                                                                   STRENGTH_BALANCE]
    # Now two falls (the full falls assessment replaces the talk about the fall), active on six
    # days (no exercise advice on that ground) and much worry about falling (new).
    now = _with_intake(_check(content, "2026-05-01", {}), falls_past_year=2, activity_days=6,
                       fesi=[3] * 7)
    result = compare(content, before, now)
    assert result.still_open == (FALLS_ASSESSMENT,)  # the same thing to do, worded for now
    assert result.new == (FEAR_OF_FALLING,)
    assert result.fixed == (STRENGTH_BALANCE,)
    assert result.not_rechecked == ()
    assert result.previous_actions == 2


def test_person_actions_not_asked_again_are_not_checked_this_time(content: Checklist) -> None:
    before = _with_intake(_check(content, "2026-03-12", {}), falls_past_year=1, activity_days=2)
    now = prefilled_from(before, "2026-05-01")  # About you not filled in (yet)
    result = compare(content, before, now)
    assert result.not_rechecked == (TALK_ABOUT_FALL, STRENGTH_BALANCE)
    assert result.fixed == result.still_open == result.new == ()
    # Answered again only in part: what the exercise advice was based on is not known yet.
    now.intake = {"falls_past_year": 0}
    result = compare(content, before, now)
    assert (result.fixed, result.not_rechecked) == ((TALK_ABOUT_FALL,), (STRENGTH_BALANCE,))


def test_two_items_with_one_fix_are_one_action_then_and_now(content: Checklist) -> None:
    first, second = content.area("hallway").items[:2]
    twin = dataclasses.replace(second, fix=first.fix)  # the same advice, as on the list
    hallway = dataclasses.replace(content.area("hallway"),
                                  items=(first, twin, *content.area("hallway").items[2:]))
    shared = dataclasses.replace(
        content, areas=tuple(hallway if a.id == "hallway" else a for a in content.areas)
    )
    before = _check(shared, "2026-03-12", {first.id: Answer("hazard"), twin.id: Answer("hazard")})
    now = _check(shared, "2026-05-01", {first.id: Answer("ok"), twin.id: Answer("hazard")})
    assert len(build_actions(shared, before)) == len(build_actions(shared, now)) == 1
    result = compare(shared, before, now)
    assert result.still_open == (twin.id,) and result.fixed == ()
    assert result.previous_actions == 1
    # Both fine now: the one action is fixed; one of them not answered: not checked yet.
    now.answers[twin.id] = Answer("na")
    assert compare(shared, before, now).fixed == (first.id,)
    del now.answers[twin.id]
    assert compare(shared, before, now).not_rechecked == (first.id,)


def _random_check(rng: random.Random, content: Checklist, date: str) -> Assessment:
    areas = [a for a in content.area_ids() if rng.random() < 0.8]
    answers = {}
    for item in content.items():
        roll = rng.random()
        if roll < 0.4:
            answers[item.id] = Answer("hazard", done="2026-01-02" if rng.random() < 0.3 else None)
        elif roll < 0.7:
            answers[item.id] = Answer(rng.choice(["ok", "na"]))
    intake: dict[str, object] = {}
    for key, value in (("falls_past_year", rng.randint(0, 3)), ("activity_days", rng.randint(0, 7)),
                       ("key_worried", rng.random() < 0.5), ("fall_injury", rng.random() < 0.3),
                       ("fesi", [rng.randint(1, 4) for _ in range(7)])):
        if rng.random() < 0.7:
            intake[key] = value
    check = _check(content, date, answers)
    check.areas = areas
    check.intake = intake
    return check


def test_still_to_do_and_new_are_the_open_actions_of_this_check(content: Checklist) -> None:
    rng = random.Random(15)
    seen = {"person": 0, "done_new": 0}
    for _ in range(150):
        before = _random_check(rng, content, "2026-01-01")
        now = _random_check(rng, content, "2026-03-01")
        result = compare(content, before, now)
        open_now = [a.item_id for a in build_actions(content, now) if not a.done]
        # Still to do and new: exactly the open actions of this check, in its list's order.
        assert sorted(result.still_open + result.new) == sorted(open_now)
        assert result.still_to_do == sum(open_counts(content, now).values())
        assert [i for i in open_now if i in result.still_open] == list(result.still_open)
        assert [i for i in open_now if i in result.new] == list(result.new)
        # Every action of the previous list in exactly one group.
        earlier = [a.item_id for a in build_actions(content, before)]
        assert result.previous_actions == len(earlier)
        assert set(result.fixed).isdisjoint(result.not_rechecked)
        assert set(result.fixed) | set(result.not_rechecked) <= set(earlier)
        seen["person"] += any(i in PERSON_ACTIONS for i in result.still_open + result.new)
        seen["done_new"] += any(
            a.done and a.item_id not in {*earlier} for a in build_actions(content, now)
        )
    assert seen["person"] and seen["done_new"]  # the cases where hazards and actions differ


def _whole_home(content: Checklist, date: str, hazards: int, answered: int | None = None
                ) -> Assessment:
    """Every question answered (or the first ``answered``): the first ``hazards`` home points
    hazards, the rest fine."""
    home = [item.id for item in content.items() if is_home_item(item)]
    others = [item.id for item in content.items() if not is_home_item(item)]
    answers = {item_id: Answer("hazard" if n < hazards else "ok")
               for n, item_id in enumerate(home + others)}
    if answered is not None:
        answers = dict(list(answers.items())[:answered])
    return _check(content, date, answers)


def test_a_partial_follow_up_is_no_score_change(content: Checklist) -> None:
    # The user trial: 7 of the questions answered now, all 100; a full check before, 76.
    before = _whole_home(content, "2026-09-12", hazards=10)
    points = sum(1 for item in content.items() if is_home_item(item))
    partial = compare(content, before, _whole_home(content, "2026-11-02", 0, answered=7))
    assert partial.score_after == 100 and partial.score_before is not None
    assert partial.checked is not None and not partial.checked.same
    assert (partial.checked.before, partial.checked.after) == (points, 7)
    assert (partial.checked.only_before, partial.checked.only_after) == (points - 7, 0)
    assert partial.checked.points == points
    # The other way round: the earlier check looked at fewer points.
    back = compare(content, _whole_home(content, "2026-09-12", 0, answered=7),
                   _whole_home(content, "2026-11-02", 3))
    assert back.checked is not None and not back.checked.same
    assert (back.checked.only_before, back.checked.only_after) == (0, points - 7)


def test_a_complete_follow_up_compares_its_score(content: Checklist) -> None:
    before = _whole_home(content, "2026-09-12", hazards=10)
    full = compare(content, before, _whole_home(content, "2026-11-02", hazards=2))
    assert full.checked is not None and full.checked.same
    assert full.score_before is not None and full.score_after is not None
    assert full.score_before < full.score_after


def test_a_part_of_the_home_left_out_now_makes_the_scores_differ(content: Checklist) -> None:
    before = _whole_home(content, "2026-09-12", hazards=10)
    now = _whole_home(content, "2026-11-02", hazards=0)
    now.areas.remove("stairs")  # every question of the other parts answered
    stairs = sum(1 for item in content.area("stairs").items if is_home_item(item))
    result = compare(content, before, now)
    assert result.checked is not None and result.checked.only_before == stairs > 0
