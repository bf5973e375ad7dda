"""The store's file and its connection: opening it (read-only too), checking it, upgrading
it, short transactions, and noticing another process's change or its deletion.

homecheck.store.db.Store builds on this with the queries about checks.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from homecheck.store import migrations
from homecheck.store.errors import StoreDamaged, StoreError, StoreGone, StoreReadOnly
from homecheck.store.migrations import SCHEMA_VERSION, StoreNeedsUpgrade, StoreTooNew
from homecheck.store.paths import copy_beside, writable


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``; None when there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _private_sidecars(path: Path) -> None:
    """Give existing -wal and -shm files mode 0600 (SQLite copies the mode only on creation)."""
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.chmod(path.with_name(path.name + suffix), 0o600)


class StoreConnection:
    """An open store file; one short transaction per change.

    Opening is cheap: the full integrity check (which reads the whole file) runs only when
    ``check_integrity`` is set — after an unclean shutdown (see homecheck.store.lock) — before
    an upgrade, and before a backup. A store of an older homecheck is upgraded in place after a
    copy is kept beside it; one of a newer homecheck raises StoreTooNew and is not touched.

    ``read_only``: open a store whose file or folder cannot be written (a read-only disk,
    another user's file) for reading only: no migration, no sidecar files made, no chmod, and
    every write raises StoreReadOnly. Without it such a store raises StoreReadOnly at once.

    ``checked``: the file was just checked in full (FileCheck), so an upgrade does not read it
    a second time. ``upgrade=False``: a store of an older homecheck raises StoreNeedsUpgrade
    before anything is read or changed (the app then upgrades it under a window).
    """

    def __init__(
        self,
        path: Path,
        *,
        check_integrity: bool = False,
        read_only: bool = False,
        checked: bool = False,
        upgrade: bool = True,
    ) -> None:
        self.path = Path(path)
        self.upgraded_from: int | None = None  # the schema version before an upgrade
        self.upgrade_backup: Path | None = None  # the copy kept before that upgrade
        self.read_only = read_only
        self.gone = False  # set once a write found the file deleted or replaced (StoreGone)
        existed = self.path.exists()
        if read_only:
            self._open_read_only(check_integrity)
            return
        if existed and self.path.is_file() and not writable(self.path):
            # Opened for writing, SQLite would fail at the first write and the store would
            # look damaged; it is not. Said plainly instead (open it with read_only=True).
            raise StoreReadOnly(self.path)
        # SQLite gives the -wal and -shm files the mode of the database file, so the file must
        # be private *before* the first connection, whatever the process umask is.
        with contextlib.suppress(OSError):
            if not existed:
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            elif self.path.is_file():
                os.chmod(self.path, 0o600)
        _private_sidecars(self.path)  # an existing -wal keeps its own mode otherwise
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        # Which file this is: after "Delete all data" in another homecheck (or a new store
        # made in its place) this connection must not go on writing into a deleted file.
        self._identity = _identity(self.path)
        try:
            self._setup(existed, check_integrity, checked, upgrade)
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None
        except StoreError:
            self._db.close()
            raise
        self._identity = _identity(self.path)  # surely there now, whatever happened before
        # Changes only when *another* connection (another homecheck window) commits.
        self._data_version = self._read_data_version()
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)

    def _open_read_only(self, check_integrity: bool) -> None:
        """Open for reading only; the file and its folder are left exactly as they are."""
        # SQLite needs a -shm file to read a WAL database; in a folder it may not write it
        # cannot make one. Without a -wal holding changes, the file alone is the whole store
        # and is opened "immutable" (no sidecars, no locks). With one, SQLite must read it.
        wal = self.path.with_name(self.path.name + "-wal")
        try:
            pending = wal.stat().st_size > 0
        except OSError:
            pending = False
        uri = f"{self.path.as_uri()}?mode=ro" + ("" if pending else "&immutable=1")
        try:
            self._db = sqlite3.connect(uri, uri=True, isolation_level=None,
                                       check_same_thread=False)  # fmt: skip
            self._db.execute("PRAGMA query_only=ON")
            version = migrations.schema_version(self)
            if version > SCHEMA_VERSION:
                raise StoreTooNew(self.path, version)
            if version < SCHEMA_VERSION:
                raise StoreNeedsUpgrade(self.path, version)
            _check_length(self.path)
            if check_integrity:
                self.check_integrity()
        except sqlite3.DatabaseError as exc:
            damaged = self._damaged(exc)
            if pending and isinstance(exc, sqlite3.OperationalError):
                # Not damage: SQLite cannot read the -wal without a -shm it may not make.
                raise StoreError(
                    f"{self.path} cannot be read here: its latest changes are in {wal.name}, "
                    "which SQLite can only read where it may write the folder; nothing was "
                    "changed"
                ) from None
            raise damaged from None
        except StoreError:
            self._db.close()
            raise
        self._identity = _identity(self.path)
        self._data_version = self._read_data_version()

    def _damaged(self, exc: sqlite3.DatabaseError) -> StoreDamaged:
        """Close the connection; the error for a file SQLite cannot read as a homecheck store."""
        with contextlib.suppress(AttributeError):  # connect itself failed: nothing to close
            self._db.close()
        return StoreDamaged(f"{self.path} is damaged or not a homecheck database ({exc})")

    def _setup(self, existed: bool, check_integrity: bool, checked: bool, upgrade: bool) -> None:
        db = self._db
        db.execute("PRAGMA foreign_keys=ON")
        # Deleted text is overwritten with zeros, not just marked free: SQLite's own default
        # is off (Debian builds turn it on, Windows and macOS builds do not).
        db.execute("PRAGMA secure_delete=ON")
        version = migrations.schema_version(self) if existed else 0
        if version > SCHEMA_VERSION:
            raise StoreTooNew(self.path, version)
        if existed and version:
            _check_length(self.path)
        if not upgrade and 0 < version < SCHEMA_VERSION:
            raise StoreNeedsUpgrade(self.path, version)
        if not checked and (check_integrity or 0 < version < SCHEMA_VERSION):
            self.check_integrity()
        db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives an application crash or kill -9; only a power cut may
        # lose the very last answer.
        db.execute("PRAGMA synchronous=NORMAL")
        if version == 0:
            migrations.migrate(self, 0)
        elif version < SCHEMA_VERSION:
            self.upgrade_backup = migrations.upgrade(self, version)
            self.upgraded_from = version

    def check_integrity(self) -> None:
        """Read the whole file once (PRAGMA quick_check); StoreDamaged when it is not sound."""
        _quick_check(self._db, self.path)

    def ensure_present(self) -> None:
        """StoreGone (and ``gone`` from then on) when the file was deleted or replaced by
        another homecheck since it was opened; nothing is written to find out."""
        if self.gone or _identity(self.path) != self._identity:
            self.gone = True
            raise StoreGone(
                f"{self.path} was deleted or replaced by another homecheck window: "
                "nothing more can be saved here; close this window and start homecheck again"
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreReadOnly(self.path)
        self.ensure_present()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _read_data_version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def changed_by_others(self) -> bool:
        """True once after another process (another homecheck window) wrote to this store."""
        version = self._read_data_version()
        changed = version != self._data_version
        self._data_version = version
        return changed

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One short write transaction (used by the clients module and the migrations)."""
        return self._transaction()

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only query and return all rows."""
        return self._db.execute(sql, params).fetchall()

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the whole store in a new private file (SQLite's backup API)."""
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        copy = sqlite3.connect(target)
        try:
            self._db.backup(copy)
            # A self-contained file: a copy must not depend on -wal or -shm files beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self._db.close()

    def forget_deleted(self) -> None:
        """After a delete: move the WAL into the database and empty it.

        secure_delete zeroes the deleted rows in the database, but the WAL still holds the
        pages as they were before; a TRUNCATE checkpoint writes them back and cuts the WAL to
        zero bytes. (Another homecheck reading at that moment can keep it from finishing; the
        next delete or close tries again.)
        """
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _quick_check(db: sqlite3.Connection, path: Path) -> None:
    """StoreDamaged unless SQLite's quick_check of the whole file answers "ok".

    quick_check reads every page but, unlike integrity_check, does not compare each index
    with its table: on a 547 MB store about as fast, and it finds every kind of damage in
    docs/reliability.md. Its optional limit caps the errors it lists, not the pages it reads.
    """
    try:
        status = db.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreDamaged(f"{path} is damaged ({exc})") from None
    if status is None or status[0] != "ok":
        raise StoreDamaged(f"{path} is damaged ({status[0] if status else 'no answer'})")


def _stored_version(db: sqlite3.Connection) -> int:
    """The schema version the file says it has; 0 when it cannot be read (no judgement:
    opening the store judges that)."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.DatabaseError:
        return 0
    return int(row[0]) if row and str(row[0]).isdigit() else 0


class CheckStopped(StoreError):
    """The full check was stopped before it was done (the app is closing): nothing is known."""


class FileCheck:
    """The full check of a store file on a connection of its own, so that it can run in
    another thread while the window stays responsive (a connection never crosses threads).

    ``run`` raises StoreDamaged for a damaged file and does nothing when there is no file;
    ``stop`` (from any thread) ends a running check early with CheckStopped. Nothing is changed,
    except that SQLite brings the changes a crash left in the -wal into the store, as any open
    does.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self._stopped = False

    def run(self) -> int:
        """Check the whole file (it blocks until done); StoreDamaged when it is not sound.

        Returns the schema version the file says it has (0: no file, or not known).
        """
        if not self.path.is_file():
            return 0
        _check_length(self.path)
        try:
            # mode=rw: never make a file that is not there (or was moved away meanwhile).
            db = sqlite3.connect(f"{self.path.as_uri()}?mode=rw", uri=True,
                                 isolation_level=None, check_same_thread=False)  # fmt: skip
        except sqlite3.Error as exc:
            raise StoreDamaged(f"{self.path} is damaged ({exc})") from None
        self._db = db
        try:
            if self._stopped:
                raise CheckStopped(f"the check of {self.path} was stopped")
            version = _stored_version(db)
            if version > SCHEMA_VERSION:
                return version  # a newer homecheck's: opening it says so, leaves it as it is
            _quick_check(db, self.path)
            return version
        except StoreDamaged:
            if self._stopped:
                raise CheckStopped(f"the check of {self.path} was stopped") from None
            raise
        finally:
            self._db = None
            db.close()

    def stop(self) -> None:
        """End a running check early (sqlite3's interrupt may be called from any thread)."""
        self._stopped = True
        db = self._db
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.interrupt()


def upgrade_checked(path: Path) -> tuple[int, Path | None] | None:
    """Upgrade the store of an older homecheck at ``path``, which FileCheck has just checked,
    on a connection of its own (so in a worker thread): a copy is kept beside it first.

    Returns (the version it had, the copy) after an upgrade; None when it needed none.
    """
    store = StoreConnection(path, checked=True)
    store.close()
    if store.upgraded_from is None:
        return None
    return store.upgraded_from, store.upgrade_backup


def _check_length(path: Path) -> None:
    """StoreDamaged when the file is shorter than its own header says (cut off, say).

    A cheap stand-in for the full check at every open: it reads 100 bytes.
    """
    with open(path, "rb") as file:
        header = file.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return  # SQLite itself has already judged the file by now
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only while the change counter matches "version-valid-for".
    if header[24:28] != header[92:96] or not pages:
        return
    if pages * page_size > path.stat().st_size:
        raise StoreDamaged(f"{path} is damaged (the file is shorter than its contents)")


def backup_damaged(path: Path) -> Path:
    """Move a damaged database (and its WAL sidecars) aside; return the backup's path."""
    backup = copy_beside(path, "damaged")
    os.replace(path, backup)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, backup.with_name(backup.name + suffix))
    return backup
