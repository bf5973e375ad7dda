"""The start page's ways to begin, without Qt: continue, check again, look, or start anew."""

from __future__ import annotations

from pathlib import Path

import pytest

from homecheck.domain.content import checklist
from homecheck.session.session import Session
from homecheck.session.start_choice import MODES, StartChoice
from homecheck.store.db import Store


@pytest.fixture
def session(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Session(Store(tmp_path / "db.sqlite3"), checklist(), "en")
    yield s
    s.close()


def _possible(choice: StartChoice, session: Session, role: str = "self") -> list[str]:
    return [mode for mode in MODES if choice.possible(mode, session, role)]


def _finished_own_check(session: Session) -> int:
    session.start_new("self", "", "")
    session.set_answer(checklist().areas[0].items[0].id, "hazard")
    session.finish()
    assert session.check_id is not None
    return session.check_id


def test_a_first_check_can_only_start_anew(session: Session) -> None:
    choice = StartChoice(session.unfinished())
    choice.read(session)
    assert _possible(choice, session) == ["new"]
    assert choice.first_mode(session, "self") == "new"
    assert choice.resume_page == "" and choice.defaults == ("self", "")


def test_an_unfinished_check_is_continued_where_it_stopped(session: Session) -> None:
    session.start_new("therapist", "Mrs J", "Anna")
    session.set_current_page("area:kitchen")
    choice = StartChoice(session.unfinished())
    choice.read(session)
    assert choice.first_mode(session, "therapist") == "resume"
    assert choice.resume_page == "area:kitchen"
    assert choice.defaults == ("therapist", "Anna")  # a therapist's laptop starts as one
    assert _possible(choice, session, "therapist") == ["resume", "new"]
    choice.decided = True  # chosen on leaving the page: not offered again
    assert not choice.possible("resume", session, "therapist")


def test_a_finished_own_check_is_checked_again_or_looked_at_only_by_the_person(
    session: Session,
) -> None:
    check_id = _finished_own_check(session)
    choice = StartChoice(session.unfinished())
    choice.read(session)
    assert choice.base is not None and choice.base.id == check_id
    assert choice.first_mode(session, "self") == "followup"
    assert _possible(choice, session) == ["followup", "review", "new"]
    # A therapist or caregiver picks the person, and so the earlier check, on the next page.
    assert _possible(choice, session, "caregiver") == ["new"]
    assert choice.first_mode(session, "caregiver") == "new"


def test_looking_at_the_own_finished_check_keeps_the_choice_of_what_comes_next(
    session: Session,
) -> None:
    check_id = _finished_own_check(session)
    choice = StartChoice(None)
    choice.read(session)
    session.resume(check_id)
    choice.decided = True
    assert choice.reviewing_own(session, "self")
    assert _possible(choice, session) == ["followup", "review", "new"]
    assert not choice.reviewing_own(session, "therapist")
    assert _possible(choice, session, "therapist") == []


def test_nothing_new_when_nothing_can_be_stored(session: Session, tmp_path: Path) -> None:
    _finished_own_check(session)
    session.close()
    looking = Session(Store(tmp_path / "db.sqlite3", read_only=True), checklist(), "en")
    try:
        choice = StartChoice(looking.unfinished())
        choice.read(looking)
        assert looking.read_only
        assert _possible(choice, looking) == ["review"]
        assert choice.first_mode(looking, "self") == "review"
    finally:
        looking.close()


def test_only_the_questions_about_the_person_answered_is_said_so(session: Session) -> None:
    session.start_new("self", "", "")
    session.set_intake("pain", "often")
    choice = StartChoice(session.unfinished())
    assert choice.person_only(session)
    session.set_answer(checklist().areas[0].items[0].id, "ok")
    assert not StartChoice(session.unfinished()).person_only(session)
    assert not StartChoice(None).person_only(session)


def test_forget_leaves_nothing_to_continue_or_compare(session: Session) -> None:
    _finished_own_check(session)
    session.start_new("therapist", "Mrs J", "Anna")
    choice = StartChoice(session.unfinished(), decided=True, deleted="2026-11-30")
    choice.read(session)
    choice.forget()
    assert choice == StartChoice(None)


def test_an_unfinished_check_older_than_the_last_finished_one_is_offered_but_not_chosen(
    session: Session,
) -> None:
    session.start_new("self", "", "")
    session.set_answer(checklist().areas[0].items[0].id, "ok")
    assert session.check_id is not None
    session.assessment.date = "2025-12-24"  # left a year ago
    session.store.save_header(session.check_id, session.assessment)
    _finished_own_check(session)  # the home checked again since, and finished
    choice = StartChoice(session.unfinished())
    choice.read(session)
    assert choice.offer is not None and choice.offer.date == "2025-12-24"
    assert choice.first_mode(session, "self") == "followup"
    assert _possible(choice, session) == ["resume", "followup", "review", "new"]
    # A therapist or caregiver picks the person next: going on stays the first choice here.
    assert choice.first_mode(session, "therapist") == "resume"
