"""The leaflet's lifestyle advice ("what you can do yourself"), each block with its sources:
resources/checklist/advice.toml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from homecheck import resources
from homecheck.domain.content import ContentError, Text, checklist, text_from


@dataclass(frozen=True)
class AdviceSection:
    """One block of the "what you can do yourself" advice."""

    id: str
    title: Text
    points: tuple[Text, ...]
    sources: tuple[str, ...]


@lru_cache(maxsize=1)
def advice_sections() -> tuple[AdviceSection, ...]:
    """Load and validate resources/checklist/advice.toml (the leaflet's lifestyle advice)."""
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
