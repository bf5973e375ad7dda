"""Photo import: downscaled, EXIF (including GPS) stripped, non-images refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import checklist
from homecheck.store.db import Store
from homecheck.store.photos import (
    PhotoError,
    clean_jpeg,
    import_photo,
    photo_path,
    photos_in_use,
)


def _jpeg_with_gps(path: Path, size: tuple[int, int]) -> None:
    image = Image.new("RGB", size, (180, 120, 60))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0112] = 6  # rotated: the camera held upright
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (52.0, 5.0, 30.0)
    gps[3] = "E"
    gps[4] = (4.0, 53.0, 10.0)
    image.save(path, exif=exif.tobytes())
    assert Image.open(path).getexif().get_ifd(0x8825), "fixture must really carry GPS data"


def test_jpeg_with_gps_is_stored_without_any_metadata(tmp_path: Path) -> None:
    source = tmp_path / "IMG_0001.jpg"
    _jpeg_with_gps(source, (4000, 3000))
    name = import_photo(source, tmp_path / "data")
    stored = photo_path(name, tmp_path / "data")
    raw = stored.read_bytes()
    with Image.open(stored) as image:
        assert len(image.getexif()) == 0
        assert "exif" not in image.info
        # Orientation 6 was applied before stripping, so the picture is upright (portrait).
        assert image.size == (1200, 1600)
    assert b"Exif" not in raw
    assert b"PhoneMaker" not in raw


def test_small_pictures_are_not_enlarged_and_png_becomes_jpeg(tmp_path: Path) -> None:
    source = tmp_path / "small.png"
    Image.new("RGBA", (300, 200), (0, 0, 0, 128)).save(source)
    name = import_photo(source, tmp_path)
    with Image.open(photo_path(name, tmp_path)) as image:
        assert image.format == "JPEG"
        assert image.size == (300, 200)


def test_same_picture_twice_is_stored_once(tmp_path: Path) -> None:
    source = tmp_path / "a.jpg"
    Image.new("RGB", (50, 50), (1, 2, 3)).save(source)
    assert import_photo(source, tmp_path) == import_photo(source, tmp_path)
    assert len(list((tmp_path / "photos").iterdir())) == 1


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"hello, this is text", "note.jpg"),
        (b"", "empty.jpg"),
        (b"\xff\xd8\xff\xe0broken", "cut.jpg"),
    ],
)
def test_files_that_are_not_pictures_are_refused_cleanly(
    tmp_path: Path, content: bytes, name: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(PhotoError):
        import_photo(source, tmp_path / "data")
    assert not (tmp_path / "data" / "photos").exists() or not any(
        (tmp_path / "data" / "photos").iterdir()
    )


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match="not found"):
        import_photo(tmp_path / "nope.jpg", tmp_path)
    with pytest.raises(PhotoError):
        import_photo(tmp_path, tmp_path)


def test_photo_names_cannot_reach_other_files(tmp_path: Path) -> None:
    with pytest.raises(PhotoError):
        photo_path("../homecheck.sqlite3", tmp_path)


def test_clean_jpeg_output_is_a_jpeg(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.new("L", (10, 10)).save(buf, format="BMP")
    assert clean_jpeg(buf.getvalue())[:3] == b"\xff\xd8\xff"


def test_photos_in_use_lists_every_name_any_stored_answer_refers_to(tmp_path: Path) -> None:
    a, b, c = (item.id for item in list(checklist().items())[:3])
    store = Store(tmp_path / "homecheck.sqlite3")
    try:
        assert photos_in_use(store) == set()
        first = Assessment.new(checklist(), answers={
            a: Answer("hazard", photos=["0123456789abcdef.jpg", "1111111111111111.jpg"]),
            b: Answer("ok"),
        })
        kept = store.create_check(first)
        second = Assessment.new(checklist(), answers={
            a: Answer("hazard", photos=["1111111111111111.jpg"]),
            c: Answer("na", photos=["2222222222222222.jpg"]),
        })
        gone = store.create_check(second)
        assert photos_in_use(store) == {
            "0123456789abcdef.jpg", "1111111111111111.jpg", "2222222222222222.jpg",
        }
        # A deleted check no longer holds on to its photos; shared ones stay in use.
        store.delete_check(gone)
        assert photos_in_use(store) == {"0123456789abcdef.jpg", "1111111111111111.jpg"}
        # A damaged list in one answer is skipped, the others still count.
        with store.transaction() as db:
            db.execute("UPDATE answers SET photos='not json' WHERE check_id=? AND item_id=?",
                       (kept, b))
        assert photos_in_use(store) == {"0123456789abcdef.jpg", "1111111111111111.jpg"}
        store.save_answer(kept, a, Answer("hazard"))
        assert photos_in_use(store) == set()
    finally:
        store.close()
