"""Checklist content: frozen dataclasses, loaded from resources/checklist and validated on load."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from homecheck import resources
from homecheck.i18n import LANGUAGES

HELPERS: tuple[str, ...] = (
    "self",
    "family",
    "handyman",
    "occupational_therapist",
    "physiotherapist",
    "gp",
    "home_care",
)
SEVERITIES: tuple[int, ...] = (1, 2, 3)
# The four home tips of the seed leaflet: shoes, light, no loose rugs, a stair rail.
LEAFLET_TIPS: tuple[str, ...] = ("shoes", "lighting", "rugs", "stair_rail")
# Named groups of hazards that the person profile can raise by one priority band (docs/scoring.md);
# "person" marks items about the person rather than the home (left out of the home score).
GROUPS: tuple[str, ...] = (
    "walking", "lighting", "night_route", "stairs", "transfers", "long_lie", "person",
)  # fmt: skip
ITEM_FIELDS: tuple[str, ...] = (
    "id", "severity", "helpers", "sources", "groups", "leaflet_tip", "question", "why", "fix",
    "until_then",
)  # fmt: skip
_ITEM_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
_AREA_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class ContentError(ValueError):
    """The shipped content files are incomplete or inconsistent."""


@dataclass(frozen=True)
class Text:
    """One text in every shipped language.

    ``other``, where a text has it, is the same text for a caregiver or therapist, who fill in
    the check for the person: "Vraag de huisarts" where the person reads "Vraag je huisarts"
    (the catalogue's ``key_other`` in wording.for_role, for the checklist's own texts).
    """

    by_language: Mapping[str, str]
    other: Mapping[str, str] | None = None

    def __call__(self, language: str, role: str = "self") -> str:
        """The text in ``language``, worded for who fills in the check (the role)."""
        if role != "self" and self.other is not None:
            return self.other[language]
        return self.by_language[language]


@dataclass(frozen=True)
class Source:
    """A reference the content is based on (instrument, guideline or the seed leaflet)."""

    key: str
    title: str
    url: str


@dataclass(frozen=True)
class Item:
    """One hazard check: asked so that "yes" means the hazard is present."""

    id: str
    area: str
    severity: int
    helpers: tuple[str, ...]
    sources: tuple[str, ...]
    question: Text
    why: Text
    fix: Text
    leaflet_tip: str | None = None
    groups: tuple[str, ...] = ()
    # What to do meanwhile when the fix takes longer than a week (a rail, a second switch).
    until_then: Text | None = None


@dataclass(frozen=True)
class Area:
    """A part of the home (a room, the stairs, or the whole home) with its items."""

    id: str
    title: Text
    intro: Text
    optional: bool
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    """Every area and item, in the order the wizard and the PDF show them."""

    areas: tuple[Area, ...]
    sources: Mapping[str, Source]

    def area(self, area_id: str) -> Area:
        """Return the area with this id (KeyError when unknown)."""
        for area in self.areas:
            if area.id == area_id:
                return area
        raise KeyError(area_id)

    def item(self, item_id: str) -> Item:
        """Return the item with this id (KeyError when unknown)."""
        return self._items_by_id()[item_id]

    def items(self) -> Iterator[Item]:
        """Yield every item, area by area."""
        for area in self.areas:
            yield from area.items

    def items_in_group(self, group: str) -> tuple[Item, ...]:
        """Return the items of one named group (see GROUPS), in checklist order."""
        if group not in GROUPS:
            raise KeyError(group)
        return tuple(item for item in self.items() if group in item.groups)

    def area_ids(self) -> tuple[str, ...]:
        """Return the area ids in order."""
        return tuple(area.id for area in self.areas)

    def area_index(self, area_id: str) -> int:
        """Return the position of an area (used to order actions)."""
        return self.area_ids().index(area_id)

    def _items_by_id(self) -> dict[str, Item]:
        cached: dict[str, Item] | None = self.__dict__.get("_by_id")
        if cached is None:
            cached = {item.id: item for item in self.items()}
            object.__setattr__(self, "_by_id", cached)
        return cached


def text_from(table: Any, where: str) -> Text:
    """Build a Text from a ``{nl = ..., en = ...}`` table, requiring every language. An
    ``other = {nl = ..., en = ...}`` in it words the text for a caregiver or therapist."""
    if not isinstance(table, dict):
        raise ContentError(f"{where}: expected a table with {', '.join(LANGUAGES)}")
    own = {key: value for key, value in table.items() if key != "other"}
    other = None if "other" not in table else _languages(table["other"], f"{where} other")
    return Text(_languages(own, where), other)


def _languages(table: Any, where: str) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ContentError(f"{where}: expected a table with {', '.join(LANGUAGES)}")
    missing = [lang for lang in LANGUAGES if not str(table.get(lang, "")).strip()]
    if missing:
        raise ContentError(f"{where}: missing text for {', '.join(missing)}")
    extra = sorted(set(table) - set(LANGUAGES))
    if extra:
        raise ContentError(f"{where}: unknown language(s) {', '.join(extra)}")
    return {lang: " ".join(str(table[lang]).split()) for lang in LANGUAGES}


def _load_sources() -> dict[str, Source]:
    data = resources.load_toml("checklist/sources.toml")
    sources = {}
    for key, entry in data.items():
        if not isinstance(entry, dict) or not entry.get("title") or not entry.get("url"):
            raise ContentError(f"sources.toml: {key} needs a title and a url")
        sources[key] = Source(key, str(entry["title"]), str(entry["url"]))
    return sources


def _parse_item(raw: Any, area_id: str, sources: Mapping[str, Source]) -> Item:
    if not isinstance(raw, dict):
        raise ContentError(f"area {area_id}: an item is not a table")
    item_id = str(raw.get("id", ""))
    where = f"item {item_id or '?'} (area {area_id})"
    if not _ITEM_ID.match(item_id) or not item_id.startswith(area_id + "."):
        raise ContentError(f"{where}: id must look like '{area_id}.some_name'")
    severity = raw.get("severity")
    if severity not in SEVERITIES or isinstance(severity, bool):
        raise ContentError(f"{where}: severity must be 1, 2 or 3")
    helpers = tuple(raw.get("helpers", ()))
    if not helpers or any(h not in HELPERS for h in helpers):
        raise ContentError(f"{where}: helpers must be a non-empty list from {', '.join(HELPERS)}")
    item_sources = tuple(raw.get("sources", ()))
    unknown = [s for s in item_sources if s not in sources]
    if not item_sources or unknown:
        raise ContentError(f"{where}: sources must be known keys (unknown: {unknown})")
    extra = sorted(set(raw) - set(ITEM_FIELDS))
    if extra:
        raise ContentError(f"{where}: unknown field(s) {', '.join(extra)}")
    tip = raw.get("leaflet_tip")
    if tip is not None and tip not in LEAFLET_TIPS:
        raise ContentError(f"{where}: leaflet_tip must be one of {', '.join(LEAFLET_TIPS)}")
    groups = raw.get("groups", [])
    if (
        not isinstance(groups, list)
        or any(g not in GROUPS for g in groups)
        or len(set(groups)) != len(groups)
    ):
        allowed = ", ".join(GROUPS)
        raise ContentError(f"{where}: groups must be a list of distinct names from {allowed}")
    until_then = raw.get("until_then")
    return Item(
        id=item_id,
        area=area_id,
        severity=int(severity),
        helpers=helpers,
        sources=item_sources,
        question=text_from(raw.get("question"), f"{where} question"),
        why=text_from(raw.get("why"), f"{where} why"),
        fix=text_from(raw.get("fix"), f"{where} fix"),
        leaflet_tip=str(tip) if tip else None,
        groups=tuple(groups),
        until_then=None if until_then is None else text_from(until_then, f"{where} until_then"),
    )


def _parse_area(raw: dict[str, Any], name: str, sources: Mapping[str, Source]) -> Area:
    area_id = str(raw.get("id", ""))
    if not _AREA_ID.match(area_id):
        raise ContentError(f"{name}: area id missing or invalid")
    extra = sorted(set(raw) - {"id", "optional", "title", "intro", "items"})
    if extra:
        raise ContentError(f"area {area_id}: unknown field(s) {', '.join(extra)}")
    if not isinstance(raw.get("optional", True), bool):
        raise ContentError(f"area {area_id}: optional must be true or false")
    items = tuple(_parse_item(entry, area_id, sources) for entry in raw.get("items", ()))
    if not items:
        raise ContentError(f"area {area_id}: has no items")
    return Area(
        id=area_id,
        title=text_from(raw.get("title"), f"area {area_id} title"),
        intro=text_from(raw.get("intro"), f"area {area_id} intro"),
        optional=bool(raw.get("optional", True)),
        items=items,
    )


def load_checklist() -> Checklist:
    """Read and validate every area file (resources/checklist/areas/*.toml, in file order)."""
    sources = _load_sources()
    areas = []
    for name in resources.listdir("checklist/areas"):
        if name.endswith(".toml"):
            raw = resources.load_toml(f"checklist/areas/{name}")
            areas.append(_parse_area(raw, name, sources))
    seen_areas: set[str] = set()
    seen_items: set[str] = set()
    for area in areas:
        if area.id in seen_areas:
            raise ContentError(f"area id {area.id} is used twice")
        seen_areas.add(area.id)
        for item in area.items:
            if item.id in seen_items:
                raise ContentError(f"item id {item.id} is used twice")
            seen_items.add(item.id)
    return Checklist(areas=tuple(areas), sources=sources)


@lru_cache(maxsize=1)
def checklist() -> Checklist:
    """Return the shipped checklist, loaded once per process."""
    return load_checklist()
