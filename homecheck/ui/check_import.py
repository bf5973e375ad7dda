"""Open a saved check file (the documented JSON format) as a new check, with its photos.

The file is read strictly first: a file with any problem changes nothing. Photos come from
the folder beside the file (visit.json → visit.photos/) and are cleaned again on the way in.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from homecheck.domain.assessment import Assessment, FormatError, read_file
from homecheck.store.clients import add_client, list_clients
from homecheck.store.db import Store
from homecheck.store.paths import data_dir
from homecheck.store.photos import PhotoError, import_photo, photo_path
from homecheck.ui import photo_files
from homecheck.ui.context import UiContext

# Roles whose checks belong to a person in the client list (the own profile otherwise).
CLIENT_ROLES = ("therapist", "caregiver")
# How many of the file's problems the message names; the rest are counted.
SHOWN_PROBLEMS = 3


@dataclass(frozen=True)
class Opened:
    """A check file stored as a new check."""

    path: Path
    check_id: int
    date: str
    left_out: int  # photos the answers named that could not be found or read


def bring_photos(assessment: Assessment, json_path: Path) -> tuple[Assessment, int]:
    """Copy the photos the answers name into the data folder; (assessment, photos left out).

    Each photo is looked for in the data folder first (the same picture, already cleaned),
    then in NAME.photos/ beside the file, where it is cleaned again: it comes from outside.
    The answers get the stored names; a photo that is missing or unreadable is left out.
    """
    folder = photo_files.photos_folder(json_path)
    stored: dict[str, str | None] = {}
    for name in photo_files.referenced(assessment):
        stored[name] = _store_photo(name, folder)
    answers = {
        item_id: dataclasses.replace(
            answer, photos=[new for p in answer.photos if (new := stored[p]) is not None]
        )
        for item_id, answer in assessment.answers.items()
    }
    left_out = sum(1 for new in stored.values() if new is None)
    return dataclasses.replace(assessment, answers=answers), left_out


def _store_photo(name: str, folder: Path) -> str | None:
    try:
        if photo_path(name, data_dir()).is_file():
            return name
        return import_photo(folder / name, data_dir())
    except (PhotoError, OSError):
        return None


def client_for(store: Store, assessment: Assessment, unnamed: str) -> tuple[int | None, str]:
    """(client id, label) of the person an opened check belongs to; (None, label) for "self".

    A therapist's or caregiver's check goes to the client with the same label (ignoring case
    and spaces around it), or to a new client; one without a label gets ``unnamed``.
    """
    if assessment.role not in CLIENT_ROLES:
        return None, assessment.client
    label = assessment.client.strip()
    if not label:
        return add_client(store, unnamed), unnamed
    wanted = label.casefold()
    # Compared here, not with SQL LIKE: that ignores the case of ASCII letters only.
    same = [c for c in list_clients(store) if c.label.strip().casefold() == wanted]
    if same:
        oldest = min(same, key=lambda c: c.id)
        return oldest.id, oldest.label
    return add_client(store, label), label


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


def open_check_file(ctx: UiContext, parent: QWidget | None) -> Opened | None:
    """Ask for a saved check file and store it as a new check; None when nothing was opened.

    Everything that goes wrong is told through ctx.dialogs, in plain words.
    """
    t, session = ctx.t, ctx.session
    path = ctx.dialogs.ask_open_path(
        parent, t("ui.open_check.choose_title"), t("ui.open_check.filter")
    )
    if path is None:
        return None
    # Reading the file and cleaning its photos takes a moment: show that work is going on.
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        assessment = read_file(path, ctx.checklist)
        assessment, left_out = bring_photos(assessment, path)
        unnamed = t("ui.open_check.unnamed_client", date=ctx.date(assessment.date))
        client_id, label = client_for(session.store, assessment, unnamed)
        # The check shows the client's label, as a check started from the client list does.
        check_id = session.import_check(dataclasses.replace(assessment, client=label), client_id)
    except (FormatError, OSError) as exc:
        problem = exc
    else:
        return Opened(path, check_id, assessment.date, left_out)
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
    folder = photo_files.photos_folder(opened.path).name
    text = t(key, count=opened.left_out, folder=folder)
    ctx.dialogs.inform(parent, t("ui.open_check.photos_title"), text)
