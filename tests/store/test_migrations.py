"""Versioned migrations: an older store is upgraded in place (a copy kept first), a newer one is
left alone, and opening does not read the whole file unless there is a reason to."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from homecheck.domain import retired
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import checklist
from homecheck.session import history
from homecheck.session.photos import load_photo
from homecheck.store import clients, connection
from homecheck.store.db import Store
from homecheck.store.errors import StoreDamaged
from homecheck.store.migrations import SCHEMA_VERSION, StoreTooNew
from homecheck.store.paths import DB_NAME, data_dir

FIXTURE = Path(__file__).parent / "fixtures" / "v1"


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement the store runs from now on (values filled in)."""
    seen: list[str] = []
    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(seen.append)
        return conn

    monkeypatch.setattr(connection.sqlite3, "connect", connect)
    return seen


@pytest.fixture
def v1_store() -> Path:
    """The previous homecheck's data folder (tests/store/fixtures/make_v1_store.py), copied."""
    folder = data_dir()
    shutil.copy(FIXTURE / "homecheck.sqlite3", folder / DB_NAME)
    shutil.copytree(FIXTURE / "photos", folder / "photos")
    return folder / DB_NAME


def _schema(path: Path) -> set[tuple[str, str]]:
    raw = sqlite3.connect(path)
    try:
        rows = raw.execute("SELECT type, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        return {(kind, " ".join(str(sql).split())) for kind, sql in rows}
    finally:
        raw.close()


def _version(path: Path) -> str:
    raw = sqlite3.connect(path)
    try:
        return str(raw.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
    finally:
        raw.close()


def test_the_fixture_is_a_version_1_store() -> None:
    assert _version(FIXTURE / "homecheck.sqlite3") == "1"


def test_a_store_of_the_previous_homecheck_opens_with_everything_intact(v1_store: Path) -> None:
    expected = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))
    store = Store(v1_store)
    try:
        assert store.upgraded_from == 1
        for key, want in expected.items():
            check_id = int(key)
            got = store.load_check(check_id)
            assert (got.language, got.role, got.client, got.assessor, got.date) == (
                want["language"], want["role"], want["client"], want["assessor"], want["date"]
            )
            # Answers to items merged or split since (issue 13) come back on the current items.
            answers, areas = retired.map_answers(want["answers"], want["areas"], checklist())
            assert got.areas == areas
            assert got.intake == want["intake"]
            assert got.area_notes == want["area_notes"]
            assert got.answers == {
                item: Answer(a["answer"], note=a["note"], done=a["done"], photos=a["photos"])
                for item, a in answers.items()
            }
            assert clients.client_of_check(store, check_id) == want["client_id"]
            assert clients.previous_check(store, check_id) == want["previous_id"]
            (info,) = [c for c in store.list_checks() if c.id == check_id]
            assert info.status == want["status"] and info.answered == len(answers)
            for answer in answers.values():
                for name in answer["photos"]:
                    assert load_photo(name) == (FIXTURE / "photos" / name).read_bytes()
        # The newest unfinished check is still the one to resume; the own one keeps its page.
        unfinished = store.unfinished_check()
        assert unfinished is not None and unfinished.id == 3
        assert [c.current_page for c in store.own_checks()] == ["area:stairs"]
        assert [c.label for c in clients.list_clients(store)] == [
            "Mrs J. de Vries, Kerkstraat",
            "Mr K. (no checks yet)",
        ]
        # And it goes on working: a new answer is stored.
        store.save_answer(3, "whole_home.loose_rugs", Answer("ok"))
    finally:
        store.close()
    assert _version(v1_store) == str(SCHEMA_VERSION)
    # The copy kept before the upgrade is the old store, as it was.
    (copy,) = v1_store.parent.glob(DB_NAME + ".version-1-*")
    assert _version(copy) == "1"
    assert _schema(copy) == _schema(FIXTURE / "homecheck.sqlite3")
    raw = sqlite3.connect(copy)
    assert raw.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == sum(
        len(c["answers"]) for c in json.loads((FIXTURE / "expected.json").read_text()).values()
    )
    raw.close()
    # Opening again upgrades nothing and keeps no second copy.
    again = Store(v1_store)
    assert again.upgraded_from is None
    assert again.load_check(3).answers["whole_home.loose_rugs"].answer == "ok"
    again.close()
    assert len(list(v1_store.parent.glob(DB_NAME + ".version-*"))) == 1


def test_an_upgraded_store_has_the_same_schema_as_a_new_one(v1_store: Path, tmp_path: Path) -> None:
    Store(v1_store).close()
    Store(tmp_path / "new.sqlite3").close()
    assert _schema(v1_store) == _schema(tmp_path / "new.sqlite3")


def test_a_store_of_a_newer_homecheck_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    Store(path).close()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    raw.execute("CREATE TABLE future_things (x TEXT)")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew, match="newer homecheck") as caught:
        Store(path)
    assert not isinstance(caught.value, StoreDamaged)  # never moved aside as "damaged"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]


@pytest.mark.parametrize("value", ["0", "abc", "-1", ""])
def test_a_nonsense_schema_version_is_damaged(tmp_path: Path, value: str) -> None:
    path = tmp_path / DB_NAME
    Store(path).close()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE meta SET value=? WHERE key='schema_version'", (value,))
    raw.commit()
    raw.close()
    with pytest.raises(StoreDamaged):
        Store(path)


def test_a_normal_open_does_not_read_the_whole_file(tmp_path: Path, statements: list[str]) -> None:
    path = tmp_path / DB_NAME
    Store(path).close()
    statements.clear()
    Store(path).close()
    assert statements and not [s for s in statements if "quick_check" in s.lower()]
    # After an unclean shutdown the caller asks for the check, and it runs.
    Store(path, check_integrity=True).close()
    assert [s for s in statements if "quick_check" in s.lower()]


def test_an_upgrade_checks_the_file_first(v1_store: Path, statements: list[str]) -> None:
    Store(v1_store).close()
    assert [s for s in statements if "quick_check" in s.lower()]


def test_a_damaged_old_store_is_not_upgraded(v1_store: Path) -> None:
    data = bytearray(v1_store.read_bytes())
    # Damage the answers table's page (the last pages) but keep the schema page readable.
    for n in range(len(data) - 3000, len(data) - 100):
        data[n] = 0xA5
    v1_store.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged):
        Store(v1_store)
    assert _version(v1_store) == "1"


def _fill(store: Store, clients_count: int, checks_each: int) -> list[int]:
    content = checklist()
    items = [item.id for item in content.items()][:10]
    ids = []
    for n in range(clients_count):
        client = clients.add_client(store, f"Client {n}")
        ids.append(client)
        for m in range(checks_each):
            answers = {item: Answer("hazard" if k % 2 else "ok") for k, item in enumerate(items)}
            a = Assessment.new(content, role="therapist", client=f"Client {n}",
                               date=f"2025-0{m + 1}-01", answers=answers)
            store.create_check(a, client_id=client)
    for m in range(checks_each):  # the own profile too
        store.create_check(Assessment.new(content, date=f"2025-0{m + 1}-02"))
    return ids


@pytest.fixture
def big(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / DB_NAME)
    yield s
    s.close()


def _count(statements: list[str], call: Any) -> int:
    statements.clear()
    call()
    return len([s for s in statements if s.lstrip().upper().startswith("SELECT")])


def _query_counts(store: Store, client: int, statements: list[str]) -> tuple[int, ...]:
    content = checklist()
    calls = (
        lambda: store.unfinished_check(),
        lambda: history.last_header(store),
        lambda: history.followup_base(store, None),
        lambda: history.followup_base(store, client),
        lambda: history.summaries(store, content, client),
        lambda: history.summaries(store, content, None),
        lambda: clients.list_clients(store, "Client"),
    )
    return tuple(_count(statements, call) for call in calls)


def test_start_page_and_client_list_take_a_constant_number_of_queries(
    tmp_path: Path, statements: list[str]
) -> None:
    counts = []
    for size, checks_each in ((2, 1), (6, 5)):
        store = Store(tmp_path / f"{size}.sqlite3")
        try:
            client = _fill(store, size, checks_each)[0]
            counts.append(_query_counts(store, client, statements))
        finally:
            store.close()
    assert counts[0] == counts[1]


def test_every_per_client_and_per_check_query_uses_an_index(
    tmp_path: Path, statements: list[str]
) -> None:
    store = Store(tmp_path / DB_NAME)
    try:
        client = _fill(store, 3, 2)[0]
        content = checklist()
        check = clients.latest_check(store, client)
        assert check is not None
        statements.clear()
        store.unfinished_check()
        store.latest_check()
        store.load_check(check)
        store.load_checks([check])
        store.list_checks(client)
        store.own_checks()
        history.summaries(store, content, client)
        history.summaries(store, content, None)
        clients.latest_check(store, client)
        clients.latest_check(store, None)
        clients.client_of_check(store, check)
        clients.previous_check(store, check)
        queries = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert queries
        raw = sqlite3.connect(store.path)
        try:
            for sql in queries:
                plan = [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + sql)]
                # A full scan of checks or answers grows with every client ever seen; walking
                # an index in order is fine only to take the first row of it.
                for step in plan:
                    if re.match(r"SCAN (c|a|checks|answers)\b", step):
                        assert "INDEX" in step and "LIMIT 1" in sql, (sql, plan)
        finally:
            raw.close()
    finally:
        store.close()
