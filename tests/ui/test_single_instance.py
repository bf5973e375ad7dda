"""One app per data folder (issue 16): a second start says so and exits; a lock left by a crash
is recovered and makes the app check the whole store first."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from homecheck import app
from homecheck.domain.assessment import Answer, Assessment
from homecheck.store.db import Store
from homecheck.store.lock import LOCK_NAME, StoreLock, holder
from homecheck.store.paths import data_dir, database_path
from homecheck.ui import main_window
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _crash_holding_the_lock(folder: Path) -> None:
    code = (
        "import sys, time; from pathlib import Path; from homecheck.store.lock import StoreLock;"
        "StoreLock(Path(sys.argv[1])).acquire(); print('held', flush=True); time.sleep(60)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(folder)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """app.main's calls of run_app, instead of opening the window."""
    seen: list[dict[str, object]] = []

    def fake_run_app(**kwargs: object) -> int:
        seen.append({**kwargs, "held": holder(data_dir())})
        return 0

    monkeypatch.setattr(main_window, "run_app", fake_run_app)
    return seen


def test_a_second_start_says_homecheck_is_already_open_and_exits(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], runs: list
) -> None:
    told: list[bool] = []
    monkeypatch.setattr(main_window, "tell_already_open", lambda: told.append(True))
    with StoreLock(data_dir()):
        assert app.main([]) == 1
    err = capsys.readouterr().err
    pid = os.getpid()
    assert err == f"homecheck: error: homecheck is already open (process {pid}); close it first\n"
    assert told == [True] and runs == []


def test_the_already_open_dialog_says_so_plainly(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str, str]] = []

    def record(box: QMessageBox) -> int:
        shown.append((box.objectName(), box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    main_window.tell_already_open()
    (shown_box,) = shown
    assert shown_box[0] == "already_open"
    assert shown_box[1] == "homecheck is al open"  # the default language is Dutch
    assert "Er kan maar één homecheck tegelijk open zijn" in shown_box[2]


def test_a_normal_start_holds_the_lock_and_leaves_a_clean_one(runs: list) -> None:
    assert app.main([]) == 0
    assert runs == [{"check_integrity": False, "open_path": None, "held": os.getpid()}]
    assert (data_dir() / LOCK_NAME).read_text() == "" and holder(data_dir()) is None


def test_after_a_crash_the_lock_is_recovered_and_the_store_checked(runs: list) -> None:
    _crash_holding_the_lock(data_dir())
    assert app.main([]) == 0
    assert runs == [{"check_integrity": True, "open_path": None, "held": os.getpid()}]
    assert app.main([]) == 0  # that run ended cleanly
    assert runs[1]["check_integrity"] is False


def _damage_inside(path: Path) -> None:
    """A store whose answers are damaged while its schema still reads (a bad disk sector)."""
    store = Store(path)
    for n in range(20):
        answers = {"stairs.rail_both_sides": Answer("hazard", note=f"note {n} " * 300)}
        store.create_check(Assessment(areas=["stairs"], answers=answers))
    store.close()
    raw = sqlite3.connect(path)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    data = bytearray(path.read_bytes())
    for n in range(3 * page_size, 6 * page_size):
        data[n] = 0x5A
    path.write_bytes(bytes(data))


def test_with_check_integrity_a_store_damaged_inside_is_moved_aside(qtbot, dialogs) -> None:
    path = database_path()
    _damage_inside(path)
    Store(path).close()  # an ordinary open does not read every page...
    wizard = main_window.create_main_window(
        dialogs=dialogs, settings=Settings(language="en"), check_integrity=True
    )
    assert wizard is not None
    qtbot.addWidget(wizard)
    try:
        (message,) = dialogs.named("inform")  # ...the check after a crash does
        assert "damaged" in message[2]
        assert list(path.parent.glob(path.name + ".damaged-*"))
    finally:
        wizard.ctx.session.store.close()


def test_ctrl_c_during_the_check_after_a_crash_leaves_it_to_the_next_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from homecheck.store.lock import left_unclean

    seen: list[object] = []

    def interrupted_run_app(**kwargs: object) -> int:
        seen.append(kwargs["check_integrity"])
        return 130  # Ctrl-C: the check may not have been done

    monkeypatch.setattr(main_window, "run_app", interrupted_run_app)
    _crash_holding_the_lock(data_dir())
    assert app.main([]) == 130
    assert seen == [True]
    assert left_unclean(data_dir())  # the next homecheck checks the store in full
    assert (data_dir() / LOCK_NAME).read_text() == f"{os.getpid()}\n"

    StoreLock(data_dir()).acquire().release()  # a run that ended cleanly
    assert app.main([]) == 130  # Ctrl-C after a clean start: still a clean end
    assert not left_unclean(data_dir())


def test_the_app_removes_the_work_folder_of_a_killed_backup_on_start(runs: list) -> None:
    """A backup killed midway leaves a work folder with a copy of the store: the next start of
    the app removes it, as the next backup would (a running one's stays, tests/store)."""
    from homecheck.store.paths import WORK_PREFIXES

    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    left = folder / f"{WORK_PREFIXES[0]}k1lled_x"  # as tempfile names them
    left.mkdir()
    (left / "homecheck.sqlite3").write_bytes(b"a copy of the store")
    assert app.main([]) == 0
    assert len(runs) == 1
    assert not left.exists()
