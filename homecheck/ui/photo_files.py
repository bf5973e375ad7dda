"""Thumbnails of stored photos for the window (the files themselves: homecheck.session.photos)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap

from homecheck.session import photos
from homecheck.store.db import Store
from homecheck.store.paths import data_dir
from homecheck.store.photos import PhotoError, photo_path

THUMB_HEIGHT = 140
_CACHE_LIMIT = 300
_thumbs: dict[tuple[str, int], QPixmap] = {}


def thumbnail(name: str, height: int = THUMB_HEIGHT) -> QPixmap | None:
    """A small picture of a stored photo, decoded at that size and cached; None if missing."""
    key = (name, height)
    if key in _thumbs:
        return _thumbs[key]
    try:
        path = photo_path(name, data_dir())
    except PhotoError:
        return None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.height() > height:
        # Decoding at the small size is much faster than loading 1600 px and scaling down.
        width = max(1, round(size.width() * height / size.height()))
        reader.setScaledSize(QSize(width, height))
    image = reader.read()
    if image.isNull():
        return None
    pixmap = QPixmap.fromImage(image)
    if pixmap.height() > height:
        pixmap = pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
    if len(_thumbs) >= _CACHE_LIMIT:
        _thumbs.pop(next(iter(_thumbs)))
    _thumbs[key] = pixmap
    return pixmap


def clear_thumbnails() -> None:
    """Forget every cached thumbnail (after the photo files were deleted)."""
    _thumbs.clear()


def forget_unused(store: Store, names: Iterable[str]) -> None:
    """Delete the files of these photos when no check uses them any more, and their thumbnails."""
    for name in photos.forget_unused(store, names):
        for key in [k for k in _thumbs if k[0] == name]:
            del _thumbs[key]
