"""The single-instance lock: a file with the process id, an OS lock on it, no sockets."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from homecheck.store.lock import LOCK_NAME, AlreadyOpen, StoreLock, holder, left_unclean
from homecheck.store.paths import data_dir, delete_all_data

ROOT = Path(__file__).resolve().parents[2]

HOLD = """
import sys, time
from pathlib import Path
from homecheck.store.lock import StoreLock
lock = StoreLock(Path(sys.argv[1])).acquire()
print("held", flush=True)
if sys.argv[2] == "crash":
    time.sleep(60)
lock.release()
"""


def _holding_child(folder: Path, how: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder), how],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def test_a_second_lock_on_the_same_folder_is_refused(tmp_path: Path, no_network) -> None:
    first = StoreLock(tmp_path).acquire()
    try:
        assert (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())
        with pytest.raises(AlreadyOpen, match="already open") as caught:
            StoreLock(tmp_path).acquire()
        assert caught.value.pid == os.getpid()
        assert holder(tmp_path) == os.getpid()
    finally:
        first.release()
    assert holder(tmp_path) is None
    assert not no_network  # a file, never a socket


def test_a_clean_end_leaves_no_unclean_mark(tmp_path: Path) -> None:
    with StoreLock(tmp_path) as lock:
        assert not lock.unclean
    assert (tmp_path / LOCK_NAME).read_text() == ""
    assert not left_unclean(tmp_path)
    with StoreLock(tmp_path) as again:
        assert not again.unclean


def test_a_lock_left_by_a_killed_process_is_recovered_and_marks_an_unclean_end(
    tmp_path: Path,
) -> None:
    child = _holding_child(tmp_path, "crash")
    with pytest.raises(AlreadyOpen) as caught:
        StoreLock(tmp_path).acquire()
    assert caught.value.pid == child.pid
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert holder(tmp_path) is None and left_unclean(tmp_path)
    with StoreLock(tmp_path) as lock:
        assert lock.unclean
    # ...and that run ended cleanly, so the next one is clean again.
    with StoreLock(tmp_path) as lock:
        assert not lock.unclean


def test_another_process_that_ended_cleanly_leaves_a_clean_lock(tmp_path: Path) -> None:
    child = _holding_child(tmp_path, "clean")
    child.wait(timeout=30)
    with StoreLock(tmp_path) as lock:
        assert not lock.unclean


def test_a_garbage_lock_file_is_not_taken_for_a_crash(tmp_path: Path) -> None:
    (tmp_path / LOCK_NAME).write_text("not a process id")
    with StoreLock(tmp_path) as lock:
        assert not lock.unclean


def test_the_lock_file_is_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with StoreLock(tmp_path):
            assert (tmp_path / LOCK_NAME).stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_delete_all_data_keeps_the_lock_of_the_running_app() -> None:
    folder = data_dir()
    (folder / "homecheck.sqlite3").write_bytes(b"")
    with StoreLock(folder):
        delete_all_data()
        assert [p.name for p in folder.iterdir()] == [LOCK_NAME]
        with pytest.raises(AlreadyOpen):  # a second app still cannot start
            StoreLock(folder).acquire()
    delete_all_data()
    assert list(folder.iterdir()) == []
