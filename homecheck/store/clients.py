"""Clients of a therapist and their checks over time (same SQLite store as the autosave)."""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

from homecheck.store.db import Store

# A person checking their own home never sees the word "client": their checks belong to this
# one implicit profile.
SELF_PROFILE_LABEL = ""


class ClientInfo(NamedTuple):
    """A client as shown in the client list."""

    id: int
    label: str
    checks: int
    last_date: str | None


def add_client(store: Store, label: str) -> int:
    """Add a client (label is a free text such as "Mrs J., Kerkstraat"); return its id."""
    label = label.strip()
    if not label:
        raise ValueError("a client needs a label")
    with store.transaction() as db:
        cur = db.execute(
            "INSERT INTO clients (label, created) VALUES (?, ?)",
            (label, _dt.datetime.now().isoformat(timespec="seconds")),
        )
        return int(cur.lastrowid or 0)


def rename_client(store: Store, client_id: int, label: str) -> None:
    """Give a client a new label (and the label shown on their checks)."""
    label = label.strip()
    if not label:
        raise ValueError("a client needs a label")
    with store.transaction() as db:
        db.execute("UPDATE clients SET label=? WHERE id=?", (label, client_id))
        db.execute("UPDATE checks SET client_label=? WHERE client_id=?", (label, client_id))


def delete_client(store: Store, client_id: int) -> None:
    """Delete a client with all their checks and answers (the caller asks for confirmation)."""
    with store.transaction() as db:
        db.execute("DELETE FROM clients WHERE id=?", (client_id,))
    store.forget_deleted()


def list_clients(store: Store, search: str = "") -> list[ClientInfo]:
    """Clients whose label contains ``search`` (case-insensitive), most recently checked first."""
    pattern = (
        "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    )
    rows = store.query(
        "SELECT cl.id, cl.label, COUNT(c.id), MAX(c.date) FROM clients cl"
        " LEFT JOIN checks c ON c.client_id = cl.id"
        " WHERE cl.label LIKE ? ESCAPE '\\' GROUP BY cl.id"
        " ORDER BY MAX(c.date) IS NULL, MAX(c.date) DESC, cl.label COLLATE NOCASE",
        (pattern,),
    )
    return [ClientInfo(int(r[0]), str(r[1]), int(r[2]), r[3]) for r in rows]


def client_of_check(store: Store, check_id: int) -> int | None:
    """The client a check belongs to (None for the person's own profile)."""
    rows = store.query("SELECT client_id FROM checks WHERE id=?", (check_id,))
    return rows[0][0] if rows else None


def previous_check(store: Store, check_id: int) -> int | None:
    """The check this one follows up (set when it was started as a follow-up), if any."""
    rows = store.query("SELECT previous_id FROM checks WHERE id=?", (check_id,))
    return rows[0][0] if rows and rows[0][0] is not None else None


def latest_check(store: Store, client_id: int | None) -> int | None:
    """The newest check of a client (or of the own profile with None), to follow up."""
    if client_id is None:
        rows = store.query(
            "SELECT id FROM checks WHERE client_id IS NULL ORDER BY date DESC, id DESC LIMIT 1"
        )
    else:
        rows = store.query(
            "SELECT id FROM checks WHERE client_id=? ORDER BY date DESC, id DESC LIMIT 1",
            (client_id,),
        )
    return int(rows[0][0]) if rows else None
