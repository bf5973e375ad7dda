"""The person's part in words: the answers given, the therapist's tests and the contradictions
(summary page, PDF "About you"), and the "person" object of ``homecheck score --json``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homecheck.domain.fesi import score_short_fesi
from homecheck.domain.person import CHOICE_KEYS, INTAKE_KEYS, YES_NO_KEYS, person_content
from homecheck.domain.person_rules import contradictions, next_step, therapist_tests

if TYPE_CHECKING:
    from homecheck.i18n import Catalogue

SUMMARY_KEYS: tuple[str, ...] = (
    "falls_past_year", "fall_injury", "long_lie", "fainted", "key_unsteady", "pain",
    "activity_days", "fear_of_falling", "fear_limits_activities", "walking_aid", "low_vision",
    "lives_alone", "osteoporosis", "night_toilet", "goals",
)  # fmt: skip


def warning_texts(intake: dict[str, Any], t: Catalogue) -> list[str]:
    """The contradictions of this intake as sentences in the catalogue's language."""
    count = intake.get("falls_past_year")
    return [t(f"person.warning.{code}", count=count) for code in contradictions(intake)]


def person_json(intake: dict[str, Any], t: Catalogue) -> dict[str, Any]:
    """The "person" object of ``homecheck score --json`` (docs/scoring.md)."""
    fesi = score_short_fesi(intake.get("fesi"))
    return {
        "intake": {key: intake[key] for key in INTAKE_KEYS if key in intake},
        "next_step": next_step(intake),
        "fesi": {
            "total": fesi.total,
            "band": None if fesi.total is None else fesi.band,
            "by_proxy": intake.get("fesi_by_proxy"),
        },
        "tests": {
            name: {"value": m.value, "flag": m.flag} for name, m in therapist_tests(intake).items()
        },
        "warnings": warning_texts(intake, t),
    }


def _number(value: float, language: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if language == "nl" else text


def intake_lines(intake: dict[str, Any], t: Catalogue) -> list[tuple[str, str]]:
    """The intake answers given, as (short label, answer) in the catalogue's language.

    A falls count stands for key question 1, so key_fallen is shown only without a count.
    """
    lang = t.language
    questions = person_content().questions
    keys = list(SUMMARY_KEYS)
    if intake.get("falls_past_year") is None:
        keys.insert(0, "key_fallen")
    if intake.get("fear_of_falling") is None:
        keys.insert(keys.index("fear_limits_activities"), "key_worried")
    lines = []
    for key in keys:
        value = intake.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key in YES_NO_KEYS:
            answer = questions[key].options["yes" if value else "no"](lang)
        elif key in CHOICE_KEYS:
            answer = questions[key].options[value](lang)
        elif key == "goals":
            answer = " ".join(str(value).split())
        else:
            answer = _number(value, lang)
        lines.append((t(f"person.short.{key}"), answer))
    return lines


def measurement_lines(intake: dict[str, Any], t: Catalogue) -> list[tuple[str, str]]:
    """The therapist's tests that were done, as (name, "value – judgement")."""
    lines = []
    for name, result in therapist_tests(intake).items():
        if result.value is None:
            continue
        value = t(f"person.test.{name}_value", value=_number(result.value, t.language))
        judged = {True: "flag", False: "fine", None: "no_norm"}[result.flag]
        lines.append((t(f"person.test.{name}"), f"{value} – {t(f'person.test.{judged}')}"))
    return lines
