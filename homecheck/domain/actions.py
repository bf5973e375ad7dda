"""Hazards and person answers become a prioritised action list (the PDF's and summary's model)."""

from __future__ import annotations

from dataclasses import dataclass

from homecheck.domain import person
from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist
from homecheck.domain.fesi import FesiResult, score_short_fesi

PRIORITIES: tuple[str, ...] = ("now", "soon", "later")
PRIORITY_BY_SEVERITY = {3: "now", 2: "soon", 1: "later"}
PERSON_AREA = "person"
# Person actions: ids of texts in the i18n catalogue (action.<id>.fix / .why / .helpers).
DISCUSS_FALL_RISK = "person.discuss_fall_risk"
FEAR_OF_FALLING = "person.fear_of_falling"


@dataclass(frozen=True)
class Action:
    """One thing to do: from a hazard item, or from the person answers (area "person")."""

    item_id: str
    area_id: str
    priority: str
    severity: int
    note: str = ""
    done: str | None = None

    @property
    def is_person_action(self) -> bool:
        """True for advice that comes from the person answers rather than a hazard."""
        return self.area_id == PERSON_AREA


def key_questions_yes(assessment: Assessment) -> list[str]:
    """The key questions (fallen / worried / unsteady) answered yes."""
    return [key for key in person.KEY_QUESTIONS if assessment.intake.get(key) is True]


def fesi_result(assessment: Assessment) -> FesiResult:
    """The Short FES-I outcome of this assessment."""
    return score_short_fesi(assessment.intake.get("fesi"))


def person_actions(assessment: Assessment) -> list[Action]:
    """Advice from the person answers; it invites a conversation, it predicts nothing."""
    actions = []
    if key_questions_yes(assessment):
        actions.append(Action(DISCUSS_FALL_RISK, PERSON_AREA, "now", 3))
    if fesi_result(assessment).band in ("moderate", "high"):
        actions.append(Action(FEAR_OF_FALLING, PERSON_AREA, "soon", 2))
    return actions


def build_actions(checklist: Checklist, assessment: Assessment) -> list[Action]:
    """Every hazard in the home's areas plus person advice, by priority, then area, then item."""
    present = set(assessment.areas)
    actions = person_actions(assessment)
    for area in checklist.areas:
        if area.id not in present:
            continue
        for item in area.items:
            answer = assessment.answers.get(item.id)
            if answer is not None and answer.answer == "hazard":
                actions.append(
                    Action(
                        item_id=item.id,
                        area_id=area.id,
                        priority=PRIORITY_BY_SEVERITY[item.severity],
                        severity=item.severity,
                        note=answer.note,
                        done=answer.done,
                    )
                )
    area_rank = {area_id: n for n, area_id in enumerate(checklist.area_ids())}
    area_rank[PERSON_AREA] = -1  # person advice leads its priority band
    # sorted() is stable, so items keep checklist order within an area.
    return sorted(actions, key=lambda a: (PRIORITIES.index(a.priority), area_rank[a.area_id]))


def count_by_priority(actions: list[Action]) -> dict[str, int]:
    """Number of actions in each priority band (every band present, possibly 0)."""
    return {p: sum(1 for a in actions if a.priority == p) for p in PRIORITIES}
