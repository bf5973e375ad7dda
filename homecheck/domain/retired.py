"""Retired item ids: old files and stored checks keep opening after items were merged or split.

resources/checklist/retired.toml names every item id that no longer exists and the item that took
its place (docs/assessment-format.md, "Retired item ids"). Readers call ``map_answers`` on the raw
answers and areas *before* any other check, so an old id is never reported as unknown.

- A merged id maps to the item that replaced it. When two old answers meet on one item, "hazard"
  wins over "ok" over "na", their notes are joined (within the note's maximum length), the later
  done date is kept and the photos of both are kept.
- A split id maps to the broader of its successors.
- An area that a mapped answer needs is added to the areas, when the old answer's own area was
  listed (an answer whose area was missing stays an error, as it was).

Anything malformed is left as it is, under the new id, for the reader's validation to report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from homecheck import resources
from homecheck.domain.content import Checklist, ContentError
from homecheck.domain.textrules import MAX_NOTE

RETIRED_FILE = "checklist/retired.toml"
KINDS: tuple[str, ...] = ("merged", "split")
# Stronger answers win when two old answers meet on one item.
_ANSWER_RANK = {"hazard": 2, "ok": 1, "na": 0}
_ITEM_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Retirement:
    """One item id that no longer exists and the current item its answers move to."""

    id: str
    kind: str
    replaced_by: str


def parse_retired(data: Mapping[str, Any], checklist: Checklist) -> dict[str, Retirement]:
    """Validate retired.toml's data against the checklist; return old id -> retirement.

    Chains (an id retired into one that was retired later) are followed to the current item.
    """
    entries = data.get("retired", [])
    if not isinstance(entries, list):
        raise ContentError("retired.toml: [[retired]] must be a list of tables")
    raw: dict[str, tuple[str, str]] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise ContentError("retired.toml: every [[retired]] entry must be a table")
        old, kind, new = entry.get("id"), entry.get("kind"), entry.get("replaced_by")
        where = f"retired.toml: {old!r}"
        extra = sorted(set(entry) - {"id", "kind", "replaced_by", "successors"})
        if extra:
            raise ContentError(f"{where}: unknown field(s) {', '.join(extra)}")
        if not isinstance(old, str) or not _ITEM_ID.match(old):
            raise ContentError(f"{where}: id must be an item id such as 'area.name'")
        if old in raw:
            raise ContentError(f"{where}: listed twice")
        if kind not in KINDS:
            raise ContentError(f"{where}: kind must be merged or split")
        if not isinstance(new, str) or not _ITEM_ID.match(new) or new == old:
            raise ContentError(f"{where}: replaced_by must be another item id")
        successors = entry.get("successors", [new])
        if kind == "split" and (not isinstance(successors, list) or new not in successors):
            raise ContentError(f"{where}: a split lists its successors, replaced_by among them")
        raw[old] = (kind, new)
    current = {item.id for item in checklist.items()}
    result: dict[str, Retirement] = {}
    for old, (kind, new) in raw.items():
        if old in current:
            raise ContentError(f"retired.toml: {old!r} is still a checklist item")
        seen = {old}
        while new in raw:  # follow a chain of retirements
            if new in seen:
                raise ContentError(f"retired.toml: {old!r} is part of a cycle")
            seen.add(new)
            new = raw[new][1]
        if new not in current:
            raise ContentError(f"retired.toml: {old!r} is replaced by unknown item {new!r}")
        result[old] = Retirement(old, kind, new)
    return result


def load_retired(checklist: Checklist) -> dict[str, Retirement]:
    """Read and validate resources/checklist/retired.toml for this checklist."""
    return parse_retired(resources.load_toml(RETIRED_FILE), checklist)


def retired_ids(checklist: Checklist) -> dict[str, Retirement]:
    """The shipped retirements, validated against this checklist once and kept with it."""
    cached: dict[str, Retirement] | None = checklist.__dict__.get("_retired")
    if cached is None:
        cached = load_retired(checklist)
        object.__setattr__(checklist, "_retired", cached)  # frozen dataclass, lazy field
    return cached


def _area_of(item_id: str) -> str:
    return item_id.split(".", 1)[0]


def _well_formed(raw: Any) -> bool:
    """True when an answer object can be merged (else it is left for validation to report)."""
    return (
        isinstance(raw, dict)
        and raw.get("answer") in _ANSWER_RANK
        and isinstance(raw.get("note", ""), str)
        and (raw.get("done") is None or isinstance(raw.get("done"), str))
        and isinstance(raw.get("photos", []), list)
    )


def merge_answers(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two well-formed answer objects for one item, combined by the rules above."""
    winner = max(first, second, key=lambda a: _ANSWER_RANK[a["answer"]])
    merged: dict[str, Any] = {"answer": winner["answer"]}
    notes = [a.get("note", "").strip() for a in (first, second)]
    notes = [n for n in notes if n]
    if len(notes) == 2 and notes[0] == notes[1]:
        notes = notes[:1]
    if notes:
        note = "\n".join(notes)
        # Each old note was within the maximum; the joined one must be too, or the check could
        # not be written and read again. Only two very long notes lose their end here.
        merged["note"] = note if len(note) <= MAX_NOTE else note[: MAX_NOTE - 1] + "…"
    dates = [a["done"] for a in (first, second) if a.get("done")]
    if dates:
        # ISO dates sort as text; an ill-formed one is kept so that validation reports it.
        bad = [d for d in dates if not _ISO_DATE.match(d)]
        merged["done"] = bad[0] if bad else max(dates)
    photos = list(first.get("photos", []))
    photos += [p for p in second.get("photos", []) if p not in photos]
    if photos:
        merged["photos"] = photos
    return merged


def map_answers(
    answers: Any,
    areas: Any,
    checklist: Checklist,
    retirements: Mapping[str, Retirement] | None = None,
) -> tuple[Any, Any]:
    """Return ``(answers, areas)`` with retired item ids moved to the items that replaced them.

    ``answers`` is the raw mapping of item id to answer object of a file or a stored check and
    ``areas`` its list of area ids. Neither is changed in place. Input of the wrong shape is
    returned as it came (the reader reports it).
    """
    if not isinstance(answers, dict):
        return answers, areas
    mapping = retired_ids(checklist) if retirements is None else retirements
    if not any(item_id in mapping for item_id in answers):
        return answers, areas
    listed = None
    if isinstance(areas, list) and all(isinstance(a, str) for a in areas):
        listed = set(areas)
    needed: list[str] = []
    result: dict[str, Any] = {}
    for item_id, raw in answers.items():
        retirement = mapping.get(item_id)
        target = retirement.replaced_by if retirement else item_id
        if retirement and listed is not None and _area_of(item_id) in listed:
            needed.append(_area_of(target))
        if target not in result:
            result[target] = dict(raw) if isinstance(raw, dict) else raw
        elif _well_formed(result[target]) and _well_formed(raw):
            result[target] = merge_answers(result[target], raw)
        elif _well_formed(result[target]):
            result[target] = raw  # keep the malformed one: validation must see it
    # Keep the checklist's order, as a writer would.
    order = {item.id: n for n, item in enumerate(checklist.items())}
    result = dict(sorted(result.items(), key=lambda kv: order.get(kv[0], len(order))))
    if listed is None:
        return result, areas
    added = [a for a in dict.fromkeys(needed) if a not in listed]
    return result, list(areas) + added
