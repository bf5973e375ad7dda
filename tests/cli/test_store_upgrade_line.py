"""The store commands say so on stderr before the long work of opening a store: an upgrade of
an older homecheck's store, or the full check after an unclean exit; nothing on a normal
start. Ctrl-C meanwhile leaves the store as it was (issue 14)."""

from __future__ import annotations

import _thread
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from homecheck import cli_open
from homecheck.cli import run
from homecheck.domain import assessment as fmt
from homecheck.domain.assessment import Answer, Assessment
from homecheck.i18n import catalogue
from homecheck.store.connection import FileCheck
from homecheck.store.db import Store
from homecheck.store.lock import LOCK_NAME, left_unclean
from homecheck.store.migrations import SCHEMA_VERSION
from homecheck.store.paths import DB_NAME, data_dir, database_path

FIXTURE = Path(__file__).parents[1] / "store" / "fixtures" / "v1"
PREFIX = "homecheck: "


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _version(path: Path) -> int:
    raw = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(raw.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
    finally:
        raw.close()


def _copies() -> list[Path]:
    return sorted(data_dir().glob(DB_NAME + ".version-*"))


@pytest.fixture
def old_store() -> Path:
    """The previous homecheck's data folder (tests/store/fixtures), copied into the data folder."""
    folder = data_dir()
    shutil.copy(FIXTURE / DB_NAME, folder / DB_NAME)
    shutil.copytree(FIXTURE / "photos", folder / "photos")
    return folder / DB_NAME


def _crashed(pid: int = 4_000_000) -> None:
    """A lock file left by a run that did not end cleanly (it names a process)."""
    (data_dir() / LOCK_NAME).write_text(f"{pid}\n", encoding="ascii")


def _current_store() -> int:
    store = Store(database_path())
    try:
        return store.create_check(Assessment(
            areas=["stairs"], client="Mevr J", date="2026-11-24",
            answers={"stairs.rail_both_sides": Answer("hazard", note="los")}))
    finally:
        store.close()


def _upgrading_line(language: str) -> str:
    t = catalogue(language)
    return PREFIX + t("cli.opening.upgrading", version=1, folder=str(data_dir()))


def _after_crash_line(language: str) -> str:
    return PREFIX + catalogue(language)("cli.opening.after_crash")


# -- an older homecheck's store ------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_list_json_of_an_old_store_says_so_on_stderr_and_prints_only_json(
    capsys, old_store: Path, language: str
) -> None:
    code, out, err = _run(capsys, "list", "--json", "--lang", language)
    assert code == 0
    rows = json.loads(out)  # stdout holds the JSON and nothing else
    assert rows and all(set(r) == {"id", "client", "date", "status", "role"} for r in rows)
    assert err == _upgrading_line(language) + "\n"
    assert "error" not in err and str(data_dir()) in err
    (copy,) = _copies()
    assert _version(copy) == 1 and _version(old_store) == SCHEMA_VERSION
    # Upgraded once: the next run is a normal start and says nothing.
    code, out2, err = _run(capsys, "list", "--json", "--lang", language)
    assert (code, err, json.loads(out2)) == (0, "", rows)


@pytest.mark.parametrize("argv", [("list",), ("export", "2", "-o", "{tmp}/e.json"),
                                  ("backup", "-o", "{tmp}/b.zip")])  # fmt: skip
def test_a_reading_command_upgrades_under_the_lock_the_app_takes(
    capsys, old_store: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: tuple[str]
) -> None:
    # Before: list, export and backup upgraded an older homecheck's store without the app's
    # lock, so the app (or a second command) could upgrade the same store at the same time.
    from homecheck.store import migrations
    from homecheck.store.lock import holder

    real_upgrade = migrations.upgrade
    holders = []

    def upgrade(store: object, version: int) -> Path:
        holders.append(holder(data_dir()))
        return real_upgrade(store, version)  # type: ignore[arg-type]

    monkeypatch.setattr(migrations, "upgrade", upgrade)
    assert _run(capsys, *(a.format(tmp=tmp_path) for a in argv))[0] == 0
    assert holders == [os.getpid()]
    assert holder(data_dir()) is None and not left_unclean(data_dir())


def test_the_line_is_dutch_without_lang_as_every_store_message(capsys, old_store: Path) -> None:
    code, _, err = _run(capsys, "list")
    assert code == 0 and err == _upgrading_line("nl") + "\n"


@pytest.mark.parametrize("command", ["export", "import", "backup"])
def test_every_store_command_says_so_before_it_upgrades(
    capsys, old_store: Path, tmp_path: Path, command: str
) -> None:
    if command == "export":
        argv = ["export", "1", "-o", str(tmp_path / "one.json")]
    elif command == "backup":
        argv = ["backup", "-o", str(tmp_path / "all.zip"), "--lang", "en"]
    else:
        check = tmp_path / "new.json"
        check.write_text(fmt.dumps(Assessment(areas=["stairs"], client="Nieuw", language="en",
                                              date="2026-11-30")), encoding="utf-8")  # fmt: skip
        argv = ["import", str(check)]
    code, _, err = _run(capsys, *argv)
    assert code == 0, err
    # export has no --lang: Dutch as every store message; import: the file's language.
    language = {"export": "nl", "backup": "en", "import": "en"}[command]
    assert err == _upgrading_line(language) + "\n"
    assert len(_copies()) == 1 and _version(old_store) == SCHEMA_VERSION
    assert _run(capsys, *argv)[2] == ""  # upgraded once: a normal start now


def test_restore_over_an_old_store_says_so_before_it_looks_inside(
    capsys, old_store: Path, tmp_path: Path
) -> None:
    # Before: restore upgraded the older store without a word (a copy made), then refused.
    backup = tmp_path / "any.zip"
    backup.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    code, out, err = _run(capsys, "restore", str(backup), "--lang", "en")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == _upgrading_line("en") and len(lines) == 2
    assert lines[1].startswith("homecheck: error: the data folder") and "already holds" in lines[1]
    assert len(_copies()) == 1


def test_a_normal_start_says_nothing(capsys) -> None:
    _current_store()
    for argv in (["list", "--json"], ["list"], ["list", "--lang", "en"]):
        code, _, err = _run(capsys, *argv)
        assert (code, err) == (0, "")


# -- after an unclean exit -----------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_after_an_unclean_exit_the_check_is_said_once(capsys, language: str) -> None:
    _current_store()
    _crashed()
    code, out, err = _run(capsys, "list", "--json", "--lang", language)
    assert code == 0 and len(json.loads(out)) == 1
    assert err == _after_crash_line(language) + "\n"
    # The store was found sound: the next command is a normal start again.
    code, _, err = _run(capsys, "list", "--json", "--lang", language)
    assert (code, err) == (0, "")


def test_an_old_store_after_an_unclean_exit_says_both(capsys, old_store: Path) -> None:
    _crashed()
    code, out, err = _run(capsys, "list", "--json", "--lang", "en")
    assert code == 0 and json.loads(out)
    assert err.splitlines() == [_after_crash_line("en"), _upgrading_line("en")]


def test_a_writing_command_after_an_unclean_exit_says_it_too(capsys, tmp_path: Path) -> None:
    _current_store()
    _crashed()
    code, _, err = _run(capsys, "import", str(tmp_path))  # a folder without check files
    assert code == 2 and "no check files" in err and "onverwacht" not in err  # nothing opened
    check = tmp_path / "c.json"
    check.write_text(fmt.dumps(Assessment(areas=["stairs"], date="2026-11-30")), "utf-8")
    code, _, err = _run(capsys, "import", str(check))
    assert code == 0 and err == _after_crash_line("nl") + "\n"
    assert _run(capsys, "list")[2] == ""


# -- Ctrl-C ----------------------------------------------------------------------------------


@pytest.fixture
def ctrl_c_during_check(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Ctrl-C while the full check runs: FileCheck.run waits until it is stopped."""
    real_run = FileCheck.run
    stopped = threading.Event()

    def run_until_stopped(self: FileCheck) -> int:
        _thread.interrupt_main()  # as Ctrl-C in the terminal
        assert stopped.wait(30)
        return real_run(self)

    real_stop = FileCheck.stop

    def stop(self: FileCheck) -> None:
        real_stop(self)
        stopped.set()

    monkeypatch.setattr(FileCheck, "run", run_until_stopped)
    monkeypatch.setattr(FileCheck, "stop", stop)
    yield stopped


@pytest.mark.parametrize("command", ["list", "import"])
def test_ctrl_c_during_the_check_of_an_old_store_leaves_it_as_it_was(
    capsys, old_store: Path, ctrl_c_during_check: threading.Event, tmp_path: Path, command: str
) -> None:
    before = old_store.read_bytes()
    if command == "import":
        check = tmp_path / "c.json"
        check.write_text(fmt.dumps(Assessment(areas=["stairs"], date="2026-11-30")), "utf-8")
        argv = ["import", str(check)]
    else:
        argv = ["list", "--json"]
    code, out, err = _run(capsys, *argv)
    assert ctrl_c_during_check.is_set()
    assert code == 130 and out == ""
    lines = err.splitlines()
    assert lines[0] == _upgrading_line("nl")
    assert len(lines) == 2 and lines[1].startswith("homecheck: error: interrupted")
    assert "not changed" in lines[1] and "Traceback" not in err
    assert old_store.read_bytes() == before and _copies() == []


def test_ctrl_c_during_the_check_after_a_crash_keeps_the_next_start_checking(
    capsys, ctrl_c_during_check: threading.Event, tmp_path: Path
) -> None:
    _current_store()
    _crashed()
    check = tmp_path / "c.json"
    check.write_text(fmt.dumps(Assessment(areas=["stairs"], date="2026-11-30")), "utf-8")
    code, out, err = _run(capsys, "import", str(check))
    assert code == 130 and out == "" and "interrupted" in err
    # The check was not finished: the lock still says so, and the app will check at its start.
    assert left_unclean(data_dir())


def test_ctrl_c_once_the_upgrade_began_lets_it_finish_then_stops(
    capsys, old_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_upgrade = cli_open.upgrade_checked
    stopped = threading.Event()
    real_stop = FileCheck.stop

    def stop(self: FileCheck) -> None:
        real_stop(self)
        stopped.set()

    def upgrade_after_ctrl_c(path: Path) -> tuple[int, Path | None] | None:
        _thread.interrupt_main()
        assert stopped.wait(30)  # the command has seen Ctrl-C and waits for the upgrade
        return real_upgrade(path)

    monkeypatch.setattr(FileCheck, "stop", stop)
    monkeypatch.setattr(cli_open, "upgrade_checked", upgrade_after_ctrl_c)
    code, out, err = _run(capsys, "list", "--json")
    assert code == 130 and out == ""
    lines = err.splitlines()
    assert lines[0] == _upgrading_line("nl") and len(lines) == 2
    (copy,) = _copies()
    assert lines[1].startswith("homecheck: error: interrupted") and str(copy) in lines[1]
    # Never half-done: the store is upgraded in full, the old one kept as the copy.
    assert _version(old_store) == SCHEMA_VERSION and _version(copy) == 1


_CHILD = """
import sys, threading
from pathlib import Path
from homecheck.store.connection import FileCheck

started = Path(sys.argv[1])
real_run, real_stop = FileCheck.run, FileCheck.stop
stopped = threading.Event()

def run(self):
    started.write_text("checking")  # the test presses Ctrl-C now
    assert stopped.wait(60)
    return real_run(self)

def stop(self):
    real_stop(self)
    stopped.set()

FileCheck.run, FileCheck.stop = run, stop
from homecheck.app import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_a_real_ctrl_c_in_the_terminal_during_the_check(old_store: Path, tmp_path: Path) -> None:
    # The same as above with a real SIGINT to a real process: no traceback, the store as it was.
    before = old_store.read_bytes()
    started = tmp_path / "started"
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(started), "list", "--json", "--lang", "en"],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not started.exists():
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the check did not start"
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 130 and out == ""
    assert err.splitlines() == [
        _upgrading_line("en"), "homecheck: error: interrupted; the store was not changed"
    ]
    assert old_store.read_bytes() == before and _copies() == []
