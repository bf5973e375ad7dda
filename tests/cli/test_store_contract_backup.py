"""The store contract from outside (issue 14, item 5), part 2: backup and restore, problems with
the store itself (exit 1 and one line), and the lock the app takes (see test_store_contract.py
for the contract and tests/cli/_store_contract.py for how the program is run)."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.cli._store_contract import (
    DB,
    check_doc,
    error_line,
    exports,
    hc,
    listed,
    snapshot,
    write_check,
)  # fmt: skip

# -- backup and restore ------------------------------------------------------------------------


def test_backup_and_restore_keep_every_check_answer_note_done_date_and_photo(
    data: Path, practice: dict[str, int], tmp_path: Path
) -> None:
    before = listed(data)
    kept = exports(data, tmp_path / "before")
    assert any(photos for _, photos in kept.values())
    archive = tmp_path / "practice.zip"
    ran = hc(data, "backup", "-o", str(archive))
    assert (ran.code, ran.err, len(ran.out.splitlines())) == (0, "", 1)
    assert zipfile.is_zipfile(archive)
    laptop = tmp_path / "laptop"
    ran = hc(laptop, "restore", str(archive))
    assert (ran.code, ran.err, len(ran.out.splitlines())) == (0, "", 1)
    assert listed(laptop) == before
    assert exports(laptop, tmp_path / "after") == kept
    # The restored store goes on: a new import gets a new id, the old ones stay.
    write_check(tmp_path / "new.json", check_doc(role="therapist", client="Mrs A"))
    assert hc(laptop, "import", str(tmp_path / "new.json")).code == 0
    after = listed(laptop)
    assert len(after) == len(before) + 1 and all(row in after for row in before)


def test_restore_into_a_data_folder_that_holds_checks_is_refused(
    data: Path, practice: dict[str, int], tmp_path: Path
) -> None:
    archive = tmp_path / "practice.zip"
    assert hc(data, "backup", "-o", str(archive)).code == 0
    before = snapshot(data)
    error_line(hc(data, "restore", str(archive)), 1)
    assert snapshot(data) == before


def test_restore_into_a_folder_where_the_app_only_started_once(
    data: Path, practice: dict[str, int], tmp_path: Path
) -> None:
    archive = tmp_path / "practice.zip"
    assert hc(data, "backup", "-o", str(archive)).code == 0
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    from homecheck.store.db import Store  # (set-up only: the empty store a first start makes)

    Store(laptop / DB).close()
    assert listed(laptop) == []
    assert hc(laptop, "restore", str(archive)).code == 0
    assert listed(laptop) == listed(data)


@pytest.mark.parametrize("kind", ["missing", "not-a-zip", "foreign-zip", "folder"])
def test_restore_of_a_file_that_is_not_a_backup_is_exit_2_and_changes_nothing(
    data: Path, tmp_path: Path, kind: str
) -> None:
    source = tmp_path / "backup.zip"
    if kind == "not-a-zip":
        source.write_bytes(b"PK not really")
    elif kind == "foreign-zip":
        with zipfile.ZipFile(source, "w") as archive:
            archive.writestr("holiday.txt", "sunny")
    elif kind == "folder":
        source.mkdir()
    error_line(hc(data, "restore", str(source)), 2)
    assert not data.exists() or snapshot(data) == {}


def test_backup_to_a_folder_or_a_missing_folder_is_exit_2(
    data: Path, practice: dict[str, int], tmp_path: Path
) -> None:
    error_line(hc(data, "backup", "-o", str(tmp_path)), 2)
    error_line(hc(data, "backup", "-o", str(tmp_path / "missing" / "b.zip")), 2)
    assert not (tmp_path / "missing").exists()


# -- store problems: exit 1 and one line -------------------------------------------------------


def _all_commands(tmp_path: Path, files: Path) -> list[tuple[str, ...]]:
    check = write_check(files / "new.json", check_doc(role="therapist", client="New"))
    backup = tmp_path / "elsewhere.zip"
    if not backup.exists():
        other = tmp_path / "other-data"
        assert hc(other, "import", str(check)).code == 0
        assert hc(other, "backup", "-o", str(backup)).code == 0
    return [("list",), ("list", "--json"), ("export", "1", "-o", str(tmp_path / "e.json")),
            ("import", str(check)), ("backup", "-o", str(tmp_path / "b.zip")),
            ("restore", str(backup))]  # fmt: skip


@pytest.mark.parametrize("damage", ["garbage", "cut-off"])
def test_a_damaged_store_is_exit_1_with_one_line_for_every_command(
    data: Path, practice: dict[str, int], tmp_path: Path, files: Path, damage: str
) -> None:
    commands = _all_commands(tmp_path, files)
    store = data / DB
    for suffix in ("-wal", "-shm"):
        (data / (DB + suffix)).unlink(missing_ok=True)
    if damage == "garbage":
        store.write_bytes(b"this is not a database " * 500)
    else:
        raw = store.read_bytes()
        store.write_bytes(raw[: len(raw) // 2])
    for argv in commands:
        line = error_line(hc(data, *argv), 1)
        assert str(data) in line or "damaged" in line, (argv, line)
    assert not (tmp_path / "e.json").exists() and not (tmp_path / "b.zip").exists()


def test_a_store_of_a_newer_homecheck_is_exit_1_and_left_as_it_is(
    data: Path, practice: dict[str, int], tmp_path: Path, files: Path
) -> None:
    commands = _all_commands(tmp_path, files)
    raw = sqlite3.connect(data / DB)
    raw.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    raw.commit()
    raw.close()
    before = snapshot(data)
    for argv in commands:
        line = error_line(hc(data, *argv), 1)
        assert "newer" in line, (argv, line)
    assert snapshot(data) == before


# -- the store lock: one writer per data folder ------------------------------------------------

def test_commands_that_write_refuse_while_the_app_is_open(
    data: Path, practice: dict[str, int], app_open: None, tmp_path: Path, files: Path
) -> None:
    check = write_check(files / "new.json", check_doc(role="therapist", client="New"))
    archive = tmp_path / "elsewhere.zip"
    assert hc(tmp_path / "other", "import", str(check)).code == 0
    assert hc(tmp_path / "other", "backup", "-o", str(archive)).code == 0
    before = snapshot(data)
    assert "already open" in error_line(hc(data, "import", str(check)), 1)
    assert "already open" in error_line(hc(data, "restore", str(archive)), 1)
    assert snapshot(data) == before


def test_reading_commands_read_beside_the_open_app(
    data: Path, practice: dict[str, int], app_open: None, tmp_path: Path
) -> None:
    # Reading takes no lock: SQLite lets one reader see a consistent store beside the app's
    # writes (WAL), and a therapist can make a backup without closing the app.
    assert len(listed(data)) == 4
    assert hc(data, "export", str(practice["done"]), "-o", str(tmp_path / "e.json")).code == 0
    assert hc(data, "backup", "-o", str(tmp_path / "b.zip")).code == 0


@pytest.mark.parametrize("argv", [("list", "--json"), ("export", "2", "-o", "{tmp}/e.json"),
                                  ("backup", "-o", "{tmp}/b.zip")])  # fmt: skip
def test_no_command_upgrades_the_store_while_the_app_is_open(
    data: Path, older_store: Path, app_open: None, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    before = snapshot(data)
    line = error_line(hc(data, *(a.format(tmp=tmp_path) for a in argv)), 1)
    assert "already open" in line
    assert snapshot(data) == before
    assert not (tmp_path / "e.json").exists() and not (tmp_path / "b.zip").exists()


def test_a_reading_command_upgrades_an_older_store_and_lets_go_of_the_lock(
    data: Path, older_store: Path
) -> None:
    ran = hc(data, "list", "--json")
    assert ran.code == 0 and len(ran.err.splitlines()) == 1  # the line that says it upgrades
    assert len(json.loads(ran.out)) == 3 and (data / "lock").read_text() == ""
    assert listed(data) == json.loads(ran.out)  # upgraded once: nothing more to say
