"""SQLite store (WAL): every answer is committed the moment it is given, so nothing is lost."""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from homecheck.domain.assessment import Answer, Assessment

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clients (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS checks (
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
);
CREATE TABLE IF NOT EXISTS answers (
    check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    answer TEXT NOT NULL CHECK (answer IN ('hazard', 'ok', 'na')),
    note TEXT NOT NULL DEFAULT '',
    done TEXT,
    photos TEXT NOT NULL DEFAULT '[]',
    updated TEXT NOT NULL,
    PRIMARY KEY (check_id, item_id)
);
"""


class StoreError(Exception):
    """The store cannot be used; the message says why in plain words."""


class StoreDamaged(StoreError):
    """The database file exists but is not a homecheck store we can read."""


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
    """The app's local database; one short transaction per change."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        existed = self.path.exists()
        # SQLite gives the -wal and -shm files the mode of the database file, so the file must
        # be private *before* the first connection, whatever the process umask is.
        with contextlib.suppress(OSError):
            if not existed:
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            elif self.path.is_file():
                os.chmod(self.path, 0o600)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        try:
            self._setup(existed)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreDamaged(
                f"{self.path} is damaged or not a homecheck database ({exc})"
            ) from None
        except StoreDamaged:
            self._db.close()
            raise
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)

    def _setup(self, existed: bool) -> None:
        db = self._db
        db.execute("PRAGMA foreign_keys=ON")
        if existed:
            # Reading the schema first makes a garbage or truncated file fail here, not later.
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables and "meta" not in tables:
                raise StoreDamaged(f"{self.path} is not a homecheck database")
            if "meta" in tables:
                row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
                if row is None or row[0] != str(SCHEMA_VERSION):
                    found = row[0] if row else "none"
                    raise StoreDamaged(
                        f"{self.path} has schema version {found}; this homecheck needs "
                        f"{SCHEMA_VERSION}"
                    )
            status = db.execute("PRAGMA quick_check").fetchone()
            if status is None or status[0] != "ok":
                raise StoreDamaged(
                    f"{self.path} is damaged ({status[0] if status else 'no answer'})"
                )
        db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives an application crash or kill -9; only a power cut may
        # lose the very last answer.
        db.execute("PRAGMA synchronous=NORMAL")
        # executescript commits by itself, so the schema is created outside _transaction().
        db.executescript(_SCHEMA)
        with self._transaction():
            db.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One short write transaction (used by the clients module)."""
        return self._transaction()

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only query and return all rows."""
        return self._db.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self._db.close()

    # -- checks ---------------------------------------------------------------------------

    def create_check(
        self, assessment: Assessment, client_id: int | None = None, previous_id: int | None = None
    ) -> int:
        """Store a new in-progress check (with any answers it already has); return its id."""
        now = _now()
        with self._transaction() as db:
            cur = db.execute(
                "INSERT INTO checks (client_id, previous_id, created, updated, language, role,"
                " client_label, assessor, date, areas, intake, area_notes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (client_id, previous_id, now, now, *_header_values(assessment)),
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
            "SELECT language, role, client_label, assessor, date, areas, intake, area_notes"
            " FROM checks WHERE id=?",
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
        return Assessment(
            language=row[0],
            role=row[1],
            client=row[2],
            assessor=row[3],
            date=row[4],
            areas=list(json.loads(row[5])),
            intake=intake,
            answers=answers,
            area_notes=dict(json.loads(row[7])),
        )

    def _infos(self, where: str, params: tuple[Any, ...]) -> list[CheckInfo]:
        rows = self._db.execute(
            "SELECT c.id, c.status, c.date, c.updated, c.client_label, c.role,"
            " (SELECT COUNT(*) FROM answers a WHERE a.check_id = c.id), c.current_page"
            f" FROM checks c WHERE {where} ORDER BY c.updated DESC, c.id DESC",
            params,
        ).fetchall()
        return [CheckInfo(*row) for row in rows]

    def unfinished_check(self) -> CheckInfo | None:
        """The most recently changed check that is still in progress, if any."""
        found = self._infos("c.status = 'in_progress'", ())
        return found[0] if found else None

    def list_checks(self, client_id: int | None = None) -> list[CheckInfo]:
        """All checks, newest first (optionally of one client)."""
        if client_id is None:
            return self._infos("1 = 1", ())
        return self._infos("c.client_id = ?", (client_id,))

    def delete_check(self, check_id: int) -> None:
        """Remove one check and its answers."""
        with self._transaction() as db:
            db.execute("DELETE FROM checks WHERE id=?", (check_id,))


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
