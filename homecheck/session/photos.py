"""Photos of a check on disk: the names it refers to, the PDF's loader, copies beside a file."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable
from pathlib import Path

from homecheck.domain.assessment import Assessment
from homecheck.fileio import atomic_write, read_photo
from homecheck.store.db import Store
from homecheck.store.paths import data_dir
from homecheck.store.photos import MAX_SOURCE_BYTES, PhotoError, photo_path, photos_in_use


def load_photo(name: str) -> bytes | None:
    """The stored bytes of a photo for the PDF, or None when it is missing."""
    try:
        path = photo_path(name, data_dir())
    except (OSError, PhotoError):
        return None
    return read_photo(path.parent, path.name, MAX_SOURCE_BYTES) or None


def referenced(assessment: Assessment) -> list[str]:
    """Every photo name the answers of an assessment refer to, once, in order."""
    names: dict[str, None] = {}
    for answer in assessment.answers.values():
        names.update(dict.fromkeys(answer.photos))
    return list(names)


def photos_folder(json_path: Path) -> Path:
    """The folder beside a saved file that holds its photos: visit.json → visit.photos/."""
    return json_path.with_name(json_path.stem + ".photos")


def copy_beside(json_path: Path, assessment: Assessment) -> tuple[int, int]:
    """Copy the photos an assessment refers to into NAME.photos/; (copied, missing).

    The folder is private (0700) and each file 0600, like everything homecheck writes.
    OSError when the folder or a file cannot be written. A NAME.photos that is a link is not
    followed (the reader would not look in it either, and its target is someone else's folder).
    """
    names = referenced(assessment)
    if not names:
        return 0, 0
    folder = photos_folder(json_path)
    if folder.is_symlink():
        raise OSError(errno.EEXIST, "its photos folder is a symbolic link; give another name")
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    copied = missing = 0
    for name in names:
        data = load_photo(name)
        if data is None:
            missing += 1
            continue
        atomic_write(folder / name, data)
        copied += 1
    return copied, missing


def forget_unused(store: Store, names: Iterable[str]) -> set[str]:
    """Delete the files of these photos when no check refers to them any more; return those.

    A removed photo should not linger in the data folder: it may show something private.
    """
    candidates = set(names)
    if not candidates:
        return set()
    unused = candidates - photos_in_use(store)
    for name in unused:
        with contextlib.suppress(OSError, PhotoError):
            photo_path(name, data_dir()).unlink()
    return unused
