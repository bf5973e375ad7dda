"""Clients, their checks, the action log and delete-all."""

from __future__ import annotations

from pathlib import Path

import pytest

from homecheck.domain.assessment import Answer, Assessment
from homecheck.store import clients
from homecheck.store.db import Store
from homecheck.store.paths import data_dir, database_path, delete_all_data


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "db.sqlite3")
    yield s
    s.close()


def test_add_search_rename_delete(store: Store) -> None:
    a = clients.add_client(store, "Mrs J., Kerkstraat")
    b = clients.add_client(store, "Mr 100% de Boer")
    store.create_check(Assessment(areas=[], client="Mrs J.", date="2026-02-01"), client_id=a)
    assert [c.label for c in clients.list_clients(store)] == [
        "Mrs J., Kerkstraat",
        "Mr 100% de Boer",
    ]
    assert [c.id for c in clients.list_clients(store, "100%")] == [b]
    assert [c.id for c in clients.list_clients(store, "kerk")] == [a]
    assert clients.list_clients(store, "%") == clients.list_clients(store, "100%")
    clients.rename_client(store, a, "Mrs K.")
    assert store.list_checks(a)[0].client_label == "Mrs K."
    clients.delete_client(store, a)
    assert store.list_checks() == []
    assert [c.id for c in clients.list_clients(store)] == [b]
    with pytest.raises(ValueError):
        clients.add_client(store, "   ")


def test_latest_and_previous_check(store: Store) -> None:
    who = clients.add_client(store, "X")
    first = store.create_check(Assessment(areas=[], date="2026-01-01"), client_id=who)
    second = store.create_check(
        Assessment(areas=[], date="2026-03-01"), client_id=who, previous_id=first
    )
    own = store.create_check(Assessment(areas=[], date="2026-04-01"))
    assert clients.latest_check(store, who) == second
    assert clients.latest_check(store, None) == own
    assert clients.previous_check(store, second) == first
    assert clients.previous_check(store, first) is None
    assert clients.client_of_check(store, own) is None


def test_action_log_round_trip(store: Store) -> None:
    check = store.create_check(
        Assessment(areas=["stairs"], answers={"stairs.rail_both_sides": Answer("hazard")})
    )
    store.set_done(check, "stairs.rail_both_sides", "2026-05-02")
    assert store.load_check(check).answers["stairs.rail_both_sides"].done == "2026-05-02"
    store.set_done(check, "stairs.rail_both_sides", None)
    assert store.load_check(check).answers["stairs.rail_both_sides"].done is None


def test_photos_are_kept_with_their_answer(store: Store) -> None:
    answer = Answer("hazard", "see photo", photos=["0123456789abcdef.jpg"])
    check = store.create_check(Assessment(areas=["stairs"]))
    store.save_answer(check, "stairs.rail_both_sides", answer)
    assert store.load_check(check).answers["stairs.rail_both_sides"] == answer


def test_delete_all_data_leaves_nothing_behind() -> None:
    store = Store(database_path())
    store.create_check(Assessment(areas=[], client="secret label"))
    (data_dir() / "photos").mkdir()
    (data_dir() / "photos" / "0123456789abcdef.jpg").write_bytes(b"x")
    store.close()
    removed = delete_all_data()
    assert removed
    assert list(data_dir().iterdir()) == []
