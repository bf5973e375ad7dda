"""One running homecheck per data folder: a lock file with the process id, and no sockets.

The file ``lock`` in the data folder holds the id of the process that has the store open, and
that process keeps an operating-system lock on it (``flock`` on Linux and macOS, ``msvcrt``
on Windows). The system lets go of that lock when the process ends, however it ends, so a
second start can tell a running homecheck from one that crashed:

- the file is locked: homecheck is open (AlreadyOpen, with the other process's id);
- the file is not locked but still names a process: the last run did not end cleanly (it
  crashed, was killed, or the computer lost power) — the store is then checked in full;
- the file is empty or missing: the last run ended cleanly.

A clean end empties the file rather than deleting it: deleting would let a third start lock a
new file while a second one still holds the old, deleted one.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import TracebackType

LOCK_NAME = "lock"
# Windows locks byte ranges and refuses reads of a locked range: the lock is taken on a byte
# far past the process id, so another process can still read who holds it.
_WINDOWS_LOCK_OFFSET = 1 << 20


class AlreadyOpen(Exception):
    """Another homecheck has this data folder open."""

    def __init__(self, path: Path, pid: int | None) -> None:
        who = f" (process {pid})" if pid else ""
        super().__init__(f"homecheck is already open{who}; close it first")
        self.path = path
        self.pid = pid


class StoreLock:
    """The data folder's lock, held from ``acquire`` until ``release`` (or the process ends)."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self.unclean = False  # a previous run left its process id behind
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this process holds the lock."""
        return self._fd is not None

    def acquire(self) -> StoreLock:
        """Take the lock (AlreadyOpen when another process has it; OSError when the folder
        cannot be written)."""
        if self._fd is not None:
            return self
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not try_lock(fd):
                raise AlreadyOpen(self.path, _read_pid(fd))
            left = _read_pid(fd)
            self.unclean = left is not None and left != os.getpid()
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def release(self, *, clean: bool = True) -> None:
        """Mark a clean end (the file emptied) and let go of the lock.

        ``clean=False`` leaves this process's id in the file, so that the next start checks
        the store in full (a check after an unclean end was stopped before it was done).
        """
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if clean:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def holder(folder: Path) -> int | None:
    """The process id of the homecheck that has this data folder open; None when none has.

    Takes nothing: for commands that only read, and to say who is in the way.
    """
    path = Path(folder) / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        if try_lock(fd):
            _unlock(fd)
            return None
        return _read_pid(fd) or -1
    finally:
        os.close(fd)


def left_unclean(folder: Path) -> bool:
    """True when the last run on this folder did not end cleanly and nobody holds it now."""
    path = Path(folder) / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        if not try_lock(fd):
            return False
        _unlock(fd)
        return _read_pid(fd) is not None
    finally:
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 32).decode("ascii", "replace").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else None


if sys.platform == "win32":
    import msvcrt

    def try_lock(fd: int) -> bool:
        """Take the lock on an open file (or folder) without waiting; False when held."""
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock(fd: int) -> bool:
        """Take the lock on an open file (or folder) without waiting; False when held."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
