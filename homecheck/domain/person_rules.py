"""The rules about the person, each with its source (docs/scoring.md): whether the person fell,
overlapping and contradicting answers, the therapist's tests with their cut-offs, and the
recommended next step. They say what to do first; they predict nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# -- falls and the answers that overlap or contradict ---------------------------------------


def fell(intake: dict[str, Any]) -> bool:
    """One fall or more in the past year: ``falls_past_year >= 1`` or ``key_fallen`` true."""
    count = intake.get("falls_past_year")
    return (isinstance(count, int) and count >= 1) or intake.get("key_fallen") is True


def reconciled(intake: dict[str, Any]) -> dict[str, Any]:
    """The intake with overlapping questions joined: a counted fall means key question 1 is
    yes, fear of falling means key question 2 is yes. Nothing said is ever turned into a no."""
    joined = dict(intake)
    count = intake.get("falls_past_year")
    if isinstance(count, int) and count >= 1 and joined.get("key_fallen") is None:
        joined["key_fallen"] = True
    if intake.get("fear_of_falling") is True and joined.get("key_worried") is None:
        joined["key_worried"] = True
    return joined


# Contradictions: accepted in a file, but said (validate, score --json, summary, PDF). Each
# code is a sentence in the catalogue (person.warning.<code>).
def contradictions(intake: dict[str, Any]) -> list[str]:
    """Codes of the answers in this intake that contradict each other."""
    codes = []
    value = intake.get("falls_past_year")
    count = value if isinstance(value, int) else None
    counted = count is not None
    if count is not None and count >= 1 and intake.get("key_fallen") is False:
        codes.append("falls_but_not_fallen")
    if count == 0 and intake.get("key_fallen") is True:
        codes.append("fallen_but_no_falls")
    if intake.get("fear_of_falling") is True and intake.get("key_worried") is False:
        codes.append("afraid_but_not_worried")
    if intake.get("fear_of_falling") is False and intake.get("fear_limits_activities") is True:
        codes.append("limits_but_not_afraid")
    fall_details = [k for k in ("fall_injury", "long_lie") if intake.get(k) is True]
    not_fallen = (counted and count == 0) or (not counted and intake.get("key_fallen") is False)
    if fall_details and not_fallen:
        codes.append("fall_details_but_no_fall")
    return codes


# -- the therapist's tests and the next step (rules in docs/scoring.md) -------------------------

TUG_FLAG_SECONDS = 12  # STEADI: 12 s or more means a higher risk of falling
BALANCE_FLAG_BELOW = 3  # not holding the tandem stance (stage 3) for 10 s
# STEADI's 30-second chair stand: below these many stands is below average (Rikli & Jones 1999),
# by age band (first year, last year) -> (female, male).
CHAIR_STAND_NORMS: tuple[tuple[int, int, int, int], ...] = (
    (60, 64, 12, 14),
    (65, 69, 11, 12),
    (70, 74, 10, 12),
    (75, 79, 10, 11),
    (80, 84, 9, 10),
    (85, 89, 8, 8),
    (90, 94, 4, 7),
)
NEXT_STEPS: tuple[str, ...] = ("falls_assessment", "exercise", "advice")


@dataclass(frozen=True)
class Measurement:
    """One test: the value measured (None when not measured) and whether it flags a concern.

    ``flag`` is None when there is nothing to judge: not measured, or for the chair stand
    when age or sex is missing or the age lies outside STEADI's 60-94 norms.
    """

    value: int | float | None
    flag: bool | None


def chair_stand_norm(age: int | None, sex: str | None) -> int | None:
    """The number of stands below which STEADI calls the result below average, or None."""
    if age is None or sex not in ("female", "male"):
        return None
    for first, last, female, male in CHAIR_STAND_NORMS:
        if first <= age <= last:
            return female if sex == "female" else male
    return None


def therapist_tests(intake: dict[str, Any]) -> dict[str, Measurement]:
    """The three tests ("tug", "chair_stand", "balance") with their flags."""
    tug = intake.get("tug_seconds")
    stands = intake.get("chair_stands")
    stage = intake.get("balance_stage")
    norm = chair_stand_norm(intake.get("age"), intake.get("sex"))
    return {
        "tug": Measurement(tug, None if tug is None else tug >= TUG_FLAG_SECONDS),
        "chair_stand": Measurement(
            stands, None if stands is None or norm is None else stands < norm
        ),
        "balance": Measurement(stage, None if stage is None else stage < BALANCE_FLAG_BELOW),
    }


def serious_fall_keys(intake: dict[str, Any]) -> list[str]:
    """The answers that call for a full falls assessment: >= 2 falls, injury, long lie, fainting
    (World Falls Guidelines 2022 high-risk route; NICE NG249; VeiligheidNL valanalyse)."""
    keys = []
    count = intake.get("falls_past_year")
    if isinstance(count, int) and count >= 2:
        keys.append("falls_past_year")
    keys += [k for k in ("fall_injury", "long_lie", "fainted") if intake.get(k) is True]
    return keys


def next_step(intake: dict[str, Any]) -> str:
    """The World Falls Guidelines 2022 next step: "falls_assessment", "exercise" or "advice"."""
    if serious_fall_keys(intake):
        return "falls_assessment"
    flagged = any(r.flag for r in therapist_tests(intake).values())
    if (
        fell(intake)
        or intake.get("key_unsteady") is True
        or intake.get("fear_limits_activities") is True
        or flagged
    ):
        return "exercise"
    return "advice"
