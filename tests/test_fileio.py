"""Atomic writes: a failed save leaves the old file as it was and no partial file behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from homecheck import fileio
from homecheck.fileio import atomic_write


def test_writes_the_file_private(tmp_path: Path) -> None:
    target = tmp_path / "list.pdf"
    atomic_write(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_disk_full_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "check.json"
    target.write_bytes(b"old contents")

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, failing, disk_full)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, b"new contents that will not fit")
    monkeypatch.undo()
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["check.json"]


def test_unwritable_folder_raises_and_creates_nothing(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            atomic_write(folder / "x.pdf", b"data")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "nope" / "x.pdf", b"data")
