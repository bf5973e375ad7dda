"""Open a saved check file (the documented JSON format) as a new check, with its photos.

The file is read strictly first: a file with any problem changes nothing. Photos come from
the folder beside the file (visit.json → visit.photos/) and are cleaned again on the way in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from homecheck.domain.assessment import FormatError, read_file
from homecheck.session.importing import store_check
from homecheck.session.photos import photos_folder
from homecheck.ui.context import UiContext
from homecheck.ui.settings import FileKind

# How many of the file's problems the message names; the rest are counted.
SHOWN_PROBLEMS = 3


@dataclass(frozen=True)
class Opened:
    """A check file stored as a new check."""

    path: Path
    check_id: int
    date: str
    left_out: int  # photos the answers named that could not be found or read


def _problems(ctx: UiContext, error: FormatError | OSError) -> str:
    if isinstance(error, FormatError):
        problems = error.problems or [str(error)]
    else:
        problems = [error.strerror or str(error)]
    shown = "; ".join(problems[:SHOWN_PROBLEMS])
    hidden = len(problems) - SHOWN_PROBLEMS
    if hidden > 0:
        shown = ctx.t("ui.open_check.more_problems", problems=shown, count=hidden)
    return shown


def open_check_file(
    ctx: UiContext, parent: QWidget | None, path: Path | None = None
) -> Opened | None:
    """Store a saved check file as a new check (asked for when no path is given); None when
    nothing was opened.

    Everything that goes wrong is told through ctx.dialogs, in plain words.
    """
    t, session = ctx.t, ctx.session
    session.check_can_write()  # StoreReadOnly / StoreGone: told by the window, nothing written
    if path is None:
        path = ctx.dialogs.ask_open_path(
            parent, t("ui.open_check.choose_title"), t("ui.open_check.filter"),
            kind=FileKind.CHECK_FILES,
        )
    if path is None:
        return None
    # Reading the file and cleaning its photos takes a moment: show that work is going on.
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        assessment = read_file(path, ctx.checklist)
        unnamed = t("ui.open_check.unnamed_client", date=ctx.date(assessment.date))
        # Stored once: the same file opened again opens the check stored the first time.
        stored = store_check(
            session.store, assessment, path, unnamed, language=session.assessment.language
        )
        session.resume(stored.check_id)
    except (FormatError, OSError) as exc:
        problem = exc
    else:
        return Opened(path, stored.check_id, assessment.date, stored.left_out)
    finally:
        QGuiApplication.restoreOverrideCursor()
    message = t("ui.open_check.not_opened", file=path.name, problems=_problems(ctx, problem))
    ctx.dialogs.error(parent, t("ui.open_check.error_title"), message)
    return None


def tell_left_out(ctx: UiContext, parent: QWidget | None, opened: Opened) -> None:
    """Say how many photos were left out of an opened check (nothing when none were)."""
    if not opened.left_out:
        return
    t = ctx.t
    key = "ui.open_check.photos_left_out_" + ("one" if opened.left_out == 1 else "many")
    folder = photos_folder(opened.path).name
    text = t(key, count=opened.left_out, folder=folder)
    ctx.dialogs.inform(parent, t("ui.open_check.photos_title"), text)
