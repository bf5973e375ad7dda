"""Two homecheck windows on one store: a change made in the other one is never overwritten."""

from __future__ import annotations

from pathlib import Path

from homecheck.domain.content import checklist
from homecheck.session.changes import Change, ChangeKind
from homecheck.session.session import Session
from homecheck.store.db import Store


def _two_windows(tmp_path: Path) -> tuple[Session, Session, list[Change]]:
    path = tmp_path / "db.sqlite3"
    a = Session(Store(path), checklist(), "nl")
    b = Session(Store(path), checklist(), "en")  # two connections: like two processes
    seen: list[Change] = []
    a.subscribe(seen.append)
    a.start_new("self", "", "")
    assert a.check_id is not None
    b.resume(a.check_id)
    return a, b, seen


def test_change_in_other_window_is_reloaded_not_overwritten(tmp_path: Path) -> None:
    a, b, seen = _two_windows(tmp_path)
    first = checklist().areas[0].items[0].id
    b.set_answer(first, "ok")  # the other window answers
    a.set_answer(first, "hazard")  # this window, which still shows no answer
    assert seen[-1] == Change(ChangeKind.CHANGED_ELSEWHERE)
    answer = a.answer(first)
    assert answer is not None and answer.answer == "ok"  # reloaded from the store
    assert b.store.load_check(b.check_id).answers[first].answer == "ok"  # type: ignore[arg-type]
    a.set_answer(first, "hazard")  # now A knows what it overwrites: written
    assert seen[-1] == Change(ChangeKind.ANSWER, item_id=first)
    assert b.store.load_check(b.check_id).answers[first].answer == "hazard"  # type: ignore[arg-type]
    a.set_note(first, "loose rug")
    assert [c.kind for c in seen].count(ChangeKind.CHANGED_ELSEWHERE) == 1
    a.close()
    b.close()


def test_a_change_to_another_check_is_no_conflict(tmp_path: Path) -> None:
    a, b, seen = _two_windows(tmp_path)
    b.start_new("self", "", "")  # the other window works on a check of its own
    item = checklist().areas[0].items[0].id
    b.set_answer(item, "ok")
    a.set_answer(item, "hazard")
    assert ChangeKind.CHANGED_ELSEWHERE not in [c.kind for c in seen]
    assert a.answer(item) is not None and a.answer(item).answer == "hazard"  # type: ignore[union-attr]
    a.close()
    b.close()


def test_check_deleted_in_other_window(tmp_path: Path) -> None:
    a, b, seen = _two_windows(tmp_path)
    check_id = a.check_id
    b.set_aside("self", "")
    b.delete_check(check_id)  # type: ignore[arg-type]
    item = checklist().areas[0].items[0].id
    a.set_answer(item, "hazard")
    assert seen[-1] == Change(ChangeKind.CHANGED_ELSEWHERE)
    assert a.check_id is None and a.answer(item) is None
    a.set_answer(item, "hazard")  # goes into a new check, not into the deleted one
    assert a.check_id is not None  # a new row (SQLite may give it the freed id)
    assert a.store.load_check(a.check_id).answers[item].answer == "hazard"
    a.close()
    b.close()
