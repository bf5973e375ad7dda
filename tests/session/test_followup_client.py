"""A follow-up compares two checks of one person only (issue 15 item 6), decided by same_client."""

from __future__ import annotations

from pathlib import Path

import pytest

from homecheck.domain.content import checklist
from homecheck.domain.followup import OtherClient
from homecheck.session.session import Session
from homecheck.store.db import Store


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store(tmp_path / "db.sqlite3")
    yield s
    s.close()


def _finished(store: Store, client: str, role: str = "self") -> int:
    session = Session(store, checklist(), "en")
    session.start_new(role, client, "")
    session.set_answer(checklist().areas[0].items[0].id, "hazard")
    session.finish()
    assert session.check_id is not None
    return session.check_id


@pytest.mark.parametrize(
    ("earlier", "now"),
    [("", ""), ("Mrs Jansen", "  mrs JANSEN "), ("Mum", "Mum")],
)
def test_a_follow_up_of_the_same_person_is_started(store: Store, earlier: str, now: str) -> None:
    first = _finished(store, earlier)
    session = Session(store, checklist(), "en")
    session.start_followup(first, "self", now, "")
    assert session.previous_id == first and session.check_id not in (None, first)
    assert session.followup_refused() is None
    followup = session.followup()
    assert followup is not None and followup.still_open == () and followup.not_rechecked


@pytest.mark.parametrize(("earlier", "now"), [("Mum", "Dad"), ("", "Mum"), ("Mum", "")])
def test_a_follow_up_of_another_person_is_refused_and_nothing_is_made(
    store: Store, earlier: str, now: str
) -> None:
    first = _finished(store, earlier)
    session = Session(store, checklist(), "en")
    before = store.count_checks()
    with pytest.raises(OtherClient) as refused:
        session.start_followup(first, "self", now, "")
    assert (refused.value.previous, refused.value.current) == (earlier, now)
    assert store.count_checks() == before
    assert session.check_id is None and session.previous is None


def test_a_follow_up_given_another_name_afterwards_is_no_longer_compared(store: Store) -> None:
    first = _finished(store, "Mrs Jansen", role="caregiver")
    session = Session(store, checklist(), "en")
    session.start_followup(first, "caregiver", "Mrs Jansen", "")
    assert session.followup() is not None
    session.set_header("caregiver", "Mr de Boer", "")
    refused = session.followup_refused()
    assert refused is not None and (refused.previous, refused.current) == (
        "Mrs Jansen",
        "Mr de Boer",
    )
    assert session.followup() is None
    session.set_header("caregiver", "MRS JANSEN", "")  # the same person again
    assert session.followup_refused() is None and session.followup() is not None
