"""Issue 17: the data folder is homecheck's only where homecheck made it.

"Delete all data" removes homecheck's own files and nothing else; a folder someone else made
(HOMECHECK_DATA_DIR pointing at a folder with other things in it) is never chmod-ed.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from homecheck.domain.assessment import Assessment
from homecheck.store import paths
from homecheck.store.connection import backup_damaged
from homecheck.store.db import Store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_folder_homecheck_makes_is_private(private_data_dir: Path) -> None:
    assert not private_data_dir.exists()
    assert paths.data_dir() == private_data_dir
    assert _mode(private_data_dir) == 0o700


def test_a_folder_someone_else_made_is_never_chmodded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "Documents"
    shared.mkdir()
    shared.chmod(0o755)
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(shared))
    assert paths.data_dir() == shared
    assert _mode(shared) == 0o755


def test_delete_all_data_removes_only_homecheck_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "Documents"
    shared.mkdir()
    shared.chmod(0o755)
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(shared))
    mine = {
        "letter.docx": b"the user's own file",
        "notes.txt": b"more",
        "homecheck.sqlite3.txt": b"not ours either",
    }
    for name, data in mine.items():
        (shared / name).write_bytes(data)
    (shared / "Holiday").mkdir()
    (shared / "Holiday" / "beach.jpg").write_bytes(b"jpeg")
    (shared / "photos").mkdir()  # the user's own photos folder, shared with ours
    (shared / "photos" / "IMG_0001.JPG").write_bytes(b"camera")
    (shared / "photos" / "0123456789abcdef.jpg").write_bytes(b"ours")
    paths.database_path().write_bytes(b"garbage")
    backup = backup_damaged(paths.database_path())
    store = Store(paths.database_path())
    store.create_check(Assessment(areas=[], client="secret label"))
    store.close()
    (shared / "settings.json").write_text("{}")
    removed = {p.name for p in paths.delete_all_data()}
    assert {"homecheck.sqlite3", "settings.json", backup.name, "0123456789abcdef.jpg"} <= removed
    left = sorted(p.relative_to(shared).as_posix() for p in shared.rglob("*"))
    assert left == [
        "Holiday", "Holiday/beach.jpg", "homecheck.sqlite3.txt", "letter.docx", "notes.txt",
        "photos", "photos/IMG_0001.JPG",
    ]  # fmt: skip
    assert _mode(shared) == 0o755


def test_delete_all_data_follows_no_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "0123456789abcdef.jpg").write_bytes(b"someone's")
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(folder))
    (folder / "photos").symlink_to(elsewhere)
    paths.delete_all_data()
    assert (elsewhere / "0123456789abcdef.jpg").read_bytes() == b"someone's"


def test_delete_all_data_without_a_folder_makes_none(private_data_dir: Path) -> None:
    assert paths.delete_all_data() == []
    assert not private_data_dir.exists()



def test_delete_all_data_removes_the_work_folders_of_a_killed_backup_or_restore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup or restore that was killed leaves its work folder, with a full copy of the
    store in it: Delete all data removes it too (and follows no link, removes no look-alike)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(folder))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "homecheck.sqlite3").write_bytes(b"someone's")
    backup = folder / ".homecheck-backup-ab_12xyz"
    backup.mkdir()
    (backup / "homecheck.sqlite3").write_bytes(b"a copy of every check")
    restore = folder / ".homecheck-restore-0a1b2c3d"
    (restore / "photos").mkdir(parents=True)
    (restore / "homecheck.sqlite3").write_bytes(b"a copy of every check")
    (restore / "photos" / "0123456789abcdef.jpg").write_bytes(b"jpeg")
    (folder / ".homecheck-backup-linkedxx").symlink_to(elsewhere)
    (folder / ".homecheck-backup-notes").mkdir()  # not a name homecheck makes
    removed = {p.name for p in paths.delete_all_data()}
    assert {backup.name, restore.name} <= removed
    assert sorted(p.name for p in folder.iterdir()) == [
        ".homecheck-backup-linkedxx", ".homecheck-backup-notes"
    ]
    assert (elsewhere / "homecheck.sqlite3").read_bytes() == b"someone's"
