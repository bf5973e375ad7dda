"""Hazards and person answers become a prioritised action list (the PDF's and summary's model).

The rules and their sources are written down in docs/scoring.md. The app ranks what to do and
says who can help; it never predicts a fall and never diagnoses (NICE NG249).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from homecheck.domain import person, person_rules
from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist, Item
from homecheck.domain.fesi import FesiResult, score_short_fesi

PRIORITIES: tuple[str, ...] = ("now", "soon", "later")
PRIORITY_BY_SEVERITY = {3: "now", 2: "soon", 1: "later"}
PERSON_AREA = "person"

# Person actions: ids of texts in the i18n catalogue (action.<id>.fix / .why).
FALLS_ASSESSMENT = "person.falls_assessment"
TALK_ABOUT_FALL = "person.talk_about_fall"
SEE_GP_AFTER_FALL = "person.see_gp_after_fall"
FEAR_OF_FALLING = "person.fear_of_falling"
TALK_ABOUT_WORRY = "person.talk_about_worry"
STRENGTH_BALANCE = "person.strength_balance"
PERSON_ACTIONS: tuple[str, ...] = (
    FALLS_ASSESSMENT,
    TALK_ABOUT_FALL,
    SEE_GP_AFTER_FALL,
    FEAR_OF_FALLING,
    TALK_ABOUT_WORRY,
    STRENGTH_BALANCE,
)
# Who can help with each person action (helper keys of the checklist).
PERSON_HELPERS: dict[str, tuple[str, ...]] = {
    FALLS_ASSESSMENT: ("gp", "physiotherapist"),
    TALK_ABOUT_FALL: ("gp", "physiotherapist"),
    SEE_GP_AFTER_FALL: ("gp",),
    FEAR_OF_FALLING: ("physiotherapist",),
    TALK_ABOUT_WORRY: ("gp", "physiotherapist"),
    STRENGTH_BALANCE: ("physiotherapist",),
}
# Who can help with each next step.
NEXT_STEP_HELPERS: dict[str, tuple[str, ...]] = {
    "falls_assessment": ("gp", "physiotherapist"),
    "exercise": ("physiotherapist",),
    "advice": ("self",),
}

# The order reasons are listed in (and shown in the "higher because" line).
REASON_KEYS: tuple[str, ...] = (
    "walking_aid",
    "low_vision",
    "falls_past_year",
    "key_fallen",
    "key_unsteady",
    "night_toilet",
    "lives_alone",
    "osteoporosis",
)
FALL_REASON_KEYS: tuple[str, ...] = ("falls_past_year", "key_fallen", "key_unsteady")


@dataclass(frozen=True)
class Action:
    """One thing to do: from a hazard item, or from the person answers (area "person").

    ``reasons``: the intake keys that raised its priority (the profile rules), in REASON_KEYS
    order; empty when none. ``basis``: for a person action, the intake keys that led to it
    (its texts say what happened).
    """

    item_id: str
    area_id: str
    priority: str
    severity: int
    note: str = ""
    done: str | None = None
    reasons: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()

    @property
    def is_person_action(self) -> bool:
        """True for advice that comes from the person answers rather than a hazard."""
        return self.area_id == PERSON_AREA


def key_questions_yes(assessment: Assessment) -> list[str]:
    """The key questions (fallen / worried / unsteady) answered yes, or following from the
    intake (a counted fall, fear of falling)."""
    intake = person_rules.reconciled(assessment.intake)
    return [key for key in person.KEY_QUESTIONS if intake.get(key) is True]


def fesi_result(assessment: Assessment) -> FesiResult:
    """The Short FES-I outcome of this assessment."""
    return score_short_fesi(assessment.intake.get("fesi"))


def _fall_keys(intake: dict[str, Any]) -> list[str]:
    """The answers that say the person fell: a counted fall, or key question 1."""
    keys = []
    count = intake.get("falls_past_year")
    if isinstance(count, int) and count >= 1:
        keys.append("falls_past_year")
    if intake.get("key_fallen") is True:
        keys.append("key_fallen")
    return keys


def person_actions(assessment: Assessment) -> list[Action]:
    """Advice from the person answers; it says what to do first, it predicts nothing."""
    intake = assessment.intake
    actions = []
    fallen = _fall_keys(intake)
    serious = person_rules.serious_fall_keys(intake)
    if serious:
        # The full falls assessment replaces the plain talk about the fall.
        actions.append(Action(FALLS_ASSESSMENT, PERSON_AREA, "now", 3, basis=tuple(serious)))
    elif fallen:
        actions.append(Action(TALK_ABOUT_FALL, PERSON_AREA, "now", 3, basis=tuple(fallen)))
    # A fall with pain afterwards: asked as fall_injury. When that was not asked (a version 1
    # file), a fall plus pain when moving counts: when in doubt, the safer advice wins.
    injury = intake.get("fall_injury")
    pain = intake.get("pain") in ("sometimes", "often")
    if injury is True or (injury is None and fallen and pain):
        basis = ["fall_injury"] if injury is True else [*fallen, "pain"]
        if intake.get("osteoporosis") is True:
            basis.append("osteoporosis")
        actions.append(Action(SEE_GP_AFTER_FALL, PERSON_AREA, "now", 3, basis=tuple(basis)))
    band = fesi_result(assessment).band
    fear_basis = [k for k in ("fear_limits_activities",) if intake.get(k) is True]
    if band in ("moderate", "high"):
        fear_basis.append("fesi")
    if fear_basis:
        actions.append(Action(FEAR_OF_FALLING, PERSON_AREA, "soon", 2, basis=tuple(fear_basis)))
    elif not fallen and (
        intake.get("key_worried") is True or intake.get("fear_of_falling") is True
    ):
        worry = [k for k in ("fear_of_falling", "key_worried") if intake.get(k) is True]
        actions.append(Action(TALK_ABOUT_WORRY, PERSON_AREA, "soon", 2, basis=tuple(worry)))
    exercise = []
    if intake.get("pain") == "often":
        exercise.append("pain")
    days = intake.get("activity_days")
    if isinstance(days, int) and days < 5:
        exercise.append("activity_days")
    if intake.get("key_unsteady") is True:
        exercise.append("key_unsteady")
    tests = person_rules.therapist_tests(intake)
    exercise += [f"test.{name}" for name, result in tests.items() if result.flag]
    if exercise:
        actions.append(Action(STRENGTH_BALANCE, PERSON_AREA, "soon", 2, basis=tuple(exercise)))
    return actions


# -- the profile raises groups of hazards ---------------------------------------------------


def item_groups(item: Item) -> tuple[str, ...]:
    """The item's groups (walking, lighting, night_route, stairs, transfers, long_lie, person)."""
    return item.groups


def raising_reasons(intake: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """For each item group, the intake keys that raise its hazards by one band."""
    by_group: dict[str, list[str]] = {}

    def add(key: str, *groups: str) -> None:
        for group in groups:
            by_group.setdefault(group, []).append(key)

    aid = intake.get("walking_aid")
    if aid in ("stick", "walker"):
        add("walking_aid", "walking")
    elif aid == "wheelchair":
        add("walking_aid", "transfers")
    if intake.get("low_vision") is True:
        add("low_vision", "lighting")
    fall_keys = _fall_keys(intake)
    if intake.get("key_unsteady") is True:
        fall_keys.append("key_unsteady")
    for key in fall_keys:
        add(key, "night_route", "stairs", "transfers", "long_lie")
    if intake.get("night_toilet") is True:
        add("night_toilet", "night_route")
    if intake.get("lives_alone") is True:
        add("lives_alone", "long_lie")
    if intake.get("osteoporosis") is True:
        add("osteoporosis", "stairs")
    return {g: tuple(k for k in REASON_KEYS if k in keys) for g, keys in by_group.items()}


def _hazard_action(item: Item, assessment: Assessment, by_group: dict[str, tuple[str, ...]],
                   alone_and_fallen: bool) -> Action:
    answer = assessment.answers[item.id]
    priority = PRIORITY_BY_SEVERITY[item.severity]
    groups = item_groups(item)
    keys = {k for g in groups for k in by_group.get(g, ())}
    reasons = tuple(k for k in REASON_KEYS if k in keys)
    if reasons:
        # One band up, never lower, however many reasons (several still raise one band).
        priority = PRIORITIES[max(PRIORITIES.index(priority) - 1, 0)]
        if alone_and_fallen and "long_lie" in groups:
            priority = "now"  # alone after a fall: alarm and phone first
    return Action(
        item_id=item.id,
        area_id=item.area,
        priority=priority,
        severity=item.severity,
        note=answer.note,
        done=answer.done,
        reasons=reasons,
    )


def fix_key(checklist: Checklist, item_id: str) -> tuple[tuple[str, str], ...]:
    """What makes two hazard items one action: the same fix text in every language."""
    return tuple(sorted(checklist.item(item_id).fix.by_language.items()))


def _one_per_fix(actions: list[Action], checklist: Checklist) -> list[Action]:
    """Keep one action per fix text: two items with the same advice print once (first kept,
    which after sorting is the most urgent; notes are joined, the later done date kept)."""
    kept: dict[tuple[tuple[str, str], ...], int] = {}
    result: list[Action] = []
    for action in actions:
        if action.is_person_action:
            result.append(action)
            continue
        fix = fix_key(checklist, action.item_id)
        if fix not in kept:
            kept[fix] = len(result)
            result.append(action)
            continue
        first = result[kept[fix]]
        notes = [n for n in (first.note, action.note) if n]
        done = max((d for d in (first.done, action.done) if d), default=None)
        reasons = tuple(k for k in REASON_KEYS if k in {*first.reasons, *action.reasons})
        result[kept[fix]] = replace(first, note="\n".join(notes), done=done, reasons=reasons)
    return result


def build_actions(checklist: Checklist, assessment: Assessment) -> list[Action]:
    """Every hazard in the home's areas plus person advice, by priority, then area, then item.

    Within a priority, person advice comes first, then hazards the profile made more urgent
    (those with reasons), then the rest in the order of the home walk-through.
    """
    present = set(assessment.areas)
    intake = assessment.intake
    by_group = raising_reasons(intake)
    alone_and_fallen = intake.get("lives_alone") is True and person_rules.fell(intake)
    actions = person_actions(assessment)
    for area in checklist.areas:
        if area.id not in present:
            continue
        for item in area.items:
            answer = assessment.answers.get(item.id)
            if answer is not None and answer.answer == "hazard":
                actions.append(_hazard_action(item, assessment, by_group, alone_and_fallen))
    area_rank = {area_id: n for n, area_id in enumerate(checklist.area_ids())}
    area_rank[PERSON_AREA] = -1  # person advice leads its priority band
    # sorted() is stable, so items keep checklist order within an area.
    ordered = sorted(
        actions,
        key=lambda a: (
            PRIORITIES.index(a.priority),
            not a.is_person_action,
            not a.reasons,
            area_rank[a.area_id],
        ),
    )
    return _one_per_fix(ordered, checklist)


def count_by_priority(actions: list[Action]) -> dict[str, int]:
    """Number of actions in each priority band (every band present, possibly 0)."""
    return {p: sum(1 for a in actions if a.priority == p) for p in PRIORITIES}


def open_counts(checklist: Checklist, assessment: Assessment) -> dict[str, int]:
    """The open actions (not ticked done) per priority, person actions included.

    The one count of "things to do" that the summary, the client list, the PDF and `score`
    all show (issue 15).
    """
    actions = [a for a in build_actions(checklist, assessment) if not a.done]
    return count_by_priority(actions)
