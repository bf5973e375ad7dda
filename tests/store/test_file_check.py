"""The full check on a connection of its own (for a thread while a window shows; issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from homecheck.domain.assessment import Answer, Assessment
from homecheck.store.connection import CheckStopped, FileCheck
from homecheck.store.db import Store
from homecheck.store.errors import StoreDamaged


def _store(path: Path) -> None:
    store = Store(path)
    answers = {"stairs.rail_both_sides": Answer("hazard", note="x" * 5000)}
    for _ in range(5):
        store.create_check(Assessment(areas=["stairs"], answers=answers))
    store.close()


def test_a_sound_store_passes_and_is_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "homecheck.sqlite3"
    _store(path)
    before = path.read_bytes()
    FileCheck(path).run()
    assert path.read_bytes() == before


def test_no_file_is_no_damage_and_no_file_is_made(tmp_path: Path) -> None:
    path = tmp_path / "homecheck.sqlite3"
    FileCheck(path).run()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("damage", ["inside", "cut", "not_sqlite"])
def test_a_damaged_store_raises_store_damaged(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "homecheck.sqlite3"
    _store(path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    if damage == "inside":
        data[2 * page : 4 * page] = b"\x5a" * (2 * page)
    elif damage == "cut":
        data = data[: len(data) // 3]
    else:
        data = bytearray(b"this is not a database" * 400)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged):
        FileCheck(path).run()


def test_stopped_before_it_ran_says_stopped_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "homecheck.sqlite3"
    _store(path)
    check = FileCheck(path)
    check.stop()
    with pytest.raises(CheckStopped):
        check.run()
