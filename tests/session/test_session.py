"""The session writes every change to the assessment and the store at once (no Qt needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from homecheck.domain.content import checklist
from homecheck.session.changes import Change, ChangeKind
from homecheck.session.session import Session
from homecheck.store.db import Store


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store(tmp_path / "db.sqlite3")
    yield s
    s.close()


def _reread(store: Store, check_id: int):  # type: ignore[no-untyped-def]
    other = Store(store.path)
    try:
        return other.load_check(check_id)
    finally:
        other.close()


def test_each_change_is_committed_at_once(store: Store) -> None:
    seen: list[Change] = []
    session = Session(store, checklist(), "nl")
    session.subscribe(seen.append)
    session.start_new("therapist", "Mrs J", "Anna")
    item = checklist().areas[0].items[0].id
    session.set_answer(item, "hazard")
    session.set_note(item, "loose tile")
    session.set_intake("pain", "often")
    session.set_area_present("garden", False)
    stored = _reread(store, session.check_id)
    assert stored.answers[item].answer == "hazard" and stored.answers[item].note == "loose tile"
    assert stored.intake == {"pain": "often"}
    assert "garden" not in stored.areas and stored.role == "therapist"
    assert seen[0] == Change(ChangeKind.CHECK)
    assert Change(ChangeKind.AREAS) in seen and Change(ChangeKind.ANSWER, item_id=item) in seen
    session.set_answer(item, "ok")  # a changed answer keeps its note
    assert _reread(store, session.check_id).answers[item].note == "loose tile"
    session.set_answer(item, None)
    assert item not in _reread(store, session.check_id).answers


def test_guards(store: Store) -> None:
    session = Session(store, checklist(), "en")
    item = checklist().areas[0].items[0].id
    with pytest.raises(ValueError, match="before adding a note"):
        session.set_note(item, "x")
    with pytest.raises(ValueError, match="every check"):
        session.set_area_present("whole_home", False)
    with pytest.raises(KeyError):
        session.set_answer("nowhere.nothing", "ok")
    session.set_language("nl")
    assert session.check_id is None  # a language switch alone stores nothing


def test_export_leaves_out_absent_areas(store: Store) -> None:
    session = Session(store, checklist(), "en")
    garden = checklist().area("garden").items[0].id
    hall = checklist().area("hallway").items[0].id
    session.set_answer(garden, "hazard")
    session.set_answer(hall, "ok")
    session.set_area_present("garden", False)
    exported = session.exported()
    assert list(exported.answers) == [hall]
    assert garden in session.assessment.answers  # kept, in case the garden comes back
    assert session.score().hazards == 0


def test_a_finished_check_opened_again_is_reviewed_not_under_way(store: Store) -> None:
    session = Session(store, checklist(), "en")
    assert not session.reviewing  # nothing loaded
    session.start_new("therapist", "Mrs J", "Anna")
    item = checklist().areas[0].items[0].id
    session.set_answer(item, "hazard")
    first = session.check_id
    assert not session.reviewing  # being filled in
    session.finish()
    assert session.reviewing  # finished: nothing left to continue
    session.start_followup(first, "therapist", "Mrs J", "Anna")
    assert not session.reviewing  # the follow-up is under way
    session.resume(first)
    assert session.reviewing  # the earlier check, opened to look at it
    session.set_done(item, True)  # ticking an action off does not reopen it
    assert session.reviewing
