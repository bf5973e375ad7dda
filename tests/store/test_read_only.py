"""Issue 17: a healthy store that can be read but not written opens read-only.

CI runs as root, which ignores permission bits: each case reads the store in a child process
as the unprivileged user ``nobody`` (``setpriv``), the way a person without write permission
meets it. Skipped, with the reason, where that is not possible.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from homecheck.domain.assessment import Answer, Assessment
from homecheck.store.db import Store
from homecheck.store.errors import StoreReadOnly
from homecheck.store.paths import DB_NAME
from tests._stores import NOBODY, can_run_as_nobody, lock_down, locked_store, store_with_one_check

ROOT = Path(__file__).resolve().parents[2]

needs_nobody = pytest.mark.skipif(
    not can_run_as_nobody(),
    reason="needs root with setpriv, to read the store as the unprivileged user nobody",
)


def as_nobody(code: str, *args: str, env: dict[str, str] | None = None) -> dict:  # type: ignore[type-arg]
    """Run ``code`` as nobody; it prints one JSON line, returned here."""
    cmd = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
           sys.executable, "-c", textwrap.dedent(code), *args]  # fmt: skip
    result = subprocess.run(
        cmd, cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": "/nonexistent",
             **(env or {})},
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    out: dict = json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[type-arg]
    return out


READ = """
import json, sys
from pathlib import Path
from homecheck.domain.assessment import Answer
from homecheck.store.db import Store
from homecheck.store.errors import StoreError
path = Path(sys.argv[1])
out = {}
try:
    Store(path)
except StoreError as exc:
    out["writable_open"] = type(exc).__name__
store = Store(path, read_only=True)
out["read_only"] = store.read_only
out["checks"] = [c.client_label for c in store.list_checks()]
loaded = store.load_check(store.list_checks()[0].id)
out["answers"] = {k: a.answer for k, a in loaded.answers.items()}
try:
    store.save_answer(store.list_checks()[0].id, "stairs_rails", Answer("ok"))
except StoreError as exc:
    out["write"] = type(exc).__name__
store.close()
print(json.dumps(out))
"""


# Prints the error the read-only open raises, as JSON.
OPEN_READ_ONLY = """
import json, sys
from pathlib import Path
from homecheck.store.db import Store
from homecheck.store.errors import StoreError
try:
    Store(Path(sys.argv[1]), read_only=True)
except StoreError as exc:
    print(json.dumps({"error": type(exc).__name__, "message": str(exc)}))
"""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _copied_while_open(shared_tmp: Path, *names: str) -> Path:
    """shared_tmp/data with read-only copies of ``names``, taken while the store was open:
    its latest answer is then only in the -wal."""
    source = shared_tmp / "source"
    source.mkdir()
    store = Store(source / DB_NAME)
    check = store.create_check(Assessment(areas=["stairs"], client="kept"))
    store.save_answer(check, "stairs_rails", Answer("hazard"))
    folder = shared_tmp / "data"
    folder.mkdir()
    for name in names:
        shutil.copyfile(source / name, folder / name)
        (folder / name).chmod(0o444)
    store.close()
    return folder


@needs_nobody
def test_a_read_only_file_in_a_read_only_folder_opens_read_only(shared_tmp: Path) -> None:
    folder = locked_store(shared_tmp)
    before = _snapshot(folder)
    out = as_nobody(READ, str(folder / DB_NAME))
    assert out == {
        "writable_open": "StoreReadOnly",
        "read_only": True,
        "checks": ["kept"],
        "answers": {"stairs_rails": "hazard"},
        "write": "StoreReadOnly",
    }
    assert _snapshot(folder) == before  # no sidecars, no lock, nothing changed


@needs_nobody
def test_another_users_store_in_a_writable_folder_opens_read_only(shared_tmp: Path) -> None:
    folder = locked_store(shared_tmp, 0o644, 0o777)
    before = _snapshot(folder)
    out = as_nobody(READ, str(folder / DB_NAME))
    assert out["writable_open"] == "StoreReadOnly" and out["write"] == "StoreReadOnly"
    assert out["checks"] == ["kept"]
    assert _snapshot(folder) == before  # not a sidecar made, even where it could be


@needs_nobody
def test_changes_still_in_the_wal_are_read(shared_tmp: Path) -> None:
    # A store copied while open (or left by a crash): the latest answer is only in the -wal.
    folder = _copied_while_open(shared_tmp, DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm")
    assert (folder / f"{DB_NAME}-wal").stat().st_size > 0
    folder.chmod(0o555)
    before = _snapshot(folder)
    out = as_nobody(READ, str(folder / DB_NAME))
    assert out["answers"] == {"stairs_rails": "hazard"}
    assert out["write"] == "StoreReadOnly"
    assert _snapshot(folder) == before


@needs_nobody
def test_a_read_only_store_of_an_older_homecheck_is_refused_and_left_alone(
    shared_tmp: Path,
) -> None:
    folder = shared_tmp / "data"
    folder.mkdir()
    shutil.copyfile(ROOT / "tests" / "store" / "fixtures" / "v1" / DB_NAME, folder / DB_NAME)
    lock_down(folder)
    before = _snapshot(folder)
    out = as_nobody(OPEN_READ_ONLY, str(folder / DB_NAME))
    assert out["error"] == "StoreNeedsUpgrade" and "older homecheck" in out["message"]
    assert _snapshot(folder) == before


def test_a_store_opened_read_only_refuses_every_write(tmp_path: Path) -> None:
    check = store_with_one_check(tmp_path)
    before = (tmp_path / DB_NAME).read_bytes()
    store = Store(tmp_path / DB_NAME, read_only=True)
    try:
        for write in (
            lambda: store.save_answer(check, "stairs_rails", None),
            lambda: store.create_check(Assessment(areas=["stairs"])),
            lambda: store.set_status(check, "done"),
            lambda: store.delete_check(check),
            lambda: store.transaction().__enter__(),
        ):
            with pytest.raises(StoreReadOnly):
                write()
        assert store.load_check(check).answers["stairs_rails"].note == "loose"
    finally:
        store.close()
    assert (tmp_path / DB_NAME).read_bytes() == before


@needs_nobody
def test_changes_in_a_wal_that_cannot_be_read_are_not_called_damage(shared_tmp: Path) -> None:
    # A -wal without its -shm in a folder nobody may write: SQLite cannot read it there.
    folder = _copied_while_open(shared_tmp, DB_NAME, f"{DB_NAME}-wal")
    folder.chmod(0o555)
    before = _snapshot(folder)
    out = as_nobody(OPEN_READ_ONLY, str(folder / DB_NAME))
    assert out["error"] == "StoreError" and "-wal" in out["message"], out
    assert _snapshot(folder) == before
