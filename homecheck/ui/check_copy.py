"""Save a stored check as a check file (JSON + photos folder), as *Save the answers* does.

Offered before a check or a client is deleted, so nothing has to be lost by mistake.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from homecheck.domain.assessment import dumps
from homecheck.fileio import atomic_write
from homecheck.session.file_names import default_file_name
from homecheck.session.photos import copy_beside, photos_folder
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
