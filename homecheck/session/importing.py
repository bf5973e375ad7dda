"""Store a check read from a file: its photos cleaned into the data folder, its client found.

The app's "Open a saved check file" and the command line's ``import`` both use this, so a file
is stored the same way whichever door it came in by.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from homecheck.domain.assessment import Assessment
from homecheck.session.photos import photos_folder, referenced
from homecheck.store.clients import add_client, list_clients
from homecheck.store.db import Store
from homecheck.store.paths import data_dir
from homecheck.store.photos import PhotoError, import_photo, photo_path

# Roles whose checks belong to a person in the client list (the own profile otherwise).
CLIENT_ROLES = ("therapist", "caregiver")


def bring_photos(assessment: Assessment, json_path: Path) -> tuple[Assessment, int]:
    """Copy the photos the answers name into the data folder; (assessment, photos left out).

    Each photo is looked for in the data folder first (the same picture, already cleaned),
    then in NAME.photos/ beside the file, where it is cleaned again: it comes from outside.
    The answers get the stored names; a photo that is missing or unreadable is left out.
    """
    folder = photos_folder(json_path)
    stored: dict[str, str | None] = {}
    for name in referenced(assessment):
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
