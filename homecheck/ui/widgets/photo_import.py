"""Choosing a picture file and storing a clean copy of it, with a plain message on failure."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from homecheck.store.paths import data_dir
from homecheck.store.photos import PhotoError, import_photo
from homecheck.ui.context import UiContext
from homecheck.ui.settings import FileKind


def ask_and_import(ctx: UiContext, parent: QWidget) -> str | None:
    """Ask for a picture and import it (downscaled, metadata removed); its stored name or None.

    Nothing is attached here; a file that is no picture is told in words and changes nothing.
    """
    ctx.session.check_can_write()  # not a photo file for a store that cannot take it
    t = ctx.t
    path = ctx.dialogs.ask_open_path(
        parent, t("ui.photo.choose_title"), t("ui.photo.filter"), kind=FileKind.PHOTOS
    )
    if path is None:
        return None
    # Reading and shrinking a large camera picture takes a moment: show that work is going on.
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return import_photo(path, data_dir())
    except PhotoError:
        # The store's reason is in English; the person gets one clear sentence in their language.
        message = t("ui.photo.not_a_picture", file=path.name)
    except OSError as exc:
        message = t("ui.photo.write_error", reason=exc.strerror or str(exc))
    finally:
        QGuiApplication.restoreOverrideCursor()
    ctx.dialogs.error(parent, t("ui.photo.error_title"), message)
    return None
