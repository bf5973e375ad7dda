"""Store a check read from a file: its photos cleaned into the data folder, its client found.

The app's "Open a saved check file" and the command line's ``import`` both use this, so a file
is stored the same way whichever door it came in by. Storing is idempotent: a file whose check
is already stored, unchanged, is recognised and not stored again, and its photos are found by
the hash of the bytes they had when they came in.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from homecheck.domain.assessment import CLIENT_ROLES, STATUSES, Assessment
from homecheck.fileio import read_photo
from homecheck.session.photos import photos_folder, referenced
from homecheck.store.clients import add_client, list_clients
from homecheck.store.db import Store
from homecheck.store.paths import data_dir
from homecheck.store.photos import MAX_SOURCE_BYTES, PhotoError, photo_path, store_photo


@dataclasses.dataclass(frozen=True)
class Stored:
    """What became of one check file."""

    check_id: int
    left_out: int  # photos the answers named that could not be found or read
    already: bool  # the same check was stored before, unchanged: nothing new was stored


def bring_photos(
    assessment: Assessment, json_path: Path, store: Store | None = None
) -> tuple[Assessment, int]:
    """Copy the photos the answers name into the data folder; (assessment, photos left out).

    Each photo is looked for in the data folder first (the same picture, already cleaned),
    then in NAME.photos/ beside the file, where it is cleaned again: it comes from outside
    (unless ``store`` knows those very bytes from an earlier import). The answers get the
    stored names; a photo that is missing or unreadable is left out.
    """
    folder = photos_folder(json_path)
    stored: dict[str, str | None] = {}
    for name in referenced(assessment):
        stored[name] = _store_photo(name, folder, store)
    answers = {
        item_id: dataclasses.replace(
            answer, photos=[new for p in answer.photos if (new := stored[p]) is not None]
        )
        for item_id, answer in assessment.answers.items()
    }
    left_out = sum(1 for new in stored.values() if new is None)
    return dataclasses.replace(assessment, answers=answers), left_out


def _store_photo(name: str, folder: Path, store: Store | None) -> str | None:
    try:
        if photo_path(name, data_dir()).is_file():
            return name
        # The guarded reader: a plain file in that very folder; links, devices and pipes
        # count as missing and are never opened.
        raw = read_photo(folder, name, MAX_SOURCE_BYTES)
        return store_photo(raw, data_dir(), store) if raw else None
    except (PhotoError, OSError):
        return None


def _same_label(a: str, b: str) -> bool:
    from homecheck.domain.followup import same_client

    return same_client(a, b)


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
    # Compared here, not with SQL LIKE: that ignores the case of ASCII letters only.
    same = [c for c in list_clients(store) if _same_label(c.label, label)]
    if same:
        oldest = min(same, key=lambda c: c.id)
        return oldest.id, oldest.label
    return add_client(store, label), label


def status_of(assessment: Assessment) -> str | None:
    """The file's status, "done" or "in_progress"; None when it does not say (version 1)."""
    status = getattr(assessment, "status", None)
    return status if status in STATUSES else None


def _content(assessment: Assessment) -> tuple[object, ...]:
    """What makes two checks the same check (not the interface language, not the label)."""
    answers = {
        item_id: (a.answer, a.note, a.done, tuple(a.photos))
        for item_id, a in assessment.answers.items()
    }
    return (
        assessment.role,
        assessment.assessor,
        assessment.date,
        tuple(assessment.areas),
        dict(assessment.intake),
        answers,
        dict(assessment.area_notes),
    )


def already_stored(
    store: Store, assessment: Assessment, status: str | None, unnamed: str
) -> int | None:
    """The id of a stored check that is this one, unchanged (photos as stored names).

    A file that does not say its status (version 1) matches a check of either status.
    """
    candidates = [
        info
        for info in store.checks_on(assessment.date, assessment.role)
        if status is None or info.status == status
    ]
    if not candidates:
        return None
    wanted = _content(assessment)
    stored = store.load_checks([info.id for info in candidates])
    for info in sorted(candidates, key=lambda c: c.id):
        other = stored[info.id]
        if _content(other) != wanted:
            continue
        if assessment.role not in CLIENT_ROLES:
            if store.client_label(info.id) is None:
                return info.id
            continue
        label = store.client_label(info.id)
        if label is not None and _same_label(label, assessment.client.strip() or unnamed):
            return info.id
    return None


def store_check(
    store: Store,
    assessment: Assessment,
    json_path: Path,
    unnamed: str,
    language: str | None = None,
) -> Stored:
    """Store a check read from ``json_path`` as the app's "Open a saved check file" does.

    Photos come from NAME.photos/ beside the file; the check goes to the client with the same
    label (a new one if there is none); its status is kept. The file's date is kept; with
    ``language`` the check takes the interface language. A check that is already stored,
    unchanged, is not stored again: its id comes back with ``already`` set.
    """
    status = status_of(assessment)
    brought, left_out = bring_photos(assessment, json_path, store)
    found = already_stored(store, brought, status, unnamed)
    if found is not None:
        return Stored(found, left_out, already=True)
    client_id, label = client_for(store, brought, unnamed)
    # The check shows the client's label, as a check started from the client list does.
    fresh = dataclasses.replace(brought, client=label)
    if language is not None:
        fresh = dataclasses.replace(fresh, language=language)
    check_id = store.create_check(fresh, client_id=client_id, status=status or "in_progress")
    return Stored(check_id, left_out, already=False)

