"""The person questions, declared once: the intake keys with their kinds and allowed values,
the three key questions, the Short FES-I, the sections of the About-you page, and their texts
(resources/checklist/person.toml).

The rules that use the answers are in homecheck.domain.person_rules; the answers in words (summary
page, PDF, ``score --json``) in homecheck.domain.person_summary.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from homecheck import resources
from homecheck.domain.content import ContentError, Text, text_from

# The intake questions, declared once: key, kind, allowed values and the format version that
# added them. They are part of the assessment format (docs/assessment-format.md); the wording
# lives in resources/checklist/person.toml and the About-you page is built from SECTIONS.


@dataclass(frozen=True)
class IntakeField:
    """One intake key: what values it takes and since which format version."""

    key: str
    kind: str  # "choice" | "yes_no" | "integer" | "number" | "text" | "fesi"
    choices: tuple[str, ...] = ()
    low: int = 0
    high: int = 0
    since: int = 1

    def allowed(self, value: Any) -> bool:
        """True when ``value`` is a valid non-null answer (``type`` checks: True is no number)."""
        if self.kind == "choice":
            return isinstance(value, str) and value in self.choices
        if self.kind == "yes_no":
            return isinstance(value, bool)
        if self.kind == "integer":
            return type(value) is int and self.low <= value <= self.high
        if self.kind == "number":
            return (
                type(value) in (int, float)
                and math.isfinite(value)
                and self.low <= value <= self.high
            )
        if self.kind == "text":
            return isinstance(value, str)
        if self.kind == "fesi":
            return (
                isinstance(value, list)
                and len(value) == FESI_ITEMS
                and all(v is None or (type(v) is int and v in FESI_LEVELS) for v in value)
            )
        raise ValueError(self.kind)

    def rule(self) -> str:
        """The rule in words, for error messages ("must be ...")."""
        if self.kind == "choice":
            return f"must be one of {', '.join(self.choices)} or null"
        if self.kind == "yes_no":
            return "must be true, false or null"
        if self.kind == "integer":
            return f"must be a whole number from {self.low} to {self.high}"
        if self.kind == "number":
            return f"must be a number from {self.low} to {self.high}"
        if self.kind == "text":
            return "must be text"
        return "must be a list of 7 answers, each 1-4 or null"


FESI_ITEMS = 7
FESI_LEVELS: tuple[int, ...] = (1, 2, 3, 4)
WALKING_AIDS: tuple[str, ...] = ("none", "stick", "walker", "wheelchair")

INTAKE_FIELDS: tuple[IntakeField, ...] = (
    # Version 1: the leaflet's intake, the three key questions, the Short FES-I.
    IntakeField("pain", "choice", ("none", "sometimes", "often")),
    IntakeField("activity_days", "integer", low=0, high=7),
    IntakeField("falls_past_year", "integer", low=0, high=99),
    IntakeField("fear_of_falling", "yes_no"),
    IntakeField("fear_limits_activities", "yes_no"),
    IntakeField("goals", "text"),
    IntakeField("key_fallen", "yes_no"),
    IntakeField("key_worried", "yes_no"),
    IntakeField("key_unsteady", "yes_no"),
    IntakeField("fesi", "fesi"),
    # Version 2: the short person profile, what happened at a fall, the therapist's tests.
    IntakeField("walking_aid", "choice", WALKING_AIDS, since=2),
    IntakeField("low_vision", "yes_no", since=2),
    IntakeField("lives_alone", "yes_no", since=2),
    IntakeField("osteoporosis", "yes_no", since=2),
    IntakeField("night_toilet", "yes_no", since=2),
    IntakeField("fall_injury", "yes_no", since=2),
    IntakeField("long_lie", "yes_no", since=2),
    IntakeField("fainted", "yes_no", since=2),
    IntakeField("fesi_by_proxy", "yes_no", since=2),
    IntakeField("age", "integer", low=18, high=120, since=2),
    IntakeField("sex", "choice", ("female", "male"), since=2),
    IntakeField("tug_seconds", "number", low=1, high=300, since=2),
    IntakeField("chair_stands", "integer", low=0, high=60, since=2),
    IntakeField("balance_stage", "integer", low=0, high=4, since=2),
)
FIELDS: dict[str, IntakeField] = {f.key: f for f in INTAKE_FIELDS}
INTAKE_KEYS: tuple[str, ...] = tuple(FIELDS)
KEY_QUESTIONS: tuple[str, ...] = ("key_fallen", "key_worried", "key_unsteady")
CHOICE_KEYS: dict[str, tuple[str, ...]] = {
    f.key: f.choices for f in INTAKE_FIELDS if f.kind == "choice"
}
YES_NO_KEYS: tuple[str, ...] = tuple(f.key for f in INTAKE_FIELDS if f.kind == "yes_no")
COUNT_KEYS: dict[str, tuple[int, int]] = {
    f.key: (f.low, f.high) for f in INTAKE_FIELDS if f.kind == "integer"
}
NUMBER_KEYS: dict[str, tuple[int, int]] = {
    f.key: (f.low, f.high) for f in INTAKE_FIELDS if f.kind == "number"
}
TEXT_KEYS: tuple[str, ...] = tuple(f.key for f in INTAKE_FIELDS if f.kind == "text")
# Asked on the page in this order, section by section. key_fallen and key_worried are not
# asked: they follow from falls_past_year and fear_of_falling (see person_rules.reconciled).
# The tests section is asked only when a therapist fills in; fesi has its own block.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # The leaflet's order: pain, how much you move, falls, fear, goals.
    ("moving", ("pain", "activity_days", "key_unsteady")),
    ("falls", ("falls_past_year", "fall_injury", "long_lie", "fainted")),
    ("fear", ("fear_of_falling", "fear_limits_activities")),
    ("profile", ("walking_aid", "low_vision", "lives_alone", "osteoporosis", "night_toilet")),
    ("goals", ("goals",)),
    ("tests", ("age", "sex", "tug_seconds", "chair_stands", "balance_stage")),
)
THERAPIST_SECTIONS: tuple[str, ...] = ("tests",)
# Questions with their own texts (every key but fesi and the proxy flag, which the FES-I
# block asks itself).
QUESTION_KEYS: tuple[str, ...] = tuple(k for k in INTAKE_KEYS if k not in ("fesi", "fesi_by_proxy"))


@dataclass(frozen=True)
class Question:
    """One person question with its answer options (empty for numbers and free text).

    ``text``/``help`` speak to the person; ``about``/``help_about`` are read by a caregiver or
    therapist and hold ``{who}`` (the client's label, or "the person").
    """

    key: str
    text: Text
    help: Text
    about: Text
    help_about: Text
    options: dict[str, Text]

    def wording(self, language: str, who: str | None) -> tuple[str, str]:
        """(question, help) for the person (``who`` None) or about someone else."""
        if who is None:
            return self.text(language), self.help(language)
        return self.about(language).format(who=who), self.help_about(language).format(who=who)


@dataclass(frozen=True)
class PersonContent:
    """The texts of the intake, the key questions and the Short FES-I."""

    intro: Text
    intro_about: Text
    who: Text
    sections: dict[str, Text]
    questions: dict[str, Question]
    fesi_intro: Text
    fesi_intro_about: Text
    fesi_proxy_question: Text
    fesi_proxy_options: dict[str, Text]
    fesi_items: tuple[Text, ...]
    fesi_levels: dict[int, Text]
    fesi_bands: dict[str, Text]


FESI_PROXY_CHOICES: tuple[str, ...] = ("self", "proxy", "skip")


def options_of(key: str) -> tuple[str, ...]:
    """The answer values of a choice or yes/no question, in the order they are offered.

    Yes/no questions offer "yes" first: the answer that means "there is something".
    """
    return CHOICE_KEYS.get(key, ("yes", "no") if key in YES_NO_KEYS else ())


def _question(key: str, raw: Any) -> Question:
    if not isinstance(raw, dict):
        raise ContentError(f"person.toml: question {key} is missing")
    options_raw = raw.get("options", {})
    expected = options_of(key)
    if sorted(options_raw) != sorted(expected):
        raise ContentError(f"person.toml: question {key} needs options {list(expected)}")
    options = {name: text_from(options_raw[name], f"{key} option {name}") for name in expected}
    return Question(
        key=key,
        text=text_from(raw.get("text"), f"person question {key}"),
        help=text_from(raw.get("help"), f"person question {key} help"),
        about=text_from(raw.get("about"), f"person question {key} about"),
        help_about=text_from(raw.get("help_about"), f"person question {key} help_about"),
        options=options,
    )


@lru_cache(maxsize=1)
def person_content() -> PersonContent:
    """Load and validate resources/checklist/person.toml."""
    data = resources.load_toml("checklist/person.toml")
    questions_raw = data.get("questions", {})
    unknown = sorted(set(questions_raw) - set(QUESTION_KEYS))
    if unknown:
        raise ContentError(f"person.toml: unknown question(s) {', '.join(unknown)}")
    questions = {key: _question(key, questions_raw.get(key)) for key in QUESTION_KEYS}
    sections_raw = data.get("sections", {})
    sections = {
        name: text_from(sections_raw.get(name), f"person section {name}") for name, _ in SECTIONS
    }
    fesi = data.get("fesi", {})
    items = tuple(text_from(t, f"fesi item {n + 1}") for n, t in enumerate(fesi.get("items", ())))
    if len(items) != FESI_ITEMS:
        raise ContentError(f"person.toml: the Short FES-I needs exactly {FESI_ITEMS} items")
    levels_raw = fesi.get("levels", {})
    levels = {lvl: text_from(levels_raw.get(str(lvl)), f"fesi level {lvl}") for lvl in FESI_LEVELS}
    bands_raw = fesi.get("bands", {})
    bands = {
        band: text_from(bands_raw.get(band), f"fesi band {band}")
        for band in ("low", "moderate", "high", "not_scored")
    }
    proxy_raw = fesi.get("proxy_options", {})
    proxy = {c: text_from(proxy_raw.get(c), f"fesi proxy {c}") for c in FESI_PROXY_CHOICES}
    return PersonContent(
        intro=text_from(data.get("intro"), "person intro"),
        intro_about=text_from(data.get("intro_about"), "person intro_about"),
        who=text_from(data.get("who"), "person who"),
        sections=sections,
        questions=questions,
        fesi_intro=text_from(fesi.get("intro"), "fesi intro"),
        fesi_intro_about=text_from(fesi.get("intro_about"), "fesi intro_about"),
        fesi_proxy_question=text_from(fesi.get("proxy_question"), "fesi proxy_question"),
        fesi_proxy_options=proxy,
        fesi_items=items,
        fesi_levels=levels,
        fesi_bands=bands,
    )
