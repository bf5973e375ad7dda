"""Where homecheck keeps its data: one private folder (0700), overridable for tests."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "HOMECHECK_DATA_DIR"
DB_NAME = "homecheck.sqlite3"


def data_dir_location(environ: Mapping[str, str] | None = None) -> Path:
    """Where the data folder is (HOMECHECK_DATA_DIR, else the platform's), without creating it:
    the one rule for the app, the command line and the report."""
    override = (os.environ if environ is None else environ).get(ENV_DATA_DIR)
    return Path(override) if override else _user_data_dir()


def data_dir() -> Path:
    """Return the data folder, created with mode 0700 (health data stays private)."""
    folder = data_dir_location()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    return folder


def _user_data_dir() -> Path:
    """The platform's per-user data folder (platformdirs): ~/.local/share/homecheck on Linux
    (or under $XDG_DATA_HOME), in %LOCALAPPDATA% on Windows, Application Support on a Mac."""
    return Path(platformdirs.user_data_dir("homecheck", appauthor=False))


def database_path() -> Path:
    """Return the path of the SQLite store inside the data folder."""
    return data_dir() / DB_NAME


def delete_all_data() -> list[Path]:
    """Delete everything homecheck stored (database, its sidecars, photos, settings).

    Returns what was removed. Files the user saved elsewhere (PDFs, JSON) are not touched:
    homecheck does not know where they are, and they are the user's.
    """
    import shutil

    from homecheck.store.lock import LOCK_NAME, holder

    folder = data_dir()
    removed = []
    for entry in sorted(folder.iterdir()):
        if entry.name == LOCK_NAME and holder(folder) is not None:
            continue  # the running app's lock (only a process id): it keeps a second one out
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed.append(entry)
    return removed
