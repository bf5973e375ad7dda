"""The work folders of a backup and a restore: one a killed homecheck left (with a full copy of
the store in it) is removed by the next backup or restore; one a running homecheck uses is not."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from homecheck.domain.assessment import Assessment
from homecheck.store import paths
from homecheck.store.backup import make_backup, restore_backup
from homecheck.store.db import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="folders are locked on POSIX only")


def _left_behind(folder: Path, name: str) -> Path:
    work = folder / name
    work.mkdir(parents=True)
    (work / paths.DB_NAME).write_bytes(b"a copy of every check")
    return work


def _in_use(folder: Path, name: str) -> tuple[Path, int]:
    """A work folder as a running backup holds it: locked, for as long as the fd is open."""
    import fcntl

    work = _left_behind(folder, name)
    fd = os.open(work, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return work, fd


def test_backup_and_restore_remove_work_folders_left_behind_but_not_ones_in_use(
    private_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(paths.database_path())
    store.create_check(Assessment(areas=[], client="Mrs J"))
    data = private_data_dir
    killed = _left_behind(data, ".homecheck-backup-killed12")
    running, fd = _in_use(data, ".homecheck-restore-runnin12")
    try:
        make_backup(store, data, tmp_path / "b.zip")
        store.close()
        assert not killed.exists()
        assert (running / paths.DB_NAME).read_bytes() == b"a copy of every check"

        laptop = tmp_path / "laptop"
        monkeypatch.setenv(paths.ENV_DATA_DIR, str(laptop))
        killed = _left_behind(laptop, ".homecheck-restore-killed12")
        restore_backup(tmp_path / "b.zip", paths.data_dir())
        assert not killed.exists()
        assert sorted(p.name for p in laptop.iterdir()) == [paths.DB_NAME, "photos"]
        assert (running / paths.DB_NAME).exists()
    finally:
        os.close(fd)
