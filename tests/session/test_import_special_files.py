"""Issue 17: Open a saved check file with links, devices and pipes where photos should be.

Each of them is left out (counted, never opened); the plain photo beside them comes in.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import checklist
from homecheck.session.importing import bring_photos
from homecheck.store.paths import data_dir
from homecheck.store.photos import photo_path

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")
NAMES = [f"{n:016x}.jpg" for n in range(1, 7)]


def _jpeg(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(path, format="JPEG")
    return path


def test_links_and_special_files_in_the_photo_folder_are_left_out(tmp_path: Path) -> None:
    first = next(iter(checklist().items())).id
    visit = Assessment.new(
        checklist(), language="en", answers={first: Answer("hazard", photos=list(NAMES))}
    )
    json_path = tmp_path / "visit.json"
    folder = tmp_path / "visit.photos"
    folder.mkdir()
    _jpeg(tmp_path / "elsewhere.jpg")
    (folder / NAMES[0]).symlink_to("/dev/zero")  # read without end before the fix
    os.mkfifo(folder / NAMES[1])  # blocked for ever before the fix
    (folder / NAMES[2]).symlink_to(tmp_path / "elsewhere.jpg")  # a picture outside
    (folder / NAMES[3]).mkdir()
    (folder / NAMES[4]).symlink_to("/dev/urandom")
    _jpeg(folder / NAMES[5])  # the one plain photo
    brought, left_out = bring_photos(visit, json_path)
    assert left_out == 5
    (stored,) = brought.answers[first].photos
    assert photo_path(stored, data_dir()).is_file()
    assert len(list((data_dir() / "photos").iterdir())) == 1


def test_a_photo_folder_that_is_a_link_is_not_looked_in(tmp_path: Path) -> None:
    first = next(iter(checklist().items())).id
    visit = Assessment.new(
        checklist(), language="en", answers={first: Answer("hazard", photos=[NAMES[0]])}
    )
    real = tmp_path / "real"
    real.mkdir()
    _jpeg(real / NAMES[0])
    (tmp_path / "visit.photos").symlink_to(real)
    brought, left_out = bring_photos(visit, tmp_path / "visit.json")
    assert (left_out, brought.answers[first].photos) == (1, [])
