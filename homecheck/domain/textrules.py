"""One rule for the free texts of a check, applied where a check file is read and in the editor.

What the reader accepts, every writer (the store, the PDF, the FHIR export, the JSON file) can
write: text must be encodable as UTF-8, so a lone surrogate (possible as a JSON escape such as
``\\ud800``, but not a character) is refused. Line and paragraph separators (U+2028, U+2029) and
NEL (U+0085) are ordinary characters here; each writer copes with them.

Each free text has a documented maximum length (docs/assessment-format.md), large enough for any
real note and small enough that a file cannot make the report run for minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# Characters (code points), counted as Python counts len().
MAX_LABEL = 200  # the client label and the assessor's name
MAX_NOTE = 20_000  # the note of one item, the note of one area
MAX_INTAKE_TEXT = 5_000  # the free-text answers about the person (goals)

_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> bool:
    """True when the text holds no lone surrogate (so UTF-8 can write it)."""
    return _SURROGATE.search(text) is None


def _shown(text: str) -> str:
    """Text that can be printed: a lone surrogate becomes \\udXXX."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _strings(node: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every text (keys included) in a decoded JSON document, with where it is."""
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            inner = f"{where}.{_shown(key)}" if where else _shown(key)
            yield f"a key in {where or 'the file'}", key
            yield from _strings(value, inner)
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _strings(value, f"{where}[{n}]")


def _free_texts(doc: dict[str, Any], intake_text_keys: tuple[str, ...]) -> Iterator[
    tuple[str, Any, int]
]:
    """(where, value, maximum) of each free text of a check document, version 1 or 2."""
    for key in ("client", "assessor"):
        yield key, doc.get(key), MAX_LABEL
    answers = doc.get("answers")
    if isinstance(answers, dict):
        for item_id, answer in answers.items():
            if isinstance(answer, dict):
                yield f"the note for {_shown(item_id)}", answer.get("note"), MAX_NOTE
    notes = doc.get("area_notes")
    if isinstance(notes, dict):
        for area_id, note in notes.items():
            yield f"the area note for {_shown(area_id)}", note, MAX_NOTE
    intake = doc.get("intake")
    if isinstance(intake, dict):
        for key in intake_text_keys:
            yield f"intake.{key}", intake.get(key), MAX_INTAKE_TEXT


def text_problems(doc: dict[str, Any]) -> list[str]:
    """What breaks the text rule in a decoded check document (empty when nothing does)."""
    from homecheck.domain import person  # see assessment._check_intake

    problems = []
    for where, text in _strings(doc, ""):
        if not encodable(text):
            char = _SURROGATE.search(text)
            code = f"\\u{ord(char.group()):04x}" if char else "?"
            problems.append(
                f"{where or 'the file'} holds {code}, a lone surrogate: not a character, so "
                "it cannot be stored or written"
            )
    for where, value, limit in _free_texts(doc, person.TEXT_KEYS):
        if isinstance(value, str) and len(value) > limit:
            problems.append(
                f"{where} is too long ({len(value):,} characters; at most {limit:,})"
            )
    return problems
