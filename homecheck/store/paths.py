"""Where homecheck keeps its data: one private folder (0700), overridable for tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_DATA_DIR = "HOMECHECK_DATA_DIR"
DB_NAME = "homecheck.sqlite3"


def data_dir() -> Path:
    """Return the data folder, created with mode 0700 (health data stays private)."""
    override = os.environ.get(ENV_DATA_DIR)
    folder = Path(override) if override else _user_data_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    return folder


def _user_data_dir() -> Path:
    """The per-user data folder of the platform (platformdirs' user_data_dir)."""
    if sys.platform.startswith("linux"):
        # platformdirs' rule on Linux, without importing it (~2 ms of every start-up): an
        # absolute $XDG_DATA_HOME, else ~/.local/share (tests/store/test_paths.py compares).
        xdg = os.environ.get("XDG_DATA_HOME", "")
        if os.path.isabs(xdg):
            return Path(xdg, "homecheck")
        home = os.path.expanduser("~")
        if os.path.isabs(home):
            return Path(home, ".local", "share", "homecheck")
    import platformdirs  # other systems, and a home folder Linux could not tell

    return Path(platformdirs.user_data_dir("homecheck", False))


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
