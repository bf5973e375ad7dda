"""SQLite store (WAL): every answer is committed the moment it is given, so nothing is lost."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from homecheck.domain import retired
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import checklist
from homecheck.store.paths import writable

# The tables of the first store (schema version 1). A new store is made by creating these and
# then running every migration, so a new store and an upgraded one are the same by construction.
_FIRST_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS clients (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    created TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS checks (
    id INTEGER PRIMARY KEY,
    client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
    previous_id INTEGER REFERENCES checks(id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'in_progress',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    language TEXT NOT NULL,
    role TEXT NOT NULL,
    client_label TEXT NOT NULL DEFAULT '',
    assessor TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL,
    areas TEXT NOT NULL,
    intake TEXT NOT NULL DEFAULT '{}',
    area_notes TEXT NOT NULL DEFAULT '{}',
    current_page TEXT NOT NULL DEFAULT ''
)""",
    """CREATE TABLE IF NOT EXISTS answers (
    check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    answer TEXT NOT NULL CHECK (answer IN ('hazard', 'ok', 'na')),
    note TEXT NOT NULL DEFAULT '',
    done TEXT,
    photos TEXT NOT NULL DEFAULT '[]',
    updated TEXT NOT NULL,
    PRIMARY KEY (check_id, item_id)
)""",
)

# MIGRATIONS[n] takes a store of schema version n - 1 to version n. Append, never edit: a
# migration that shipped has already run on people's computers.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: (
        # Indexes for every per-client and per-check query (the answers' primary key already
        # starts with check_id).
        "CREATE INDEX IF NOT EXISTS checks_by_client ON checks(client_id, date)",
        "CREATE INDEX IF NOT EXISTS checks_by_status ON checks(status, updated)",
        "CREATE INDEX IF NOT EXISTS checks_by_updated ON checks(updated)",
        "CREATE INDEX IF NOT EXISTS checks_by_previous ON checks(previous_id)",
        "CREATE INDEX IF NOT EXISTS checks_by_date ON checks(date)",
        # A photo as it came from outside (the SHA-256 of its original bytes) and the name of
        # its cleaned copy: the same picture imported again is recognised without cleaning it.
        """CREATE TABLE IF NOT EXISTS photo_sources (
    source_hash TEXT PRIMARY KEY,
    name TEXT NOT NULL
)""",
    ),
}
SCHEMA_VERSION = max(MIGRATIONS)

class StoreError(Exception):
    """The store cannot be used; the message says why in plain words."""


class StoreDamaged(StoreError):
    """The database file exists but is not a homecheck store we can read."""


class StoreTooNew(StoreError):
    """The store was made by a newer homecheck; it is left exactly as it is."""

    def __init__(self, path: Path, found: int) -> None:
        super().__init__(
            f"{path} was made by a newer homecheck (store version {found}; this homecheck "
            f"reads up to {SCHEMA_VERSION}); install the newer homecheck to open it"
        )
        self.found = found


class StoreGone(StoreError):
    """The store file was deleted or replaced by another process since it was opened."""


class StoreReadOnly(StoreError):
    """The store was opened read-only (its file or folder cannot be written): it can be read,
    nothing can be changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} can be read but not changed (the file or its folder is read-only); "
            "nothing was changed"
        )


class StoreNeedsUpgrade(StoreError):
    """A read-only store of an older homecheck: it would need an upgrade, which cannot be
    written; it is left exactly as it is."""

    def __init__(self, path: Path, found: int) -> None:
        super().__init__(
            f"{path} was made by an older homecheck (store version {found}) and must be "
            f"upgraded once to version {SCHEMA_VERSION}, but the file or its folder is "
            "read-only; nothing was changed"
        )
        self.found = found


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


class CheckInfo(NamedTuple):
    """A check as listed for resuming or in a client's history."""

    id: int
    status: str
    date: str
    updated: str
    client_label: str
    role: str
    answered: int
    current_page: str


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


def _header_values(assessment: Assessment) -> tuple[str, ...]:
    """The check's columns from language to area_notes, in table order."""
    return (
        assessment.language,
        assessment.role,
        assessment.client,
        assessment.assessor,
        assessment.date,
        json.dumps(assessment.areas),
        json.dumps(assessment.intake, ensure_ascii=False),
        json.dumps(assessment.area_notes, ensure_ascii=False),
    )


class Store:
    """The app's local database; one short transaction per change.

    Opening is cheap: the full integrity check (which reads the whole file) runs only when
    ``check_integrity`` is set — after an unclean shutdown (see homecheck.store.lock) — before
    an upgrade, and before a backup. A store of an older homecheck is upgraded in place after a
    copy is kept beside it; one of a newer homecheck raises StoreTooNew and is not touched.

    ``read_only``: open a store whose file or folder cannot be written (a read-only disk,
    another user's file) for reading only: no migration, no sidecar files made, no chmod, and
    every write raises StoreReadOnly. Without it such a store raises StoreReadOnly at once.
    """

    def __init__(
        self, path: Path, *, check_integrity: bool = False, read_only: bool = False
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
            self._setup(existed, check_integrity)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreDamaged(
                f"{self.path} is damaged or not a homecheck database ({exc})"
            ) from None
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
            version = self._schema_version()
            if version > SCHEMA_VERSION:
                raise StoreTooNew(self.path, version)
            if version < SCHEMA_VERSION:
                raise StoreNeedsUpgrade(self.path, version)
            _check_length(self.path)
            if check_integrity:
                self.check_integrity()
        except sqlite3.DatabaseError as exc:
            with contextlib.suppress(AttributeError):
                self._db.close()
            if pending and isinstance(exc, sqlite3.OperationalError):
                # Not damage: SQLite cannot read the -wal without a -shm it may not make.
                raise StoreError(
                    f"{self.path} cannot be read here: its latest changes are in {wal.name}, "
                    "which SQLite can only read where it may write the folder; nothing was "
                    "changed"
                ) from None
            raise StoreDamaged(
                f"{self.path} is damaged or not a homecheck database ({exc})"
            ) from None
        except StoreError:
            self._db.close()
            raise
        self._identity = _identity(self.path)
        self._data_version = self._read_data_version()

    def _setup(self, existed: bool, check_integrity: bool) -> None:
        db = self._db
        db.execute("PRAGMA foreign_keys=ON")
        # Deleted text is overwritten with zeros, not just marked free: SQLite's own default
        # is off (Debian builds turn it on, Windows and macOS builds do not).
        db.execute("PRAGMA secure_delete=ON")
        version = self._schema_version() if existed else 0
        if version > SCHEMA_VERSION:
            raise StoreTooNew(self.path, version)
        if existed and version:
            _check_length(self.path)
        if check_integrity or 0 < version < SCHEMA_VERSION:
            self.check_integrity()
        db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives an application crash or kill -9; only a power cut may
        # lose the very last answer.
        db.execute("PRAGMA synchronous=NORMAL")
        if version == 0:
            self._migrate(0)
        elif version < SCHEMA_VERSION:
            self.upgrade_backup = self._keep_copy(version)
            self._migrate(version)
            self.upgraded_from = version

    def _schema_version(self) -> int:
        """The version the file says it has: 0 when empty, StoreDamaged when foreign."""
        db = self._db
        # Reading the schema first makes a garbage or truncated file fail here, not later.
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return 0
        if "meta" not in tables:
            raise StoreDamaged(f"{self.path} is not a homecheck database")
        row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        found = str(row[0]) if row else "none"
        if not found.isdigit() or int(found) < 1:
            raise StoreDamaged(
                f"{self.path} has schema version {found}; this homecheck needs {SCHEMA_VERSION}"
            )
        return int(found)

    def check_integrity(self) -> None:
        """Read the whole file once (PRAGMA quick_check); StoreDamaged when it is not sound."""
        try:
            status = self._db.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreDamaged(f"{self.path} is damaged ({exc})") from None
        if status is None or status[0] != "ok":
            raise StoreDamaged(f"{self.path} is damaged ({status[0] if status else 'no answer'})")

    def _keep_copy(self, version: int) -> Path:
        """Copy the store (consistently, WAL included) beside it before upgrading it."""
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = self.path.with_name(f"{self.path.name}.version-{version}-{stamp}")
        n = 1
        while copy.exists():
            n += 1
            copy = self.path.with_name(f"{self.path.name}.version-{version}-{stamp}-{n}")
        try:
            backup_to(self._db, copy)
        except (OSError, sqlite3.Error) as exc:
            with contextlib.suppress(OSError):
                copy.unlink()
            raise StoreError(
                f"{self.path} needs an upgrade, but no copy could be kept first ({exc}); "
                "nothing was changed"
            ) from None
        return copy

    def _migrate(self, version: int) -> None:
        """Bring the schema from ``version`` to SCHEMA_VERSION, one transaction per step."""
        db = self._db
        try:
            if version == 0:
                with self._transaction():
                    for statement in _FIRST_SCHEMA:
                        db.execute(statement)
                    db.execute(
                        "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '1')"
                    )
                version = 1
            for target in range(version + 1, SCHEMA_VERSION + 1):
                with self._transaction():
                    for statement in MIGRATIONS[target]:
                        db.execute(statement)
                    db.execute(
                        "UPDATE meta SET value=? WHERE key='schema_version'", (str(target),)
                    )
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise StoreError(
                    f"{self.path} needs an upgrade but cannot be written ({exc}); "
                    "nothing was changed"
                ) from None
            raise

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
        """One short write transaction (used by the clients module)."""
        return self._transaction()

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only query and return all rows."""
        return self._db.execute(sql, params).fetchall()

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the whole store in a new private file (SQLite's backup API)."""
        backup_to(self._db, target)

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self._db.close()

    # -- checks ---------------------------------------------------------------------------

    def create_check(
        self,
        assessment: Assessment,
        client_id: int | None = None,
        previous_id: int | None = None,
        status: str | None = None,
    ) -> int:
        """Store a new check (with any answers it already has); return its id.

        ``status`` defaults to the assessment's own (a finished check read from a file stays
        finished).
        """
        status = assessment.status if status is None else status
        if status not in ("in_progress", "done"):
            raise ValueError(status)
        now = _now()
        with self._transaction() as db:
            cur = db.execute(
                "INSERT INTO checks (client_id, previous_id, status, created, updated, language,"
                " role, client_label, assessor, date, areas, intake, area_notes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (client_id, previous_id, status, now, now, *_header_values(assessment)),
            )
            check_id = int(cur.lastrowid or 0)
            for item_id, answer in assessment.answers.items():
                self._put_answer(db, check_id, item_id, answer, now)
        return check_id

    def save_header(self, check_id: int, assessment: Assessment) -> None:
        """Store everything but the item answers (who, when, areas, intake, area notes)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE checks SET updated=?, language=?, role=?, client_label=?, assessor=?,"
                " date=?, areas=?, intake=?, area_notes=? WHERE id=?",
                (_now(), *_header_values(assessment), check_id),
            )

    @staticmethod
    def _put_answer(
        db: sqlite3.Connection, check_id: int, item_id: str, answer: Answer, now: str
    ) -> None:
        db.execute(
            "INSERT INTO answers (check_id, item_id, answer, note, done, photos, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(check_id, item_id) DO UPDATE SET"
            " answer=excluded.answer, note=excluded.note, done=excluded.done,"
            " photos=excluded.photos, updated=excluded.updated",
            (
                check_id,
                item_id,
                answer.answer,
                answer.note,
                answer.done,
                json.dumps(answer.photos),
                now,
            ),
        )

    def save_answer(self, check_id: int, item_id: str, answer: Answer | None) -> None:
        """Store (or with None, clear) one answer in its own committed transaction."""
        now = _now()
        with self._transaction() as db:
            if answer is None:
                db.execute(
                    "DELETE FROM answers WHERE check_id=? AND item_id=?", (check_id, item_id)
                )
            else:
                self._put_answer(db, check_id, item_id, answer, now)
            db.execute("UPDATE checks SET updated=? WHERE id=?", (now, check_id))

    def set_current_page(self, check_id: int, page: str) -> None:
        """Remember where the person was, so a resume opens the same page."""
        with self._transaction() as db:
            db.execute("UPDATE checks SET current_page=? WHERE id=?", (page, check_id))

    def set_status(self, check_id: int, status: str) -> None:
        """Mark a check 'in_progress' or 'done'."""
        if status not in ("in_progress", "done"):
            raise ValueError(status)
        with self._transaction() as db:
            db.execute(
                "UPDATE checks SET status=?, updated=? WHERE id=?", (status, _now(), check_id)
            )

    def set_done(self, check_id: int, item_id: str, done: str | None) -> None:
        """Action log: record (or with None, clear) the day a hazard's action was done."""
        with self._transaction() as db:
            db.execute(
                "UPDATE answers SET done=?, updated=? WHERE check_id=? AND item_id=?",
                (done, _now(), check_id, item_id),
            )

    def load_check(self, check_id: int) -> Assessment:
        """Return the stored assessment of a check (KeyError when there is none)."""
        row = self._db.execute(
            "SELECT language, role, client_label, assessor, date, areas, intake, area_notes,"
            " status FROM checks WHERE id=?",
            (check_id,),
        ).fetchone()
        if row is None:
            raise KeyError(check_id)
        answers = {
            item_id: Answer(answer=answer, note=note, done=done, photos=json.loads(photos))
            for item_id, answer, note, done, photos in self._db.execute(
                "SELECT item_id, answer, note, done, photos FROM answers WHERE check_id=?"
                " ORDER BY rowid",
                (check_id,),
            )
        }
        intake: dict[str, Any] = json.loads(row[6])
        loaded = Assessment(
            language=row[0],
            role=row[1],
            client=row[2],
            assessor=row[3],
            date=row[4],
            areas=list(json.loads(row[5])),
            intake=intake,
            answers=answers,
            area_notes=dict(json.loads(row[7])),
            status=row[8],
        )
        return self._with_current_ids(check_id, loaded)

    def load_checks(self, check_ids: list[int]) -> dict[int, Assessment]:
        """Several stored assessments in two queries (a client's history), by id."""
        if not check_ids:
            return {}
        marks = ",".join("?" * len(check_ids))
        found: dict[int, Assessment] = {}
        for row in self._db.execute(
            "SELECT id, language, role, client_label, assessor, date, areas, intake, area_notes"
            f" FROM checks WHERE id IN ({marks})",
            tuple(check_ids),
        ):
            found[row[0]] = Assessment(
                language=row[1],
                role=row[2],
                client=row[3],
                assessor=row[4],
                date=row[5],
                areas=list(json.loads(row[6])),
                intake=json.loads(row[7]),
                answers={},
                area_notes=dict(json.loads(row[8])),
            )
        for check_id, item_id, answer, note, done, photos in self._db.execute(
            "SELECT check_id, item_id, answer, note, done, photos FROM answers"
            f" WHERE check_id IN ({marks}) ORDER BY check_id, rowid",
            tuple(check_ids),
        ):
            found[check_id].answers[item_id] = Answer(
                answer=answer, note=note, done=done, photos=json.loads(photos)
            )
        return {check_id: self._with_current_ids(check_id, a) for check_id, a in found.items()}

    def _with_current_ids(self, check_id: int, assessment: Assessment) -> Assessment:
        """Answers to retired (merged or split) item ids moved to the items that replaced them.

        A check saved by an older homecheck is written back with the current ids the first time
        it is loaded, so a later change to the merged answer is not undone by the old row.
        """
        content = checklist()
        if not any(item_id in retired.retired_ids(content) for item_id in assessment.answers):
            return assessment
        raw = {item_id: dataclasses.asdict(a) for item_id, a in assessment.answers.items()}
        mapped, areas = retired.map_answers(raw, list(assessment.areas), content)
        answers = {item_id: Answer(**value) for item_id, value in mapped.items()}
        try:
            with self._transaction() as db:
                db.execute("DELETE FROM answers WHERE check_id=?", (check_id,))
                now = _now()
                for item_id, answer in answers.items():
                    self._put_answer(db, check_id, item_id, answer, now)
                db.execute("UPDATE checks SET areas=? WHERE id=?", (json.dumps(areas), check_id))
        except (sqlite3.Error, StoreError):
            pass  # a store we may only read: the mapped answers are shown all the same
        return dataclasses.replace(assessment, answers=answers, areas=areas)

    def _infos(self, where: str, params: tuple[Any, ...], limit: str = "") -> list[CheckInfo]:
        # One query with a join, never a COUNT subquery per row.
        rows = self._db.execute(
            "SELECT c.id, c.status, c.date, c.updated, c.client_label, c.role,"
            " COUNT(a.check_id), c.current_page FROM checks c"
            " LEFT JOIN answers a ON a.check_id = c.id"
            f" WHERE {where} GROUP BY c.id ORDER BY c.updated DESC, c.id DESC {limit}",
            params,
        ).fetchall()
        return [CheckInfo(*row) for row in rows]

    def unfinished_check(self) -> CheckInfo | None:
        """The most recently changed check that is still in progress, if any."""
        row = self._db.execute(
            "SELECT id FROM checks WHERE status = 'in_progress'"
            " ORDER BY updated DESC, id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return self._infos("c.id = ?", (row[0],))[0]

    def latest_check(self) -> CheckInfo | None:
        """The most recently changed check of anyone, if any."""
        row = self._db.execute(
            "SELECT id FROM checks ORDER BY updated DESC, id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else self._infos("c.id = ?", (row[0],))[0]

    def list_checks(self, client_id: int | None = None) -> list[CheckInfo]:
        """All checks, newest first (optionally of one client)."""
        if client_id is None:
            return self._infos("1 = 1", ())
        return self._infos("c.client_id = ?", (client_id,))

    def own_checks(self) -> list[CheckInfo]:
        """The checks of the person's own profile (no client), newest first."""
        return self._infos("c.client_id IS NULL", ())

    def checks_on(self, date: str, role: str) -> list[CheckInfo]:
        """The checks of one date and role (to recognise a check file stored before)."""
        return self._infos("c.date = ? AND c.role = ?", (date, role))

    def client_label(self, check_id: int) -> str | None:
        """The label of the client a check belongs to; None for the person's own profile."""
        row = self._db.execute(
            "SELECT cl.label FROM checks c JOIN clients cl ON cl.id = c.client_id WHERE c.id=?",
            (check_id,),
        ).fetchone()
        return None if row is None else str(row[0])

    def count_checks(self) -> int:
        """How many checks are stored."""
        return int(self._db.execute("SELECT COUNT(*) FROM checks").fetchone()[0])

    # -- photos as they came from outside -------------------------------------------------

    def photo_for_source(self, source_hash: str) -> str | None:
        """The stored name of a photo imported before from a file with this SHA-256."""
        row = self._db.execute(
            "SELECT name FROM photo_sources WHERE source_hash=?", (source_hash,)
        ).fetchone()
        return None if row is None else str(row[0])

    def remember_photo_source(self, source_hash: str, name: str) -> None:
        """Keep the original file's hash beside the name of its cleaned copy."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO photo_sources(source_hash, name) VALUES (?, ?)",
                (source_hash, name),
            )

    def delete_check(self, check_id: int) -> None:
        """Remove one check and its answers, leaving nothing of them in the files."""
        with self._transaction() as db:
            db.execute("DELETE FROM checks WHERE id=?", (check_id,))
        self.forget_deleted()

    def forget_deleted(self) -> None:
        """After a delete: move the WAL into the database and empty it.

        secure_delete zeroes the deleted rows in the database, but the WAL still holds the
        pages as they were before; a TRUNCATE checkpoint writes them back and cuts the WAL to
        zero bytes. (Another homecheck reading at that moment can keep it from finishing; the
        next delete or close tries again.)
        """
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def backup_to(source: sqlite3.Connection, target: Path) -> None:
    """Copy a whole store with SQLite's backup API into a new private file ``target``."""
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        # A self-contained file: a copy must not depend on -wal or -shm files beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()


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
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, backup)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, backup.with_name(backup.name + suffix))
    return backup


def stored_version(path: Path) -> int:
    """The schema version a store file says it has, read without writing anything (-1 when
    it cannot be read: damaged, or not a homecheck store)."""
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)  # no sidecars
    except (sqlite3.Error, ValueError):
        return -1
    try:
        row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.Error:
        return -1
    finally:
        db.close()
    return int(row[0]) if row and str(row[0]).isdigit() else -1
