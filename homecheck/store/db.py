"""SQLite store (WAL): every answer is committed the moment it is given, so nothing is lost.

Store is the app's local database: the checks, their answers and the photos' sources. Opening
the file, read-only stores, integrity checks and transactions are in homecheck.store.connection;
schema versions and upgrades in homecheck.store.migrations; the errors in homecheck.store.errors.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import sqlite3
from typing import Any, NamedTuple

from homecheck.domain import retired
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import checklist
from homecheck.store.connection import StoreConnection
from homecheck.store.errors import StoreError


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


class Store(StoreConnection):
    """The app's local database; one short transaction per change.

    Open it as ``Store(path)``, or ``Store(path, read_only=True)`` for a store that cannot be
    written; see StoreConnection for what opening checks and upgrades.
    """

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
