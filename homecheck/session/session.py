"""The controller between wizard and data: each change goes to Assessment and Store at once."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable
from typing import Any

from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import Checklist
from homecheck.session.changes import Change, ChangeKind, Listener
from homecheck.session.store_guard import StoreGuard
from homecheck.session.views import CheckViews
from homecheck.store.clients import client_of_check, previous_check
from homecheck.store.db import CheckInfo, Store
from homecheck.store.paths import delete_all_data


class Session(StoreGuard, CheckViews):
    """Owns the assessment being filled in, the store and the id of its check.

    Widgets never keep answers themselves: they call these methods and redraw from
    ``assessment``. Each call is one committed transaction, so a crash loses nothing given.
    """

    def __init__(
        self,
        store: Store | None,
        checklist: Checklist,
        language: str,
        opener: Callable[[], Store] | None = None,
    ) -> None:
        super().__init__(store, opener)
        self.checklist = checklist
        self.check_id: int | None = None
        self.client_id: int | None = None  # None: the person's own profile
        self.previous_id: int | None = None  # the check this one follows up
        self.previous: Assessment | None = None
        self.assessment = Assessment.new(checklist, language=language)
        self._listeners: list[Listener] = []

    # -- listening ------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(change)`` after every change."""
        self._listeners.append(listener)

    def _changed(self, kind: ChangeKind, item_id: str = "", area_id: str = "") -> None:
        change = Change(kind, item_id=item_id, area_id=area_id)
        for listener in list(self._listeners):
            listener(change)

    # -- which check ----------------------------------------------------------------------

    def unfinished(self) -> CheckInfo | None:
        """The check that can be resumed, if there is one."""
        return self.store.unfinished_check()

    def resume(self, check_id: int) -> None:
        """Load a stored check and continue it (the interface language stays as it is)."""
        language = self.assessment.language
        store = self.store
        self.assessment = store.load_check(check_id)
        self.check_id = check_id
        self.client_id = client_of_check(store, check_id)
        self._load_previous(previous_check(store, check_id))
        if self.assessment.language != language:
            self.assessment.language = language
            if not self.read_only:
                store.save_header(check_id, self.assessment)
        self._changed(ChangeKind.CHECK)

    @property
    def reviewing(self) -> bool:
        """True when the loaded check was finished already: it is open to look at and to tick
        off what has been done, not to fill in. Stopping leaves nothing to continue, and a
        follow-up or a new check starts beside it."""
        return self.check_id is not None and self.assessment.status == "done"

    def _load_previous(self, previous_id: int | None) -> None:
        self.previous_id = previous_id
        self.previous = None
        if previous_id is not None:
            try:
                self.previous = self.store.load_check(previous_id)
            except KeyError:  # deleted since: compare with nothing rather than fail
                self.previous_id = None

    def start_new(
        self, role: str, client: str, assessor: str, client_id: int | None = None
    ) -> None:
        """Create a new, empty check for every area and store it straight away."""
        self._refuse_if_read_only()
        self.assessment = Assessment.new(
            self.checklist,
            language=self.assessment.language,
            role=role,
            client=client,
            assessor=assessor,
        )
        self.client_id = client_id
        self._load_previous(None)
        self.check_id = self.store.create_check(self.assessment, client_id=client_id)
        self._changed(ChangeKind.CHECK)

    def start_followup(
        self, previous_id: int, role: str, client: str, assessor: str,
        client_id: int | None = None,
    ) -> None:
        """Check the same home again: areas and notes from the earlier check, answers anew.

        Raises OtherClient, and changes nothing, when the earlier check is of another person
        (``homecheck.domain.followup.same_client``).
        """
        self._refuse_if_read_only()
        from homecheck.domain.followup import OtherClient, prefilled_from, same_client

        earlier = self.store.load_check(previous_id)
        if not same_client(earlier.client, client):
            raise OtherClient(earlier.client, client, earlier.date)
        self.previous_id, self.previous = previous_id, earlier
        fresh = prefilled_from(earlier, _dt.date.today().isoformat())
        fresh.language = self.assessment.language
        fresh.role, fresh.client, fresh.assessor = role, client, assessor
        self.assessment = fresh
        self.client_id = client_id
        self.check_id = self.store.create_check(
            fresh, client_id=client_id, previous_id=previous_id
        )
        self._changed(ChangeKind.CHECK)

    def set_aside(self, role: str, assessor: str) -> None:
        """Leave the loaded check as it is stored and hold an empty, unsaved one instead."""
        self.check_id = self.client_id = None
        self._load_previous(None)
        self.assessment = Assessment.new(
            self.checklist, language=self.assessment.language, role=role, assessor=assessor
        )
        self._changed(ChangeKind.CHECK)

    def delete_everything(self) -> None:
        """Close the store, delete the whole data folder's contents and start with nothing."""
        self._refuse_if_read_only()
        self.close()
        delete_all_data()
        self.check_id = self.client_id = None
        self._load_previous(None)
        self.assessment = Assessment.new(self.checklist, language=self.assessment.language)
        self._changed(ChangeKind.CHECK)

    def delete_check(self, check_id: int) -> None:
        """Delete one stored check that is not the one loaded (the caller asks first).

        When the loaded check follows up the deleted one, it compares with nothing from now on.
        """
        self._refuse_if_read_only()
        if check_id == self.check_id:
            raise ValueError("the open check cannot be deleted")
        self.store.delete_check(check_id)
        if check_id == self.previous_id:
            self._load_previous(None)
            self._changed(ChangeKind.CHECK)

    def _changed_elsewhere(self) -> bool:
        """Before a write: has another process changed the loaded check since we read it?

        If so, load it again (or, when it was deleted there, hold an empty unsaved check),
        tell the listeners with CHANGED_ELSEWHERE and return True: the caller writes nothing.
        """
        if self._store is None or self.check_id is None:
            return False
        if not self._store.changed_by_others():
            return False
        mine = self.assessment
        try:
            stored = self._store.load_check(self.check_id)
        except KeyError:  # deleted in the other window
            self.check_id = self.client_id = None
            self._load_previous(None)
            self.assessment = Assessment.new(
                self.checklist, language=mine.language, role=mine.role, assessor=mine.assessor
            )
        else:
            stored.language = mine.language  # each window keeps its own interface language
            if stored == mine:
                return False  # another check changed, not this one
            self.assessment = stored
        self._changed(ChangeKind.CHANGED_ELSEWHERE)
        return True

    def _ensure_check(self) -> int:
        # A change before the start page was left still deserves a place in the store.
        if self.check_id is None:
            self.check_id = self.store.create_check(self.assessment)
        return self.check_id

    def _save_header(self, kind: ChangeKind, area_id: str = "") -> None:
        self.store.save_header(self._ensure_check(), self.assessment)
        self._changed(kind, area_id=area_id)

    # -- header, areas and person answers --------------------------------------------------

    def set_header(self, role: str, client: str, assessor: str) -> None:
        """Store who fills in the check, for whom, and the assessor's name."""
        self._refuse_if_read_only()
        if self._changed_elsewhere():
            return
        a = self.assessment
        if (a.role, a.client, a.assessor) == (role, client, assessor) and self.check_id:
            return
        a.role, a.client, a.assessor = role, client, assessor
        self._save_header(ChangeKind.HEADER)

    def set_language(self, language: str) -> None:
        """Follow the interface language (the PDF and the JSON file use it too)."""
        if self._changed_elsewhere():
            return
        if self.assessment.language == language:
            return
        self.assessment.language = language
        # Switching language alone does not start a check; it is stored with the next change.
        if self.check_id is not None and not self.read_only:
            self.store.save_header(self.check_id, self.assessment)
        self._changed(ChangeKind.HEADER)

    def set_area_present(self, area_id: str, present: bool) -> None:
        """Say whether the home has an area; answers of an absent area are kept, not counted."""
        self._refuse_if_read_only()
        if self._changed_elsewhere():
            return
        if self.checklist.area(area_id).optional is False and not present:
            raise ValueError(f"area {area_id} is part of every check")
        chosen = set(self.assessment.areas)
        if present:
            chosen.add(area_id)
        else:
            chosen.discard(area_id)
        ordered = [a for a in self.checklist.area_ids() if a in chosen]
        if ordered == self.assessment.areas:
            return
        self.assessment.areas = ordered
        self._save_header(ChangeKind.AREAS)

    def has_area(self, area_id: str) -> bool:
        """True when the home has this area (its page is shown)."""
        return area_id in self.assessment.areas

    def set_intake(self, key: str, value: Any) -> None:
        """Store one person answer (None removes it)."""
        self._refuse_if_read_only()
        if self._changed_elsewhere():
            return
        intake = self.assessment.intake
        if value is None:
            if key not in intake:
                return
            del intake[key]
        else:
            if intake.get(key) == value and key in intake:
                return
            intake[key] = value
        self._save_header(ChangeKind.INTAKE)

    # -- item answers ---------------------------------------------------------------------

    def answer(self, item_id: str) -> Answer | None:
        """The current answer to an item."""
        return self.assessment.answers.get(item_id)

    def set_answer(self, item_id: str, value: str | None) -> None:
        """Store an answer ("hazard", "ok", "na") or clear it with None; a note is kept."""
        self._refuse_if_read_only()
        if self._changed_elsewhere():
            return
        self.checklist.item(item_id)  # KeyError for an unknown id, before anything is written
        old = self.assessment.answers.get(item_id)
        if value is None:
            if old is None:
                return
            del self.assessment.answers[item_id]
            self.store.save_answer(self._ensure_check(), item_id, None)
        else:
            if old is not None and old.answer == value:
                return
            # Note, done date and photos stay with the item when its answer changes.
            new = dataclasses.replace(old, answer=value) if old else Answer(value)
            self.assessment.answers[item_id] = new
            self.store.save_answer(self._ensure_check(), item_id, new)
        self._changed(ChangeKind.ANSWER, item_id=item_id)

    def set_note(self, item_id: str, note: str) -> None:
        """Store the note of an answered item (the store keeps notes with their answer)."""
        self._refuse_if_read_only()
        if self._changed_elsewhere():
            return
        old = self.assessment.answers.get(item_id)
        if old is None:
            raise ValueError(f"answer {item_id} before adding a note")
        if old.note == note:
            return
        new = dataclasses.replace(old, note=note)
        self.assessment.answers[item_id] = new
        self.store.save_answer(self._ensure_check(), item_id, new)
        self._changed(ChangeKind.ANSWER, item_id=item_id)

    def set_done(self, item_id: str, done: bool) -> None:
        """Action log: mark an answered item's action done today, or not done."""
        self._refuse_if_read_only()
        if self._changed_elsewhere():
            return
        old = self.assessment.answers.get(item_id)
        if old is None:
            raise ValueError(f"answer {item_id} before marking it done")
        date = _dt.date.today().isoformat() if done else None
        if old.done == date or (done and old.done):
            return
        self.assessment.answers[item_id] = dataclasses.replace(old, done=date)
        self.store.set_done(self._ensure_check(), item_id, date)
        self._changed(ChangeKind.ANSWER, item_id=item_id)

    def add_photo(self, item_id: str, name: str) -> None:
        """Attach a stored photo (homecheck.store.photos.import_photo) to an answered item."""
        self._refuse_if_read_only()
        if self._changed_elsewhere():
            return
        old = self.assessment.answers.get(item_id)
        if old is None:
            raise ValueError(f"answer {item_id} before adding a photo")
        if name in old.photos:
            return
        self._put(item_id, dataclasses.replace(old, photos=[*old.photos, name]))

    def remove_photo(self, item_id: str, name: str) -> None:
        """Take a photo off an item (the file is cleaned up by the caller when unused)."""
        self._refuse_if_read_only()
        if self._changed_elsewhere():
            return
        old = self.assessment.answers.get(item_id)
        if old is None or name not in old.photos:
            return
        self._put(item_id, dataclasses.replace(old, photos=[p for p in old.photos if p != name]))

    def restore_answer(self, item_id: str, answer: Answer) -> None:
        """Put back an item's whole answer (note, done date and photos too): undo."""
        self._refuse_if_read_only()
        if self._changed_elsewhere():
            return
        self.checklist.item(item_id)  # KeyError for an unknown id, before anything is written
        if self.assessment.answers.get(item_id) == answer:
            return
        self._put(item_id, answer)

    def _put(self, item_id: str, answer: Answer) -> None:
        self.assessment.answers[item_id] = answer
        self.store.save_answer(self._ensure_check(), item_id, answer)
        self._changed(ChangeKind.ANSWER, item_id=item_id)

    def set_area_note(self, area_id: str, note: str) -> None:
        """Store the free-text note of one area (an empty note is removed)."""
        self._refuse_if_read_only()
        if self._changed_elsewhere():
            return
        self.checklist.area(area_id)  # KeyError for an unknown area, before anything is written
        notes = self.assessment.area_notes
        if notes.get(area_id, "") == note:
            return
        if note:
            notes[area_id] = note
        else:
            del notes[area_id]
        self._save_header(ChangeKind.AREA_NOTE, area_id=area_id)

    def set_current_page(self, page: str) -> None:
        """Remember the page the person is on, for resuming."""
        if self.check_id is not None and not self.read_only:
            self.store.set_current_page(self.check_id, page)

    def finish(self) -> None:
        """Mark the check done, so the next start does not offer to resume it."""
        if self._changed_elsewhere():
            return
        if self.read_only:
            return  # looked at, not changed: it stays as it is stored
        self.assessment.status = "done"
        if self.check_id is not None:
            self.store.set_status(self.check_id, "done")
