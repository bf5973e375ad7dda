"""The store contract from outside (issue 14, item 5), part 3: a store or a folder that cannot
be written (run as the unprivileged user nobody: root ignores modes), and Ctrl-C, which ends a
command with exit status 130 and leaves nothing half-written; SIGTERM (a logout or shutdown)
does the same with exit status 143."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests._stores import shared_folder
from tests.cli._store_contract import (
    DB,
    FULL,
    PREFIX,
    ROOT,
    TIMEOUT,
    Ran,
    check_doc,
    env,
    error_line,
    exports,
    hc,
    jpeg,
    listed,
    photo_name,
    program,
    snapshot,
    write_check,
)  # fmt: skip

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals and modes are POSIX")


# -- not writable (as the unprivileged user nobody: root ignores modes) --------------------------


def _as_nobody() -> bool:
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


def hc_nobody(data: Path, *argv: str) -> Ran:
    cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
           sys.executable, "-m", "homecheck", *argv]  # fmt: skip
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": "/nonexistent",
           "HOMECHECK_DATA_DIR": str(data)}  # fmt: skip
    done = subprocess.run(cmd, cwd="/", env=env, capture_output=True, text=True, timeout=TIMEOUT)
    assert "Traceback" not in done.stderr, done.stderr
    return Ran(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder the user nobody can reach."""
    with shared_folder() as base:
        yield base


@pytest.mark.skipif(not _as_nobody(), reason="needs root with setpriv to run as nobody")
def test_writing_into_a_store_that_cannot_be_written_is_exit_1(shared: Path) -> None:
    data, files = shared / "data", shared / "files"
    files.mkdir()
    write_check(files / "a.json", check_doc(role="therapist", client="A"))
    assert hc(data, "import", str(files / "a.json")).code == 0
    assert hc(data, "backup", "-o", str(files / "b.zip")).code == 0
    for path in (files, files / "a.json", files / "b.zip"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    (data / DB).chmod(0o444)
    data.chmod(0o555)  # root's folder: nobody may read it but not write it
    before = snapshot(data)
    write_check(files / "new.json", check_doc(role="therapist", client="New")).chmod(0o644)
    error_line(hc_nobody(data, "import", str(files / "new.json")), 1)
    error_line(hc_nobody(data, "restore", str(files / "b.zip")), 1)
    assert snapshot(data) == before


@pytest.mark.skipif(not _as_nobody(), reason="needs root with setpriv to run as nobody")
def test_export_into_a_folder_that_cannot_be_written_is_exit_2_and_writes_nothing(
    shared: Path,
) -> None:
    data, out = shared / "data", shared / "out"
    files = shared / "files"
    files.mkdir()
    write_check(files / "a.json", check_doc(role="therapist", client="A", answers=FULL),
                {photo_name(1): jpeg(1), photo_name(2): jpeg(2)})  # fmt: skip
    assert hc(data, "import", str(files / "a.json")).code == 0
    for path in [data, *data.rglob("*")]:
        os.chown(path, 65534, 65534)
    out.mkdir(mode=0o755)  # root's: nobody cannot write in it
    for argv in (("export", "1", "-o", str(out / "a.json")), ("backup", "-o", str(out / "b.zip"))):
        error_line(hc_nobody(data, *argv), 2)
    assert list(out.iterdir()) == []


# -- Ctrl-C: exit 130, nothing half-written; SIGTERM the same with 143 --------------------------

# Ctrl-C, and what a logout or shutdown sends: each ends a command the same way.
SIGNALS = pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl_c", "term"])


def _interrupted(data: Path, argv: list[str], ready: Any, sig: int = signal.SIGINT) -> Ran:
    """Run the command, send ``sig`` (Ctrl-C) once ``ready()`` is true (polled), wait for the
    end."""
    child = subprocess.Popen([*program(), *argv], cwd=ROOT, env=env(data), text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:
        deadline = time.monotonic() + TIMEOUT
        while not ready(child):
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the work did not begin"
            time.sleep(0.002)
        child.send_signal(sig)
        out, err = child.communicate(timeout=TIMEOUT)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert "Traceback" not in err, err
    return Ran(child.returncode, out, err)


def _interrupted_line(ran: Ran, sig: int = signal.SIGINT) -> None:
    assert ran.code == 128 + sig, (ran.code, ran.out, ran.err)
    lines = ran.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(PREFIX) and "interrupted" in lines[0], ran.err


def _strays(folder: Path) -> list[str]:
    """Temporary files and folders homecheck may leave while it works."""
    return sorted(str(p) for p in folder.rglob(".*") if p.name != ".")


def _many_photos(data: Path, files: Path, count: int) -> None:
    """One check with ``count`` photos (each a few hundred kB), stored through import."""
    photos = {photo_name(n + 10): jpeg(n + 10, (700, 500)) for n in range(count)}
    answers = {"whole_home.loose_rugs": {"answer": "hazard", "photos": sorted(photos)}}
    write_check(files / "big.json", check_doc(role="therapist", client="Big", answers=answers),
                photos)  # fmt: skip
    assert hc(data, "import", str(files / "big.json")).code == 0


@SIGNALS
def test_ctrl_c_during_an_import_stops_after_whole_checks(
    data: Path, files: Path, sig: int
) -> None:
    names = []
    for n in range(40):
        photos = {photo_name(n + 1000): jpeg(n + 1000, (900, 700))}
        write_check(files / f"{n:03}.json", check_doc(
            role="therapist", client=f"C{n:03}",
            answers={"whole_home.loose_rugs": {"answer": "hazard", "note": f"n{n}",
                                               "photos": sorted(photos)}},
        ), photos)  # fmt: skip
        names.append(f"C{n:03}")
    ran = _interrupted(data, ["import", str(files)],  # once the first photo is stored
                       lambda _child: any(data.glob("photos/*.jpg")), sig)
    _interrupted_line(ran, sig)
    rows = listed(data)
    assert 1 <= len(rows) < 40, len(rows)
    assert len(ran.out.splitlines()) == len(rows)  # a line for each file stored
    assert [r["client"] for r in rows] == names[: len(rows)]
    exported = exports(data, files.parent / "out")
    for row in rows:
        doc, photos = exported[row["id"]]
        assert doc["answers"]["whole_home.loose_rugs"]["note"] == f"n{int(row['client'][1:])}"
        assert len(photos) == 1
    # No photo of a check that was not stored, nothing temporary left behind.
    assert len(list((data / "photos").iterdir())) == len(rows)
    assert _strays(data) == []
    assert (data / "lock").read_text() == ""  # a clean end: the next start checks nothing


def test_ctrl_c_during_an_export_leaves_no_file_and_no_photos(data: Path, files: Path) -> None:
    _many_photos(data, files, 150)
    out = files.parent / "out"
    out.mkdir()
    ran = _interrupted(data, ["export", "1", "-o", str(out / "big.json")],
                       lambda _child: (out / "big.photos").exists())  # fmt: skip
    _interrupted_line(ran)
    assert list(out.iterdir()) == []


def _writing_begun(folder: Path) -> bool:
    """True once a file in ``folder`` has its first bytes."""
    try:
        return any(p.stat().st_size for p in folder.iterdir())
    except FileNotFoundError:  # (renamed or removed meanwhile)
        return False


@SIGNALS
def test_ctrl_c_during_a_backup_leaves_no_file(data: Path, files: Path, sig: int) -> None:
    _many_photos(data, files, 150)
    out = files.parent / "out"
    out.mkdir()
    ran = _interrupted(data, ["backup", "-o", str(out / "b.zip")],
                       lambda _child: _writing_begun(out), sig)
    _interrupted_line(ran, sig)
    assert list(out.iterdir()) == []
    assert _strays(data) == []


@SIGNALS
def test_ctrl_c_during_a_restore_leaves_the_data_folder_empty(
    data: Path, files: Path, tmp_path: Path, sig: int
) -> None:
    _many_photos(data, files, 150)
    archive = tmp_path / "b.zip"
    assert hc(data, "backup", "-o", str(archive)).code == 0
    laptop = tmp_path / "laptop"
    ran = _interrupted(laptop, ["restore", str(archive)],  # while the photos are unpacked
                       lambda _child: laptop.exists() and any(laptop.glob(".homecheck-*/photos/*")),
                       sig)  # fmt: skip
    _interrupted_line(ran, sig)
    assert _strays(laptop) == [] and not (laptop / "photos").exists()
    assert (laptop / "lock").read_text() == ""  # a clean end: the next start checks nothing
    assert listed(laptop) == []
    assert hc(laptop, "restore", str(archive)).code == 0  # and it can be done again
