"""The SQLite store: round trips, autosave, resuming, damaged files and private file modes."""

from __future__ import annotations

import itertools
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

from homecheck.domain import assessment as fmt
from homecheck.domain.assessment import Answer, Assessment
from homecheck.store import db as store_db
from homecheck.store import paths
from homecheck.store.connection import backup_damaged
from homecheck.store.db import Store
from homecheck.store.errors import StoreDamaged, StoreError
from tests.domain.strategies import CONTENT, EXAMPLE_NAMES, assessments, example_doc

ITEM = "stairs.rail_both_sides"
OTHER = "stairs.rail_full_length"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "homecheck.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store(db_path)
    yield s
    s.close()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every change gets a later timestamp (the real clock has one-second steps)."""
    ticks = itertools.count(1)
    monkeypatch.setattr(store_db, "_now", lambda: f"2026-01-01T10:{next(ticks):05d}")


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# -- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_create_then_load_gives_the_same_assessment(store: Store, name: str) -> None:
    original = fmt.from_dict(example_doc(name), CONTENT)
    check = store.create_check(original)
    assert store.load_check(check) == original


def test_answers_survive_close_and_reopen(db_path: Path) -> None:
    first = Store(db_path)
    check = first.create_check(Assessment(date="2026-01-02", areas=["stairs"]))
    first.save_answer(check, ITEM, Answer("hazard", note="Leuning alleen links ✓"))
    first.save_answer(check, OTHER, Answer("ok"))
    first.close()
    again = Store(db_path)
    try:
        loaded = again.load_check(check)
    finally:
        again.close()
    assert loaded.answers == {
        ITEM: Answer("hazard", note="Leuning alleen links ✓"),
        OTHER: Answer("ok"),
    }
    assert (loaded.date, loaded.areas) == ("2026-01-02", ["stairs"])


def test_each_answer_is_committed_at_once(store: Store, db_path: Path) -> None:
    # A second connection sees the answer while the first is still open: nothing waits in memory.
    check = store.create_check(Assessment(areas=["stairs"]))
    store.save_answer(check, ITEM, Answer("hazard"))
    other = sqlite3.connect(db_path)
    try:
        rows = other.execute("SELECT item_id, answer FROM answers").fetchall()
    finally:
        other.close()
    assert rows == [(ITEM, "hazard")]


def test_save_answer_replaces_and_none_clears(store: Store) -> None:
    check = store.create_check(Assessment(areas=["stairs"]))
    store.save_answer(check, ITEM, Answer("hazard", note="a"))
    store.save_answer(check, ITEM, Answer("ok"))
    assert store.load_check(check).answers == {ITEM: Answer("ok")}
    store.save_answer(check, ITEM, None)
    assert store.load_check(check).answers == {}
    store.save_answer(check, ITEM, None)  # clearing a blank answer is fine
    assert store.list_checks()[0].answered == 0


def test_save_header_keeps_the_answers(store: Store) -> None:
    check = store.create_check(Assessment(areas=["stairs"]))
    store.save_answer(check, ITEM, Answer("hazard"))
    header = Assessment(
        language="en", role="therapist", client="Mrs J.", assessor="A.", date="2026-03-04",
        areas=["stairs", "garden"], intake={"key_fallen": True, "fesi": [1, None, 2, 3, 4, 1, 1]},
        area_notes={"garden": "moss"},
    )  # fmt: skip
    store.save_header(check, header)
    loaded = store.load_check(check)
    assert loaded.answers == {ITEM: Answer("hazard")}
    loaded.answers = {}
    assert loaded == header


def test_load_unknown_check_raises_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.load_check(999)


def test_delete_check_removes_its_answers(store: Store) -> None:
    check = store.create_check(Assessment(areas=["stairs"], answers={ITEM: Answer("ok")}))
    store.delete_check(check)
    assert store.list_checks() == []
    assert store.query("SELECT COUNT(*) FROM answers") == [(0,)]


@settings(max_examples=40, deadline=None)
@given(original=assessments())
def test_any_valid_assessment_round_trips(
    tmp_path_factory: pytest.TempPathFactory, original: Assessment
) -> None:
    s = Store(tmp_path_factory.mktemp("prop") / "h.sqlite3")
    try:
        assert s.load_check(s.create_check(original)) == original
    finally:
        s.close()


# -- resuming ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("clock")
def test_unfinished_check_is_the_most_recently_changed(store: Store) -> None:
    assert store.unfinished_check() is None
    older = store.create_check(Assessment(client="older"))
    newer = store.create_check(Assessment(client="newer"))
    info = store.unfinished_check()
    assert info is not None and info.id == newer
    store.save_answer(older, ITEM, Answer("ok"))  # working on the older one again
    info = store.unfinished_check()
    assert info is not None and (info.id, info.client_label, info.answered) == (older, "older", 1)


@pytest.mark.usefixtures("clock")
def test_done_checks_are_not_resumed(store: Store) -> None:
    first = store.create_check(Assessment())
    second = store.create_check(Assessment())
    store.set_status(second, "done")
    info = store.unfinished_check()
    assert info is not None and info.id == first
    store.set_status(first, "done")
    assert store.unfinished_check() is None
    assert {c.status for c in store.list_checks()} == {"done"}
    store.set_status(first, "in_progress")
    info = store.unfinished_check()
    assert info is not None and info.id == first


def test_set_status_refuses_unknown_status(store: Store) -> None:
    check = store.create_check(Assessment())
    with pytest.raises(ValueError):
        store.set_status(check, "finished")


def test_current_page_is_remembered(store: Store) -> None:
    check = store.create_check(Assessment())
    store.set_current_page(check, "area:stairs")
    info = store.unfinished_check()
    assert info is not None and info.current_page == "area:stairs"


# -- damaged files -----------------------------------------------------------------------------


def _real_database(path: Path) -> None:
    s = Store(path)
    for n in range(6):
        answers = {item.id: Answer("hazard", note=f"note {n} " * 40) for item in CONTENT.items()}
        s.create_check(Assessment(areas=list(CONTENT.area_ids()), answers=answers))
    s.close()


def test_garbage_file_is_damaged(db_path: Path) -> None:
    db_path.write_bytes(os.urandom(3000))
    with pytest.raises(StoreDamaged, match="damaged or not a homecheck database"):
        Store(db_path)


def test_text_file_is_damaged(db_path: Path) -> None:
    db_path.write_text('{"format": "homecheck-assessment"}', encoding="utf-8")
    with pytest.raises(StoreDamaged):
        Store(db_path)


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_truncated_database_is_damaged(db_path: Path, keep: float) -> None:
    _real_database(db_path)
    data = db_path.read_bytes()
    assert len(data) > 100_000
    db_path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(StoreDamaged):
        Store(db_path)


@pytest.mark.parametrize(
    ("sql", "found"),
    [
        ("UPDATE meta SET value='two' WHERE key='schema_version'", "schema version two"),
        ("DELETE FROM meta", "schema version none"),
    ],
)
def test_wrong_schema_version_is_damaged(db_path: Path, sql: str, found: str) -> None:
    _real_database(db_path)
    raw = sqlite3.connect(db_path)
    raw.execute(sql)
    raw.commit()
    raw.close()
    with pytest.raises(StoreDamaged, match=found):
        Store(db_path)


def test_another_programs_database_is_damaged(db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE recipes (name TEXT)")
    raw.commit()
    raw.close()
    with pytest.raises(StoreDamaged, match="not a homecheck database"):
        Store(db_path)
    # And it was not changed: no homecheck tables were added to it.
    raw = sqlite3.connect(db_path)
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    raw.close()
    assert tables == {"recipes"}


def test_an_empty_file_becomes_a_new_store(db_path: Path) -> None:
    db_path.write_bytes(b"")
    s = Store(db_path)
    try:
        assert s.list_checks() == []
        assert s.create_check(Assessment()) == 1
    finally:
        s.close()


def test_a_folder_in_the_way_is_an_error_and_left_alone(db_path: Path) -> None:
    db_path.mkdir(mode=0o755)
    os.chmod(db_path, 0o755)
    with pytest.raises(StoreError, match="cannot open"):
        Store(db_path)
    assert _mode(db_path) == 0o755


def test_backup_damaged_moves_the_file_and_its_sidecars(db_path: Path) -> None:
    db_path.write_bytes(b"garbage")
    db_path.with_name(db_path.name + "-wal").write_bytes(b"wal")
    db_path.with_name(db_path.name + "-shm").write_bytes(b"shm")
    backup = backup_damaged(db_path)
    assert backup.parent == db_path.parent
    assert backup.name.startswith(db_path.name + ".damaged-")
    assert backup.read_bytes() == b"garbage"
    assert backup.with_name(backup.name + "-wal").read_bytes() == b"wal"
    assert backup.with_name(backup.name + "-shm").read_bytes() == b"shm"
    assert sorted(p.name for p in db_path.parent.iterdir()) == sorted(
        [backup.name, backup.name + "-wal", backup.name + "-shm"]
    )
    # A fresh store can now be made in the same place.
    s = Store(db_path)
    s.close()


def test_damaged_store_can_be_moved_aside_and_replaced(db_path: Path) -> None:
    db_path.write_bytes(b"garbage" * 100)
    with pytest.raises(StoreDamaged):
        Store(db_path)
    backup = backup_damaged(db_path)  # the failed open left nothing locked
    assert backup.read_bytes() == b"garbage" * 100
    s = Store(db_path)
    try:
        assert s.list_checks() == []
    finally:
        s.close()


def test_backups_never_overwrite_each_other(db_path: Path) -> None:
    names = set()
    for n in range(3):
        db_path.write_bytes(b"garbage %d" % n)
        names.add(backup_damaged(db_path).name)
    assert len(names) == 3
    assert not db_path.exists()


# -- SQLite settings and privacy ---------------------------------------------------------------


def test_journal_mode_is_wal(store: Store, db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        raw.close()


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.save_answer(12345, ITEM, Answer("ok"))


def test_database_and_sidecars_are_private_whatever_the_umask(db_path: Path) -> None:
    old = os.umask(0o022)
    try:
        s = Store(db_path)
        s.create_check(Assessment(client="health data"))
        files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
        assert {p.name for p in files} >= {db_path.name, db_path.name + "-wal"}
        assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
        s.close()
    finally:
        os.umask(old)


def test_an_existing_readable_database_is_made_private(db_path: Path) -> None:
    Store(db_path).close()
    os.chmod(db_path, 0o644)
    Store(db_path).close()
    assert _mode(db_path) == 0o600


def test_data_dir_honours_the_environment_and_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deep" / "er" / "data"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(target))
    assert paths.data_dir() == target
    assert target.is_dir() and _mode(target) == 0o700
    assert paths.database_path() == target / paths.DB_NAME


def test_data_dir_tightens_an_existing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # homecheck's own folder (the platform's) is made private again; a folder named by
    # HOMECHECK_DATA_DIR that homecheck did not make is left as it is (issue 17, item 9:
    # tests/store/test_data_folder.py).
    if not sys.platform.startswith("linux"):
        pytest.skip("the platform folder is moved with XDG_DATA_HOME on Linux only")
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    target = tmp_path / "homecheck"
    target.mkdir(mode=0o755)
    os.chmod(target, 0o755)
    assert paths.data_dir() == target
    assert _mode(target) == 0o700


def test_data_dir_without_override_uses_the_platform_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.delenv(paths.ENV_DATA_DIR)
    calls = []

    def fake(appname: str, appauthor: object) -> str:  # every platform: platformdirs decides
        calls.append(appname)
        return str(tmp_path / "platform")

    monkeypatch.setattr(platformdirs, "user_data_dir", fake)
    assert paths.data_dir() == tmp_path / "platform"
    assert calls == ["homecheck"]
    assert _mode(tmp_path / "platform") == 0o700
