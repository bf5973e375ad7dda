"""Issue 17: deleted checks leave nothing readable behind; a store deleted by another process
is not written to; the sidecar files are private."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from homecheck.domain.assessment import Answer, Assessment
from homecheck.store.clients import add_client, delete_client
from homecheck.store.db import Store
from homecheck.store.errors import StoreGone
from homecheck.store.paths import database_path

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Mevrouw Jansen viel op 3 mei in de badkamer ZX81-unique-note"


def _files(path: Path) -> dict[str, bytes]:
    found = {}
    for suffix in ("", "-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            found[side.name] = side.read_bytes()
    return found


def _check_with_secret(store: Store, client_id: int | None = None) -> int:
    answers = {"stairs.rail_both_sides": Answer("hazard", note=SECRET)}
    return store.create_check(
        Assessment(areas=["stairs"], answers=answers, client=SECRET), client_id
    )


def test_a_deleted_check_is_gone_from_the_database_and_its_wal(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store = Store(path)
    try:
        keep = store.create_check(Assessment(areas=["stairs"], client="keep me"))
        check = _check_with_secret(store)
        assert any(SECRET.encode() in data for data in _files(path).values())  # can fail
        store.delete_check(check)
        # Still open: nothing waits for the close to clean up.
        for name, data in _files(path).items():
            assert SECRET.encode() not in data, name
        assert [c.id for c in store.list_checks()] == [keep]
    finally:
        store.close()


def test_a_deleted_client_is_gone_from_the_files(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store = Store(path)
    try:
        client = add_client(store, SECRET)
        _check_with_secret(store, client)
        delete_client(store, client)
        for name, data in _files(path).items():
            assert SECRET.encode() not in data, name
    finally:
        store.close()


def test_an_existing_wal_file_is_made_private(tmp_path: Path) -> None:
    # A WAL left by a crash (files copied while the store was open), made 0644 by whatever
    # copied it: SQLite copies the database's mode only when it creates the file.
    live = tmp_path / "live.sqlite3"
    store = Store(live)
    try:
        store.create_check(Assessment(areas=["stairs"], client="after the crash"))
        crashed = tmp_path / "crashed.sqlite3"
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{live}{suffix}", f"{crashed}{suffix}")
            os.chmod(f"{crashed}{suffix}", 0o644)
    finally:
        store.close()
    wal = Path(f"{crashed}-wal")
    assert wal.stat().st_size > 0
    reopened = Store(crashed)
    try:
        assert [c.client_label for c in reopened.list_checks()] == ["after the crash"]
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    finally:
        reopened.close()


def test_no_writing_after_delete_all_data_in_another_process() -> None:
    store = Store(database_path())
    try:
        check = store.create_check(Assessment(areas=["stairs"]))
        subprocess.run(
            [sys.executable, "-c",
             "from homecheck.store.paths import delete_all_data; delete_all_data()"],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True, timeout=60,
        )  # fmt: skip
        assert not database_path().exists()
        with pytest.raises(StoreGone, match="another homecheck window"):
            store.save_answer(check, "stairs.rail_both_sides", Answer("hazard"))
        # A new store in its place is not the one this connection opened either.
        Store(database_path()).close()
        with pytest.raises(StoreGone):
            store.create_check(Assessment(areas=["stairs"]))
    finally:
        store.close()
    fresh = Store(database_path())
    try:
        assert fresh.list_checks() == []
    finally:
        fresh.close()
