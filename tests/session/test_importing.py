"""Storing a check file (the app's "Open a saved check file" and `homecheck import`): once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image

from homecheck.domain.assessment import Answer, Assessment, dumps, read_file
from homecheck.domain.content import checklist
from homecheck.session.importing import store_check
from homecheck.store import photos as store_photos
from homecheck.store.db import Store
from homecheck.store.paths import data_dir, database_path

ITEMS = ["stairs.rail_both_sides", "hallway.things_on_floor", "toilet.seat_too_low"]


@pytest.fixture
def store() -> Store:
    s = Store(database_path())
    yield s
    s.close()


def _check_file(folder: Path, role: str = "therapist", client: str = "Mrs J.") -> Path:
    """A check file as another computer saved it: photos under their names in NAME.photos/."""
    folder.mkdir(parents=True, exist_ok=True)
    photos = folder / "visit.photos"
    photos.mkdir()
    answers = {}
    for n, item in enumerate(ITEMS):
        name = f"{n:016x}.jpg"  # names this data folder has never seen
        Image.new("RGB", (60, 40), (40 * n, 90, 200)).save(photos / name, "JPEG")
        answers[item] = Answer("hazard", note=f"note {n}", photos=[name])
    a = Assessment.new(checklist(), role=role, client=client, assessor="Anna",
                       date="2025-10-01", answers=answers, language="en")
    path = folder / "visit.json"
    path.write_text(dumps(a), encoding="utf-8")
    return path


def _stored_photos() -> list[str]:
    return sorted(p.name for p in (data_dir() / "photos").iterdir())


def test_the_same_file_twice_is_stored_once_with_one_copy_of_each_photo(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _check_file(tmp_path / "in")
    first = store_check(store, read_file(path, checklist()), path, "unnamed")
    assert not first.already and first.left_out == 0
    photos = _stored_photos()
    assert len(photos) == len(ITEMS)

    # The second time nothing is cleaned (re-encoding is what made it slow and new each time).
    def no_cleaning(raw: bytes) -> bytes:
        raise AssertionError("a photo was cleaned again")

    monkeypatch.setattr(store_photos, "clean_jpeg", no_cleaning)
    second = store_check(store, read_file(path, checklist()), path, "unnamed")
    assert second.already and second.check_id == first.check_id
    assert store.count_checks() == 1
    assert _stored_photos() == photos
    assert len(store.query("SELECT id FROM clients")) == 1


def test_an_exported_check_imported_again_is_recognised(store: Store, tmp_path: Path) -> None:
    path = _check_file(tmp_path / "in")
    first = store_check(store, read_file(path, checklist()), path, "unnamed")
    # Saved again by this computer (stored photo names), then opened: the same check.
    again = tmp_path / "again.json"
    again.write_text(dumps(store.load_check(first.check_id)), encoding="utf-8")
    second = store_check(store, read_file(again, checklist()), again, "unnamed")
    assert second.already and second.check_id == first.check_id
    assert store.count_checks() == 1


def test_the_label_matches_ignoring_case_and_spaces(store: Store, tmp_path: Path) -> None:
    path = _check_file(tmp_path / "a", client="Mrs J.")
    first = store_check(store, read_file(path, checklist()), path, "unnamed")
    other = _check_file(tmp_path / "b", client="  MRS j. ")
    second = store_check(store, read_file(other, checklist()), other, "unnamed")
    assert second.already and second.check_id == first.check_id


def test_a_check_changed_since_is_stored_again(store: Store, tmp_path: Path) -> None:
    path = _check_file(tmp_path / "in")
    first = store_check(store, read_file(path, checklist()), path, "unnamed")
    store.save_answer(first.check_id, ITEMS[0], Answer("ok"))
    second = store_check(store, read_file(path, checklist()), path, "unnamed")
    assert not second.already and second.check_id != first.check_id
    assert store.count_checks() == 2
    assert len(_stored_photos()) == len(ITEMS)  # the photos still once


def test_another_client_or_date_is_another_check(store: Store, tmp_path: Path) -> None:
    path = _check_file(tmp_path / "a", client="Mrs J.")
    store_check(store, read_file(path, checklist()), path, "unnamed")
    other = _check_file(tmp_path / "b", client="Mr K.")
    assert not store_check(store, read_file(other, checklist()), other, "unnamed").already
    later = read_file(path, checklist())
    later = dataclasses.replace(later, date="2025-10-02")
    assert not store_check(store, later, path, "unnamed").already
    assert store.count_checks() == 3


def test_own_checks_are_recognised_too(store: Store, tmp_path: Path) -> None:
    path = _check_file(tmp_path / "in", role="self", client="")
    first = store_check(store, read_file(path, checklist()), path, "unnamed")
    second = store_check(store, read_file(path, checklist()), path, "unnamed", language="nl")
    assert second.already and second.check_id == first.check_id
    assert store.client_label(first.check_id) is None
