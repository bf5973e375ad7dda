"""The store from the command line, checked from outside against its contract (issue 14, item 5).

Every test runs the real ``homecheck`` program in a child process on a fresh data folder
(HOMECHECK_DATA_DIR) and looks only at what a person or a script sees: the exit status, stdout,
stderr and the files. Check files are written here by hand, as the format document describes
them, so that the program's own writer is not trusted to test its reader.

The contract, sentence by sentence:
- The data folder is the app's own: HOMECHECK_DATA_DIR, else the platform's rule.
- ``list [--json]``: oldest date first, then by id; exactly the keys id (integer), client (the
  client's label, "" for one's own checks), date (YYYY-MM-DD), status and role; ``[]`` when empty.
- ``export ID -o FILE.json``: a version-2 file with FILE.photos/ beside it, as the app saves it;
  an unknown ID exits 2; nothing half-written is left on failure.
- ``import PATH...``: files and folders (every *.json directly in a folder, in name order);
  status kept; client matched by label ignoring case and surrounding spaces; a file already
  stored unchanged is reported and skipped; one line per file; exit 0 when every file was stored
  or skipped, 2 when any was refused (the others still stored).
- ``backup -o FILE.zip`` / ``restore FILE.zip``: restore only into an empty data folder; a round
  trip keeps every check, answer, note, done date and photo.
- A problem with an input file: exit 2 and one line ``homecheck: error: ...``; a problem with the
  store (damaged, made by a newer homecheck, not writable, homecheck open): exit 1 and one line.
- The store lock the app takes is taken by every command that may write or upgrade the store;
  Ctrl-C ends a command with exit status 130 and leaves nothing half-written.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.cli._store_contract import (
    DB,
    FULL,
    ISO_DATE,
    KEYS,
    PREFIX,
    ROOT,
    TIMEOUT,
    check_doc,
    env,
    error_line,
    hc,
    jpeg,
    listed,
    photo_name,
    program,
    write_check,
)  # fmt: skip

# -- list --------------------------------------------------------------------------------------


def test_list_of_a_new_data_folder_is_an_empty_list(data: Path) -> None:
    ran = hc(data, "list", "--json")
    assert (ran.code, ran.err) == (0, "")
    assert json.loads(ran.out) == []
    ran = hc(data, "list")
    assert (ran.code, ran.err) == (0, "") and len(ran.out.splitlines()) == 1
    for argv in (("export", "1", "-o", str(data.parent / "e.json")),
                 ("backup", "-o", str(data.parent / "b.zip"))):  # fmt: skip
        assert hc(data, *argv).code in (1, 2)  # nothing to export or back up
    assert not data.exists() or list(data.iterdir()) == []  # reading made nothing


def test_list_json_gives_exact_keys_types_and_order(data: Path, practice: dict[str, int]) -> None:
    rows = listed(data)
    for row in rows:
        assert set(row) == KEYS, row
        assert type(row["id"]) is int and type(row["client"]) is str, row
        assert ISO_DATE.match(row["date"]) and row["status"] in ("in_progress", "done"), row
        assert row["role"] in ("self", "therapist", "caregiver"), row
    assert [(r["date"], r["id"]) for r in rows] == sorted((r["date"], r["id"]) for r in rows)
    assert [(r["id"], r["client"], r["date"], r["status"], r["role"]) for r in rows] == [
        (practice["old"], "Mr B", "2024-01-31", "in_progress", "therapist"),
        (practice["done"], "Mrs A", "2025-06-12", "done", "therapist"),
        (practice["carer"], "Mrs A", "2025-06-12", "in_progress", "caregiver"),
        # One's own check has no client, whatever name the person typed for themselves.
        (practice["own"], "", "2025-11-03", "in_progress", "self"),
    ]
    assert practice["done"] < practice["carer"]  # the same date: by id


def test_the_same_date_is_ordered_by_id_not_by_when_stored(data: Path, files: Path) -> None:
    for name, date in (("a.json", "2025-03-01"), ("b.json", "2025-01-01"), ("c.json", "2025-03-01"),
                       ("d.json", "2025-01-01")):  # fmt: skip
        write_check(files / name, check_doc(role="therapist", client=name, date=date))
    assert hc(data, "import", str(files)).code == 0
    rows = listed(data)
    assert [r["client"] for r in rows] == ["b.json", "d.json", "a.json", "c.json"]
    text = hc(data, "list", "--lang", "en").out.splitlines()
    assert len(text) == 4
    for line, row in zip(text, rows, strict=True):
        assert str(row["id"]) in line and row["date"] in line and row["client"] in line


# -- export ------------------------------------------------------------------------------------


def test_export_writes_a_version_2_file_with_its_photos(
    data: Path, practice: dict[str, int], tmp_path: Path, files: Path
) -> None:
    out = tmp_path / "out" / "visit.json"
    out.parent.mkdir()
    ran = hc(data, "export", str(practice["done"]), "-o", str(out))
    assert (ran.code, ran.out, ran.err) == (0, "", "")
    doc = json.loads(out.read_text(encoding="utf-8"))
    given = json.loads((files / "2-done.json").read_text(encoding="utf-8"))
    assert doc["format"] == "homecheck-assessment" and doc["version"] == 2
    for key in ("role", "client", "assessor", "date", "status", "intake", "area_notes"):
        assert doc[key] == given[key], key
    assert set(doc["answers"]) == set(FULL)
    for item, answer in FULL.items():
        got = doc["answers"][item]
        for key in ("answer", "note", "done"):
            assert got.get(key) == answer.get(key), (item, key)
        assert len(got.get("photos", [])) == len(answer.get("photos", []))
    photos = out.parent / "visit.photos"
    named = sorted(p for a in doc["answers"].values() for p in a.get("photos", []))
    assert sorted(p.name for p in photos.iterdir()) == named
    for name in named:
        with Image.open(photos / name) as image:
            assert image.format == "JPEG"
    assert hc(data, "validate", str(out)).code == 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["visit.json", "visit.photos"]


def test_export_of_a_check_without_photos_makes_no_photos_folder(
    data: Path, practice: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "own.json"
    assert hc(data, "export", str(practice["own"]), "-o", str(out)).code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["version"], doc["status"], doc["role"]) == (2, "in_progress", "self")
    assert not (tmp_path / "own.photos").exists()


@pytest.mark.parametrize("check_id", ["999", "0", "-1", "99999999999999999999999", "x"])
def test_export_of_an_unknown_id_is_exit_2_and_writes_nothing(
    data: Path, practice: dict[str, int], tmp_path: Path, check_id: str
) -> None:
    out = tmp_path / "x.json"
    error_line(hc(data, "export", check_id, "-o", str(out)), 2)
    assert not out.exists() and not (tmp_path / "x.photos").exists()


def test_export_from_a_new_data_folder_is_exit_2(data: Path, tmp_path: Path) -> None:
    error_line(hc(data, "export", "1", "-o", str(tmp_path / "x.json")), 2)
    assert not (tmp_path / "x.json").exists()


def test_export_to_a_folder_or_into_a_missing_folder_is_exit_2(
    data: Path, practice: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "visit.json"
    target.mkdir()
    error_line(hc(data, "export", str(practice["done"]), "-o", str(target)), 2)
    assert target.is_dir() and list(target.iterdir()) == []
    assert not (tmp_path / "visit.photos").exists()
    missing = tmp_path / "missing" / "visit.json"
    error_line(hc(data, "export", str(practice["done"]), "-o", str(missing)), 2)
    assert not missing.parent.exists()


def test_export_where_the_photos_folder_name_is_a_file_is_exit_2(
    data: Path, practice: dict[str, int], tmp_path: Path
) -> None:
    (tmp_path / "visit.photos").write_text("mine")
    error_line(hc(data, "export", str(practice["done"]), "-o", str(tmp_path / "visit.json")), 2)
    assert not (tmp_path / "visit.json").exists()
    assert (tmp_path / "visit.photos").read_text() == "mine"


# -- import ------------------------------------------------------------------------------------


def test_import_of_a_folder_takes_every_json_directly_in_it_in_name_order(
    data: Path, files: Path
) -> None:
    for name in ("b.json", "a.json", "c.json"):
        write_check(files / name, check_doc(role="therapist", client=name))
    (files / "notes.txt").write_text("not a check")
    (files / "sub").mkdir()
    write_check(files / "sub" / "nested.json", check_doc(role="therapist", client="nested"))
    (files / "d.json").mkdir()  # a folder with a check file's name: not a check file
    ran = hc(data, "import", str(files))
    assert (ran.code, ran.err) == (0, "")
    lines = ran.out.splitlines()
    assert len(lines) == 3
    assert ["a.json" in lines[0], "b.json" in lines[1], "c.json" in lines[2]] == [True] * 3
    assert sorted(r["client"] for r in listed(data)) == ["a.json", "b.json", "c.json"]


def test_import_of_a_folder_skips_hidden_files_as_the_shells_star_json_does(
    data: Path, files: Path
) -> None:
    """A USB stick used on a Mac holds ``._visit.json`` (AppleDouble) beside ``visit.json``."""
    write_check(files / "visit.json", check_doc(role="therapist", client="visit"))
    (files / "._visit.json").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    (files / ".hidden.json").write_text("{")
    ran = hc(data, "import", str(files))
    assert (ran.code, ran.err) == (0, "")
    assert len(ran.out.splitlines()) == 1 and "visit.json" in ran.out
    assert [r["client"] for r in listed(data)] == ["visit"]


def test_import_keeps_the_status_of_each_file(data: Path, files: Path) -> None:
    write_check(files / "a.json", check_doc(role="therapist", client="A", status="done"))
    write_check(files / "b.json", check_doc(role="therapist", client="B", status="in_progress"))
    write_check(files / "c.json", check_doc(role="therapist", client="C", version=1))
    assert hc(data, "import", str(files / "a.json"), str(files / "b.json"),
              str(files / "c.json")).code == 0  # fmt: skip
    assert {r["client"]: r["status"] for r in listed(data)} == {
        "A": "done", "B": "in_progress", "C": "in_progress"}


def test_import_matches_a_client_by_label_ignoring_case_and_surrounding_spaces(
    data: Path, files: Path
) -> None:
    write_check(files / "1.json", check_doc(role="therapist", client="Mrs J. de Vries",
                                            date="2025-01-01"))  # fmt: skip
    write_check(files / "2.json", check_doc(role="caregiver", client="  MRS j. DE vries\t",
                                            date="2025-02-01"))  # fmt: skip
    write_check(files / "3.json", check_doc(role="therapist", client="Mrs J. de Vries-Bakker",
                                            date="2025-03-01"))  # fmt: skip
    assert hc(data, "import", str(files)).code == 0
    assert [r["client"] for r in listed(data)] == [
        "Mrs J. de Vries", "Mrs J. de Vries", "Mrs J. de Vries-Bakker"]
    # One client for the first two: a check of the one exports with the other's label.
    out = files.parent / "second.json"
    assert hc(data, "export", str(listed(data)[1]["id"]), "-o", str(out)).code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["client"] == "Mrs J. de Vries"


def test_a_file_stored_before_unchanged_is_reported_and_skipped(data: Path, files: Path) -> None:
    path = write_check(files / "visit.json", check_doc(
        role="therapist", client="Mrs A", status="done", answers=FULL,
    ), {photo_name(1): jpeg(1), photo_name(2): jpeg(2)})  # fmt: skip
    first = hc(data, "import", str(path))
    assert (first.code, first.err, len(first.out.splitlines())) == (0, "", 1)
    photos = sorted((data / "photos").iterdir())
    again = hc(data, "import", str(path), str(path))
    assert (again.code, again.err) == (0, "")
    lines = again.out.splitlines()
    assert len(lines) == 2 and lines[0] == lines[1] != first.out.splitlines()[0]
    assert "visit.json" in lines[0]
    assert len(listed(data)) == 1 and sorted((data / "photos").iterdir()) == photos
    # Changed, it is a check of its own.
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["answers"]["entrance.no_rail_front_steps"] = {"answer": "hazard"}
    path.write_text(json.dumps(doc), encoding="utf-8")
    changed = hc(data, "import", str(path))
    assert (changed.code, changed.err, len(changed.out.splitlines())) == (0, "", 1)
    assert changed.out != again.out.splitlines()[0] + "\n"
    assert len(listed(data)) == 2


def test_an_exported_check_imported_into_its_own_store_is_skipped(
    data: Path, practice: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "visit.json"
    assert hc(data, "export", str(practice["done"]), "-o", str(out)).code == 0
    before = listed(data)
    ran = hc(data, "import", str(out))
    assert (ran.code, ran.err, len(ran.out.splitlines())) == (0, "", 1)
    assert listed(data) == before


def test_refused_files_are_one_line_each_and_exit_2_the_others_are_stored(
    data: Path, files: Path
) -> None:
    good_a = write_check(files / "a.json", check_doc(role="therapist", client="A"))
    good_b = write_check(files / "b.json", check_doc(role="therapist", client="B"))
    broken = files / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    wrong = write_check(files / "wrong.json", check_doc(role="astronaut"))
    empty = files / "empty"
    empty.mkdir()
    missing = files / "missing.json"
    ran = hc(data, "import", str(good_a), str(broken), str(missing), str(wrong), str(empty),
             str(good_b))  # fmt: skip
    assert ran.code == 2
    assert len(ran.out.splitlines()) == 2
    errors = ran.err.splitlines()
    assert len(errors) == 4 and all(e.startswith(PREFIX) for e in errors), ran.err
    for error, path in zip(errors, (broken, missing, wrong, empty), strict=True):
        assert str(path) in error
    assert sorted(r["client"] for r in listed(data)) == ["A", "B"]


def test_an_import_that_stores_nothing_is_exit_2_and_makes_no_data_folder(
    data: Path, files: Path
) -> None:
    bad = files / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    error_line(hc(data, "import", str(bad)), 2)
    assert not data.exists()


# -- the data folder ---------------------------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux rule (XDG)")
def test_without_homecheck_data_dir_the_platform_folder_is_used(
    tmp_path: Path, files: Path
) -> None:
    path = write_check(files / "a.json", check_doc(role="therapist", client="A"))
    environ = {k: v for k, v in env(tmp_path).items() if k != "HOMECHECK_DATA_DIR"}
    environ.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "xdg"))
    for argv in (("import", str(path)), ("list", "--json")):
        done = subprocess.run([*program(), *argv], cwd=ROOT, env=environ, capture_output=True,
                              text=True, timeout=TIMEOUT)  # fmt: skip
        assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert [r["client"] for r in json.loads(done.stdout)] == ["A"]
    assert (tmp_path / "xdg" / "homecheck" / DB).is_file()
    assert not (tmp_path / "home").exists()
