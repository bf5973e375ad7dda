"""Home and area scores: hand-computed tables on tiny checklists, properties on the real one."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homecheck.domain import scoring
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.scoring import score_area, score_home, weighted_score
from tests.domain.strategies import CONTENT, assessments, example_doc, tiny_checklist


def _assess(areas: list[str], **answers: str) -> Assessment:
    """answers: a_1="hazard" means item a.1 answered hazard."""
    return Assessment(
        date="2026-01-01",
        areas=areas,
        answers={k.replace("_", "."): Answer(v) for k, v in answers.items()},
    )


# -- weighted_score ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hazard_weight", "checked_weight", "score"),
    [
        (0, 0, None),  # nothing checked
        (0, 1, 100),
        (0, 250, 100),
        (1, 1, 0),
        (7, 7, 0),
        (3, 4, 25),
        (1, 4, 75),
        (1, 3, 67),
        (2, 3, 33),
        (1, 150, 99),  # 99.33
        (1, 199, 99),  # 99.497..., rounds to 99 anyway
        (1, 201, 99),  # 99.502 would round to 100: a hazard caps it at 99
        (1, 1000, 99),
        (200, 201, 1),  # 0.497 would round to 0: a safe item lifts it to 1
        (999, 1000, 1),
        (1, 8, 88),  # 87.5: halves round up ...
        (3, 8, 63),  # ... here too (62.5), unlike Python's half-to-even round()
    ],
)
def test_weighted_score(hazard_weight: int, checked_weight: int, score: int | None) -> None:
    assert weighted_score(hazard_weight, checked_weight) == score


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 500).flatmap(lambda c: st.tuples(st.integers(0, c), st.just(c))))
def test_weighted_score_bounds(weights: tuple[int, int]) -> None:
    hazard, checked = weights
    score = weighted_score(hazard, checked)
    if checked == 0:
        assert score is None
        return
    assert score is not None and 0 <= score <= 100
    assert (score == 100) is (hazard == 0)
    assert (score == 0) is (hazard == checked)


# -- one area ----------------------------------------------------------------------------------

TWO = tiny_checklist(a=[3, 1])  # a.1 severity 3, a.2 severity 1


@pytest.mark.parametrize(
    ("answers", "score", "hazards", "answered", "unanswered", "na"),
    [
        ({"a_1": "hazard", "a_2": "ok"}, 25, 1, 2, 0, 0),  # safe 1 of 4
        ({"a_1": "ok", "a_2": "hazard"}, 75, 1, 2, 0, 0),  # safe 3 of 4
        ({"a_1": "ok", "a_2": "ok"}, 100, 0, 2, 0, 0),
        ({"a_1": "hazard", "a_2": "hazard"}, 0, 2, 2, 0, 0),
        ({"a_1": "hazard"}, 0, 1, 1, 1, 0),  # the blank a.2 does not count as safe
        ({"a_2": "ok"}, 100, 0, 1, 1, 0),
        ({"a_1": "na", "a_2": "ok"}, 100, 0, 2, 0, 1),  # na leaves the weight out
        ({"a_1": "na", "a_2": "hazard"}, 0, 1, 2, 0, 1),
        ({"a_1": "ok", "a_2": "na"}, 100, 0, 2, 0, 1),
        ({"a_1": "na", "a_2": "na"}, None, 0, 2, 0, 2),  # answered but nothing applicable
        ({}, None, 0, 0, 2, 0),
    ],
)
def test_score_area(
    answers: dict[str, str], score: int | None, hazards: int, answered: int, unanswered: int,
    na: int,
) -> None:
    result = score_area(TWO.area("a"), _assess(["a"], **answers))
    assert (result.score, result.hazards, result.answered) == (score, hazards, answered)
    assert (result.unanswered, result.not_applicable, result.total) == (unanswered, na, 2)


def test_rounding_never_hides_a_single_hazard() -> None:
    many = tiny_checklist(a=[3] * 100 + [1])  # 301 weight: one severity-1 hazard is 0.3 %
    answers = {f"a_{n}": "ok" for n in range(1, 101)}
    home = score_home(many, _assess(["a"], **answers, a_101="hazard"))
    assert home.score == 99
    home = score_home(many, _assess(["a"], **dict.fromkeys(answers, "hazard"), a_101="ok"))
    assert home.score == 1


# -- the whole home ----------------------------------------------------------------------------

HOME = tiny_checklist(a=[3], b=[1], c=[2, 2])


def test_home_weights_items_not_area_averages() -> None:
    home = score_home(HOME, _assess(["a", "b"], a_1="hazard", b_1="ok"))
    assert [a.score for a in home.areas] == [0, 100]
    assert home.score == 25  # safe 1 of 4; the mean of the area scores would be 50
    assert (home.hazards, home.answered, home.unanswered, home.total) == (1, 2, 0, 2)


def test_absent_areas_are_left_out_entirely() -> None:
    present = score_home(HOME, _assess(["a", "b"], a_1="ok", b_1="ok"))
    with_stray = score_home(HOME, _assess(["a", "b"], a_1="ok", b_1="ok", c_1="hazard"))
    assert with_stray == present
    assert present.score == 100
    assert [a.area_id for a in present.areas] == ["a", "b"]


def test_areas_follow_checklist_order_not_the_assessment() -> None:
    home = score_home(HOME, _assess(["c", "a"]))
    assert [a.area_id for a in home.areas] == ["a", "c"]


def test_unanswered_counts_only_present_areas() -> None:
    home = score_home(HOME, _assess(["a", "c"], c_1="hazard"))
    assert (home.score, home.hazards, home.answered, home.unanswered) == (0, 1, 1, 2)


@pytest.mark.parametrize(
    ("areas", "answers", "score"),
    [
        ([], {}, None),
        (["a", "b", "c"], {}, None),
        (["a", "b", "c"], {"a_1": "na", "b_1": "na"}, None),
        (["a", "b", "c"], {"a_1": "ok", "b_1": "ok", "c_1": "ok", "c_2": "ok"}, 100),
        (["a", "b", "c"], {"a_1": "ok", "b_1": "ok", "c_1": "ok", "c_2": "hazard"}, 75),  # 6/8
        (["a", "b", "c"], {"a_1": "hazard", "b_1": "na", "c_1": "ok", "c_2": "ok"}, 57),  # 4/7
        (["b", "c"], {"b_1": "hazard", "c_1": "ok"}, 67),  # 2/3
        (["a", "b", "c"], {"a_1": "hazard", "b_1": "hazard", "c_1": "hazard"}, 0),
    ],
)
def test_home_score_table(areas: list[str], answers: dict[str, str], score: int | None) -> None:
    assert score_home(HOME, _assess(areas, **answers)).score == score


def test_examples_score_as_by_hand() -> None:
    from homecheck.domain import assessment as fmt

    full = fmt.from_dict(example_doc("full-check.json"), CONTENT)
    home = score_home(CONTENT, full)
    # The home score counts the home's items; items about the person (group "person") are left out.
    home_answers = {
        i: a for i, a in full.answers.items() if scoring.is_home_item(CONTENT.item(i))
    }
    hazards = [i for i, a in home_answers.items() if a.answer == "hazard"]
    # 24 hazards in the file (25 before issue 13 merged the hallway and living-room rugs), 2 of
    # them about the person: they count as hazards of their area (as the action list lists
    # them), but not in the score
    assert len(hazards) == 22
    assert home.hazards == sum(1 for a in full.answers.values() if a.answer == "hazard") == 24
    safe = sum(CONTENT.item(i).severity for i, a in home_answers.items() if a.answer == "ok")
    unsafe = sum(CONTENT.item(i).severity for i in hazards)
    assert home.score == int(100 * safe / (safe + unsafe) + 0.5)
    empty = fmt.from_dict(example_doc("empty-home.json"), CONTENT)
    home = score_home(CONTENT, empty)
    assert home.score is None
    assert all(a.score is None for a in home.areas)
    assert home.unanswered == len(list(CONTENT.items()))


# -- properties on the real checklist ----------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(assessment=assessments(stray_answers=True, plain=True))
def test_scores_are_in_range_and_counts_add_up(assessment: Assessment) -> None:
    home = score_home(CONTENT, assessment)
    assert [a.area_id for a in home.areas] == [
        a for a in CONTENT.area_ids() if a in assessment.areas
    ]
    for area in home.areas:
        assert area.score is None or 0 <= area.score <= 100
        assert area.answered + area.unanswered == area.total
        assert area.not_applicable <= area.answered
        assert area.hazards <= area.answered - area.not_applicable
        # 100 only without a hazard among the area's home items (the person's don't weigh).
        home_hazards = sum(
            1
            for item in CONTENT.area(area.area_id).items
            if scoring.is_home_item(item)
            and getattr(assessment.answers.get(item.id), "answer", None) == "hazard"
        )
        assert (area.score == 100) is (home_hazards == 0 and area.score is not None)
    assert home.score is None or 0 <= home.score <= 100
    assert home.hazards == sum(
        1
        for item_id, answer in assessment.answers.items()
        if answer.answer == "hazard"
        and CONTENT.item(item_id).area in assessment.areas
    )
    assert (home.score is None) is all(a.score is None for a in home.areas)


@settings(max_examples=200, deadline=None)
@given(assessment=assessments(stray_answers=True, plain=True), data=st.data())
def test_adding_a_hazard_never_raises_a_score(assessment: Assessment, data: st.DataObject) -> None:
    candidates = [
        item
        for item in CONTENT.items()
        if item.area in assessment.areas
        and scoring.is_home_item(item)  # items about the person are not in the home score
        and getattr(assessment.answers.get(item.id), "answer", None) != "hazard"
    ]
    if not candidates:
        return
    item = data.draw(st.sampled_from(candidates))
    answers = {**assessment.answers, item.id: Answer("hazard")}
    worse = dataclasses.replace(assessment, answers=answers)
    before, after = score_home(CONTENT, assessment), score_home(CONTENT, worse)
    assert after.hazards == before.hazards + 1
    assert after.score is not None and after.score < 100
    if before.score is not None:
        assert after.score <= before.score
    area_before = next(a for a in before.areas if a.area_id == item.area)
    area_after = next(a for a in after.areas if a.area_id == item.area)
    assert area_after.score is not None
    if area_before.score is not None:
        assert area_after.score <= area_before.score


def test_an_area_answered_all_not_applicable_is_checked_with_nothing_to_do() -> None:
    content = tiny_checklist(a=[2, 3], b=[1])
    all_na = score_home(content, _assess(["a", "b"], a_1="na", a_2="na", b_1="ok"))
    area_a, area_b = all_na.areas
    assert area_a.score is None and area_a.nothing_to_do  # not "not checked"
    assert not area_b.nothing_to_do and area_b.score == 100
    assert not all_na.nothing_to_do
    # One item still open: not checked yet, so not "nothing to do".
    open_one = score_home(content, _assess(["a", "b"], a_1="na"))
    assert not open_one.areas[0].nothing_to_do and open_one.areas[0].score is None
    everything_na = score_home(content, _assess(["a", "b"], a_1="na", a_2="na", b_1="na"))
    assert everything_na.nothing_to_do and everything_na.score is None
