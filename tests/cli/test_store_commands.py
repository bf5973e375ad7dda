"""The store from the command line: list, export, import, backup, restore (issue 14 item 5)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from homecheck.cli import run
from homecheck.domain import assessment as fmt
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import checklist
from homecheck.store import clients
from homecheck.store.db import Store
from homecheck.store.lock import StoreLock
from homecheck.store.migrations import SCHEMA_VERSION
from homecheck.store.paths import data_dir, data_dir_location, database_path
from homecheck.store.photos import import_photo

PREFIX = "homecheck: error: "
FIXTURE = Path(__file__).parents[1] / "store" / "fixtures" / "v1"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> None:
    assert err.startswith(PREFIX) and err.endswith("\n") and len(err.splitlines()) == 1, err
    assert "Traceback" not in err


def _photo(tmp_path: Path, colour: tuple[int, int, int]) -> str:
    source = tmp_path / f"p{colour}.png"
    Image.new("RGB", (30, 20), colour).save(source)
    return import_photo(source, data_dir())


@pytest.fixture
def filled(tmp_path: Path) -> dict[str, int]:
    """A store with an own check (in progress) and a client with a finished check + photo."""
    content = checklist()
    store = Store(database_path())
    try:
        photo = _photo(tmp_path, (200, 10, 10))
        own = store.create_check(Assessment.new(
            content, date="2025-11-03",
            answers={"stairs.rail_both_sides": Answer("hazard", note="steil")}))
        client = clients.add_client(store, "Mrs J. de Vries")
        done = store.create_check(Assessment.new(
            content, role="therapist", client="Mrs J. de Vries", assessor="Anna",
            date="2025-06-12",
            answers={"whole_home.loose_rugs": Answer("hazard", done="2025-07-01", photos=[photo])}),
            client_id=client)
        store.set_status(done, "done")
        later = store.create_check(Assessment.new(
            content, role="caregiver", client="Mrs J. de Vries", date="2025-06-12"),
            client_id=client)
    finally:
        store.close()
    return {"own": own, "done": done, "later": later}


def test_list_json_oldest_first_then_by_id(capsys, filled) -> None:
    code, out, err = _run(capsys, "list", "--json")
    assert code == 0 and err == ""
    assert json.loads(out) == [
        {"id": filled["done"], "client": "Mrs J. de Vries", "date": "2025-06-12",
         "status": "done", "role": "therapist"},
        {"id": filled["later"], "client": "Mrs J. de Vries", "date": "2025-06-12",
         "status": "in_progress", "role": "caregiver"},
        {"id": filled["own"], "client": "", "date": "2025-11-03",
         "status": "in_progress", "role": "self"},
    ]


def test_list_of_an_empty_store_is_an_empty_list_and_creates_nothing(capsys) -> None:
    code, out, err = _run(capsys, "list", "--json")
    assert (code, json.loads(out), err) == (0, [], "")
    assert not database_path().exists()
    code, out, _ = _run(capsys, "list", "--lang", "en")
    assert code == 0 and "No checks" in out


def test_list_as_text_has_one_line_per_check(capsys, filled) -> None:
    code, out, _ = _run(capsys, "list", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3 and "finished" in lines[0] and "(own check)" in lines[2]


def test_export_writes_a_valid_file_with_its_photos_as_the_app_does(
    capsys, filled, tmp_path: Path
) -> None:
    out_path = tmp_path / "out" / "visit.json"
    out_path.parent.mkdir()
    code, _, err = _run(capsys, "export", str(filled["done"]), "-o", str(out_path))
    assert (code, err) == (0, "")
    check = fmt.read_file(out_path, checklist())
    assert check.answers["whole_home.loose_rugs"].done == "2025-07-01"
    (photo,) = check.answers["whole_home.loose_rugs"].photos
    assert (out_path.parent / "visit.photos" / photo).read_bytes() == (
        data_dir() / "photos" / photo
    ).read_bytes()
    doc = json.loads(out_path.read_text(encoding="utf-8"))
    if doc["version"] >= 2:
        assert doc["status"] == "done"


def test_export_of_an_unknown_id_is_exit_2_and_writes_nothing(capsys, filled, tmp_path) -> None:
    target = tmp_path / "x.json"
    code, out, err = _run(capsys, "export", "999", "-o", str(target))
    assert code == 2 and out == ""
    _one_line(err)
    assert not target.exists() and not (tmp_path / "x.photos").exists()
    code, _, err = _run(capsys, "export", "abc", "-o", str(target))
    assert code == 2
    _one_line(err)


def test_export_then_import_into_another_data_folder_and_again(
    capsys, filled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_path = tmp_path / "visit.json"
    assert _run(capsys, "export", str(filled["done"]), "-o", str(out_path))[0] == 0
    # Into this same store: it is the stored check, unchanged — skipped.
    code, out, err = _run(capsys, "import", str(out_path))
    assert (code, err) == (0, "") and ("skipped" in out or "overgeslagen" in out)
    # Into a new laptop's data folder: stored once, then skipped.
    monkeypatch.setenv("HOMECHECK_DATA_DIR", str(tmp_path / "laptop"))
    code, out, err = _run(capsys, "import", str(out_path))
    assert code == 0 and err == "" and len(out.splitlines()) == 1
    code, out, err = _run(capsys, "import", str(out_path))
    assert code == 0 and err == "" and len(out.splitlines()) == 1
    listed = json.loads(_run(capsys, "list", "--json")[1])
    assert len(listed) == 1 and listed[0]["client"] == "Mrs J. de Vries"
    assert len(list((tmp_path / "laptop" / "photos").iterdir())) == 1


def test_import_a_folder_in_name_order_and_refuse_bad_files(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "checks"
    folder.mkdir()
    content = checklist()
    for name, client in (("b.json", "Mr B"), ("a.json", "Mrs A")):
        a = Assessment.new(content, role="therapist", client=client, date="2025-01-02")
        (folder / name).write_text(fmt.dumps(a), encoding="utf-8")
    (folder / "c.json").write_text("{not json", encoding="utf-8")
    (folder / "notes.txt").write_text("not a check", encoding="utf-8")
    code, out, err = _run(capsys, "import", str(folder))
    assert code == 2
    lines = out.splitlines()
    assert len(lines) == 2 and "a.json" in lines[0] and "b.json" in lines[1]
    _one_line(err)
    assert "c.json" in err
    listed = json.loads(_run(capsys, "list", "--json")[1])
    assert sorted(r["client"] for r in listed) == ["Mr B", "Mrs A"]


def test_import_matches_the_client_by_label(capsys, filled, tmp_path: Path) -> None:
    content = checklist()
    a = Assessment.new(content, role="therapist", client="  mrs j. DE VRIES ", date="2026-01-05")
    path = tmp_path / "f.json"
    path.write_text(fmt.dumps(a), encoding="utf-8")
    assert _run(capsys, "import", str(path))[0] == 0
    listed = json.loads(_run(capsys, "list", "--json")[1])
    assert listed[-1]["client"] == "Mrs J. de Vries"
    store = Store(database_path())
    assert len(clients.list_clients(store)) == 1
    store.close()


def test_import_of_a_missing_path_is_exit_2(capsys, tmp_path: Path) -> None:
    code, out, err = _run(capsys, "import", str(tmp_path / "nope.json"))
    assert code == 2 and out == ""
    _one_line(err)


def test_writing_commands_refuse_while_the_app_is_open_reading_ones_work(
    capsys, filled, tmp_path: Path
) -> None:
    path = tmp_path / "f.json"
    path.write_text(fmt.dumps(Assessment.new(checklist())), encoding="utf-8")
    with StoreLock(data_dir()):
        code, out, err = _run(capsys, "import", str(path))
        assert code == 1 and out == ""
        _one_line(err)
        assert "already open" in err
        code, _, err = _run(capsys, "restore", str(path))
        assert code == 1 and "already open" in err
        assert _run(capsys, "list", "--json")[0] == 0
        assert _run(capsys, "export", str(filled["own"]), "-o", str(tmp_path / "e.json"))[0] == 0
        assert _run(capsys, "backup", "-o", str(tmp_path / "b.zip"))[0] == 0
    assert len(json.loads(_run(capsys, "list", "--json")[1])) == 3


def test_store_problems_are_exit_1(capsys, filled) -> None:
    raw = sqlite3.connect(database_path())
    raw.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    raw.commit()
    raw.close()
    code, out, err = _run(capsys, "list", "--json")
    assert code == 1 and out == ""
    _one_line(err)
    assert "newer homecheck" in err
    database_path().write_bytes(b"garbage" * 1000)
    code, _, err = _run(capsys, "list")
    assert code == 1
    _one_line(err)


def test_backup_and_restore_move_a_practice_to_a_new_laptop(
    capsys, filled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = json.loads(_run(capsys, "list", "--json")[1])
    zip_path = tmp_path / "practice.zip"
    code, out, err = _run(capsys, "backup", "-o", str(zip_path), "--lang", "en")
    assert (code, err) == (0, "") and "checks: 3" in out
    names = zipfile.ZipFile(zip_path).namelist()
    assert "homecheck.sqlite3" in names and any(n.startswith("photos/") for n in names)
    # Restoring into the same, filled folder is refused: nothing is overwritten.
    code, _, err = _run(capsys, "restore", str(zip_path))
    assert code == 1
    _one_line(err)
    monkeypatch.setenv("HOMECHECK_DATA_DIR", str(tmp_path / "laptop"))
    code, out, err = _run(capsys, "restore", str(zip_path), "--lang", "en")
    assert (code, err) == (0, "") and "checks: 3" in out
    assert json.loads(_run(capsys, "list", "--json")[1]) == before
    store = Store(database_path())
    try:
        rugs = store.load_check(filled["done"]).answers["whole_home.loose_rugs"]
        assert rugs.done == "2025-07-01"
    finally:
        store.close()
    photos = list((tmp_path / "laptop" / "photos").iterdir())
    assert len(photos) == 1 and photos[0].stat().st_mode & 0o777 == 0o600


def test_restore_into_a_folder_with_only_an_empty_store(capsys, filled, tmp_path, monkeypatch):
    zip_path = tmp_path / "practice.zip"
    assert _run(capsys, "backup", "-o", str(zip_path))[0] == 0
    monkeypatch.setenv("HOMECHECK_DATA_DIR", str(tmp_path / "laptop"))
    Store(database_path()).close()  # the app was started once on the new laptop
    assert _run(capsys, "restore", str(zip_path))[0] == 0
    assert len(json.loads(_run(capsys, "list", "--json")[1])) == 3


def test_restore_of_an_older_homecheck_store_upgrades_it(capsys, tmp_path: Path) -> None:
    zip_path = tmp_path / "old.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("homecheck-backup.json", json.dumps(
            {"format": "homecheck-backup", "version": 1}))
        archive.write(FIXTURE / "homecheck.sqlite3", "homecheck.sqlite3")
        for photo in (FIXTURE / "photos").iterdir():
            archive.write(photo, f"photos/{photo.name}")
    assert _run(capsys, "restore", str(zip_path))[0] == 0
    assert len(json.loads(_run(capsys, "list", "--json")[1])) == 3


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(b"not a zip at all"),
        lambda p: zipfile.ZipFile(p, "w").writestr("x.txt", "hello"),
        lambda p: _zip_with(p, {"homecheck-backup.json": '{"format": "homecheck-backup", '
                                '"version": 1}', "../evil": "x", "homecheck.sqlite3": "x"}),
        lambda p: _zip_with(p, {"homecheck-backup.json": '{"format": "homecheck-backup", '
                                '"version": 1}', "homecheck.sqlite3": "garbage" * 100}),
        lambda p: _zip_with(p, {"homecheck-backup.json": '{"format": "homecheck-backup", '
                                '"version": 99}', "homecheck.sqlite3": "x"}),
    ],
    ids=["not-zip", "foreign-zip", "path-outside", "damaged-store", "newer-backup"],
)
def test_bad_backup_files_are_exit_2_and_change_nothing(capsys, tmp_path: Path, make) -> None:
    bad = tmp_path / "bad.zip"
    make(bad)
    code, out, err = _run(capsys, "restore", str(bad))
    assert code == 2 and out == ""
    _one_line(err)
    assert sorted(p.name for p in data_dir().iterdir() if p.name != "lock") == []


def _zip_with(path: Path, members: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)


def test_backup_of_a_damaged_store_is_exit_1_and_leaves_no_file(capsys, filled, tmp_path) -> None:
    path = database_path()
    data = bytearray(path.read_bytes())
    for n in range(len(data) // 2, len(data) - 10):
        data[n] = 0x33
    path.write_bytes(bytes(data))
    target = tmp_path / "b.zip"
    code, _, err = _run(capsys, "backup", "-o", str(target))
    assert code == 1
    _one_line(err)
    assert not target.exists() and not list(tmp_path.glob(".*.tmp"))


def test_backup_to_a_folder_or_a_missing_folder_is_exit_2(capsys, filled, tmp_path) -> None:
    for target in (tmp_path, tmp_path / "missing" / "b.zip"):
        code, _, err = _run(capsys, "backup", "-o", str(target))
        assert code == 2
        _one_line(err)


def test_nothing_to_back_up_is_exit_1(capsys, tmp_path: Path) -> None:
    code, _, err = _run(capsys, "backup", "-o", str(tmp_path / "b.zip"))
    assert code == 1
    _one_line(err)
    shutil.rmtree(data_dir())


# -- names at the file system's limit, and a refused import (issue 17, tried by hand) ------------


def _longest(folder: Path, suffix: str) -> Path:
    """The longest legal name in ``folder`` ending in ``suffix`` (NAME_MAX bytes, 255 here)."""
    import os

    return folder / ("x" * (os.pathconf(folder, "PC_NAME_MAX") - len(suffix)) + suffix)


def test_backup_to_the_longest_legal_name_works(capsys, filled, tmp_path: Path) -> None:
    # Before: the temporary name ".NAME.XXXXXXXX.tmp" went past the limit ("File name too long").
    (tmp_path / "out").mkdir()
    target = _longest(tmp_path / "out", ".zip")
    code, _, err = _run(capsys, "backup", "-o", str(target))
    assert (code, err) == (0, "")
    assert zipfile.is_zipfile(target)
    assert list(target.parent.iterdir()) == [target]  # no temporary file left


def test_export_to_the_longest_legal_name(capsys, filled, tmp_path: Path) -> None:
    # Without photos no NAME.photos folder is needed: the name works.
    (tmp_path / "out").mkdir()
    target = _longest(tmp_path / "out", ".json")
    code, _, err = _run(capsys, "export", str(filled["own"]), "-o", str(target))
    assert (code, err) == (0, "")
    assert fmt.read_file(target, checklist()).answers["stairs.rail_both_sides"].note == "steil"
    target.unlink()
    # With a photo, NAME.photos would be too long. Before: a traceback (OSError, exit 1).
    code, out, err = _run(capsys, "export", str(filled["done"]), "-o", str(target))
    assert (code, out) == (2, "")
    _one_line(err)
    assert "too long" in err
    assert list(target.parent.iterdir()) == []  # nothing written


def test_an_import_that_stores_nothing_makes_no_store(capsys, tmp_path: Path) -> None:
    # Before: an empty store and a lock file were made in the data folder before the file
    # was read, even when it was /dev/zero or not a check at all.
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for given in ("/dev/zero", str(bad), str(tmp_path / "missing.json")):
        code, out, err = _run(capsys, "import", given)
        assert (code, out) == (2, "")
        _one_line(err)
    assert not data_dir_location().exists()


def test_a_backup_whose_manifest_unpacks_huge_is_refused_unread(capsys, tmp_path: Path) -> None:
    # 64 MiB of spaces after a valid manifest pack into ~64 KB. Before: the whole manifest was
    # read into memory (a 2 MB backup file: 38 s, 4.2 GB; 8 GiB would not fit at all).
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("homecheck-backup.json", "w") as manifest:
            manifest.write(b'{"format": "homecheck-backup", "version": 1}')
            for _ in range(64):
                manifest.write(b" " * (1 << 20))
        archive.write(FIXTURE / "homecheck.sqlite3", "homecheck.sqlite3")
    code, out, err = _run(capsys, "restore", str(bomb))
    assert (code, out) == (2, "")
    _one_line(err)
    assert "manifest" in err and "too large" in err
    assert not database_path().exists()


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_restore_of_a_device_or_fifo_says_what_it_is(capsys, tmp_path: Path, special: str) -> None:
    import os

    path = Path(special)
    if special == "fifo":
        path = tmp_path / "backup.zip"
        os.mkfifo(path)
    code, out, err = _run(capsys, "restore", str(path))
    assert (code, out) == (2, "")
    _one_line(err)
    # Before: "file not found", which sent the person looking for a file that is there.
    reason = err.rsplit(": ", 1)[-1]  # after the name (the test's folder name says "device")
    assert reason.startswith(("is a device", "is a named pipe")), err
    assert not data_dir_location().exists()
