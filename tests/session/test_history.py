"""Checks over time, without Qt: which way to begin comes first when a check is unfinished."""

from __future__ import annotations

from homecheck.session.history import goes_on_first
from homecheck.store.db import CheckInfo


def _check(check_id: int, date: str, status: str) -> CheckInfo:
    return CheckInfo(check_id, status, date, date, "Mrs J", "therapist", 3, "area:kitchen")


def test_an_unfinished_check_newer_than_the_last_finished_one_is_gone_on_with() -> None:
    unfinished = _check(2, "2026-12-02", "in_progress")
    assert goes_on_first(unfinished, None)
    assert goes_on_first(unfinished, _check(1, "2026-11-30", "done"))
    assert goes_on_first(unfinished, _check(1, "2026-12-02", "done"))  # same day, started later


def test_an_unfinished_check_older_than_the_last_finished_one_is_offered_but_not_first() -> None:
    # A check left a year ago, and the home checked (and finished) since: most likely left for
    # good, so checking again from the last finished check comes first.
    finished = _check(3, "2026-12-02", "done")
    assert not goes_on_first(_check(1, "2025-12-24", "in_progress"), finished)
    assert not goes_on_first(_check(2, "2026-12-02", "in_progress"), finished)
    assert not goes_on_first(None, finished)
