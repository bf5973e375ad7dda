"""Follow-up comparison: what was fixed, what is still open or new since the last check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from homecheck.domain.actions import (
    FALLS_ASSESSMENT,
    FEAR_OF_FALLING,
    PERSON_AREA,
    TALK_ABOUT_FALL,
    TALK_ABOUT_WORRY,
    Action,
    build_actions,
    fix_key,
)
from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist
from homecheck.domain.fesi import score_short_fesi
from homecheck.domain.person_rules import therapist_tests
from homecheck.domain.scoring import is_home_item, score_home


@dataclass(frozen=True)
class AreaChange:
    """Things still to do in one part of the home, then and now (None: not checked then/now).

    Counted as the action list counts them: open actions (not ticked done).
    """

    area_id: str
    before: int | None
    after: int | None


@dataclass(frozen=True)
class ScorePoints:
    """Which points of the home the two scores were computed over (``score_points``).

    A point is a question about the home (not about the person) in a part of the home the
    check includes; a check looked at it when it has an answer ("does not apply" too).
    """

    before: int  # points the previous check looked at
    after: int  # points this check looked at
    points: int  # points in the parts of the home of either check
    only_before: int  # looked at then, not this time
    only_after: int  # looked at this time, not then

    @property
    def same(self) -> bool:
        """Both checks looked at exactly the same points: their scores can be compared."""
        return self.only_before == self.only_after == 0


# The groups of a comparison (FollowUp's fields), in the order the summary and the PDF show them.
KINDS: tuple[str, ...] = ("fixed", "still_open", "new", "not_rechecked")


@dataclass(frozen=True)
class FollowUp:
    """The comparison of a check with the previous check of the same home (see ``compare``).

    The four groups hold actions, as the action lists count them (one per fix text, person
    actions included), each by its ``item_id``: a hazard item, or a person action
    ("person.…", homecheck.domain.actions.PERSON_ACTIONS).
    """

    since: str  # date of the previous check
    fixed: tuple[str, ...]  # on the previous list; now fine or n/a, or ticked done
    still_open: tuple[str, ...]  # on both lists, not ticked done now (in this list's order)
    new: tuple[str, ...]  # on this list only, not ticked done (in this list's order)
    not_rechecked: tuple[str, ...]  # on the previous list, not answered now, never done
    score_before: int | None
    score_after: int | None
    fesi_before: int | None = None  # Short FES-I total (7-28, higher = more worry), or None
    fesi_after: int | None = None
    areas: tuple[AreaChange, ...] = ()  # the person, then per area (see ``area_changes``)
    checked: ScorePoints | None = None  # the points each score is over; None: not known

    @property
    def previous_actions(self) -> int:
        """How many actions the previous check set."""
        return len(self.fixed) + len(self.still_open) + len(self.not_rechecked)

    @property
    def still_to_do(self) -> int:
        """The open actions of this check (``still_open`` + ``new``): ``open_counts``' total."""
        return len(self.still_open) + len(self.new)


def _hazards(checklist: Checklist, assessment: Assessment) -> list[str]:
    present = set(assessment.areas)
    return [
        item.id
        for item in checklist.items()
        if item.area in present
        and (answer := assessment.answers.get(item.id)) is not None
        and answer.answer == "hazard"
    ]


# A stronger person action replaces a milder one (homecheck.domain.actions.person_actions):
# across two checks they are the same thing to do, worded for the answers of each check.
_SAME_PERSON_ACTION = {TALK_ABOUT_FALL: FALLS_ASSESSMENT, TALK_ABOUT_WORRY: FEAR_OF_FALLING}
ActionKey = str | tuple[tuple[str, str], ...]


def _key(checklist: Checklist, action: Action) -> ActionKey:
    """What makes an action of one check the same action on another."""
    if action.is_person_action:
        return _SAME_PERSON_ACTION.get(action.item_id, action.item_id)
    return fix_key(checklist, action.item_id)


def _answered(intake: dict[str, Any], key: str) -> bool:
    """Whether a check answered what a person action was based on (a basis key)."""
    if key == "fesi":
        return score_short_fesi(intake.get("fesi")).total is not None
    if key.startswith("test."):
        return therapist_tests(intake)[key.removeprefix("test.")].flag is not None
    return intake.get(key) is not None


def _rechecked(checklist: Checklist, action: Action, hazards: dict[ActionKey, list[str]],
               current: Assessment) -> bool:
    """Whether the current check looked again at everything a previous action came from: each
    of its hazard items answered in an area it includes, or each answer a person action was
    based on given again."""
    if action.is_person_action:
        return all(_answered(current.intake, key) for key in action.basis)
    present = set(current.areas)
    return all(
        checklist.item(item_id).area in present and item_id in current.answers
        for item_id in hazards[_key(checklist, action)]
    )


def _looked_at(checklist: Checklist, assessment: Assessment) -> set[str]:
    """The points of the home a check looked at: home items answered in its parts of the home."""
    present = set(assessment.areas)
    return {
        item.id
        for item in checklist.items()
        if item.area in present and is_home_item(item) and item.id in assessment.answers
    }


def score_points(checklist: Checklist, previous: Assessment, current: Assessment) -> ScorePoints:
    """Which points of the home each check looked at, to tell whether their scores compare."""
    before = _looked_at(checklist, previous)
    after = _looked_at(checklist, current)
    present = set(previous.areas) | set(current.areas)
    points = sum(1 for item in checklist.items() if item.area in present and is_home_item(item))
    return ScorePoints(
        before=len(before),
        after=len(after),
        points=points,
        only_before=len(before - after),
        only_after=len(after - before),
    )


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


def _open_person(checklist: Checklist, assessment: Assessment) -> int | None:
    """The person's own open actions; None when the check has no answer about the person."""
    if all(value is None for value in assessment.intake.values()):
        return None
    return sum(
        1 for a in build_actions(checklist, assessment) if a.is_person_action and not a.done
    )


def area_changes(
    checklist: Checklist, previous: Assessment, current: Assessment
) -> tuple[AreaChange, ...]:
    """The person's own actions (area PERSON_AREA), then per part of the home in checklist
    order: open actions then and now. Together they add up to ``open_counts``' total.

    An area that neither check included, or with nothing to do both times, is left out.
    """
    before = _open_by_area(checklist, previous)
    after = _open_by_area(checklist, current)
    changes = []
    then, now = _open_person(checklist, previous), _open_person(checklist, current)
    if then or now:
        changes.append(AreaChange(PERSON_AREA, then, now))
    for area_id in checklist.area_ids():
        then, now = before.get(area_id), after.get(area_id)
        if then or now:
            changes.append(AreaChange(area_id, then, now))
    return tuple(changes)


def compare(checklist: Checklist, previous: Assessment, current: Assessment) -> FollowUp:
    """Compare the action lists of two checks of one home.

    Two items with the same fix text are one action, as on the list; a person action that
    replaces a milder one (full falls assessment for a talk about the fall, fear of falling
    for a talk about the worry) is the same action. Each action of the previous check (hazards
    in an area that check included, and person actions) lands in exactly one group; "now"
    means an answer in an area the current check includes:

    ===================================  ===========================  ===============
    now                                  action ticked done            group
    ===================================  ===========================  ===============
    on this check's list                 on the current check          fixed
    on this check's list                 not now (earlier or never)    still open
    not on it, everything answered now   (either)                      fixed
    not on it, something not answered    on the previous check         fixed
    not on it, something not answered    never                         not rechecked
    ===================================  ===========================  ===============

    An action found again counts as fixed only when it was ticked done *on this check*: the
    person fixed it after this visit found it. A done date from the previous check does not
    outweigh a new "hazard" answer (it came back, or was not really fixed). Every open action
    of this check that was not on the previous list is new, so ``still_open`` and ``new``
    together are this check's open actions (``open_counts``); one found and already ticked
    done is in neither.
    """
    earlier = build_actions(checklist, previous)
    now = build_actions(checklist, current)
    before_keys = {_key(checklist, action) for action in earlier}
    now_by_key = {_key(checklist, action): action for action in now}
    hazards: dict[ActionKey, list[str]] = {}
    for item_id in _hazards(checklist, previous):
        hazards.setdefault(fix_key(checklist, item_id), []).append(item_id)
    fixed: list[str] = []
    not_rechecked: list[str] = []
    for action in earlier:
        again = now_by_key.get(_key(checklist, action))
        if again is not None:
            if again.done:
                fixed.append(action.item_id)
        elif action.done or _rechecked(checklist, action, hazards, current):
            fixed.append(action.item_id)
        else:
            not_rechecked.append(action.item_id)
    still_open = [a.item_id for a in now if not a.done and _key(checklist, a) in before_keys]
    new = [a.item_id for a in now if not a.done and _key(checklist, a) not in before_keys]
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
        checked=score_points(checklist, previous, current),
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
