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


# -- the guarded reader (issue 17) ----------------------------------------------------------


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_the_limit_holds_while_reading_not_from_st_size() -> None:
    # /proc files are regular files whose st_size is 0, like a device's: only counting the
    # bytes actually read can stop there.
    path = Path("/proc/self/status")
    assert path.stat().st_size == 0
    with pytest.raises(fileio.TooLarge):
        fileio.read_input(path, 10)
    assert len(fileio.read_input(path, 1024 * 1024)) > 10


def test_read_input_follows_a_link_to_a_regular_file(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"{}")
    (tmp_path / "link.json").symlink_to(real)
    assert fileio.read_input(tmp_path / "link.json", 100) == b"{}"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_read_input_refuses_special_files_before_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.mkfifo(tmp_path / "pipe")
    opened: list[object] = []
    real_open = os.open
    monkeypatch.setattr(fileio.os, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    for path, reason in [
        (tmp_path / "pipe", "named pipe"),
        (Path("/dev/zero"), "device"),
        (tmp_path, "folder"),
    ]:
        with pytest.raises(fileio.NotRegularFile, match=reason):
            fileio.read_input(path, 100)
    assert opened == []


def test_read_photo_takes_plain_files_in_a_plain_folder_only(tmp_path: Path) -> None:
    folder = tmp_path / "visit.photos"
    folder.mkdir()
    (folder / "plain.jpg").write_bytes(b"jpeg")
    (tmp_path / "outside.jpg").write_bytes(b"secret")
    (folder / "link.jpg").symlink_to(tmp_path / "outside.jpg")
    (folder / "inside-link.jpg").symlink_to(folder / "plain.jpg")
    (folder / "big.jpg").write_bytes(b"x" * 101)
    assert fileio.read_photo(folder, "plain.jpg", 100) == b"jpeg"
    assert fileio.read_photo(folder, "link.jpg", 100) is None
    assert fileio.read_photo(folder, "inside-link.jpg", 100) is None
    assert fileio.read_photo(folder, "missing.jpg", 100) is None
    assert fileio.read_photo(folder, "big.jpg", 100) == b""  # there, but unusable
    linked = tmp_path / "linked.photos"
    linked.symlink_to(folder)
    assert fileio.read_photo(linked, "plain.jpg", 100) is None


def test_the_temporary_name_is_short(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(fileio.os, "replace", lambda a, b: seen.append(a) or real_replace(a, b))
    atomic_write(tmp_path / ("x" * 251 + ".pdf"), b"data")
    assert len(Path(seen[0]).name) <= 16


def test_atomic_write_leaves_a_link_pipe_or_folder_as_it_was(tmp_path: Path) -> None:
    from homecheck.fileio import NotRegularFile, atomic_write

    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target in (link, pipe, folder):
        with pytest.raises(NotRegularFile) as raised:
            atomic_write(target, b"new")
        assert str(target) in str(raised.value)
    assert link.is_symlink() and pipe.is_fifo() and folder.is_dir()
    assert real.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "link.txt", "pipe", "real.txt"]
    atomic_write(real, b"new")  # an ordinary file is still replaced
    assert real.read_bytes() == b"new"
