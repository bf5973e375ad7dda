"""Photos for the PDF: where to find them, and a small clean JPEG of each one for print."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from homecheck.domain.assessment import PHOTO_NAME
from homecheck.fileio import read_photo
from homecheck.i18n import Catalogue
from homecheck.report.text import label

PhotoSource = Callable[[str], bytes | None]

# Printed at about 5 cm wide, 800 px is well over 300 dpi, and a tenth of the bytes of a stored
# 1600 px photo: ten photos keep the PDF small enough to mail.
PRINT_SIDE = 800
# Stored photos are about 1 MB; a file far bigger in the photo folder is not one of ours.
MAX_PHOTO_BYTES = 32 * 1024 * 1024
MAX_PIXELS = 120_000_000


@dataclass(frozen=True)
class Thumbnail:
    """A photo ready to print: JPEG bytes and its size in pixels."""

    jpeg: bytes
    width: int
    height: int


@dataclass(frozen=True)
class PhotoView:
    """One photo of an action: the picture to print, or the line said in its place."""

    name: str
    image: Thumbnail | None
    problem: str  # "Photo not found: …" when image is None, else ""


JPEG_START = b"\xff\xd8\xff"
ORIENTATION = 0x0112  # the EXIF tag of a camera's rotation


def _open(data: bytes) -> Any:
    """Open a picture; a JPEG without Image.open, which first imports five other formats."""
    from PIL import Image

    if data.startswith(JPEG_START):
        from PIL import JpegImagePlugin

        return JpegImagePlugin.jpeg_factory(io.BytesIO(data))
    # Image.open only warns about a decompression bomb up to twice the limit: make it an error.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(data))


def thumbnail(data: bytes) -> Thumbnail | None:
    """Return a small, upright JPEG of the picture without metadata, or None if it is unusable.

    Any damage (cut-off file, not a picture, a decompression bomb) gives None, never an error:
    one bad photo must not cost the person the whole action list. Re-encoding also means that
    no EXIF or GPS data of a photo someone dropped in the folder by hand ends up in the PDF.
    """
    from PIL import Image

    try:
        with _open(data) as image:
            pixels = image.width * image.height
            if pixels > MAX_PIXELS or pixels > (Image.MAX_IMAGE_PIXELS or MAX_PIXELS):
                return None
            # JPEG: decode at 1/2, 1/4 or 1/8 scale straight away. draft() keeps both sides
            # at least the size asked for, so ask for the aspect-correct target size.
            scale = PRINT_SIDE / max(image.width, image.height, 1)
            if scale < 1:
                target = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
                image.draft("RGB", target)
            image.load()
            # In place, and no convert() of what is RGB already: each copy costs as much as
            # decoding the photo did.
            if image.getexif().get(ORIENTATION, 1) != 1:
                from PIL import ImageOps

                ImageOps.exif_transpose(image, in_place=True)
            rgb = image if image.mode == "RGB" else image.convert("RGB")
            rgb.thumbnail((PRINT_SIDE, PRINT_SIDE), Image.Resampling.LANCZOS, reducing_gap=2.0)
            out = io.BytesIO()
            rgb.save(out, format="JPEG", quality=82, optimize=True)
            width, height = rgb.size
    except Exception:  # Pillow raises many kinds of error for a broken file
        return None
    return Thumbnail(out.getvalue(), width, height)


def _read_and_shrink(source: PhotoSource, name: str) -> tuple[bytes | None, Thumbnail | None]:
    """The photo's bytes (b"" when the reader fails) and its thumbnail, if it has one."""
    try:
        data = source(name)
    except OSError:
        data = b""
    return data, thumbnail(data) if data else None


class PhotoViews:
    """Turns the photo names of actions into thumbnails, reading and shrinking each name once."""

    def __init__(self, source: PhotoSource | None, t: Catalogue) -> None:
        self._source = source
        self._t = t
        self._seen: dict[str, PhotoView] = {}

    def views(self, names: list[str]) -> tuple[PhotoView, ...]:
        """The photos of one action in their order; none at all when there is no source."""
        if self._source is None:
            return ()
        return tuple(self._view(name) for name in names)

    def _view(self, name: str) -> PhotoView:
        if name not in self._seen:
            assert self._source is not None
            data, image = _read_and_shrink(self._source, name)
            if image is not None:
                problem = ""
            elif data is None:
                problem = self._t("report.photos.missing", name=label(name, 80))
            else:
                problem = self._t("report.photos.broken", name=label(name, 80))
            self._seen[name] = PhotoView(name, image, problem)
        return self._seen[name]


def photo_folder(assessment_file: Path) -> Path:
    """The folder of photos saved beside an assessment file: visit.json → visit.photos/."""
    name = assessment_file.name
    if name.lower().endswith(".json"):
        name = name[: -len(".json")]
    return assessment_file.with_name(name + ".photos")


def existing_data_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """The data folder if it exists (HOMECHECK_DATA_DIR or the platform's), without creating it.

    Reading a report must not leave an empty private folder behind on a computer where the app
    never ran (homecheck.store.paths.data_dir() creates it).
    """
    from homecheck.store.paths import data_dir_location

    folder = data_dir_location(environ)
    return folder if folder.is_dir() else None


def photo_lookup(assessment_file: Path, data_dir: Path | None) -> PhotoSource:
    """Return the photo reader of ``homecheck report``: the file's .photos/ folder, then the store.

    Names that are not homecheck photo names are never turned into paths.
    """
    folder = photo_folder(assessment_file)

    def find(name: str) -> bytes | None:
        if not PHOTO_NAME.fullmatch(name):
            return None
        # The guarded reader: plain files in that very folder only; a link or a device there
        # counts as missing and is never opened.
        data = read_photo(folder, name, MAX_PHOTO_BYTES)
        if data is None and data_dir is not None:
            data = read_photo(data_dir / "photos", name, MAX_PHOTO_BYTES)
        return data

    return find
