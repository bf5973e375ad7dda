"""What changed in a session, as its listeners (the window) are told."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable


class ChangeKind(enum.Enum):
    """What part of the session changed."""

    CHECK = enum.auto()  # a different check was loaded or started
    HEADER = enum.auto()  # who fills it in, for whom, the language
    AREAS = enum.auto()  # which areas the home has
    INTAKE = enum.auto()  # an answer about the person
    AREA_NOTE = enum.auto()  # the note of one area (``area_id``)
    ANSWER = enum.auto()  # an item's answer, note, done date or photos (``item_id``)
    # Another homecheck window changed (or deleted) the loaded check: the change just asked
    # for was NOT written, the check was loaded again from the store. Tell the person.
    CHANGED_ELSEWHERE = enum.auto()


@dataclasses.dataclass(frozen=True)
class Change:
    """One change, as listeners are told about it."""

    kind: ChangeKind
    item_id: str = ""  # set for ANSWER
    area_id: str = ""  # set for AREA_NOTE


Listener = Callable[[Change], None]
