"""Follow-up comparison: what was fixed, what is still open or new since the last check."""

from __future__ import annotations

from dataclasses import dataclass

from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist
from homecheck.domain.scoring import score_home


@dataclass(frozen=True)
class FollowUp:
    """The comparison of a check with the previous check of the same home."""

    since: str  # date of the previous check
    fixed: tuple[str, ...]  # hazard before; now fine, not applicable, or its action marked done
    still_open: tuple[str, ...]  # hazard before and hazard now
    new: tuple[str, ...]  # hazard now, not a hazard before
    not_rechecked: tuple[str, ...]  # hazard before, not answered now and not marked done
    score_before: int | None
    score_after: int | None

    @property
    def previous_actions(self) -> int:
        """How many hazards the previous check found (the actions it set)."""
        return len(self.fixed) + len(self.still_open) + len(self.not_rechecked)


def _hazards(checklist: Checklist, assessment: Assessment) -> list[str]:
    present = set(assessment.areas)
    return [
        item.id
        for item in checklist.items()
        if item.area in present
        and (answer := assessment.answers.get(item.id)) is not None
        and answer.answer == "hazard"
    ]


def compare(checklist: Checklist, previous: Assessment, current: Assessment) -> FollowUp:
    """Compare two checks of one home, item by item, in checklist order."""
    before = _hazards(checklist, previous)
    now = set(_hazards(checklist, current))
    fixed, still_open, not_rechecked = [], [], []
    for item_id in before:
        answer = current.answers.get(item_id)
        earlier = previous.answers[item_id]
        if item_id in now:
            still_open.append(item_id)
        elif answer is not None or earlier.done:
            # Answered fine/not applicable now, or the action log says it was done.
            fixed.append(item_id)
        else:
            not_rechecked.append(item_id)
    before_set = set(before)
    new = [item_id for item_id in _hazards(checklist, current) if item_id not in before_set]
    return FollowUp(
        since=previous.date,
        fixed=tuple(fixed),
        still_open=tuple(still_open),
        new=tuple(new),
        not_rechecked=tuple(not_rechecked),
        score_before=score_home(checklist, previous).score,
        score_after=score_home(checklist, current).score,
    )


def prefilled_from(previous: Assessment, date: str) -> Assessment:
    """A new check of the same home: same areas, person and labels; answers to be re-checked."""
    return Assessment(
        language=previous.language,
        role=previous.role,
        client=previous.client,
        assessor=previous.assessor,
        date=date,
        areas=list(previous.areas),
        intake={},
        answers={},
        area_notes=dict(previous.area_notes),
    )
