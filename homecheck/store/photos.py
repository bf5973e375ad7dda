"""Photos attached to items: copied into the data folder, downscaled and stripped of metadata."""

from __future__ import annotations

import contextlib
import io
import json
import warnings
from pathlib import Path

from homecheck.domain.assessment import PHOTO_NAME
from homecheck.fileio import NotRegularFile, TooLarge, atomic_write, read_input
from homecheck.store.db import Store

MAX_SIDE = 1600
MAX_SOURCE_BYTES = 100 * 1024 * 1024
# A camera photo is far below this; anything bigger is refused as a possible decompression bomb.
MAX_PIXELS = 120_000_000


class PhotoError(ValueError):
    """A file cannot be used as a photo; the message says why in plain words."""


def photos_dir(data_dir: Path) -> Path:
    """The folder inside the data folder that holds the stored photos (mode 0700)."""
    folder = data_dir / "photos"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def clean_jpeg(raw: bytes) -> bytes:
    """Return the picture as an upright JPEG of at most MAX_SIDE px with no metadata (EXIF, GPS)."""
    # Pillow is imported here, not at module level: the app's start-up does not need it.
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise PhotoError("the picture is too large")
                image.load()
                # Apply the camera's rotation first: once EXIF is gone the orientation is lost.
                upright = ImageOps.exif_transpose(image) or image
                rgb = upright.convert("RGB")
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError("this file is not a picture homecheck can read") from None
    except (OSError, ValueError, SyntaxError) as exc:
        if isinstance(exc, PhotoError):
            raise
        raise PhotoError("this picture is damaged or not a picture") from None
    rgb.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # A fresh image carries no info dict: nothing of the original's metadata is copied.
    clean = Image.new("RGB", rgb.size)
    clean.paste(rgb)
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()


def import_photo(source: Path, data_dir: Path, store: Store | None = None) -> str:
    """Copy a picture into the data folder as a clean JPEG; return its stored name.

    With ``store``, the SHA-256 of the original bytes is kept beside the cleaned copy's name,
    so the same picture brought in again is recognised at once instead of cleaned again
    (cleaning re-encodes, which gives other bytes and so another name).
    """
    try:
        raw = read_input(source, MAX_SOURCE_BYTES)  # the guarded reader: no device, no pipe
    except FileNotFoundError:
        raise PhotoError("the file was not found") from None
    except TooLarge:
        raise PhotoError("the file is too large for a photo") from None
    except NotRegularFile as exc:
        raise PhotoError(f"this {exc}") from None
    except OSError as exc:
        raise PhotoError(f"the file cannot be read ({exc.strerror or exc})") from None
    return store_photo(raw, data_dir, store)


def store_photo(raw: bytes, data_dir: Path, store: Store | None = None) -> str:
    """Store the bytes of a picture as a clean JPEG in the data folder; return its name.

    ``store``: see import_photo.
    """
    import hashlib  # here, not at start-up: it loads OpenSSL (~3 MiB)

    source_hash = hashlib.sha256(raw).hexdigest()
    if store is not None:
        known = store.photo_for_source(source_hash)
        if known is not None and (photos_dir(data_dir) / known).is_file():
            return known
    data = clean_jpeg(raw)
    name = hashlib.sha256(data).hexdigest()[:16] + ".jpg"
    target = photos_dir(data_dir) / name
    if not target.exists():
        atomic_write(target, data)
    if store is not None:
        store.remember_photo_source(source_hash, name)
    return name


def photo_path(name: str, data_dir: Path) -> Path:
    """The stored file of a photo name (names are checked so no other file can be reached)."""
    if not PHOTO_NAME.fullmatch(name):
        raise PhotoError(f"not a homecheck photo name: {name!r}")
    return photos_dir(data_dir) / name


def photos_in_use(store: Store) -> set[str]:
    """Every photo name that a stored answer of any check still refers to.

    A damaged photo list in one answer is skipped rather than failing the whole search: the
    caller only deletes files that are *not* in this set, so the worst case is a file kept.
    """
    used: set[str] = set()
    for (raw,) in store.query("SELECT photos FROM answers WHERE photos != '[]'"):
        with contextlib.suppress(ValueError, TypeError):
            names = json.loads(raw)
            if isinstance(names, list):
                used.update(name for name in names if isinstance(name, str))
    return used
