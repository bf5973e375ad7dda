"""Person questions (intake, three key questions, Short FES-I) and the lifestyle advice content."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from homecheck import resources
from homecheck.domain.content import ContentError, Text, text_from

if TYPE_CHECKING:
    from homecheck.i18n import Catalogue

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
# asked: they follow from falls_past_year and fear_of_falling (see reconciled()). The tests
# section is asked only when a therapist fills in; fesi has its own block.
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
    not_fallen = (counted and count == 0) or (
        not counted and intake.get("key_fallen") is False
    )
    if fall_details and not_fallen:
        codes.append("fall_details_but_no_fall")
    return codes


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


@dataclass(frozen=True)
class AdviceSection:
    """One block of the "what you can do yourself" advice."""

    id: str
    title: Text
    points: tuple[Text, ...]
    sources: tuple[str, ...]


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


@lru_cache(maxsize=1)
def advice_sections() -> tuple[AdviceSection, ...]:
    """Load and validate resources/checklist/advice.toml (the leaflet's lifestyle advice)."""
    from homecheck.domain.content import checklist

    known_sources = checklist().sources
    data = resources.load_toml("checklist/advice.toml")
    sections = []
    for raw in data.get("sections", ()):
        sid = str(raw.get("id", ""))
        if not sid:
            raise ContentError("advice.toml: a section has no id")
        points = tuple(text_from(p, f"advice {sid} point") for p in raw.get("points", ()))
        if not points:
            raise ContentError(f"advice.toml: section {sid} has no points")
        srcs = tuple(raw.get("sources", ()))
        if not srcs or any(s not in known_sources for s in srcs):
            raise ContentError(f"advice.toml: section {sid} needs known sources")
        sections.append(
            AdviceSection(sid, text_from(raw.get("title"), f"advice {sid}"), points, srcs)
        )
    ids = [s.id for s in sections]
    if len(set(ids)) != len(ids):
        raise ContentError("advice.toml: section ids must be unique")
    return tuple(sections)


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
    """The answers that call for a full falls assessment: >= 2 falls, injury, long lie, fainting."""
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


def warning_texts(intake: dict[str, Any], t: Catalogue) -> list[str]:
    """The contradictions of this intake as sentences in the catalogue's language."""
    count = intake.get("falls_past_year")
    return [t(f"person.warning.{code}", count=count) for code in contradictions(intake)]


def person_json(intake: dict[str, Any], t: Catalogue) -> dict[str, Any]:
    """The "person" object of ``homecheck score --json`` (docs/scoring.md)."""
    from homecheck.domain.fesi import score_short_fesi

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


# -- the person's answers in words (summary page, PDF "About you") -------------------------

SUMMARY_KEYS: tuple[str, ...] = (
    "falls_past_year", "fall_injury", "long_lie", "fainted", "key_unsteady", "pain",
    "activity_days", "fear_of_falling", "fear_limits_activities", "walking_aid", "low_vision",
    "lives_alone", "osteoporosis", "night_toilet", "goals",
)  # fmt: skip


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
