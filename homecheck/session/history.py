"""Checks over time, as the client page and the start page list them (built on the store)."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from homecheck.domain.content import Checklist
from homecheck.store.db import CheckInfo, Store


class CheckSummary(NamedTuple):
    """One earlier check: when, by whom, how it came out and what is still to do."""

    id: int
    date: str
    finished: bool
    role: str
    assessor: str
    score: int | None
    open_actions: int  # open actions (not ticked done), person actions included
    answered: int


def _newest_first(infos: list[CheckInfo]) -> list[CheckInfo]:
    return sorted(infos, key=lambda info: (info.date, info.id), reverse=True)


def profile_checks(store: Store, client_id: int | None) -> list[CheckInfo]:
    """The checks of one client, or of the person's own profile (None), newest first."""
    if client_id is not None:
        return _newest_first(store.list_checks(client_id))
    return _newest_first(store.own_checks())


def followup_base(store: Store, client_id: int | None) -> CheckInfo | None:
    """The newest finished check of a profile: the one a follow-up compares with."""
    return next((c for c in profile_checks(store, client_id) if c.status == "done"), None)


class _Dated(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def date(self) -> str: ...


def goes_on_first(unfinished: _Dated | None, finished: _Dated | None) -> bool:
    """Whether going on with the ``unfinished`` check is chosen first: only when it is newer
    than the last ``finished`` check. An older one (left a year ago, the home checked since)
    was most likely left for good: it is still offered, but checking again comes first."""
    if unfinished is None:
        return False
    return finished is None or (unfinished.date, unfinished.id) > (finished.date, finished.id)


def summaries(store: Store, checklist: Checklist, client_id: int | None) -> list[CheckSummary]:
    """Every check of a profile with its score and open actions, newest first.

    The open actions are counted by ``open_counts``, as the summary, the PDF and ``score`` do.
    """
    from homecheck.domain.actions import open_counts  # the clients list, not the start page
    from homecheck.domain.scoring import score_home

    found = []
    infos = profile_checks(store, client_id)
    assessments = store.load_checks([info.id for info in infos])  # two queries for them all
    for info in infos:
        assessment = assessments[info.id]
        found.append(
            CheckSummary(
                id=info.id,
                date=info.date,
                finished=info.status == "done",
                role=info.role,
                assessor=assessment.assessor,
                score=score_home(checklist, assessment).score,
                open_actions=sum(open_counts(checklist, assessment).values()),
                answered=info.answered,
            )
        )
    return found


def last_header(store: Store) -> tuple[str, str]:
    """(role, assessor) of the most recently changed check: a therapist's laptop starts as one."""
    latest = store.latest_check()
    if latest is None:
        return "self", ""
    assessor = store.load_check(latest.id).assessor if latest.role == "therapist" else ""
    return latest.role, assessor
