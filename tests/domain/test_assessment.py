"""The strict assessment format (writes v2, reads v1 and v2): clear errors, lossless round trips."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from homecheck import resources
from homecheck.domain import assessment as fmt
from homecheck.domain.assessment import Answer, Assessment, FormatError
from tests.domain.strategies import (
    CONTENT,
    EXAMPLE_NAMES,
    EXAMPLES_DIR,
    assessments,
    example_doc,
)

FULL = example_doc("full-check.json")
Doc = dict[str, Any]


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """Mutation: set a dotted path (``intake.fesi``) to a value."""

    def mutate(doc: Doc) -> None:
        *parents, last = path.split("/")
        target = doc
        for key in parents:
            target = target[key]
        target[last] = value

    return mutate


def _drop(*keys: str) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        for key in keys:
            del doc[key]

    return mutate


FIRST_ITEM = "entrance.path_uneven_or_slippery"
BAD_DOCUMENTS: list[tuple[str, Callable[[Doc], None], str]] = [
    ("wrong format name", _set("format", "homecheck"), "format must be 'homecheck-assessment'"),
    ("format missing", _drop("format"), "format must be"),
    ("version 3", _set("version", 3), "unsupported version 3"),
    ("version 0", _set("version", 0), "unsupported version 0"),
    ("status in a v1 file", _set("status", "done"), "unknown key(s): status"),
    ("v2 intake key in a v1 file", _set("intake/walking_aid", "stick"),
     "intake has an unknown key 'walking_aid' (new in version 2"),
    ("version as text", _set("version", "1"), "unsupported version '1'"),
    ("version true", _set("version", True), "unsupported version True"),
    ("version null", _set("version", None), "unsupported version None"),
    ("missing keys", _drop("date", "answers"), "missing key(s): date, answers"),
    ("missing language", _drop("language"), "missing key(s): language"),
    ("unknown top-level key", _set("colour", "red"), "unknown key(s): colour"),
    ("language de", _set("language", "de"), "language must be nl or en (got 'de')"),
    ("language null", _set("language", None), "language must be nl or en"),
    ("role doctor", _set("role", "doctor"), "role must be self, therapist or caregiver"),
    ("client not text", _set("client", 7), "client must be text"),
    ("assessor not text", _set("assessor", None), "assessor must be text"),
    ("month 13", _set("date", "2026-13-01"), "date must be a real date written YYYY-MM-DD"),
    ("february 30", _set("date", "2026-02-30"), "date must be a real date"),
    ("yesterday", _set("date", "yesterday"), "date must be a real date"),
    ("date with time", _set("date", "2026-11-20T10:00"), "date must be a real date"),
    ("date without dashes", _set("date", "20261120"), "date must be a real date"),
    ("date with newline", _set("date", "2026-11-20\n"), "date must be a real date"),
    ("date as number", _set("date", 20261120), "date must be a real date"),
    ("areas not a list", _set("areas", "kitchen"), "areas must be a list of area ids"),
    ("areas hold a number", _set("areas", ["kitchen", 3]), "areas must be a list of area ids"),
    ("unknown area", _set("areas", ["kitchen", "attic"]), "unknown area 'attic'"),
    ("duplicate area", _set("areas", ["kitchen", "kitchen"]), "area 'kitchen' is listed twice"),
    ("answers not an object", _set("answers", []), "answers must be an object"),
    ("unknown item", _set("answers/kitchen.flying_carpet", {"answer": "ok"}),
     "unknown item 'kitchen.flying_carpet'"),
    ("answer maybe", _set(f"answers/{FIRST_ITEM}", {"answer": "maybe"}),
     f"answer for {FIRST_ITEM} must be hazard, ok or na (got 'maybe')"),
    ("answer missing", _set(f"answers/{FIRST_ITEM}", {"note": "x"}), "(got None)"),
    ("answer not an object", _set(f"answers/{FIRST_ITEM}", "ok"), "must be an object"),
    ("answer unknown key", _set(f"answers/{FIRST_ITEM}", {"answer": "ok", "photo": "x"}),
     f"answer for {FIRST_ITEM} has unknown key(s) photo"),
    ("note not text", _set(f"answers/{FIRST_ITEM}", {"answer": "hazard", "note": 5}),
     f"note for {FIRST_ITEM} must be text"),
    ("done not a date", _set(f"answers/{FIRST_ITEM}", {"answer": "hazard", "done": "soon"}),
     f"done date for {FIRST_ITEM} must be YYYY-MM-DD"),
    ("done impossible date",
     _set(f"answers/{FIRST_ITEM}", {"answer": "hazard", "done": "2026-02-29"}),
     "done date for"),
    ("photos not a list", _set(f"answers/{FIRST_ITEM}", {"answer": "ok", "photos": "a.jpg"}),
     f"photos for {FIRST_ITEM} must be a list of stored photo names"),
    ("photo not a stored name",
     _set(f"answers/{FIRST_ITEM}", {"answer": "ok", "photos": ["../../etc/passwd"]}),
     "must be a list of stored photo names"),
    ("photo name in capitals",
     _set(f"answers/{FIRST_ITEM}", {"answer": "ok", "photos": ["3FA1C29B0D4E7A51.jpg"]}),
     "must be a list of stored photo names"),
    ("version 1.0", _set("version", 1.0), "unsupported version 1.0"),
    ("answered area not listed", _set("areas", ["hallway", "whole_home"]),
     f"item {FIRST_ITEM!r} is answered but its area 'entrance' is not listed"),
    ("area_notes not an object", _set("area_notes", ["x"]), "area_notes must be an object"),
    ("area note unknown area", _set("area_notes", {"attic": "dusty"}), "area note for 'attic'"),
    ("area note not text", _set("area_notes", {"stairs": 14}), "area note for 'stairs'"),
    ("intake not an object", _set("intake", []), "intake must be an object"),
    ("intake unknown key", _set("intake/shoe_size", 42), "intake has an unknown key 'shoe_size'"),
    ("fesi too short", _set("intake/fesi", [1, 2, 3]), "intake.fesi must be a list of 7 answers"),
    ("fesi too long", _set("intake/fesi", [1] * 8), "intake.fesi must be a list of 7"),
    ("fesi value 5", _set("intake/fesi", [1, 2, 3, 4, 5, 1, 1]), "each 1-4 or null"),
    ("fesi value 0", _set("intake/fesi", [0, 2, 3, 4, 1, 1, 1]), "each 1-4 or null"),
    ("fesi value true", _set("intake/fesi", [True, 2, 3, 4, 1, 1, 1]), "each 1-4 or null"),
    ("fesi value 2.0", _set("intake/fesi", [2.0, 2, 3, 4, 1, 1, 1]), "each 1-4 or null"),
    ("fesi not a list", _set("intake/fesi", "1234567"), "intake.fesi must be a list"),
    ("falls_past_year -1", _set("intake/falls_past_year", -1),
     "intake.falls_past_year must be a whole number from 0 to 99"),
    ("falls_past_year 100", _set("intake/falls_past_year", 100), "from 0 to 99"),
    ("falls_past_year 1.5", _set("intake/falls_past_year", 1.5), "whole number"),
    ("falls_past_year true", _set("intake/falls_past_year", True), "whole number"),
    ("activity_days 8", _set("intake/activity_days", 8),
     "intake.activity_days must be a whole number from 0 to 7"),
    ("pain lots", _set("intake/pain", "lots"),
     "intake.pain must be one of none, sometimes, often or null"),
    ("key question yes", _set("intake/key_fallen", "yes"), "intake.key_fallen must be true, false"),
    ("key question 1", _set("intake/key_unsteady", 1), "intake.key_unsteady must be true"),
    ("goals not text", _set("intake/goals", ["walk"]), "intake.goals must be text"),
]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [case[1:] for case in BAD_DOCUMENTS],
    ids=[case[0] for case in BAD_DOCUMENTS],
)
def test_bad_document_gives_a_helpful_format_error(
    mutate: Callable[[Doc], None], message: str
) -> None:
    doc = copy.deepcopy(FULL)
    mutate(doc)
    with pytest.raises(FormatError) as info:
        fmt.from_dict(doc, CONTENT)
    problems = info.value.problems
    assert any(message in problem for problem in problems), problems
    # The message names the first few (an areas list that is a number makes 73 problems).
    shown = problems[: fmt.PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    assert str(info.value) == "; ".join(shown + ([f"and {more:,} more"] if more else []))


def test_every_problem_is_reported_at_once() -> None:
    doc = copy.deepcopy(FULL)
    doc.update(version=3, language="de", role="doctor")
    doc["intake"]["pain"] = "lots"
    with pytest.raises(FormatError) as info:
        fmt.from_dict(doc, CONTENT)
    assert len(info.value.problems) == 4


@pytest.mark.parametrize("data", [[], "text", 1, None, True], ids=repr)
def test_top_level_must_be_an_object(data: Any) -> None:
    with pytest.raises(FormatError, match="must hold a JSON object"):
        fmt.from_dict(data, CONTENT)


def test_nulls_are_allowed_in_the_intake() -> None:
    doc = copy.deepcopy(FULL)
    doc["intake"] = dict.fromkeys(doc["intake"])
    loaded = fmt.from_dict(doc, CONTENT)
    assert loaded.intake == dict.fromkeys(FULL["intake"])


def test_optional_keys_have_defaults() -> None:
    doc = {key: FULL[key] for key in fmt.REQUIRED_KEYS}
    loaded = fmt.from_dict(doc, CONTENT)
    assert (loaded.client, loaded.assessor, loaded.intake, loaded.area_notes) == ("", "", {}, {})


def test_answers_come_back_in_checklist_order() -> None:
    doc = copy.deepcopy(FULL)
    doc["answers"] = dict(reversed(list(doc["answers"].items())))
    loaded = fmt.from_dict(doc, CONTENT)
    order = [item.id for item in CONTENT.items()]
    assert list(loaded.answers) == sorted(loaded.answers, key=order.index)


# -- text and files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": ', "not valid JSON"),
        ("", "not valid JSON"),
        ("{'single': 'quotes'}", "not valid JSON"),
        ('{"a": 1,}', "not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON"),
        ('{"version": ' + "1" * 5000 + "}", "not valid JSON"),  # over int_max_str_digits
        ("[1, 2]", "must hold a JSON object"),
        ('"a string"', "must hold a JSON object"),
    ],
    ids=["cut off", "empty", "single quotes", "trailing comma", "deep", "huge number",
         "list", "string"],
)
def test_loads_rejects_bad_json(text: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        fmt.loads(text, CONTENT)


def test_malformed_json_says_where() -> None:
    with pytest.raises(FormatError, match=r"line 2 column \d+"):
        fmt.loads('{\n  "format" "x"}', CONTENT)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b'\xff\xfe{"format": 1}'), "not a UTF-8 text file"),
        (lambda p: p.write_bytes("{}".encode("utf-16")), "not a UTF-8 text file"),
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (lambda p: None, "file not found"),
        (lambda p: p.write_bytes(b""), "not valid JSON"),
    ],
    ids=["latin junk", "utf-16", "folder", "missing", "empty file"],
)
def test_read_file_failures(tmp_path: Path, make: Callable[[Path], object], message: str) -> None:
    path = tmp_path / "check.json"
    make(path)
    with pytest.raises(FormatError) as info:
        fmt.read_file(path, CONTENT)
    assert info.value.problems == [message] or message in str(info.value)


def test_read_file_rejects_a_file_over_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps(FULL), encoding="utf-8")
    monkeypatch.setattr(fmt, "MAX_FILE_BYTES", 100)
    with pytest.raises(FormatError, match="file is too large"):
        fmt.read_file(path, CONTENT)


def test_read_file_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(FULL).encode())
    assert fmt.read_file(path, CONTENT) == fmt.from_dict(FULL, CONTENT)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_shipped_examples_are_valid(name: str) -> None:
    loaded = fmt.read_file(EXAMPLES_DIR / name, CONTENT)
    # Nothing is dropped on the way in: the document comes back the same, written as version 2
    # (a version 1 file reads as in progress).
    doc = example_doc(name)
    expected = {**doc, "intake": doc.get("intake", {}), "version": 2}
    expected.setdefault("status", "in_progress")
    assert fmt.to_dict(loaded) == expected


def test_example_values_arrive_as_written() -> None:
    loaded = fmt.from_dict(example_doc("therapist-visit.json"), CONTENT)
    assert loaded.role == "therapist"
    assert loaded.intake["fesi"] == [2, 3, 3, 4, 3, None, 4]
    assert loaded.answers["stairs.rail_both_sides"].answer == "hazard"
    assert loaded.answers["stairs.rail_both_sides"].note.startswith("Rail on the left")
    assert loaded.area_notes["stairs"].startswith("Steep Dutch staircase, 14 steps")


# -- writing and round trips -------------------------------------------------------------------


def test_to_dict_leaves_out_empty_note_done_and_area_notes() -> None:
    a = Assessment(date="2026-01-02", areas=["stairs"], answers={
        "stairs.rail_both_sides": Answer("hazard"),
        "stairs.rail_full_length": Answer("hazard", note="n", done="2026-02-03"),
    })
    doc = fmt.to_dict(a)
    assert doc["answers"] == {
        "stairs.rail_both_sides": {"answer": "hazard"},
        "stairs.rail_full_length": {"answer": "hazard", "note": "n", "done": "2026-02-03"},
    }
    assert "area_notes" not in doc
    assert (doc["format"], doc["version"]) == ("homecheck-assessment", 2)
    assert doc["status"] == "in_progress"


def test_dumps_writes_readable_utf8() -> None:
    a = Assessment(client="Mevrouw Ö’s", date="2026-01-02")
    text = fmt.dumps(a)
    assert "Mevrouw Ö’s" in text and text.endswith("\n")


def test_new_assessment_lists_every_area() -> None:
    assert Assessment.new(CONTENT).areas == list(CONTENT.area_ids())
    assert Assessment.new(CONTENT, areas=["stairs"]).areas == ["stairs"]


@settings(max_examples=150, deadline=None)
@given(original=assessments())
def test_dumps_then_loads_gives_an_equal_assessment(original: Assessment) -> None:
    assert fmt.loads(fmt.dumps(original), CONTENT) == original


@settings(max_examples=150, deadline=None)
@given(original=assessments())
def test_to_dict_then_from_dict_gives_an_equal_assessment(original: Assessment) -> None:
    doc = fmt.to_dict(original)
    assert fmt.from_dict(doc, CONTENT) == original
    # And the document is plain JSON data.
    assert json.loads(json.dumps(doc)) == doc


# -- the JSON Schema ---------------------------------------------------------------------------

def _schema(version: int) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    path = resources.root() / f"schema/assessment-v{version}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def validator() -> Any:
    """The version 1 schema (the examples FULL is mutated from are version 1 files)."""
    return _schema(1)


@pytest.fixture(scope="module")
def validator_v2() -> Any:
    return _schema(2)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_schema_accepts_the_examples(name: str) -> None:
    doc = example_doc(name)
    errors = [e.message for e in _schema(doc["version"]).iter_errors(doc)]
    assert errors == []


@settings(max_examples=100, deadline=None)
@given(original=assessments())
def test_schema_accepts_generated_documents(validator_v2: Any, original: Assessment) -> None:
    errors = [e.message for e in validator_v2.iter_errors(fmt.to_dict(original))]
    assert errors == []


@pytest.mark.parametrize(
    ("key", "value"),
    [("status", "finished"), ("version", 3), ("intake/age", 17), ("intake/age", 121),
     ("intake/tug_seconds", 0.5), ("intake/tug_seconds", 301), ("intake/chair_stands", 61),
     ("intake/balance_stage", 5), ("intake/sex", "x"), ("intake/walking_aid", "cane"),
     ("intake/low_vision", "yes"), ("intake/chair_stands", 2.5)],
    ids=repr,
)
def test_v2_schema_and_reader_reject_out_of_range_values(
    validator_v2: Any, key: str, value: Any
) -> None:
    doc = fmt.to_dict(fmt.from_dict(FULL, CONTENT))
    _set(key, value)(doc)
    assert not validator_v2.is_valid(doc)
    with pytest.raises(FormatError):
        fmt.from_dict(doc, CONTENT)


SCHEMA_REJECTS = [case for case in BAD_DOCUMENTS if case[0] in {
    "wrong format name", "version 3", "version as text", "status in a v1 file", "version true",
    "missing keys",
    "unknown top-level key", "language de", "role doctor", "areas not a list",
    "answers not an object", "answer maybe", "note not text", "intake unknown key",
    "fesi too short", "fesi value 5", "falls_past_year -1", "pain lots",
}]


@pytest.mark.parametrize(
    "mutate", [case[1] for case in SCHEMA_REJECTS], ids=[case[0] for case in SCHEMA_REJECTS]
)
def test_schema_rejects_what_the_reader_rejects(
    validator: Any, mutate: Callable[[Doc], None]
) -> None:
    doc = copy.deepcopy(FULL)
    mutate(doc)
    assert not validator.is_valid(doc)


def test_a_key_given_twice_is_refused() -> None:
    text = json.dumps(example_doc("empty-home.json"))
    doubled = text.replace('"role": "caregiver"', '"role": "caregiver", "role": "self"')
    assert doubled != text
    with pytest.raises(fmt.FormatError, match="appears twice"):
        fmt.loads(doubled, CONTENT)


def test_area_note_for_an_area_the_home_lacks_is_refused() -> None:
    doc = example_doc("empty-home.json")
    doc["areas"].remove("garden")
    doc["area_notes"] = {"garden": "no garden"}
    with pytest.raises(fmt.FormatError, match="area note for 'garden'"):
        fmt.from_dict(doc, CONTENT)


# -- version 2 ---------------------------------------------------------------------------------

V2_PROFILE = {
    "walking_aid": "walker", "low_vision": True, "lives_alone": False, "osteoporosis": None,
    "night_toilet": True, "fall_injury": False, "long_lie": True, "fainted": False,
    "fesi_by_proxy": True, "age": 82, "sex": "female", "tug_seconds": 14.5,
    "chair_stands": 0, "balance_stage": 2,
}


def _v2(**changes: Any) -> Doc:
    doc = copy.deepcopy(FULL)
    doc["version"] = 2
    doc.update(changes)
    return doc


def test_a_version_2_file_with_every_new_key_reads_and_writes_back_the_same() -> None:
    doc = _v2(status="done")
    doc["intake"] = {**doc["intake"], **V2_PROFILE}
    loaded = fmt.from_dict(doc, CONTENT)
    assert loaded.status == "done"
    assert {k: loaded.intake[k] for k in V2_PROFILE} == V2_PROFILE
    assert fmt.from_dict(fmt.to_dict(loaded), CONTENT) == loaded


@pytest.mark.parametrize("status", ["in_progress", "done"])
def test_status_is_read_from_version_2(status: str) -> None:
    assert fmt.from_dict(_v2(status=status), CONTENT).status == status


def test_a_version_2_file_without_status_is_in_progress() -> None:
    assert fmt.from_dict(_v2(), CONTENT).status == "in_progress"


def test_a_version_1_file_reads_as_in_progress_and_is_written_as_version_2() -> None:
    loaded = fmt.from_dict(FULL, CONTENT)
    assert FULL["version"] == 1 and loaded.status == "in_progress"
    assert fmt.to_dict(loaded)["version"] == 2


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("status", "finished", "status must be in_progress or done"),
        ("status", None, "status must be in_progress or done"),
        ("intake/age", 17, "intake.age must be a whole number from 18 to 120"),
        ("intake/age", 121, "from 18 to 120"),
        ("intake/age", 80.0, "whole number"),
        ("intake/age", True, "whole number"),
        ("intake/sex", "other", "intake.sex must be one of female, male or null"),
        ("intake/walking_aid", "cane", "one of none, stick, walker, wheelchair"),
        ("intake/tug_seconds", 0.9, "intake.tug_seconds must be a number from 1 to 300"),
        ("intake/tug_seconds", 300.5, "from 1 to 300"),
        ("intake/tug_seconds", "12", "from 1 to 300"),
        ("intake/tug_seconds", False, "from 1 to 300"),
        ("intake/tug_seconds", float("inf"), "from 1 to 300"),
        ("intake/chair_stands", -1, "intake.chair_stands must be a whole number from 0 to 60"),
        ("intake/chair_stands", 61, "from 0 to 60"),
        ("intake/balance_stage", 5, "intake.balance_stage must be a whole number from 0 to 4"),
        ("intake/long_lie", "yes", "intake.long_lie must be true, false or null"),
        ("intake/fesi_by_proxy", 1, "intake.fesi_by_proxy must be true, false or null"),
    ],
    ids=repr,
)
def test_version_2_values_are_checked(key: str, value: Any, message: str) -> None:
    doc = _v2()
    _set(key, value)(doc)
    with pytest.raises(FormatError) as info:
        fmt.from_dict(doc, CONTENT)
    assert any(message in problem for problem in info.value.problems), info.value.problems


@pytest.mark.parametrize(
    ("key", "value"),
    [("intake/age", 18), ("intake/age", 120), ("intake/tug_seconds", 1),
     ("intake/tug_seconds", 300), ("intake/tug_seconds", 9.75), ("intake/chair_stands", 0),
     ("intake/chair_stands", 60), ("intake/balance_stage", 0), ("intake/balance_stage", 4)]
    + [(f"intake/{key}", None) for key in V2_PROFILE],
    ids=repr,
)
def test_version_2_edges_and_nulls_are_accepted(key: str, value: Any) -> None:
    doc = _v2()
    _set(key, value)(doc)
    assert fmt.from_dict(doc, CONTENT).intake[key.split("/")[1]] == value
