"""Photos next to their action: thumbnails in the PDF, a short line for a missing or broken one."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import Checklist
from homecheck.i18n import catalogue
from homecheck.report.photos import (
    PRINT_SIDE,
    existing_data_dir,
    photo_folder,
    photo_lookup,
    thumbnail,
)
from tests.report.conftest import (
    all_hazards,
    image_counts,
    jpeg,
    make_assessment,
    pages_text,
    photo_name,
    squash,
)

Render = Callable[..., bytes]
MISSING = "0123456789abcdef.jpg"


def _with_photos(
    content: Checklist, photos: dict[int, list[str]]
) -> tuple[list[str], Assessment]:
    """Hazards on the first items of the first area; ``photos`` maps item index to names."""
    items = content.areas[0].items
    assessment = make_assessment(content, hazards=[item.id for item in items[: max(photos) + 1]])
    for index, names in photos.items():
        assessment.answers[items[index].id].photos = list(names)
    return [item.fix("en") for item in items], assessment


def _page_of(pdf: bytes, text: str) -> int:
    """The index of the first page of the full list (after the fridge page) holding ``text``."""
    pages = pages_text(pdf)
    return next(n for n, page in enumerate(pages) if n > 0 and squash(text) in squash(page))


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims a huge size: only its header, as a decompression bomb would start."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(
        ">I", zlib.crc32(chunk)
    )


def test_each_action_shows_its_photos_on_its_page(content: Checklist, render: Render) -> None:
    store = {photo_name(data): data for data in (jpeg(n) for n in range(3))}
    names = sorted(store)
    fixes, assessment = _with_photos(content, {0: names[:2], 1: [], 2: names[2:]})
    pdf = render(content, assessment, "en", "A4", photos=store.get)
    counts = image_counts(pdf)
    assert sum(counts) == 3
    first = _page_of(pdf, fixes[0])
    assert counts[first] >= 2
    assert counts[_page_of(pdf, fixes[2])] >= 1
    text = "".join(pages_text(pdf))
    assert "Photo not found" not in text and "could not be shown" not in text


def test_portrait_and_landscape_keep_their_shape(content: Checklist, render: Render) -> None:
    store = {photo_name(d): d for d in (jpeg(1, (400, 300)), jpeg(2, (300, 400)))}
    _, assessment = _with_photos(content, {0: sorted(store)})
    pdf = render(content, assessment, "en", "A4", photos=store.get)
    shapes = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for image in page.images:
            assert image.image is not None
            width, height = image.image.size
            shapes.add("landscape" if width > height else "portrait")
    assert shapes == {"landscape", "portrait"}


def test_missing_and_broken_photos_get_a_short_escaped_line(
    content: Checklist, render: Render
) -> None:
    good = jpeg(7)
    half = jpeg(8, (400, 300))
    store: dict[str, bytes] = {
        photo_name(good): good,
        "aaaaaaaaaaaaaaaa.jpg": b"not a picture",
        "bbbbbbbbbbbbbbbb.jpg": half[: len(half) // 2],  # cut off halfway
        "cccccccccccccccc.jpg": b"",
        "dddddddddddddddd.jpg": _png_header(100_000, 100_000),
    }
    names = [MISSING, "<b>x</b>&amp;.jpg", *sorted(store)]
    fixes, assessment = _with_photos(content, {0: names, 1: []})
    pdf = render(content, assessment, "en", "A4", photos=store.get)
    assert sum(image_counts(pdf)) == 1
    text = squash("".join(pages_text(pdf)))
    t = catalogue("en")
    assert squash(t("report.photos.missing", name=MISSING)) in text
    assert squash(t("report.photos.missing", name="<b>x</b>&amp;.jpg")) in text
    for name in ("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc", "dddddddddddddddd"):
        assert squash(t("report.photos.broken", name=name + ".jpg")) in text
    # In the full list the lines stand with their action, before the next action.
    listed = text[text.index(squash(t("report.actions.heading"))) :]
    assert listed.index(squash(fixes[0])) < listed.index(MISSING) < listed.index(squash(fixes[1]))


def test_a_photo_reader_that_fails_gives_the_same_line(content: Checklist, render: Render) -> None:
    def failing(name: str) -> bytes | None:
        raise PermissionError(name)

    _, assessment = _with_photos(content, {0: [MISSING]})
    pdf = render(content, assessment, "nl", "A4", photos=failing)
    assert squash(catalogue("nl")("report.photos.broken", name=MISSING)) in squash(
        "".join(pages_text(pdf))
    )


def test_without_a_photo_reader_no_photos_and_no_lines(content: Checklist, render: Render) -> None:
    _, assessment = _with_photos(content, {0: [MISSING]})
    pdf = render(content, assessment, "en", "A4")
    assert sum(image_counts(pdf)) == 0
    assert "Photo" not in "".join(pages_text(pdf))


def test_photos_keep_the_output_byte_identical(content: Checklist, render: Render) -> None:
    store = {photo_name(d): d for d in (jpeg(n, (800, 600)) for n in range(4))}

    def one() -> bytes:
        _, assessment = _with_photos(content, {0: sorted(store), 1: [MISSING]})
        return render(content, assessment, "nl", "A4", photos=dict(store).get)

    assert one() == one()


def test_thumbnails_are_small_clean_jpegs() -> None:
    big = Image.new("RGB", (1600, 1200), (10, 20, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make: stands for any metadata
    out = io.BytesIO()
    big.save(out, format="JPEG", exif=exif)
    thumb = thumbnail(out.getvalue())
    assert thumb is not None
    assert max(thumb.width, thumb.height) == PRINT_SIDE
    assert b"PhoneMaker" not in thumb.jpeg
    with Image.open(io.BytesIO(thumb.jpeg)) as image:
        assert image.format == "JPEG" and image.size == (thumb.width, thumb.height)
    assert thumbnail(b"\x00" * 100) is None


def test_thirty_photos_on_one_action_flow_over_pages(content: Checklist, render: Render) -> None:
    """A block taller than a page still lays out: the rows of photos flow on."""
    store = {photo_name(d): d for d in (jpeg(n) for n in range(30))}
    names = [*sorted(store), *(f"{n:016x}.jpg" for n in range(20))]  # 20 missing as well
    item = content.areas[0].items[0]
    assessment = make_assessment(content, hazards=[item.id])
    assessment.answers[item.id] = Answer("hazard", note="Notitie " * 300, photos=names)
    pdf = render(content, assessment, "nl", "letter", photos=store.get)
    counts = image_counts(pdf)
    assert sum(counts) == 30
    assert sum(1 for count in counts if count) >= 2


def test_ten_photos_every_hazard_and_a_note_on_each_render(
    content: Checklist, render: Render
) -> None:
    """The benchmark case: the longest real list, a note on every action and ten photos."""
    store = {photo_name(d): d for d in (jpeg(n, (1600, 1200)) for n in range(10))}
    names = sorted(store)
    assessment = all_hazards(content, language="nl")
    items = list(content.items())
    for n, item in enumerate(items):
        assessment.answers[item.id].note = f"Notitie {n}: " + "de trap is steil en smal. " * (n % 5)
    for n, name in enumerate(names):
        assessment.answers[items[n * 7].id].photos = [name]
    assessment.answers[items[0].id].photos += names[:3]  # the same photo twice is fine
    pdf = render(content, assessment, paper="A4", photos=store.get)
    assert sum(image_counts(pdf)) >= 10
    pages = pages_text(pdf)
    text = squash("".join(pages))
    for item in items:
        assert squash(item.fix("nl")) in text
    assert "Fotonietgevonden" not in text
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]
    assert len(pdf) < 3_000_000, "photos are shrunk for print"


def test_photo_folder_sits_beside_the_file() -> None:
    assert photo_folder(Path("/a/visit.json")) == Path("/a/visit.photos")
    assert photo_folder(Path("/a/Visit.JSON")) == Path("/a/Visit.photos")
    assert photo_folder(Path("/a/visit.v2.json")) == Path("/a/visit.v2.photos")
    assert photo_folder(Path("/a/visit")) == Path("/a/visit.photos")


def test_lookup_prefers_the_folder_beside_the_file(tmp_path: Path) -> None:
    beside, stored, only_stored = jpeg(1), jpeg(2), jpeg(3)
    name, other = photo_name(beside), photo_name(only_stored)
    (tmp_path / "visit.photos").mkdir()
    (tmp_path / "visit.photos" / name).write_bytes(beside)
    data = tmp_path / "data"
    (data / "photos").mkdir(parents=True)
    (data / "photos" / name).write_bytes(stored)
    (data / "photos" / other).write_bytes(only_stored)
    find = photo_lookup(tmp_path / "visit.json", data)
    assert find(name) == beside
    assert find(other) == only_stored
    assert find(MISSING) is None
    assert photo_lookup(tmp_path / "visit.json", None)(other) is None


def test_lookup_never_leaves_the_photo_folders(tmp_path: Path) -> None:
    (tmp_path / "secret.jpg").write_bytes(b"secret")
    (tmp_path / "visit.photos").mkdir()
    find = photo_lookup(tmp_path / "visit.json", tmp_path)
    for name in ("../secret.jpg", "/etc/passwd", "secret.jpg", "0123456789ABCDEF.jpg"):
        assert find(name) is None


def test_lookup_does_not_create_folders(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    find = photo_lookup(tmp_path / "visit.json", data)
    assert find(MISSING) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    assert list(data.iterdir()) == []


def test_unreadable_photo_is_broken_not_missing(tmp_path: Path) -> None:
    (tmp_path / "visit.photos" / MISSING).mkdir(parents=True)  # a folder where a photo should be
    assert photo_lookup(tmp_path / "visit.json", None)(MISSING) is None
    (tmp_path / "visit.photos" / MISSING).rmdir()
    (tmp_path / "visit.photos" / MISSING).write_bytes(b"")
    assert photo_lookup(tmp_path / "visit.json", None)(MISSING) == b""


@pytest.mark.parametrize("set_it", [True, False])
def test_existing_data_dir_does_not_create_it(tmp_path: Path, set_it: bool) -> None:
    folder = tmp_path / "homecheck-data"
    env = {"HOMECHECK_DATA_DIR": str(folder)}
    assert existing_data_dir(env) is None
    assert not folder.exists()
    if set_it:
        folder.mkdir()
        assert existing_data_dir(env) == folder


def test_photos_are_embedded_as_their_jpeg_and_once_each(
    content: Checklist, render: Render
) -> None:
    data = jpeg(5, (400, 300))
    store = {photo_name(data): data}
    _, assessment = _with_photos(content, {0: sorted(store), 1: sorted(store)})
    pdf = render(content, assessment, "en", "A4", photos=store.get)
    assert sum(image_counts(pdf)) == 2  # shown with both actions
    assert pdf.count(b"/Subtype /Image") == 1  # stored once
    assert b"/DCTDecode" in pdf
    thumb = thumbnail(data)
    assert thumb is not None
    streams = [
        xobject.get_object().get_data()
        for page in PdfReader(io.BytesIO(pdf)).pages
        for xobject in page["/Resources"].get("/XObject", {}).values()
    ]
    # Under its ASCII85 wrapping, the stream is the thumbnail's JPEG as it is.
    assert streams and all(stream == thumb.jpeg for stream in streams)


@pytest.mark.parametrize("large_print", [False, True])
def test_a_photo_is_never_printed_on_a_page_without_its_action(
    content: Checklist, render: Render, large_print: bool
) -> None:
    """A photo on a page of its own, above the next action and without the action it belongs to,
    reads as a photo of that next action (a user trial: a loose tile taken for the doormat). Each
    page of the list shows as many photos as it starts actions, when each action has one."""
    assessment = all_hazards(content)
    store: dict[str, bytes] = {}
    for n, item in enumerate(content.items()):
        data = jpeg(n)
        store[photo_name(data)] = data
        assessment.answers[item.id].photos = [photo_name(data)]
    pdf = render(content, assessment, "nl", "A4", photos=store.get, large_print=large_print)
    pages = [squash(page) for page in pages_text(pdf)]
    counts = image_counts(pdf)
    heading = squash(catalogue("nl")("report.actions.heading"))
    first_list_page = next(n for n, page in enumerate(pages) if heading in page)
    pages[first_list_page] = pages[first_list_page].split(heading, 1)[1]  # the list only
    started = [0] * len(pages)
    for item in content.items():
        fix = squash(item.fix("nl"))[:60]
        page = next(n for n in range(first_list_page, len(pages)) if fix in pages[n])
        started[page] += 1
    assert counts[first_list_page:] == started[first_list_page:]


@pytest.mark.parametrize("count", [1, 2, 4])
def test_photos_line_up_with_their_fix(content: Checklist, render: Render, count: int) -> None:
    """The photos start where the fix text starts, right of the tick box, as the list's other
    lines do; a row of one or two was centred on the page, away from its action."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    store = {photo_name(data): data for data in (jpeg(n) for n in range(count))}
    fixes, assessment = _with_photos(content, {0: sorted(store)})
    pdf = render(content, assessment, "en", "A4", photos=store.get)
    page = pdfium.PdfDocument(pdf)[_page_of(pdf, fixes[0])]
    lefts = sorted(obj.get_bounds()[0] for obj in page.get_objects()
                   if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE)
    assert len(lefts) == count
    text = page.get_textpage()
    start, _ = text.search(fixes[0][:20], match_case=True).get_next()
    fix_left = text.get_charbox(start)[0]
    assert abs(lefts[0] - fix_left) < 2, (lefts[0], fix_left)
