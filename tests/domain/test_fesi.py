"""Short FES-I scoring: totals, the published bands, the one-missing-item proration rule."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homecheck.domain.fesi import FesiResult, band_for, score_short_fesi

N = None
SCORED = [
    # answers, total, band, answered, prorated
    ([1, 1, 1, 1, 1, 1, 1], 7, "low", 7, False),
    ([2, 1, 1, 1, 1, 1, 1], 8, "low", 7, False),
    ([2, 2, 1, 1, 1, 1, 1], 9, "moderate", 7, False),
    ([3, 2, 2, 2, 2, 1, 1], 13, "moderate", 7, False),
    ([3, 3, 2, 2, 2, 1, 1], 14, "high", 7, False),
    ([4, 4, 4, 4, 4, 4, 4], 28, "high", 7, False),
    ([1, 2, 2, 3, 2, 3, 1], 14, "high", 7, False),  # the full-check example
    # One missing item: ceil(sum x 7 / 6).
    ([4, 4, 4, 4, 4, 4, N], 28, "high", 6, True),
    ([1, 1, 1, 1, 1, 1, N], 7, "low", 6, True),
    ([1, 1, 1, 1, 1, 2, N], 9, "moderate", 6, True),  # 49/6 = 8.17, up to 9: not "low"
    ([N, 2, 1, 1, 1, 1, 1], 9, "moderate", 6, True),  # 49/6 again, the gap at the start
    ([2, 2, 2, 2, 2, 2, N], 14, "high", 6, True),  # exactly 84/6 = 14: no rounding
    ([2, 3, 3, 4, 3, N, 4], 23, "high", 6, True),  # the therapist-visit example: 133/6 = 22.17
    ([2, 2, 2, 1, 1, 1, N], 11, "moderate", 6, True),  # 63/6 = 10.5, up to 11
]


@pytest.mark.parametrize(("answers", "total", "band", "answered", "prorated"), SCORED)
def test_scored(
    answers: list[int | None], total: int, band: str, answered: int, prorated: bool
) -> None:
    assert score_short_fesi(answers) == FesiResult(total, band, answered, prorated)


@pytest.mark.parametrize(
    ("answers", "answered"),
    [
        ([1, 1, 1, 1, 1, N, N], 5),
        ([N, 4, 4, 4, 4, 4, N], 5),
        ([4, N, N, N, N, N, N], 1),
        ([N] * 7, 0),
    ],
)
def test_more_than_one_missing_is_not_scored(answers: list[int | None], answered: int) -> None:
    result = score_short_fesi(answers)
    assert result == FesiResult(None, "not_scored", answered, False)
    assert result.filled_in is (answered > 0)


def test_not_filled_in_at_all() -> None:
    result = score_short_fesi(None)
    assert result == FesiResult(None, "not_scored", 0, False)
    assert not result.filled_in


@pytest.mark.parametrize(
    "answers",
    [
        [0, 1, 1, 1, 1, 1, 1],
        [5, 1, 1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1, 1, -1],
        [1, 1, 1, 1, 1, 1, 1.5],
        [1.0, 1, 1, 1, 1, 1, 1],  # a float equal to 1 is still not an answer
        [True, 1, 1, 1, 1, 1, 1],  # nor is a boolean (True == 1 in Python)
        ["1", 1, 1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1, 1, 1, 1],
        [],
    ],
    ids=repr,
)
def test_bad_values_raise(answers: list[Any]) -> None:
    with pytest.raises(ValueError):
        score_short_fesi(answers)


@pytest.mark.parametrize(
    ("total", "band"),
    [(7, "low"), (8, "low"), (9, "moderate"), (13, "moderate"), (14, "high"), (28, "high")],
)
def test_band_edges(total: int, band: str) -> None:
    assert band_for(total) == band


@pytest.mark.parametrize("total", [6, 29, 0, -7])
def test_band_for_rejects_impossible_totals(total: int) -> None:
    with pytest.raises(ValueError):
        band_for(total)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.none() | st.integers(1, 4), min_size=7, max_size=7))
def test_total_matches_the_published_rule(answers: list[int | None]) -> None:
    result = score_short_fesi(answers)
    given_values = [v for v in answers if v is not None]
    assert result.answered == len(given_values)
    if len(given_values) < 6:
        assert (result.total, result.band) == (None, "not_scored")
        return
    expected = math.ceil(sum(given_values) * 7 / len(given_values))
    assert result.total == expected
    assert type(result.total) is int
    assert 7 <= expected <= 28
    assert result.band == band_for(expected)
    assert result.prorated is (len(given_values) == 6)
