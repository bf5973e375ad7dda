"""A whole store in one zip file, and back: how a practice moves to a new computer.

The zip holds a manifest, a consistent copy of the database made with SQLite's backup API
(checked in full first) and the stored photos. Restoring goes only into a data folder that
holds no checks, clients or photos yet, so nothing is ever overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from homecheck import __version__
from homecheck.domain.assessment import PHOTO_NAME
from homecheck.fileio import NotRegularFile, open_input, temporary_beside
from homecheck.store.db import Store
from homecheck.store.errors import StoreDamaged, StoreError
from homecheck.store.migrations import SCHEMA_VERSION, StoreTooNew
from homecheck.store.paths import (
    DB_NAME,
    WORK_PREFIXES,
    end_work,
    new_work_folder,
    remove_stale_work,
    writable,
)

BACKUP_FORMAT = "homecheck-backup"
BACKUP_VERSION = 1
MANIFEST = "homecheck-backup.json"
PHOTOS = "photos"
# A zip that would unpack to more than this is refused (a real practice's store is far less).
MAX_RESTORE_BYTES = 8 * 1024**3
MAX_MANIFEST_BYTES = 64 * 1024  # ours is a few hundred bytes; it is read whole, so it is capped


class BackupError(ValueError):
    """A backup file cannot be used; the message says why in plain words."""


class NotEmpty(StoreError):
    """The data folder already holds checks, clients or photos: a restore would mix them."""


@dataclass(frozen=True)
class Summary:
    """What a backup holds (or a restore brought back)."""

    checks: int
    clients: int
    photos: int


def _stored_photos(data_dir: Path) -> list[Path]:
    folder = data_dir / PHOTOS
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if PHOTO_NAME.match(p.name) and p.is_file() and not p.is_symlink()
    )


def _counts(store: Store) -> tuple[int, int]:
    clients = int(store.query("SELECT COUNT(*) FROM clients")[0][0])
    return store.count_checks(), clients


def make_backup(
    store: Store,
    data_dir: Path,
    target: Path,
    *,
    uninterrupted: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext,
) -> Summary:
    """Write the whole store with its photos to ``target`` (a .zip), all or nothing.

    StoreDamaged when the store is not sound (checked in full first); OSError when the file
    cannot be written (nothing is left at ``target`` then). Each file goes into the zip inside
    ``uninterrupted()``: zipfile cannot be stopped halfway through one (its zip then cannot even
    be closed), so the command line passes one that lets Ctrl-C wait until the file is in.
    """
    remove_stale_work(data_dir)
    store.check_integrity()
    checks, clients = _counts(store)
    photos = _stored_photos(data_dir)
    manifest = {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "schema_version": SCHEMA_VERSION,
        "homecheck": __version__,
        "created": _dt.datetime.now().isoformat(timespec="seconds"),
        "checks": checks,
        "clients": clients,
        "photos": len(photos),
    }
    partial: str | None = None
    # (both set inside the try: Ctrl-C right after still removes them)
    work: tuple[Path, int | None] | None = None
    try:
        fd, partial = temporary_beside(target)  # a short name: a target name at the limit works
        os.close(fd)
        try:
            work = new_work_folder(WORK_PREFIXES[0], data_dir)
        except OSError:  # a data folder that can only be read: a private folder by the backup
            work = new_work_folder(WORK_PREFIXES[0], Path(partial).parent)
        copy = work[0] / DB_NAME
        store.backup_to(copy)
        with zipfile.ZipFile(partial, "w") as archive:
            with uninterrupted():
                archive.writestr(MANIFEST, json.dumps(manifest, indent=2) + "\n")
                archive.write(copy, DB_NAME, compress_type=zipfile.ZIP_DEFLATED)
            for photo in photos:  # JPEGs do not get smaller in a zip
                with uninterrupted():
                    archive.write(photo, f"{PHOTOS}/{photo.name}",
                                  compress_type=zipfile.ZIP_STORED)  # fmt: skip
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(partial, 0o600)
        os.replace(partial, target)
    except BaseException:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
        raise
    finally:
        if work is not None:
            end_work(*work)
    return Summary(checks, clients, len(photos))


def holds_data(data_dir: Path) -> bool:
    """True when the data folder has any check, client or photo (a restore must not mix)."""
    if _stored_photos(data_dir):
        return True
    path = data_dir / DB_NAME
    if not path.exists():
        return False
    store = Store(path, read_only=not writable(path))  # only read: any store will do
    try:
        return any(_counts(store))
    finally:
        store.close()


def _members(archive: zipfile.ZipFile) -> tuple[zipfile.ZipInfo, list[zipfile.ZipInfo]]:
    """The database and the photos of a backup, after checking every name and size."""
    database = None
    photos = []
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.filename == DB_NAME:
            database = info
        elif info.filename.startswith(PHOTOS + "/") and PHOTO_NAME.match(
            info.filename[len(PHOTOS) + 1 :]
        ):
            photos.append(info)
        elif info.filename not in (MANIFEST, PHOTOS + "/"):
            raise BackupError(f"it holds a file a homecheck backup never has ({info.filename!r})")
    if total > MAX_RESTORE_BYTES:
        raise BackupError("it would unpack to more than 8 GiB")
    if database is None:
        raise BackupError(f"there is no {DB_NAME} in it")
    return database, photos


def _read_manifest(archive: zipfile.ZipFile) -> None:
    try:
        size = archive.getinfo(MANIFEST).file_size
    except KeyError:
        raise BackupError("this is not a homecheck backup (no manifest)") from None
    if size > MAX_MANIFEST_BYTES:
        raise BackupError("its manifest is too large to be a homecheck backup's")
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise BackupError("its manifest is not readable") from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise BackupError("this is not a homecheck backup")
    version = manifest.get("version")
    if not isinstance(version, int) or version > BACKUP_VERSION:
        raise BackupError("it was made by a newer homecheck; install that version to restore it")


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    """Copy one member to a new private file, never more bytes than the zip says it has."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, archive.open(info) as source:
        left = info.file_size
        while chunk := source.read(min(1 << 20, left + 1)):
            left -= len(chunk)
            if left < 0:
                raise BackupError(f"{info.filename} is larger than the zip says")
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def restore_backup(source: Path, data_dir: Path) -> Summary:
    """Bring a backup into an empty data folder; NotEmpty when it holds data already.

    BackupError for a file that is not a sound homecheck backup; nothing changes then.
    """
    remove_stale_work(data_dir)
    if holds_data(data_dir):
        raise NotEmpty(
            f"the data folder {data_dir} already holds checks, clients or photos; restore only "
            "into an empty one (make a backup of it and use Delete all data first)"
        )
    try:
        handle = open_input(source)  # the guarded reader: no pipe to wait on, no device
    except NotRegularFile as exc:
        raise BackupError(str(exc)) from None
    except OSError as exc:  # missing, not readable: the backup's problem, not the data folder's
        raise BackupError(f"it cannot be read ({exc.strerror or exc})") from None
    try:
        archive = zipfile.ZipFile(handle)
    except zipfile.BadZipFile:
        handle.close()
        raise BackupError("this is not a zip file") from None
    work: Path | None = None  # (set inside the try: Ctrl-C right after it still removes it)
    locked: int | None = None
    try:
        with handle, archive:  # (a ZipFile given a file does not close it)
            _read_manifest(archive)
            database, photos = _members(archive)
            work, locked = new_work_folder(WORK_PREFIXES[1], data_dir)
            try:
                _extract(archive, database, work / DB_NAME)
                (work / PHOTOS).mkdir(mode=0o700)
                for info in photos:
                    _extract(archive, info, work / PHOTOS / Path(info.filename).name)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
                raise BackupError(f"the zip is damaged ({exc})") from None
            except RuntimeError as exc:  # an encrypted member
                raise BackupError(f"it cannot be read ({exc})") from None
        try:
            # Checked in full, and brought up to this homecheck's schema.
            store = Store(work / DB_NAME, check_integrity=True)
        except StoreTooNew:
            raise BackupError(
                "it was made by a newer homecheck; install that version to restore it"
            ) from None
        except StoreDamaged as exc:
            raise BackupError(f"the store in it is damaged ({exc})") from None
        try:
            checks, clients = _counts(store)
        finally:
            store.close()
        _move_into_place(work, data_dir)
        return Summary(checks, clients, len(photos))
    finally:
        if work is not None:
            end_work(work, locked)


def _move_into_place(work: Path, data_dir: Path) -> None:
    # An empty store may be there already (the app was started once): it holds nothing.
    for suffix in ("-wal", "-shm", ""):
        with contextlib.suppress(FileNotFoundError):
            (data_dir / (DB_NAME + suffix)).unlink()
    photos = data_dir / PHOTOS
    if photos.is_dir() and not photos.is_symlink():
        shutil.rmtree(photos)  # holds no photo (checked): at most stray files of our own
    os.replace(work / PHOTOS, photos)
    try:
        os.replace(work / DB_NAME, data_dir / DB_NAME)
    except BaseException:  # (Ctrl-C too) all or nothing: without the store the photos go back
        if not (data_dir / DB_NAME).exists():
            os.replace(photos, work / PHOTOS)
        raise
