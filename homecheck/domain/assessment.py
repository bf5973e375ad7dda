"""The assessment (one check of one home) and its strict, versioned JSON interchange format."""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from homecheck.domain.content import Checklist
from homecheck.domain.textrules import text_problems

FORMAT_NAME = "homecheck-assessment"
FORMAT_VERSION = 2  # what every writer writes
READ_VERSIONS = (1, 2)  # what the reader reads: version 1 files keep opening
LANGUAGES = ("nl", "en")
ROLES = ("self", "therapist", "caregiver")
# Roles whose checks belong to a person in the client list (the own profile otherwise).
CLIENT_ROLES = ("therapist", "caregiver")
ANSWERS = ("hazard", "ok", "na")
REQUIRED_KEYS = ("format", "version", "language", "role", "date", "areas", "answers")
OPTIONAL_KEYS = ("client", "assessor", "intake", "area_notes", "status")
STATUSES = ("in_progress", "done")
V2_KEYS = ("status",)  # top-level keys a version 1 file cannot have
ANSWER_KEYS = ("answer", "note", "done", "photos")
# Stored photos are named by a hash of their cleaned JPEG (see homecheck/store/photos.py).
PHOTO_NAME = re.compile(r"\A[0-9a-f]{16}\.jpg\Z")  # not "$": it passes a final "\n"
MAX_FILE_BYTES = 64 * 1024 * 1024
# JSON values (objects, lists, texts, numbers, ...) in one file: a real check holds a few
# hundred. Counted before anything else, so that a file of millions of entries is refused at
# once instead of being checked entry by entry (minutes, gigabytes, an error per entry).
MAX_VALUES = 100_000
PROBLEMS_SHOWN = 5  # an error message names at most this many problems
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FormatError(ValueError):
    """An assessment file or object breaks the documented format; ``problems`` lists why."""

    def __init__(self, problems: list[str]) -> None:
        more = len(problems) - PROBLEMS_SHOWN
        tail = [f"and {more:,} more"] if more > 0 else []
        super().__init__("; ".join(problems[:PROBLEMS_SHOWN] + tail))
        self.problems = problems


@dataclass
class Answer:
    """The answer to one item, with an optional note and the date its action was done."""

    answer: str
    note: str = ""
    done: str | None = None
    photos: list[str] = field(default_factory=list)


@dataclass
class Assessment:
    """One check of one home: who, when, which areas, the person answers and the item answers."""

    language: str = "nl"
    role: str = "self"
    client: str = ""
    assessor: str = ""
    date: str = field(default_factory=lambda: _dt.date.today().isoformat())
    areas: list[str] = field(default_factory=list)
    intake: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)
    area_notes: dict[str, str] = field(default_factory=dict)
    status: str = "in_progress"  # "done" once finished; a version 1 file reads as in progress

    @classmethod
    def new(cls, checklist: Checklist, **kwargs: Any) -> Assessment:
        """Return an empty assessment that includes every area of the checklist."""
        kwargs.setdefault("areas", list(checklist.area_ids()))
        return cls(**kwargs)


def is_iso_date(value: object) -> bool:
    """True for a real calendar date written as YYYY-MM-DD."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_intake(raw: Any, version: int, problems: list[str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        problems.append("intake must be an object")
        return {}
    # Here, not at the top: the app's start page never reads an intake (start-up, ~2 ms).
    from homecheck.domain import person

    intake: dict[str, Any] = {}
    for key, value in raw.items():
        spec = person.FIELDS.get(key)
        if spec is None or spec.since > version:
            new = " (new in version 2: write version 2)" if spec is not None else ""
            problems.append(f"intake has an unknown key {key!r}{new}")
            continue
        if value is not None and not spec.allowed(value):
            problems.append(f"intake.{key} {spec.rule()}")
            continue
        intake[key] = list(value) if isinstance(value, list) else value
    return intake


def _check_answer(item_id: str, raw: Any, problems: list[str]) -> Answer | None:
    if not isinstance(raw, dict):
        problems.append(f"answer for {item_id} must be an object")
        return None
    extra = sorted(set(raw) - set(ANSWER_KEYS))
    if extra:
        problems.append(f"answer for {item_id} has unknown key(s) {', '.join(extra)}")
    value = raw.get("answer")
    if value not in ANSWERS:
        problems.append(f"answer for {item_id} must be hazard, ok or na (got {value!r})")
        return None
    note = raw.get("note", "")
    if not isinstance(note, str):
        problems.append(f"note for {item_id} must be text")
        return None
    done = raw.get("done")
    if done is not None and not is_iso_date(done):
        problems.append(f"done date for {item_id} must be YYYY-MM-DD")
        return None
    photos = raw.get("photos", [])
    if not isinstance(photos, list) or not all(
        isinstance(p, str) and PHOTO_NAME.fullmatch(p) for p in photos
    ):
        problems.append(f"photos for {item_id} must be a list of stored photo names")
        return None
    return Answer(answer=value, note=note, done=done, photos=list(photos))


def _check_header(data: dict[str, Any], problems: list[str]) -> int:
    """Check the top level; return the format version (FORMAT_VERSION when it is wrong)."""
    if data.get("format") != FORMAT_NAME:
        problems.append(f"format must be {FORMAT_NAME!r}")
    version = data.get("version")
    if type(version) is not int or version not in READ_VERSIONS:  # not True, not 1.0
        problems.append(
            f"unsupported version {version!r} (this homecheck reads versions 1 and 2)"
        )
        version = FORMAT_VERSION
    missing = [key for key in REQUIRED_KEYS if key not in data]
    if missing:
        problems.append(f"missing key(s): {', '.join(missing)}")
    known = set(REQUIRED_KEYS) | set(OPTIONAL_KEYS)
    if version < 2:
        known -= set(V2_KEYS)
    unknown = sorted(set(data) - known)
    if unknown:
        problems.append(f"unknown key(s): {', '.join(unknown)}")
    if "language" in data and data["language"] not in LANGUAGES:
        problems.append(f"language must be nl or en (got {data['language']!r})")
    if "role" in data and data["role"] not in ROLES:
        problems.append(f"role must be self, therapist or caregiver (got {data['role']!r})")
    for key in ("client", "assessor"):
        if key in data and not isinstance(data[key], str):
            problems.append(f"{key} must be text")
    if "date" in data and not is_iso_date(data["date"]):
        problems.append("date must be a real date written YYYY-MM-DD")
    if version >= 2 and "status" in data and data["status"] not in STATUSES:
        problems.append(f"status must be in_progress or done (got {data['status']!r})")
    return int(version)


def _map_retired(data: dict[str, Any], checklist: Checklist) -> dict[str, Any]:
    """Answers of retired (merged or split) item ids moved to the items that replaced them.

    Runs before any other check, so a file written by an older homecheck keeps opening. The
    mapping is data (resources/checklist/retired.toml), applied by homecheck.domain.retired;
    answers or areas of the wrong type are left for the checks below to report.
    """
    answers, areas = data.get("answers"), data.get("areas")
    if not isinstance(answers, dict) or not isinstance(areas, list):
        return data
    if not all(isinstance(a, str) for a in areas):
        return data
    try:
        from homecheck.domain.retired import map_answers
    except ImportError:  # the retired-id map is not there yet: nothing to map
        return data
    mapped_answers, mapped_areas = map_answers(answers, areas, checklist)
    return {**data, "answers": mapped_answers, "areas": mapped_areas}


def _more_values_than(data: Any, limit: int) -> bool:
    """True when a decoded JSON document holds more than ``limit`` values (counting stops there)."""
    count = 1
    todo = [data]
    while todo:
        node = todo.pop()
        if isinstance(node, dict | list):
            count += len(node)
            if count > limit:
                return True
            todo.extend(node.values() if isinstance(node, dict) else node)
    return False


def from_dict(data: Any, checklist: Checklist) -> Assessment:
    """Validate a decoded JSON document strictly and return the assessment (FormatError if not)."""
    if not isinstance(data, dict):
        raise FormatError(["the file must hold a JSON object"])
    if _more_values_than(data, MAX_VALUES):
        raise _too_many_values()
    # Retired item ids first, before any check (they are data: resources/checklist/retired.toml).
    data = _map_retired(data, checklist)
    # One text rule for every writer: no lone surrogates, free texts within their maximum.
    # Checked first and alone: the other messages quote keys, which may hold such text.
    problems: list[str] = text_problems(data)
    if problems:
        raise FormatError(problems)
    version = _check_header(data, problems)
    known_areas = set(checklist.area_ids())
    areas_raw = data.get("areas", [])
    areas: list[str] = []
    if not isinstance(areas_raw, list) or not all(isinstance(a, str) for a in areas_raw):
        problems.append("areas must be a list of area ids")
    else:
        for area_id in areas_raw:
            if area_id not in known_areas:
                problems.append(f"unknown area {area_id!r}")
            elif area_id in areas:
                problems.append(f"area {area_id!r} is listed twice")
            else:
                areas.append(area_id)
    answers: dict[str, Answer] = {}
    answers_raw = data.get("answers", {})
    if not isinstance(answers_raw, dict):
        problems.append("answers must be an object of item id to answer")
        answers_raw = {}
    for item_id, raw in answers_raw.items():
        try:
            item = checklist.item(item_id)
        except KeyError:
            problems.append(f"unknown item {item_id!r}")
            continue
        if item.area not in areas and item.area in known_areas and isinstance(areas_raw, list):
            problems.append(
                f"item {item_id!r} is answered but its area {item.area!r} is not listed"
            )
        answer = _check_answer(item_id, raw, problems)
        if answer is not None:
            answers[item_id] = answer
    notes_raw = data.get("area_notes", {})
    area_notes: dict[str, str] = {}
    if not isinstance(notes_raw, dict):
        problems.append("area_notes must be an object of area id to text")
    else:
        for area_id, note in notes_raw.items():
            if area_id not in areas or not isinstance(note, str):
                problems.append(f"area note for {area_id!r} needs a listed area and text")
            else:
                area_notes[area_id] = note
    intake = _check_intake(data.get("intake", {}), version, problems)
    if problems:
        raise FormatError(problems)
    # Keep answers in checklist order so files and reports read in the order of the home.
    ordered = {item.id: answers[item.id] for item in checklist.items() if item.id in answers}
    return Assessment(
        language=data["language"],
        role=data["role"],
        client=data.get("client", ""),
        assessor=data.get("assessor", ""),
        date=data["date"],
        areas=areas,
        intake=intake,
        answers=ordered,
        area_notes=area_notes,
        status=str(data.get("status", "in_progress")) if version >= 2 else "in_progress",
    )


def to_dict(assessment: Assessment) -> dict[str, Any]:
    """Return the JSON-ready document for an assessment (format version 2)."""
    answers: dict[str, Any] = {}
    for item_id, answer in assessment.answers.items():
        entry: dict[str, Any] = {"answer": answer.answer}
        if answer.note:
            entry["note"] = answer.note
        if answer.done:
            entry["done"] = answer.done
        if answer.photos:
            entry["photos"] = list(answer.photos)
        answers[item_id] = entry
    from homecheck.domain import person  # see _check_intake

    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "status": assessment.status,
        "language": assessment.language,
        "role": assessment.role,
        "client": assessment.client,
        "assessor": assessment.assessor,
        "date": assessment.date,
        "areas": list(assessment.areas),
        "intake": {k: assessment.intake[k] for k in person.INTAKE_KEYS if k in assessment.intake},
        "answers": answers,
    }
    if assessment.area_notes:
        doc["area_notes"] = dict(assessment.area_notes)
    return doc


def dumps(assessment: Assessment) -> str:
    """Serialise an assessment as pretty, UTF-8-friendly JSON text."""
    return json.dumps(to_dict(assessment), ensure_ascii=False, indent=2) + "\n"


class _DuplicateKey(ValueError):
    pass


class _TooManyValues(ValueError):
    pass


def _too_many_values() -> FormatError:
    return FormatError([f"the file holds more than {MAX_VALUES:,} values: no check has that many"])


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON allows repeated keys (the last silently wins); in a health record that hides data.
    if len(pairs) > MAX_VALUES:
        raise _TooManyValues
    result = dict(pairs)
    if len(result) < len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def loads(text: str, checklist: Checklist) -> Assessment:
    """Parse JSON text into an assessment (FormatError on any problem)."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        raise FormatError([message]) from None
    except _DuplicateKey as exc:
        raise FormatError([f"not valid: the key {exc} appears twice in one object"]) from None
    except _TooManyValues:
        raise _too_many_values() from None
    except RecursionError:
        raise FormatError(["not valid JSON (nested too deeply)"]) from None
    except ValueError:
        # json.loads raises a plain ValueError for an integer longer than Python's
        # int_max_str_digits (4300) rather than a JSONDecodeError.
        raise FormatError(["not valid JSON (a number has too many digits)"]) from None
    return from_dict(data, checklist)


def read_file(path: Path, checklist: Checklist) -> Assessment:
    """Read an assessment file; every way it can fail becomes a FormatError with one message."""
    from homecheck.fileio import read_input  # the guarded reader: regular files, bounded

    try:
        raw = read_input(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise FormatError(["file not found"]) from None
    except PermissionError:
        raise FormatError(["permission denied"]) from None
    except OSError as exc:
        reason = f"cannot read the file ({exc.strerror})" if exc.strerror else str(exc)
        raise FormatError([reason]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError(["not a UTF-8 text file"]) from None
    return loads(text, checklist)
