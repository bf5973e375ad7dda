"""The store's schema versions: how a new store is made and an older one upgraded in place.

A new store gets the first schema and then every migration, so a new store and an upgraded one
are the same by construction. A store of an older homecheck is upgraded after a copy of it is
kept beside it; one of a newer homecheck is left exactly as it is (StoreTooNew).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from homecheck.store.errors import StoreDamaged, StoreError
from homecheck.store.paths import copy_beside

if TYPE_CHECKING:
    from homecheck.store.connection import StoreConnection

# The tables of the first store (schema version 1).
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


class StoreTooNew(StoreError):
    """The store was made by a newer homecheck; it is left exactly as it is."""

    def __init__(self, path: Path, found: int) -> None:
        super().__init__(
            f"{path} was made by a newer homecheck (store version {found}; this homecheck "
            f"reads up to {SCHEMA_VERSION}); install the newer homecheck to open it"
        )
        self.found = found


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


def schema_version(store: StoreConnection) -> int:
    """The version the file says it has: 0 when empty, StoreDamaged when foreign."""
    # Reading the schema first makes a garbage or truncated file fail here, not later.
    tables = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return 0
    if "meta" not in tables:
        raise StoreDamaged(f"{store.path} is not a homecheck database")
    rows = store.query("SELECT value FROM meta WHERE key='schema_version'")
    found = str(rows[0][0]) if rows else "none"
    if not found.isdigit() or int(found) < 1:
        raise StoreDamaged(
            f"{store.path} has schema version {found}; this homecheck needs {SCHEMA_VERSION}"
        )
    return int(found)


def upgrade(store: StoreConnection, version: int) -> Path:
    """Keep a copy of a store of schema ``version`` beside it, then bring it to
    SCHEMA_VERSION; return the copy's path."""
    copy = _keep_copy(store, version)
    migrate(store, version)
    return copy


def _keep_copy(store: StoreConnection, version: int) -> Path:
    """Copy the store (consistently, WAL included) beside it before upgrading it."""
    copy = copy_beside(store.path, f"version-{version}")
    try:
        store.backup_to(copy)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            copy.unlink()
        raise StoreError(
            f"{store.path} needs an upgrade, but no copy could be kept first ({exc}); "
            "nothing was changed"
        ) from None
    return copy


def migrate(store: StoreConnection, version: int) -> None:
    """Bring the schema from ``version`` (0: a new, empty file) to SCHEMA_VERSION, one
    transaction per step."""
    try:
        if version == 0:
            with store.transaction() as db:
                for statement in _FIRST_SCHEMA:
                    db.execute(statement)
                db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '1')")
            version = 1
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with store.transaction() as db:
                for statement in MIGRATIONS[target]:
                    db.execute(statement)
                db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(target),))
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise StoreError(
                f"{store.path} needs an upgrade but cannot be written ({exc}); nothing was changed"
            ) from None
        raise
