"""Save a stored check as a check file (JSON + photos folder), as *Save the answers* does.

Offered before a check or a client is deleted, so nothing has to be lost by mistake; and
deleting one stored check after that question.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from homecheck.domain.assessment import dumps
from homecheck.fileio import atomic_write
from homecheck.session.file_names import default_file_name
from homecheck.session.photos import copy_beside, photos_folder, referenced
from homecheck.session.views import exported
from homecheck.ui.context import UiContext
from homecheck.ui.settings import FileKind


def save_check_copy(ctx: UiContext, parent: QWidget | None, check_id: int, date: str) -> bool:
    """Ask where, then write the stored check ``check_id`` there; True when it was saved."""
    t = ctx.t
    assessment = exported(ctx.checklist, ctx.session.store.load_check(check_id))
    # Named as on the finish page: "homecheck answers Mrs J 2026-11-24.json".
    name = default_file_name(
        t("ui.finish.json_file_name"), assessment.client, date or assessment.date, ".json"
    )
    path = ctx.dialogs.ask_save_path(
        parent, t("ui.finish.save_json_title"), name, t("ui.finish.json_filter"),
        kind=FileKind.CHECK_FILES,
    )
    if path is None:
        return False
    if path.suffix.lower() != ".json":
        path = path.with_name(path.name + ".json")
    target: Path = path
    try:
        target = photos_folder(path)
        copy_beside(path, assessment)  # photos first, as on the finish page
        target = path
        atomic_write(path, dumps(assessment).encode("utf-8"))
    except OSError as exc:
        message = t("ui.finish.write_error", path=target, reason=exc.strerror or str(exc))
        ctx.dialogs.error(parent, t("ui.finish.error_title"), message)
        return False
    return True


def delete_stored_check(
    ctx: UiContext, parent: QWidget | None, check_id: int, date: str, title: str, question: str
) -> bool:
    """Ask ``question`` (with a button that saves a copy first), then delete the stored check
    ``check_id`` and the photo files no other check uses; True when it was deleted.

    KeyError when another homecheck window deleted the check already.
    """
    if not ctx.dialogs.confirm_delete(
        parent, title, question,
        save_copy=lambda: save_check_copy(ctx, parent, check_id, date),
        save_label=ctx.t("ui.clients.save_copy_first"),
    ):
        return False
    from homecheck.ui import photo_files  # here: the window shows without it

    store = ctx.session.store
    photos = referenced(store.load_check(check_id))
    ctx.session.delete_check(check_id)
    photo_files.forget_unused(store, photos)
    return True
