"""Person questions (intake, three key questions, Short FES-I) and the lifestyle advice content."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from homecheck import resources
from homecheck.domain.content import ContentError, Text, text_from

# The intake keys and their kinds are part of the assessment format (docs/assessment-format.md);
# the wording lives in resources/checklist/person.toml.
CHOICE_KEYS: dict[str, tuple[str, ...]] = {"pain": ("none", "sometimes", "often")}
YES_NO_KEYS: tuple[str, ...] = (
    "fear_of_falling",
    "fear_limits_activities",
    "key_fallen",
    "key_worried",
    "key_unsteady",
)
KEY_QUESTIONS: tuple[str, ...] = ("key_fallen", "key_worried", "key_unsteady")
COUNT_KEYS: dict[str, tuple[int, int]] = {"activity_days": (0, 7), "falls_past_year": (0, 99)}
TEXT_KEYS: tuple[str, ...] = ("goals",)
INTAKE_KEYS: tuple[str, ...] = (
    "pain",
    "activity_days",
    "falls_past_year",
    "fear_of_falling",
    "fear_limits_activities",
    "goals",
    "key_fallen",
    "key_worried",
    "key_unsteady",
    "fesi",
)
FESI_ITEMS = 7
FESI_LEVELS: tuple[int, ...] = (1, 2, 3, 4)


@dataclass(frozen=True)
class Question:
    """One person question with its answer options (empty for numbers and free text)."""

    key: str
    text: Text
    help: Text
    options: dict[str, Text]


@dataclass(frozen=True)
class PersonContent:
    """The texts of the intake, the key questions and the Short FES-I."""

    intro: Text
    questions: dict[str, Question]
    fesi_intro: Text
    fesi_items: tuple[Text, ...]
    fesi_levels: dict[int, Text]
    fesi_bands: dict[str, Text]


@dataclass(frozen=True)
class AdviceSection:
    """One block of the "what you can do yourself" advice."""

    id: str
    title: Text
    points: tuple[Text, ...]
    sources: tuple[str, ...]


def _question(key: str, raw: Any) -> Question:
    if not isinstance(raw, dict):
        raise ContentError(f"person.toml: question {key} is missing")
    options_raw = raw.get("options", {})
    expected = CHOICE_KEYS.get(key, ("yes", "no") if key in YES_NO_KEYS else ())
    if sorted(options_raw) != sorted(expected):
        raise ContentError(f"person.toml: question {key} needs options {list(expected)}")
    options = {name: text_from(options_raw[name], f"{key} option {name}") for name in expected}
    return Question(
        key=key,
        text=text_from(raw.get("text"), f"person question {key}"),
        help=text_from(raw.get("help"), f"person question {key} help"),
        options=options,
    )


@lru_cache(maxsize=1)
def person_content() -> PersonContent:
    """Load and validate resources/checklist/person.toml."""
    data = resources.load_toml("checklist/person.toml")
    questions_raw = data.get("questions", {})
    keys = [k for k in INTAKE_KEYS if k != "fesi"]
    unknown = sorted(set(questions_raw) - set(keys))
    if unknown:
        raise ContentError(f"person.toml: unknown question(s) {', '.join(unknown)}")
    questions = {key: _question(key, questions_raw.get(key)) for key in keys}
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
    return PersonContent(
        intro=text_from(data.get("intro"), "person intro"),
        questions=questions,
        fesi_intro=text_from(fesi.get("intro"), "fesi intro"),
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
