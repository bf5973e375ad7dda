"""Shared test data: strategies for valid assessments, the shipped examples, tiny checklists."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from homecheck.domain import assessment as fmt
from homecheck.domain import person
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import Area, Checklist, Item, Text, checklist

CONTENT = checklist()
AREA_IDS = CONTENT.area_ids()
EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "docs" / "examples"
EXAMPLE_NAMES = (
    "full-check.json", "empty-home.json", "therapist-visit.json", "therapist-visit-v2.json",
)

# Any Unicode text that UTF-8 can carry: Hypothesis leaves out lone surrogates by default.
texts = st.text(max_size=30)
iso_dates = st.dates().map(dt.date.isoformat)
photo_names = st.binary(min_size=8, max_size=8).map(lambda b: b.hex() + ".jpg")


def example_doc(name: str) -> dict[str, Any]:
    """Return one shipped example, decoded."""
    doc: dict[str, Any] = json.loads((EXAMPLES_DIR / name).read_text(encoding="utf-8"))
    return doc


def answers_for(item_ids: list[str], plain: bool = False) -> st.SearchStrategy[dict[str, Answer]]:
    """Answers (each item answered or not) with any note, an optional done date and photos.

    ``plain`` answers carry no note, date or photos: much faster to generate, for tests that
    only look at the answer values.
    """
    answer: st.SearchStrategy[Answer] = st.builds(
        Answer,
        answer=st.sampled_from(fmt.ANSWERS),
        note=st.one_of(st.just(""), texts),
        done=st.none() | iso_dates,
        photos=st.lists(photo_names, max_size=2),
    )
    if plain:
        answer = st.sampled_from(fmt.ANSWERS).map(Answer)
    return st.fixed_dictionaries({}, optional=dict.fromkeys(item_ids, answer))


def fesi_answers() -> st.SearchStrategy[list[int | None]]:
    """Seven Short FES-I answers, each 1-4 or skipped."""
    level = st.none() | st.sampled_from(person.FESI_LEVELS)
    return st.lists(level, min_size=person.FESI_ITEMS, max_size=person.FESI_ITEMS)


def intakes() -> st.SearchStrategy[dict[str, Any]]:
    """Any valid intake: every key optional, every value allowed by the format (or null)."""
    entries: dict[str, st.SearchStrategy[Any]] = {}
    for key, choices in person.CHOICE_KEYS.items():
        entries[key] = st.none() | st.sampled_from(choices)
    for key in person.YES_NO_KEYS:
        entries[key] = st.none() | st.booleans()
    for key, (low, high) in person.COUNT_KEYS.items():
        entries[key] = st.none() | st.integers(low, high)
    for key, (low, high) in person.NUMBER_KEYS.items():
        entries[key] = (
            st.none() | st.integers(low, high) | st.floats(low, high, allow_nan=False)
        )
    for key in person.TEXT_KEYS:
        entries[key] = st.none() | texts
    entries["fesi"] = st.none() | fesi_answers()
    assert set(entries) == set(person.INTAKE_KEYS)
    return st.fixed_dictionaries({}, optional=entries)


@st.composite
def assessments(draw: st.DrawFn, stray_answers: bool = False, plain: bool = False) -> Assessment:
    """A valid assessment; with ``stray_answers`` also answers in areas the home lacks.

    ``plain``: answers without notes, dates or photos and an empty text header (see answers_for).

    Stray answers cannot come from a file (the format rejects them) but can sit in the store
    after someone removes an area, so scoring and actions must ignore them.
    """
    areas = draw(st.lists(st.sampled_from(AREA_IDS), unique=True))
    answerable = [
        item.id for item in CONTENT.items() if stray_answers or item.area in areas
    ]
    return Assessment(
        language=draw(st.sampled_from(fmt.LANGUAGES)),
        role=draw(st.sampled_from(fmt.ROLES)),
        client="" if plain else draw(texts),
        assessor="" if plain else draw(texts),
        date=draw(iso_dates),
        areas=areas,
        intake=draw(intakes()),
        answers=draw(answers_for(answerable, plain)),
        area_notes={}
        if plain or not areas
        else draw(st.dictionaries(st.sampled_from(areas), texts)),
        status=draw(st.sampled_from(fmt.STATUSES)),
    )


_T = Text({"nl": "x?", "en": "x?"})


def _item(item_id: str, severity: int) -> Item:
    fix = Text({"nl": f"fix {item_id}", "en": f"fix {item_id}"})  # one action per fix text
    return Item(item_id, item_id.split(".")[0], severity, ("self",), ("seed",), _T, _T, fix)


def tiny_checklist(**areas: list[int]) -> Checklist:
    """A checklist with areas a, b, ... whose items a.1, a.2, ... have the given severities."""
    return Checklist(
        areas=tuple(
            Area(name, _T, _T, True, tuple(_item(f"{name}.{n}", s) for n, s in enumerate(sevs, 1)))
            for name, sevs in areas.items()
        ),
        sources={},
    )
