"""Stores for the permission tests: a folder another user can reach, a store holding one check.

CI runs as root, which ignores permission bits: these tests read the store in a child process
as the unprivileged user ``nobody`` (``setpriv``), the way a person without write permission
meets it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from homecheck.domain.assessment import Answer, Assessment
from homecheck.store.db import Store
from homecheck.store.paths import DB_NAME

NOBODY = 65534


def can_run_as_nobody() -> bool:
    """Root with setpriv, so a child process can run as the unprivileged user nobody."""
    return sys.platform != "win32" and os.geteuid() == 0 and shutil.which("setpriv") is not None


@contextlib.contextmanager
def shared_folder() -> Iterator[Path]:
    """A fresh folder nobody can reach (pytest's own tmp_path is root's, 0700); removed after."""
    base = Path(tempfile.mkdtemp(prefix="homecheck-shared-"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        for path in base.rglob("*"):
            if path.is_dir():
                with contextlib.suppress(OSError):  # a read-only mount stays as it is
                    path.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def store_with_one_check(folder: Path, check: Assessment | None = None) -> int:
    """A store in ``folder`` holding ``check``, by default client "kept" with one loose rail."""
    store = Store(folder / DB_NAME)
    try:
        if check is not None:
            return store.create_check(check)
        check_id = store.create_check(Assessment(areas=["stairs"], client="kept"))
        store.save_answer(check_id, "stairs_rails", Answer("hazard", note="loose"))
        return check_id
    finally:
        store.close()


def lock_down(folder: Path, file_mode: int = 0o444, folder_mode: int = 0o555) -> None:
    """Set the modes of the store in ``folder`` and of the folder (by default: read-only)."""
    (folder / DB_NAME).chmod(file_mode)
    folder.chmod(folder_mode)


def locked_store(
    base: Path, file_mode: int = 0o444, folder_mode: int = 0o555, check: Assessment | None = None
) -> Path:
    """``base``/data holding a store with one check, with these modes (by default: read-only)."""
    folder = base / "data"
    folder.mkdir()
    store_with_one_check(folder, check)
    lock_down(folder, file_mode, folder_mode)
    return folder
