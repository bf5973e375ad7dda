"""Ctrl+Z for answers: every change of an item's answer can be taken back, newest first."""

from __future__ import annotations

import dataclasses

from homecheck.domain.assessment import Answer
from homecheck.session.session import Session


class AnswerUndo:
    """Remembers each answer change (hazard / fine / not here / cleared) across all pages.

    Notes, photos and done dates are not steps of their own: a note box has its own undo, and
    undoing an answer keeps the note and photos the item has now (a cleared answer comes back
    with the ones it had).
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._known: dict[str, Answer] = {}
        self._steps: list[tuple[str, Answer | None]] = []
        self._restoring = False
        self.reset()

    def reset(self) -> None:
        """Another check was loaded or started: nothing to undo in it yet."""
        self._known = dict(self.session.assessment.answers)
        self._steps.clear()

    def can_undo(self) -> bool:
        """True when there is an answer change to take back."""
        return bool(self._steps)

    def changed(self, item_id: str) -> bool:
        """Note an item's change (after the session stored it); True when its answer changed."""
        before = self._known.get(item_id)
        after = self.session.answer(item_id)
        if after is None:
            self._known.pop(item_id, None)
        else:
            self._known[item_id] = after
        changed = _value(before) != _value(after)
        if changed and not self._restoring:
            self._steps.append((item_id, before))
        return changed

    def undo(self) -> str | None:
        """Take back the newest answer change; the item id, or None when there was none."""
        if not self._steps:
            return None
        item_id, before = self._steps.pop()
        current = self.session.answer(item_id)
        self._restoring = True
        try:
            if before is None:
                self.session.set_answer(item_id, None)
            elif current is None:
                self.session.restore_answer(item_id, before)
            else:
                self.session.restore_answer(
                    item_id, dataclasses.replace(current, answer=before.answer)
                )
        finally:
            self._restoring = False
        return item_id


def _value(answer: Answer | None) -> str | None:
    return None if answer is None else answer.answer
