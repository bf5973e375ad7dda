"""Follow-up comparison: what was fixed, what is still open or new since the last check."""

from __future__ import annotations

from dataclasses import dataclass

from homecheck.domain.actions import build_actions
from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist
from homecheck.domain.fesi import score_short_fesi
from homecheck.domain.scoring import score_home


@dataclass(frozen=True)
class AreaChange:
    """Things still to do in one part of the home, then and now (None: not checked then/now).

    Counted as the action list counts them: open actions (not ticked done).
    """

    area_id: str
    before: int | None
    after: int | None


@dataclass(frozen=True)
class FollowUp:
    """The comparison of a check with the previous check of the same home (see ``compare``)."""

    since: str  # date of the previous check
    fixed: tuple[str, ...]  # hazard before; now fine or n/a, or its action marked done
    still_open: tuple[str, ...]  # hazard before and hazard now, not marked done now
    new: tuple[str, ...]  # hazard now, not a hazard before
    not_rechecked: tuple[str, ...]  # hazard before, not answered now and not marked done
    score_before: int | None
    score_after: int | None
    fesi_before: int | None = None  # Short FES-I total (7-28, higher = more worry), or None
    fesi_after: int | None = None
    areas: tuple[AreaChange, ...] = ()  # per area, in checklist order (see ``area_changes``)

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


def _open_by_area(checklist: Checklist, assessment: Assessment) -> dict[str, int]:
    """Open actions (not ticked done) of each area of the home this check looked at: an area
    it included and answered at least one question of (an area with no answer at all was not
    checked, so it cannot say "0 things to do")."""
    answered = {item.area for item in checklist.items() if item.id in assessment.answers}
    found = {area_id: 0 for area_id in assessment.areas if area_id in answered}
    for action in build_actions(checklist, assessment):
        if not action.is_person_action and not action.done:
            found[action.area_id] = found.get(action.area_id, 0) + 1
    return found


def area_changes(
    checklist: Checklist, previous: Assessment, current: Assessment
) -> tuple[AreaChange, ...]:
    """Per part of the home: open actions then and now, in checklist order.

    An area that neither check included, or with nothing to do both times, is left out.
    """
    before = _open_by_area(checklist, previous)
    after = _open_by_area(checklist, current)
    changes = []
    for area_id in checklist.area_ids():
        then, now = before.get(area_id), after.get(area_id)
        if then or now:
            changes.append(AreaChange(area_id, then, now))
    return tuple(changes)


def compare(checklist: Checklist, previous: Assessment, current: Assessment) -> FollowUp:
    """Compare two checks of one home, item by item, in checklist order.

    Each hazard of the previous check (in an area that check included) lands in exactly one
    group; "now" means an answer in an area the current check includes:

    ========================  ===========================  ===============
    answer now                action marked done            group
    ========================  ===========================  ===============
    fine or not applicable    (either)                      fixed
    hazard                    on the current check          fixed
    hazard                    not now (earlier or never)    still open
    none                      on the previous check         fixed
    none                      never                         not rechecked
    ========================  ===========================  ===============

    A hazard found again counts as fixed only when it was ticked done *on this check*: the
    person fixed it after this visit found it. A done date from the previous check does not
    outweigh a new "hazard" answer (it came back, or was not really fixed). Every hazard now
    that was no hazard before (answered otherwise, or not at all) is new, done or not.
    """
    before = _hazards(checklist, previous)
    now = set(_hazards(checklist, current))
    present = set(current.areas)
    fixed: list[str] = []
    still_open: list[str] = []
    not_rechecked: list[str] = []
    for item_id in before:
        checked = checklist.item(item_id).area in present
        answer = current.answers.get(item_id) if checked else None
        earlier = previous.answers[item_id]
        if item_id in now:
            (fixed if answer is not None and answer.done else still_open).append(item_id)
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
        fesi_before=score_short_fesi(previous.intake.get("fesi")).total,
        fesi_after=score_short_fesi(current.intake.get("fesi")).total,
        areas=area_changes(checklist, previous, current),
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


class OtherClient(ValueError):
    """A follow-up was asked of a check of another person (see ``same_client``)."""

    def __init__(self, previous: str, current: str, since: str) -> None:
        super().__init__(f"the check of {since} is of {previous!r}, not of {current!r}")
        self.previous = previous  # the earlier check's label
        self.current = current  # the label of the check that would follow it up
        self.since = since  # the earlier check's date


def same_client(label_a: str, label_b: str) -> bool:
    """True when two client labels name the same person: equal after strip and casefold.

    Two empty labels are the same (both are "no label").
    """
    return label_a.strip().casefold() == label_b.strip().casefold()
