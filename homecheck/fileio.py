"""Files in and out: one guarded reader for every file homecheck is given, atomic writes.

Reading: a check file, a photo to import, a check's photo folder may come from anywhere (a USB
stick, a shared folder, a mail). Every such file is read here, so one set of rules holds:

- only regular files are read: a folder, a device (``/dev/zero``), a named pipe (FIFO) or a socket
  is refused *before* it is opened, and checked again on the open file, which is opened with
  ``O_NONBLOCK`` so a pipe swapped in between can never make homecheck wait;
- a byte limit is enforced while reading (``st_size`` is 0 for a device and can change), so no
  file can make homecheck read without end;
- photos beside a check file (``visit.photos/``) must be plain files in that very folder: a link
  (to a picture elsewhere on the disk, or to a device) is not followed, and a photo folder that is
  itself a link is not looked in.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

# Flags that exist on POSIX only; on Windows there are no FIFOs or links of this kind to guard.
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NOCTTY = getattr(os, "O_NOCTTY", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
_CHUNK = 1024 * 1024


class NotRegularFile(OSError):
    """The path is a folder, device, pipe or socket: homecheck reads regular files only."""


class TooLarge(OSError):
    """The file holds more bytes than the limit for its kind."""


def kind_of(mode: int) -> str:
    """What a file of this mode is, said in words: "is a folder, not a file", ..."""
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def _read_open(path: Path, flags: int, limit: int) -> bytes:
    """Open with O_NONBLOCK, check the open file is regular, read at most ``limit`` bytes."""
    fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_NOCTTY | _O_BINARY | flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(kind_of(mode))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > limit:
                raise TooLarge(f"file is too large (the limit is {_size(limit)})")
            chunks.append(chunk)
    finally:
        os.close(fd)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit} bytes"


def read_input(path: Path, limit: int) -> bytes:
    """The bytes of a file the person named; links are followed to a regular file.

    NotRegularFile for a folder, device, pipe or socket (or a link to one), TooLarge past
    ``limit`` bytes, and the usual OSError (FileNotFoundError, PermissionError, ...) otherwise.
    """
    mode = os.stat(path).st_mode  # follows links: a link to a regular file is that file
    if not stat.S_ISREG(mode):
        raise NotRegularFile(kind_of(mode))  # never opened: opening a device can do things
    return _read_open(path, 0, limit)


def open_input(path: Path) -> BinaryIO:
    """A file the person named, open for reading, for readers that need a file (a zip).

    The same rules as read_input (links followed to a regular file; a folder, device, pipe or
    socket refused before it is opened, and checked again on the open file); the caller bounds
    what it reads.
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(kind_of(mode))
    fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_NOCTTY | _O_BINARY)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(kind_of(mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def plain_entry(folder: Path, name: str) -> Path | None:
    """``folder/name`` when the folder is a real folder and the entry a regular file, no links.

    Only lstat is used: nothing is opened or followed.
    """
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return None  # missing, a link to a folder, or not a folder at all
        path = folder / name
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return None
    return path


def read_photo(folder: Path, name: str, limit: int) -> bytes | None:
    """A photo file in ``folder`` (a photo folder beside a check file, or the store's).

    None when there is no usable file: missing, or a link, folder, device or pipe (those are
    treated as missing and never read). b"" when a plain file is there but cannot be read or is
    larger than ``limit``.
    """
    path = plain_entry(folder, name)
    if path is None:
        return None
    try:
        # O_NOFOLLOW: a link swapped in after the check above is refused, not followed.
        return _read_open(path, _O_NOFOLLOW, limit)
    except NotRegularFile:
        return None
    except OSError:
        return b""


def check_output(path: Path, inputs: tuple[Path, ...] = ()) -> str | None:
    """Why ``path`` must not be written to, or None when it may be.

    Refused: one of the input files (same file, whatever the name), a symbolic link, or an
    existing folder, device, pipe or socket (writing would replace it by a regular file).
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be used ({exc.strerror or exc})"
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link; give the name of a new or ordinary file"
    if not stat.S_ISREG(info.st_mode):
        return kind_of(info.st_mode) + "; give a file name"
    for given in inputs:
        with contextlib.suppress(OSError):
            other = os.stat(given)
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                return "is one of the input files; give another name so it is not replaced"
    return None


# The temporary file beside the target: a short name, so a target name that is near the file
# system's name limit (255 bytes) still works. "." + 8 random characters + ".tmp".
_TMP_PREFIX = "."
_TMP_SUFFIX = ".tmp"


def temporary_beside(target: Path) -> tuple[int, str]:
    """A new temporary file (0600) in ``target``'s folder, to be renamed to ``target``: (fd, name).

    Its name is short whatever the target's, so a target name at the limit still works.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    return tempfile.mkstemp(prefix=_TMP_PREFIX, suffix=_TMP_SUFFIX, dir=folder)


def atomic_write(target: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder, then rename.

    On any error the temporary file is removed and an old ``target`` stays as it was.
    Files get mode 0600 by default: exports hold health information. An existing ``target``
    that is a link, a named pipe, a device or a folder is refused (NotRegularFile) and left as
    it is: the rename would replace it by a regular file.
    """
    with contextlib.suppress(FileNotFoundError):
        mode = os.lstat(target).st_mode
        if stat.S_ISLNK(mode):
            raise NotRegularFile(errno.EEXIST, "is a symbolic link, not a file", str(target))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EEXIST, kind_of(mode), str(target))
    fd, tmp_name = temporary_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
