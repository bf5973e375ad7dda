"""Issue 17: `list` and `export` read a store that cannot be written; `import` and `restore`
are refused with one line and exit status 1, and nothing is changed.

Run as the unprivileged user nobody (CI runs as root, which ignores permission bits).
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from homecheck.domain import assessment as fmt
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import checklist
from homecheck.store.paths import DB_NAME
from tests._stores import can_run_as_nobody, locked_store

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not can_run_as_nobody(),
    reason="needs root with setpriv, to run the commands as the unprivileged user nobody",
)


@pytest.fixture
def read_only_data(shared_tmp: Path) -> Path:
    """A data folder (0555) with a store (0444) holding one check, and a place to write to."""
    folder = locked_store(shared_tmp, check=Assessment.new(
        checklist(), client="Mrs J. de Vries", date="2025-11-03",
        answers={"stairs.rail_both_sides": Answer("hazard", note="steil")}))  # fmt: skip
    out = shared_tmp / "out"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    return folder


def homecheck(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
           sys.executable, "-m", "homecheck", *argv]  # fmt: skip
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": "/nonexistent",
           "HOMECHECK_DATA_DIR": str(folder)}  # fmt: skip
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_list_export_and_backup_read_a_store_that_cannot_be_written(read_only_data: Path) -> None:
    before = _snapshot(read_only_data)
    listed = homecheck(read_only_data, "list", "--json")
    assert (listed.returncode, listed.stderr) == (0, "")
    (row,) = json.loads(listed.stdout)
    assert (row["client"], row["role"]) == ("", "self")  # one's own check: no client
    target = read_only_data.parent / "out" / "check.json"
    exported = homecheck(read_only_data, "export", str(row["id"]), "-o", str(target))
    assert (exported.returncode, exported.stderr) == (0, ""), exported.stderr
    check = fmt.read_file(target, checklist())
    assert check.answers["stairs.rail_both_sides"].note == "steil"
    backup = read_only_data.parent / "out" / "backup.zip"
    made = homecheck(read_only_data, "backup", "-o", str(backup))
    assert (made.returncode, made.stderr) == (0, ""), made.stderr
    with zipfile.ZipFile(backup) as archive:
        assert DB_NAME in archive.namelist()
    assert _snapshot(read_only_data) == before


@pytest.mark.parametrize("folder_writable", [False, True])
def test_import_and_restore_are_refused_with_one_line(
    read_only_data: Path, folder_writable: bool
) -> None:
    if folder_writable:  # another user's store in a folder anyone may write
        read_only_data.chmod(0o777)
    before = _snapshot(read_only_data)
    source = read_only_data.parent / "out" / "new.json"
    source.write_text(fmt.dumps(Assessment.new(checklist(), date="2025-12-01")))
    source.chmod(0o644)
    for argv in (("import", str(source)), ("restore", str(source))):
        result = homecheck(read_only_data, *argv)
        assert result.returncode == 1, (argv, result.stderr)
        assert result.stderr.startswith("homecheck: error: "), result.stderr
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
        assert result.stdout == ""
    after = _snapshot(read_only_data)
    after.pop("lock", None)  # the lock a refused writer takes for a moment, left empty
    assert after == before
