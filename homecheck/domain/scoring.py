"""The home score: the share of checked points of the home that were fine (0-100, weighted by
severity), per area and for the whole home, as pure functions of checklist and assessment.

Items about the person (group "person": dizziness, medicines, feet, rushing to the toilet) are
not points of the home: they are left out of the percentage. They are asked in their room and
their action is listed under that room, so they do count in the room's hazards and answers,
the same counts as the action list, the side panel and the PDF (docs/scoring.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Area, Checklist, Item

PERSON_GROUP = "person"


def is_home_item(item: Item) -> bool:
    """True for a point of the home; False for an item about the person."""
    return PERSON_GROUP not in item.groups


@dataclass(frozen=True)
class AreaScore:
    """How one area of the home came out.

    ``score`` is over the area's home items; the counts are over every question asked in the
    area, items about the person included, as the action list lists them.
    """

    area_id: str
    score: int | None  # None when no applicable home item was answered
    hazards: int
    answered: int
    unanswered: int
    not_applicable: int
    total: int
    person_hazards: int = 0  # of ``hazards``: items about the person (not in ``score``)

    @property
    def nothing_to_do(self) -> bool:
        """Every item answered "does not apply": checked, nothing to do here (no score, yet
        not "not checked")."""
        return self.total > 0 and self.not_applicable == self.total


@dataclass(frozen=True)
class HomeScore:
    """How the whole home came out, with one AreaScore per area the home has."""

    score: int | None
    hazards: int
    answered: int
    unanswered: int
    areas: tuple[AreaScore, ...]

    @property
    def total(self) -> int:
        """Items in the areas this home has."""
        return self.answered + self.unanswered

    @property
    def nothing_to_do(self) -> bool:
        """Every item of every area answered "does not apply"."""
        return bool(self.areas) and all(area.nothing_to_do for area in self.areas)


def weighted_score(hazard_weight: int, checked_weight: int) -> int | None:
    """Share of the checked severity weight that is safe, as 0-100.

    100 only when no hazard was found and 0 only when every checked item is a hazard, so
    rounding never hides a hazard or a safe item.
    """
    if checked_weight == 0:
        return None
    # Round half up in integer arithmetic (Python's round() goes half-to-even: 62.5 -> 62).
    safe = checked_weight - hazard_weight
    value = (200 * safe + checked_weight) // (2 * checked_weight)
    if hazard_weight > 0:
        value = min(value, 99)
    if hazard_weight < checked_weight:
        value = max(value, 1)
    return value


def score_area(area: Area, assessment: Assessment) -> AreaScore:
    """Score one area: the percentage weighs its home items by severity ("na", blanks and
    items about the person left out); hazards and answers count every question of the area,
    as the action list and the side panel do."""
    hazards = person_hazards = answered = not_applicable = hazard_weight = checked_weight = 0
    items = area.items
    for item in items:
        answer = assessment.answers.get(item.id)
        if answer is None:
            continue
        answered += 1
        if answer.answer == "na":
            not_applicable += 1
            continue
        if answer.answer == "hazard":
            hazards += 1
            person_hazards += not is_home_item(item)
        if is_home_item(item):
            checked_weight += item.severity
            if answer.answer == "hazard":
                hazard_weight += item.severity
    return AreaScore(
        area_id=area.id,
        score=weighted_score(hazard_weight, checked_weight),
        hazards=hazards,
        answered=answered,
        unanswered=len(items) - answered,
        not_applicable=not_applicable,
        total=len(items),
        person_hazards=person_hazards,
    )


def score_home(checklist: Checklist, assessment: Assessment) -> HomeScore:
    """Score the areas the home has; unanswered items are reported, never counted as safe."""
    present = set(assessment.areas)
    areas = tuple(score_area(a, assessment) for a in checklist.areas if a.id in present)
    hazard_weight = checked_weight = 0
    for area in checklist.areas:
        if area.id not in present:
            continue
        for item in area.items:
            answer = assessment.answers.get(item.id)
            if answer is None or answer.answer == "na" or not is_home_item(item):
                continue
            checked_weight += item.severity
            if answer.answer == "hazard":
                hazard_weight += item.severity
    return HomeScore(
        score=weighted_score(hazard_weight, checked_weight),
        hazards=sum(a.hazards for a in areas),
        answered=sum(a.answered for a in areas),
        unanswered=sum(a.unanswered for a in areas),
        areas=areas,
    )


def person_factors(checklist: Checklist, assessment: Assessment) -> list[Item]:
    """Hazards about the person (group "person"), listed with the person, not in the score."""
    present = set(assessment.areas)
    return [
        item
        for item in checklist.items()
        if item.area in present
        and not is_home_item(item)
        and getattr(assessment.answers.get(item.id), "answer", None) == "hazard"
    ]
