"""Where homecheck keeps its data: one private folder (0700), overridable for tests."""

from __future__ import annotations

import datetime as _dt
import errno
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "HOMECHECK_DATA_DIR"
DB_NAME = "homecheck.sqlite3"
PHOTOS_NAME = "photos"
# homecheck's own files in the data folder; "Delete all data" removes these and nothing else:
# the store with its sidecars, copies of a damaged or upgraded store, settings, the lock, and
# atomic_write's temporary files.
_OWN_FILES = re.compile(
    r"\A(?:homecheck\.sqlite3(?:\.(?:damaged|version-[0-9]+)-[0-9-]+)?(?:-wal|-shm|-journal)?"
    r"|settings\.json|lock|\.[A-Za-z0-9_]{8}\.tmp)\Z"
)
_PHOTO_FILE = re.compile(r"\A(?:[0-9a-f]{16}\.jpg|\.[A-Za-z0-9_]{8}\.tmp)\Z")
# The work folders of a backup and a restore (tempfile.mkdtemp with these prefixes): one that
# was killed leaves its folder behind, with a full copy of the store in it.
WORK_PREFIXES = (".homecheck-backup-", ".homecheck-restore-")
_WORK_FOLDER = re.compile(rf"\A(?:{'|'.join(map(re.escape, WORK_PREFIXES))})[a-z0-9_]{{8}}\Z")


class DataFolderError(OSError):
    """The data folder cannot be made or kept private; the message says why in plain words."""


def data_dir_location(environ: Mapping[str, str] | None = None) -> Path:
    """Where the data folder is (HOMECHECK_DATA_DIR, else the platform's), without creating it:
    the one rule for the app, the command line and the report."""
    override = (os.environ if environ is None else environ).get(ENV_DATA_DIR)
    return Path(override) if override else _user_data_dir()


def data_dir() -> Path:
    """Return the data folder, created with mode 0700 (health data stays private).

    A folder homecheck makes gets mode 0700. Its own folder (the platform's, not one named by
    HOMECHECK_DATA_DIR) is made private again when it is not; a folder someone else made is
    never chmod-ed. DataFolderError, with a plain message, when none of that is possible.
    """
    folder = data_dir_location()
    try:
        folder.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        created = False
    except OSError as exc:
        raise _folder_error(folder, exc) from None
    else:
        created = True
    ours = created or not os.environ.get(ENV_DATA_DIR)
    try:
        info = folder.stat()
        if not stat.S_ISDIR(info.st_mode):
            raise DataFolderError(f"{folder} is not a folder: homecheck keeps its data there")
        if ours and stat.S_IMODE(info.st_mode) != 0o700:
            os.chmod(folder, 0o700)
    except DataFolderError:
        raise
    except OSError as exc:
        if exc.errno != errno.EROFS:  # read-only: nothing can be written there anyway
            raise _folder_error(folder, exc) from None
    return folder


def _folder_error(folder: Path, exc: OSError) -> DataFolderError:
    """The plain message for a data folder that cannot be made or made private."""
    try:
        owner: int | None = folder.stat().st_uid
    except OSError:
        owner = None
    if owner is not None and hasattr(os, "geteuid") and owner != os.geteuid():
        reason = "it belongs to another user (was homecheck once started with sudo?)"
    elif exc.errno == errno.EROFS:
        reason = "the disk is read-only"
    elif isinstance(exc, PermissionError):
        reason = "you have no permission to change it"
    else:
        reason = exc.strerror or str(exc)
    return DataFolderError(f"homecheck cannot use its data folder {folder}: {reason}")


def foreign_store(path: Path) -> str | None:
    """A plain message when the store file belongs to another user and cannot be read.

    Such a store is not damaged and must not be moved aside (even where the folder would let
    homecheck do that): it is simply not this user's.
    """
    try:
        info = path.stat()
    except OSError:
        return None
    if not hasattr(os, "geteuid") or info.st_uid == os.geteuid() or os.access(path, os.R_OK):
        return None
    return (
        f"homecheck cannot open {path}: it belongs to another user "
        "(was homecheck once started with sudo?)"
    )


def _user_data_dir() -> Path:
    """The platform's per-user data folder (platformdirs): ~/.local/share/homecheck on Linux
    (or under $XDG_DATA_HOME), in %LOCALAPPDATA% on Windows, Application Support on a Mac."""
    return Path(platformdirs.user_data_dir("homecheck", appauthor=False))


def database_path() -> Path:
    """Return the path of the SQLite store inside the data folder."""
    return data_dir() / DB_NAME


def delete_all_data() -> list[Path]:
    """Delete everything homecheck stored (database, its sidecars, photos, settings, the work
    folders a killed backup or restore left).

    Only homecheck's own files are removed: the data folder may be one the person chose
    (HOMECHECK_DATA_DIR) with other things in it; those stay, and so does the folder, whose
    mode is not touched. Returns what was removed. Files the user saved elsewhere (PDFs, JSON)
    are not touched either: homecheck does not know where they are, and they are the user's.
    """
    from homecheck.store.lock import LOCK_NAME, holder

    folder = data_dir_location()
    if not folder.is_dir():
        return []
    removed = []
    for entry in sorted(folder.iterdir()):
        if entry.name == LOCK_NAME and holder(folder) is not None:
            continue  # the running app's lock (only a process id): it keeps a second one out
        if entry.name == PHOTOS_NAME and entry.is_dir() and not entry.is_symlink():
            for photo in sorted(entry.iterdir()):
                if _PHOTO_FILE.match(photo.name) and (photo.is_file() or photo.is_symlink()):
                    photo.unlink()
                    removed.append(photo)
            if not any(entry.iterdir()):
                entry.rmdir()
                removed.append(entry)
        elif _WORK_FOLDER.match(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)  # (rmtree follows no link inside it)
            removed.append(entry)
        elif _OWN_FILES.match(entry.name) and (entry.is_file() or entry.is_symlink()):
            entry.unlink()
            removed.append(entry)
    return removed


def new_work_folder(prefix: str, parent: Path) -> tuple[Path, int | None]:
    """A new private folder for a backup's or a restore's work (``prefix``: one of
    WORK_PREFIXES), and the open folder that keeps it locked as in use until end_work: so
    remove_stale_work never takes it. (Windows opens no folder: None, and nothing is stale.)"""
    from homecheck.store.lock import try_lock

    while True:
        work = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        try:
            fd = os.open(work, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except FileNotFoundError:  # removed as stale in the instant after it was made
            continue
        except OSError:
            return work, None
        try:
            if try_lock(fd) and os.path.samestat(os.fstat(fd), os.stat(work)):
                return work, fd
        except FileNotFoundError:
            pass
        os.close(fd)  # removed as stale in the instant before it was locked: a new one


def end_work(work: Path, fd: int | None) -> None:
    """Remove a work folder, then let go of its lock."""
    shutil.rmtree(work, ignore_errors=True)
    if fd is not None:
        os.close(fd)


def remove_stale_work(folder: Path) -> None:
    """Remove the work folders a killed backup or restore left in the data folder (each may hold
    a copy of the store); one a running homecheck holds locked stays."""
    from homecheck.store.lock import try_lock

    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if not _WORK_FOLDER.match(entry.name):
            continue
        try:
            fd = os.open(entry, flags)
        except OSError:  # not a folder, a link, or Windows
            continue
        try:
            if try_lock(fd):
                shutil.rmtree(entry, ignore_errors=True)  # (closing fd lets go of the lock)
        finally:
            os.close(fd)


def copy_beside(path: Path, kind: str) -> Path:
    """A free name beside the store for a copy of it: ``<name>.<kind>-<time>``, with ``-2``,
    ``-3`` … added when taken ("damaged" or "version-N": the names Delete all data knows)."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.name}.{kind}-{stamp}")
    n = 1
    while copy.exists():
        n += 1
        copy = path.with_name(f"{path.name}.{kind}-{stamp}-{n}")
    return copy


def writable(path: Path) -> bool:
    """Whether homecheck could change the store file and its folder (False on a read-only
    disk, or for a file or folder the user may not write). Nothing is changed to find out."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        pass
    except OSError:
        return False
    else:
        os.close(fd)
    return os.access(path.parent, os.W_OK)


def read_only_reason(path: Path) -> str:
    """Why a store can be read but not written, in one word for the messages: "disk" (a
    read-only disk), "owner" (the file or folder belongs to another user) or "permission"."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return "disk"
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    me = os.geteuid() if hasattr(os, "geteuid") else None
    for each in (path, path.parent):
        try:
            if me is not None and each.stat().st_uid != me:
                return "owner"
        except OSError:
            continue
    return "permission"
