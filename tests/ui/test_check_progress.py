"""After an unclean exit the whole store is checked first: a small window says so at once and
stays responsive while a thread checks; the main window follows (issue 14)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressBar

from homecheck.domain.assessment import Answer, Assessment
from homecheck.i18n import catalogue
from homecheck.store import connection, migrations
from homecheck.store.connection import FileCheck
from homecheck.store.db import Store
from homecheck.store.lock import LOCK_NAME, StoreLock
from homecheck.store.migrations import SCHEMA_VERSION
from homecheck.store.paths import database_path
from homecheck.ui import check_progress, main_window
from homecheck.ui.check_progress import CheckingWindow
from homecheck.ui.settings import Settings
from tests.ui.fakes import FakeDialogs

pytestmark = pytest.mark.gui


def _checking_windows() -> list[CheckingWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, CheckingWindow) and w.isVisible()]  # fmt: skip


def _store_with_a_check(path: Path) -> None:
    store = Store(path)
    answers = {"stairs.rail_both_sides": Answer("hazard", note="loose rail")}
    store.create_check(Assessment(areas=["stairs"], answers=answers))
    store.close()


@pytest.fixture
def held_check(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """FileCheck.run waits until the test sets ``go``, then does the real check."""
    state: dict[str, object] = {"go": threading.Event(), "started": threading.Event(),
                                "finished": threading.Event()}  # fmt: skip
    real_run = FileCheck.run

    def waiting_run(self: FileCheck) -> int:
        state["thread"] = threading.current_thread()
        state["started"].set()  # type: ignore[attr-defined]
        assert state["go"].wait(30)  # type: ignore[attr-defined]
        try:
            return real_run(self)
        finally:
            state["finished"].set()  # type: ignore[attr-defined]

    monkeypatch.setattr(FileCheck, "run", waiting_run)
    return state


@pytest.mark.parametrize("language", ["en", "nl"])
def test_after_an_unclean_exit_a_window_says_the_checks_are_checked_then_the_main_window(
    qtbot, dialogs: FakeDialogs, held_check: dict[str, object], language: str
) -> None:
    _store_with_a_check(database_path())
    seen: dict[str, object] = {"ticks": 0}
    ticker = QTimer()

    def tick() -> None:
        # Runs only while the check waits: the window's event loop keeps going meanwhile.
        windows = _checking_windows()
        if not windows:
            return
        seen["ticks"] = int(seen["ticks"]) + 1  # type: ignore[call-overload]
        if seen["ticks"] == 1:
            (window,) = windows
            seen["text"] = window.label.text()
            seen["title"] = window.windowTitle()
            bar = window.findChild(QProgressBar)
            seen["busy"] = bar is not None and (bar.minimum(), bar.maximum()) == (0, 0)
            seen["check_done_yet"] = held_check["finished"].is_set()  # type: ignore[attr-defined]
        if seen["ticks"] == 5:
            ticker.stop()
            held_check["go"].set()  # type: ignore[attr-defined]

    ticker.timeout.connect(tick)
    ticker.start(10)
    wizard = main_window.create_main_window(
        dialogs=dialogs, settings=Settings(language=language), check_integrity=True
    )
    ticker.stop()
    assert wizard is not None
    qtbot.addWidget(wizard)
    try:
        assert seen["ticks"] == 5  # five timer ticks while the check waited: not frozen
        assert seen["check_done_yet"] is False and seen["busy"] is True
        expected = {
            "en": "homecheck stopped unexpectedly last time. We are checking that your saved "
            "checks are in order. This can take a minute.",
            "nl": "homecheck stopte de vorige keer onverwacht. We kijken of je bewaarde checks "
            "in orde zijn. Dit kan een minuut duren.",
        }[language]
        assert str(seen["text"]).startswith(expected)
        assert held_check["thread"] is not threading.main_thread()
        assert held_check["finished"].is_set()  # type: ignore[attr-defined]
        assert _checking_windows() == []  # gone once the main window is there
        assert dialogs.calls == []  # a sound store: no message
        assert wizard.ctx.session.store.count_checks() == 1
    finally:
        wizard.ctx.session.store.close()


def test_a_store_damaged_inside_gets_the_window_then_its_message(
    qtbot, dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = database_path()
    _store_with_a_check(path)
    store = Store(path)
    page = store.query("PRAGMA page_size")[0][0]
    store.close()
    data = bytearray(path.read_bytes())
    data[page : 2 * page] = b"\x5a" * page  # the first table page after the schema
    path.write_bytes(bytes(data))
    shown: list[bool] = []
    real_show = CheckingWindow.show
    monkeypatch.setattr(CheckingWindow, "show", lambda self: (shown.append(True), real_show(self)))
    wizard = main_window.create_main_window(
        dialogs=dialogs, settings=Settings(language="en"), check_integrity=True
    )
    assert wizard is not None
    qtbot.addWidget(wizard)
    try:
        assert shown == [True]
        (message,) = dialogs.named("inform")
        assert "damaged" in message[2]
        assert list(path.parent.glob(path.name + ".damaged-*"))
        assert _checking_windows() == []  # closed before the message
        assert wizard.ctx.session.store.count_checks() == 0  # a fresh store
    finally:
        wizard.ctx.session.store.close()


def test_a_clean_start_shows_no_checking_window_and_starts_no_thread(
    qtbot, dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_with_a_check(database_path())
    used: list[str] = []
    monkeypatch.setattr(check_progress, "check_with_window", lambda *a, **k: used.append("w"))
    monkeypatch.setattr(FileCheck, "run", lambda self: used.append("check"))
    monkeypatch.setattr(connection.StoreConnection, "check_integrity",
                        lambda self: used.append("check_integrity"))  # fmt: skip
    wizard = main_window.create_main_window(dialogs=dialogs, settings=Settings(language="en"))
    assert wizard is not None
    qtbot.addWidget(wizard)
    try:
        assert used == []
        assert wizard.ctx.session.store.count_checks() == 1
    finally:
        wizard.ctx.session.store.close()


def test_the_checking_window_cannot_be_closed_by_hand(qtbot) -> None:
    from homecheck.i18n import catalogue

    window = CheckingWindow(catalogue("en"), "Checking…")
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    window.close()
    assert window.isVisible()
    window.setProperty("done", True)
    window.close()
    assert not window.isVisible()


def test_a_backup_from_the_app_shows_the_window_while_a_thread_checks_and_copies(
    make_wizard, dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wizard = make_wizard()
    wizard.ctx.session.store.create_check(Assessment(areas=["stairs"]))
    go, seen = threading.Event(), {"ticks": 0, "threads": []}
    real_check = connection.StoreConnection.check_integrity

    def waiting_check(self: connection.StoreConnection) -> None:
        seen["threads"].append(threading.current_thread())  # type: ignore[attr-defined]
        assert go.wait(30)
        real_check(self)

    monkeypatch.setattr(connection.StoreConnection, "check_integrity", waiting_check)
    ticker = QTimer()

    def tick() -> None:
        windows = _checking_windows()
        if not windows:
            return
        seen["ticks"] = int(seen["ticks"]) + 1  # type: ignore[call-overload]
        seen["text"] = windows[0].label.text()
        if seen["ticks"] == 3:
            ticker.stop()
            go.set()

    ticker.timeout.connect(tick)
    ticker.start(10)
    target = tmp_path / "backup.zip"
    dialogs.save_paths = [target]
    assert wizard.start_page.privacy.backup()
    ticker.stop()
    assert seen["ticks"] == 3 and str(seen["text"]).startswith("We are making the backup")
    (thread,) = seen["threads"]  # type: ignore[misc]
    assert thread is not threading.main_thread()
    assert target.is_file() and _checking_windows() == []
    (made,) = dialogs.named("inform")
    assert "Checks: 1," in made[2]


def test_a_backup_of_a_store_deleted_by_another_homecheck_makes_no_new_store(
    make_wizard, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    wizard = make_wizard()
    path = database_path()
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    dialogs.save_paths = [tmp_path / "backup.zip"]
    assert not wizard.start_page.privacy.backup()
    (error,) = dialogs.named("error")
    assert "deleted or replaced" in error[2]
    assert not path.exists() and not (tmp_path / "backup.zip").exists()


V1_STORE = Path(__file__).parents[1] / "store" / "fixtures" / "v1"


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """What a check holds. Not when it was last saved, its language or page, nor an answer's
    item id: opening the app resumes the check in progress and saves it (a retired item under
    its new id)."""
    queries = {
        "clients": "SELECT * FROM clients ORDER BY id",
        "checks": "SELECT id, client_id, previous_id, status, created, client_label, assessor,"
        " date, areas, intake, area_notes FROM checks ORDER BY id",
        "answers": "SELECT check_id, answer, note, done, photos FROM answers ORDER BY 1, 2, 3, 4",
    }
    raw = sqlite3.connect(path)
    try:
        return {table: raw.execute(sql).fetchall() for table, sql in queries.items()}
    finally:
        raw.close()


@pytest.mark.parametrize(("language", "after_crash"), [("en", True), ("nl", True), ("en", False)])
def test_an_older_store_is_checked_once_and_upgraded_under_the_window(
    qtbot, dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch, language: str, after_crash: bool
) -> None:
    path = database_path()
    shutil.copy(V1_STORE / "homecheck.sqlite3", path)
    shutil.copytree(V1_STORE / "photos", path.parent / "photos")
    before = _rows(path)
    if after_crash:
        (path.parent / LOCK_NAME).write_text("999999999\n")  # left by a run that did not end
    lock = StoreLock(path.parent).acquire()
    assert lock.unclean == after_crash
    checks: list[str] = []
    real_quick_check = connection._quick_check

    def counted_quick_check(db: sqlite3.Connection, file: Path) -> None:
        checks.append(threading.current_thread().name)
        real_quick_check(db, file)

    monkeypatch.setattr(connection, "_quick_check", counted_quick_check)
    go = threading.Event()
    upgrading: list[str] = []
    real_upgrade = migrations.upgrade

    def held_upgrade(store: object, version: int) -> Path:
        upgrading.append(threading.current_thread().name)
        assert go.wait(30)  # until the window has been seen with its own text
        return real_upgrade(store, version)  # type: ignore[arg-type]

    monkeypatch.setattr(migrations, "upgrade", held_upgrade)
    t = catalogue(language)
    texts: list[str] = []

    def tick() -> None:
        for window in _checking_windows():
            texts.append(window.label.text())
            if window.label.text() == t("ui.checking.upgrading") and upgrading:
                go.set()

    ticker = QTimer()
    ticker.timeout.connect(tick)
    ticker.start(10)
    try:
        wizard = main_window.create_main_window(
            dialogs=dialogs, settings=Settings(language=language), check_integrity=lock.unclean
        )
    finally:
        ticker.stop()
        go.set()
        lock.release()
    assert wizard is not None
    qtbot.addWidget(wizard)
    try:
        assert not dialogs.named("error") and not dialogs.named("inform")
        main = threading.main_thread().name
        # Checked once, in the thread (an upgrade reads the whole file first, crash or not).
        assert len(checks) == 1 and checks[0] != main
        assert upgrading and upgrading[0] != main  # copied and upgraded in the thread
        assert t("ui.checking.upgrading") in texts  # the window said so meanwhile
        assert not _checking_windows()
        store = wizard.ctx.session.store
        assert store.upgraded_from == 1 and store.count_checks() == 3
        assert store.query("SELECT value FROM meta WHERE key='schema_version'") == [
            (str(SCHEMA_VERSION),)
        ]
        assert _rows(path) == before  # every check intact
        (copy,) = path.parent.glob(path.name + ".version-1-*")
        assert _rows(copy) == before
    finally:
        wizard.ctx.session.store.close()


def test_after_an_unclean_exit_an_older_store_without_room_for_its_copy_is_told_and_kept(
    qtbot, dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = database_path()
    shutil.copy(V1_STORE / "homecheck.sqlite3", path)
    before = path.read_bytes()

    def no_room(self: connection.StoreConnection, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(connection.StoreConnection, "backup_to", no_room)
    wizard = main_window.create_main_window(
        dialogs=dialogs, settings=Settings(language="en"), check_integrity=True
    )
    assert wizard is None
    (error,) = dialogs.named("error")
    assert "No space left on device" in error[2] and "nothing was changed" in error[2]
    assert not dialogs.named("inform")  # not "damaged, put aside"
    assert not _checking_windows()
    assert path.read_bytes() == before
