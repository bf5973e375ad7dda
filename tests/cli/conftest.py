"""Fixtures of the store contract tests (test_store_contract*.py): a fresh data folder, check
files, a store filled through ``import``, the app's lock held by another process, and a data
folder made by the previous homecheck."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli._store_contract import (
    DB,
    FULL,
    OLD_STORE,
    check_doc,
    env,
    hc,
    jpeg,
    listed,
    photo_name,
    write_check,
)  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A fresh data folder, not made yet (as on a new computer)."""
    return tmp_path / "data"


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


@pytest.fixture
def practice(data: Path, files: Path) -> dict[str, int]:
    """A store filled through ``import``: the ids of four checks, stored out of date order."""
    write_check(files / "1-own.json", check_doc(client="Jan Jansen", date="2025-11-03"))
    write_check(files / "2-done.json", check_doc(
        role="therapist", client="Mrs A", date="2025-06-12", status="done", answers=FULL,
        assessor="Anna", area_notes={"stairs": "steep"},
        intake={"falls_past_year": 1, "goals": "walk to the shop"},
    ), {photo_name(1): jpeg(1), photo_name(2): jpeg(2)})  # fmt: skip
    write_check(files / "3-carer.json", check_doc(
        role="caregiver", client="  mrs A ", date="2025-06-12"))  # fmt: skip
    write_check(files / "4-old.json", check_doc(
        role="therapist", client="Mr B", date="2024-01-31", version=1))  # fmt: skip
    ran = hc(data, "import", str(files))
    assert (ran.code, ran.err) == (0, ""), ran.err
    ids = [r["id"] for r in listed(data)]  # by date: old, done, carer, own
    return {"old": ids[0], "done": ids[1], "carer": ids[2], "own": ids[3]}


_HOLDER = """
import sys
from pathlib import Path
from homecheck.store.lock import StoreLock
lock = StoreLock(Path(sys.argv[1])).acquire()
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


@pytest.fixture
def app_open(data: Path) -> Iterator[None]:
    """The data folder's lock held by another process, as the open app holds it."""
    data.mkdir(exist_ok=True, mode=0o700)
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(data)], env=env(data),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield
    finally:
        holder.communicate("", timeout=30)


@pytest.fixture
def older_store(data: Path) -> Path:
    """A data folder made by the previous homecheck (an older store schema)."""
    shutil.copytree(OLD_STORE, data, ignore=shutil.ignore_patterns("expected.json"))
    return data / DB
