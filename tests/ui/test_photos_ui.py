"""Photos per item: imported clean through the window, shown, removed, saved beside the JSON."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homecheck.domain.assessment import loads
from homecheck.domain.content import checklist
from homecheck.store.paths import data_dir
from homecheck.store.photos import photo_path
from homecheck.ui.pages.base import FINISH_ID
from tests.interop.fhir_r4 import assert_valid
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


def _jpeg_with_gps(path: Path) -> Path:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (52.0, 5.0, 30.0), "E", (4.0, 53.0, 10.0)
    Image.new("RGB", (900, 600), (200, 90, 40)).save(path, exif=exif.tobytes())
    assert Image.open(path).getexif().get_ifd(0x8825)
    return path


def _answered_row(make_wizard):  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    row = first_room(wizard).rows[0]
    assert not row.photo_button.isVisible()  # photos live with an answer
    row.choices.choose_number(1)
    assert row.photo_button.isVisible()
    return wizard, row


def test_photo_from_the_window_is_stored_without_gps_and_shown(
    qtbot, make_wizard, dialogs, tmp_path
) -> None:
    wizard, row = _answered_row(make_wizard)
    assert "&" in row.photo_button.text() and row.photo_button.accessibleName()
    assert row.photo_button.height() >= 44
    dialogs.open_paths = [_jpeg_with_gps(tmp_path / "IMG_0001.jpg")]
    row.photo_button.click()
    (_, title, filters) = dialogs.named("ask_open_path")[0]
    assert "*.jpg" in filters and title
    names = wizard.ctx.session.answer(row.item.id).photos
    assert len(names) == 1
    stored = photo_path(names[0], data_dir())
    with Image.open(stored) as image:
        assert len(image.getexif()) == 0 and "exif" not in image.info
    assert b"PhoneMaker" not in stored.read_bytes()
    strip = row.photos
    assert strip is not None and strip.isVisible()
    picture = strip.pictures[0]
    assert picture.pixmap() is not None and not picture.pixmap().isNull()
    assert picture.pixmap().height() <= 140 and picture.accessibleName()
    remove = strip.remove_buttons[0]
    assert remove.accessibleName() and remove.accessibleDescription()
    row.photo_button.setFocus()
    qtbot.keyClick(row.photo_button, Qt.Key.Key_Tab)  # Remove is next for the keyboard
    assert QApplication.focusWidget() is remove
    assert wizard.ctx.session.store.load_check(wizard.ctx.session.check_id).answers[
        row.item.id
    ].photos == names
    # Changing the answer keeps the photo with the item.
    row.choices.choose_number(2)
    assert wizard.ctx.session.answer(row.item.id).photos == names
    remove.click()
    assert wizard.ctx.session.answer(row.item.id).photos == []
    assert not stored.exists()  # no check uses it any more: the file is gone too
    assert not strip.isVisible()


def test_a_text_file_named_jpg_is_refused_plainly(make_wizard, dialogs, tmp_path) -> None:
    wizard, row = _answered_row(make_wizard)
    fake = tmp_path / "holiday.jpg"
    fake.write_text("this is not a picture at all")
    before = wizard.ctx.session.answer(row.item.id)
    dialogs.open_paths = [fake]
    row.add_photo()
    errors = dialogs.named("error")
    assert len(errors) == 1 and "holiday.jpg" in errors[0][2]
    assert "Nothing was changed" in errors[0][2]
    assert wizard.ctx.session.answer(row.item.id) == before
    assert row.photos is None
    dialogs.open_paths = [None]  # cancelled: nothing happens, nothing is said
    row.add_photo()
    assert len(dialogs.named("error")) == 1


def test_save_json_copies_photos_and_fhir_export_validates(make_wizard, dialogs, tmp_path) -> None:
    wizard, row = _answered_row(make_wizard)
    dialogs.open_paths = [_jpeg_with_gps(tmp_path / "a.jpg")]
    row.add_photo()
    name = wizard.ctx.session.answer(row.item.id).photos[0]
    wizard.ctx.session.set_note(row.item.id, "rug by the door")
    wizard.go_to(FINISH_ID)
    page = wizard.finish_page
    out = tmp_path / "out"
    out.mkdir()
    dialogs.save_paths = [out / "visit.json"]
    path = page.save_json()
    assert path == out / "visit.json"
    folder = out / "visit.photos"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    copied = folder / name
    assert copied.read_bytes() == photo_path(name, data_dir()).read_bytes()
    assert stat.S_IMODE(copied.stat().st_mode) == 0o600
    again = loads(path.read_text(encoding="utf-8"), checklist())
    assert again.answers[row.item.id].photos == [name]
    assert "visit.photos" in page.status.text().replace("\u200b", "")

    dialogs.save_paths = [out / "record"]
    fhir_path = page.export_fhir()
    assert fhir_path == out / "record.json"
    doc = json.loads(fhir_path.read_text(encoding="utf-8"))
    assert_valid(doc)
    assert doc["resourceType"] == "Bundle"
    assert "rug by the door" in fhir_path.read_text(encoding="utf-8")
    assert stat.S_IMODE(fhir_path.stat().st_mode) == 0o600
    assert page.fhir_button.accessibleName() and page.fhir_button.height() >= 44
    assert not dialogs.named("error")


def test_the_pdf_photo_loader_says_none_for_missing_or_foreign_names(tmp_path) -> None:
    from homecheck.session import photos as photo_files

    assert photo_files.load_photo("0123456789abcdef.jpg") is None
    assert photo_files.load_photo("../homecheck.sqlite3") is None  # never outside photos/
    source = tmp_path / "p.png"
    Image.new("RGB", (20, 10)).save(source)
    from homecheck.store.photos import import_photo

    name = import_photo(source, data_dir())
    assert photo_files.load_photo(name) == photo_path(name, data_dir()).read_bytes()
