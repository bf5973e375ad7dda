"""Retired item ids: the shipped map, its validation, and how old answers move to current items."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from homecheck import resources
from homecheck.domain import actions, assessment, retired, scoring
from homecheck.domain.content import ContentError, checklist
from homecheck.domain.retired import Retirement, map_answers, merge_answers, parse_retired
from homecheck.domain.textrules import MAX_NOTE

CONTENT = checklist()
RETIRED = retired.retired_ids(CONTENT)
CURRENT = {item.id for item in CONTENT.items()}
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
DATA = Path(__file__).resolve().parent / "data"

# The duplicates the clinical review named (issue 13 item 5): each pair now ends on one item.
SAME_HAZARD = [
    ("toilet.night_route_dark", "bedroom.dark_route_to_toilet"),
    ("toilet.none_on_bedroom_floor", "stairs.stairs_at_night_to_toilet"),
    ("living.loose_rugs", "whole_home.loose_rugs"),
    ("hallway.loose_runner_or_rug", "whole_home.loose_rugs"),
    ("living.cords_across_floor", "whole_home.cords_clutter_on_routes"),
    ("storage.items_stored_too_high", "kitchen.items_kept_high_or_low"),
    ("bedroom.no_phone_within_reach", "whole_home.phone_out_of_reach"),
]


def _target(item_id: str) -> str:
    return RETIRED[item_id].replaced_by if item_id in RETIRED else item_id


# -- the shipped map -------------------------------------------------------------------------------


def test_shipped_map_points_only_at_current_items() -> None:
    assert RETIRED, "retired.toml lists no ids"
    for old, retirement in RETIRED.items():
        assert old not in CURRENT, f"{old} is retired but still a checklist item"
        assert retirement.replaced_by in CURRENT
        assert retirement.kind in retired.KINDS


@pytest.mark.parametrize(("old", "kept"), SAME_HAZARD, ids=[p[0] for p in SAME_HAZARD])
def test_each_duplicate_hazard_ends_on_one_item(old: str, kept: str) -> None:
    assert _target(old) == _target(kept) == kept


def test_fainting_split_maps_to_the_broader_dizziness_item() -> None:
    assert RETIRED["whole_home.dizzy_or_fainting"] == Retirement(
        "whole_home.dizzy_or_fainting", "split", "whole_home.dizzy"
    )


def test_no_two_current_items_share_a_fix_text() -> None:
    # "One action per hazard": a merged hazard is not still asked twice under another id.
    for lang in ("nl", "en"):
        fixes = [item.fix(lang) for item in CONTENT.items()]
        assert len(fixes) == len(set(fixes))


# -- parse_retired rejects a broken map ------------------------------------------------------------


def _entry(old: str, new: str, kind: str = "merged", **extra: Any) -> dict[str, Any]:
    return {"id": old, "kind": kind, "replaced_by": new, **extra}


BROKEN = [
    ("unknown kind", [_entry("hall.old", "whole_home.loose_rugs", kind="moved")], "kind must be"),
    ("still current", [_entry("whole_home.pets_underfoot", "whole_home.loose_rugs")], "still a"),
    ("unknown target", [_entry("hall.old", "hall.nowhere")], "unknown item 'hall.nowhere'"),
    ("bad id", [_entry("Hall Old", "whole_home.loose_rugs")], "id must be an item id"),
    (
        "listed twice",
        [_entry("hall.old", "whole_home.loose_rugs"), _entry("hall.old", "whole_home.dizzy")],
        "listed twice",
    ),
    ("cycle", [_entry("hall.a", "hall.b"), _entry("hall.b", "hall.a")], "cycle"),
    ("to itself", [_entry("hall.a", "hall.a")], "another item id"),
    (
        "split without its target among successors",
        [
            _entry(
                "hall.a", "whole_home.dizzy", kind="split", successors=["whole_home.pets_underfoot"]
            )
        ],
        "successors",
    ),
    ("unknown field", [_entry("hall.a", "whole_home.dizzy", reason="x")], "unknown field"),
    ("not a list", {"id": "hall.a"}, "must be a list"),
]


@pytest.mark.parametrize(
    ("entries", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_parse_retired_rejects(entries: Any, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        parse_retired({"retired": entries}, CONTENT)


def test_parse_retired_follows_a_chain_to_the_current_item() -> None:
    parsed = parse_retired(
        {"retired": [_entry("hall.a", "hall.b"), _entry("hall.b", "whole_home.loose_rugs")]},
        CONTENT,
    )
    assert parsed["hall.a"].replaced_by == "whole_home.loose_rugs"
    assert parsed["hall.b"].replaced_by == "whole_home.loose_rugs"


# -- merging two old answers -----------------------------------------------------------------------

RANK_CASES = [
    ("hazard", "ok", "hazard"),
    ("ok", "hazard", "hazard"),
    ("ok", "na", "ok"),
    ("na", "ok", "ok"),
    ("na", "hazard", "hazard"),
    ("na", "na", "na"),
]


@pytest.mark.parametrize(("first", "second", "wins"), RANK_CASES)
def test_hazard_wins_over_ok_over_na(first: str, second: str, wins: str) -> None:
    assert merge_answers({"answer": first}, {"answer": second})["answer"] == wins


def test_merge_joins_notes_keeps_later_done_date_and_all_photos() -> None:
    a = {
        "answer": "ok",
        "note": "Rug in the hall",
        "done": "2026-03-01",
        "photos": ["a" * 16 + ".jpg"],
    }
    b = {"answer": "hazard", "note": "Runner by the door", "done": "2026-02-01",
         "photos": ["b" * 16 + ".jpg", "a" * 16 + ".jpg"]}  # fmt: skip
    assert merge_answers(a, b) == {
        "answer": "hazard",
        "note": "Rug in the hall\nRunner by the door",
        "done": "2026-03-01",
        "photos": ["a" * 16 + ".jpg", "b" * 16 + ".jpg"],
    }


def test_two_long_notes_join_within_the_readers_maximum() -> None:
    first, second = "a" * MAX_NOTE, "b" * MAX_NOTE
    merged = merge_answers({"answer": "ok", "note": first}, {"answer": "ok", "note": second})
    assert len(merged["note"]) == MAX_NOTE
    assert merged["note"].startswith(first[:100]) and merged["note"].endswith("…")
    doc = {
        "format": "homecheck-assessment", "version": 1, "language": "nl", "role": "self",
        "date": "2025-11-03", "areas": ["living", "hallway", "whole_home"],
        "answers": {
            "living.loose_rugs": {"answer": "hazard", "note": first},
            "hallway.loose_runner_or_rug": {"answer": "ok", "note": second},
        },
    }  # fmt: skip
    read = assessment.from_dict(doc, CONTENT)
    # What was read can be written and read again.
    assert assessment.loads(assessment.dumps(read), CONTENT) == read


def test_merge_keeps_one_copy_of_the_same_note_and_leaves_out_empty_fields() -> None:
    merged = merge_answers({"answer": "na", "note": "same"}, {"answer": "na", "note": "same "})
    assert merged == {"answer": "na", "note": "same"}
    assert merge_answers({"answer": "ok"}, {"answer": "ok", "note": ""}) == {"answer": "ok"}


# -- map_answers on raw documents ------------------------------------------------------------------


def test_map_answers_moves_merges_and_adds_the_needed_area() -> None:
    answers = {
        "hallway.loose_runner_or_rug": {"answer": "hazard", "note": "runner"},
        "whole_home.loose_rugs": {"answer": "ok", "done": "2026-01-05"},
        "living.loose_rugs": {"answer": "na"},
        "toilet.none_on_bedroom_floor": {"answer": "hazard"},
        "entrance.clutter_on_path": {"answer": "ok"},
    }
    before = copy.deepcopy(answers)
    areas = ["hallway", "living", "toilet", "whole_home", "entrance"]
    mapped, new_areas = map_answers(answers, areas, CONTENT)
    assert answers == before  # the input is not changed in place
    assert mapped == {
        "entrance.clutter_on_path": {"answer": "ok"},
        "stairs.stairs_at_night_to_toilet": {"answer": "hazard"},
        "whole_home.loose_rugs": {"answer": "hazard", "note": "runner", "done": "2026-01-05"},
    }
    assert list(mapped) == sorted(mapped, key=[i.id for i in CONTENT.items()].index)
    assert new_areas == [*areas, "stairs"]


def test_map_answers_without_retired_ids_changes_nothing() -> None:
    answers = {"whole_home.loose_rugs": {"answer": "ok"}}
    areas = ["whole_home"]
    assert map_answers(answers, areas, CONTENT) == (answers, areas)


def test_area_is_not_added_when_the_old_answers_own_area_was_not_listed() -> None:
    # That file was invalid before; mapping must not make the error disappear.
    mapped, areas = map_answers(
        {"toilet.none_on_bedroom_floor": {"answer": "ok"}}, ["whole_home"], CONTENT
    )
    assert areas == ["whole_home"]
    assert mapped == {"stairs.stairs_at_night_to_toilet": {"answer": "ok"}}


@pytest.mark.parametrize(
    "bad",
    [
        {"answer": "maybe"},
        "hazard",
        {"answer": "ok", "note": 3},
        {"answer": "ok", "done": 20260101},
    ],
    ids=["unknown answer", "not an object", "note not text", "done not text"],
)
def test_malformed_answer_is_kept_for_validation_to_report(bad: Any) -> None:
    for answers in (
        {"living.loose_rugs": {"answer": "hazard"}, "hallway.loose_runner_or_rug": bad},
        {"living.loose_rugs": bad, "hallway.loose_runner_or_rug": {"answer": "hazard"}},
    ):
        mapped, _ = map_answers(answers, ["living", "hallway"], CONTENT)
        assert mapped["whole_home.loose_rugs"] == bad


@pytest.mark.parametrize("answers", [None, [], "x", 3])
def test_map_answers_returns_wrong_shapes_unchanged(answers: Any) -> None:
    assert map_answers(answers, ["whole_home"], CONTENT) == (answers, ["whole_home"])


def test_wrong_areas_shape_is_left_for_validation() -> None:
    mapped, areas = map_answers({"living.loose_rugs": {"answer": "ok"}}, "living", CONTENT)
    assert mapped == {"whole_home.loose_rugs": {"answer": "ok"}}
    assert areas == "living"


# -- the reader maps before any other check (v1 files) ---------------------------------------------


def _v1(answers: dict[str, Any], areas: list[str]) -> dict[str, Any]:
    return {
        "format": "homecheck-assessment",
        "version": 1,
        "language": "en",
        "role": "self",
        "date": "2025-11-03",
        "areas": areas,
        "answers": answers,
    }


def test_v1_file_with_old_ids_reads_as_the_current_items() -> None:
    doc = _v1(
        {
            "bedroom.no_phone_within_reach": {"answer": "hazard", "note": "phone in the kitchen"},
            "whole_home.phone_out_of_reach": {"answer": "ok"},
            "toilet.night_route_dark": {"answer": "hazard", "done": "2025-12-01"},
            "bedroom.dark_route_to_toilet": {"answer": "hazard", "done": "2025-11-20"},
            "whole_home.dizzy_or_fainting": {"answer": "hazard"},
        },
        ["bedroom", "toilet", "whole_home"],
    )
    read = assessment.loads(json.dumps(doc), CONTENT)
    assert set(read.answers) == {
        "bedroom.dark_route_to_toilet", "whole_home.phone_out_of_reach", "whole_home.dizzy",
    }  # fmt: skip
    phone = read.answers["whole_home.phone_out_of_reach"]
    assert (phone.answer, phone.note) == ("hazard", "phone in the kitchen")
    assert read.answers["bedroom.dark_route_to_toilet"].done == "2025-12-01"
    # One hazard, one action: the night route is printed once, not twice.
    built = actions.build_actions(CONTENT, read)
    item_ids = [a.item_id for a in built if not a.is_person_action]
    assert sorted(item_ids) == sorted(set(item_ids))
    assert "bedroom.dark_route_to_toilet" in item_ids


def test_old_and_new_ids_score_the_same() -> None:
    old = _v1(
        {
            "living.loose_rugs": {"answer": "hazard"},
            "hallway.loose_runner_or_rug": {"answer": "hazard"},
            "whole_home.loose_rugs": {"answer": "hazard"},
            "whole_home.pets_underfoot": {"answer": "ok"},
        },
        ["living", "hallway", "whole_home"],
    )
    new = _v1(
        {
            "whole_home.loose_rugs": {"answer": "hazard"},
            "whole_home.pets_underfoot": {"answer": "ok"},
        },
        ["living", "hallway", "whole_home"],
    )
    a, b = (assessment.from_dict(doc, CONTENT) for doc in (old, new))
    assert a.answers == b.answers
    assert scoring.score_home(CONTENT, a) == scoring.score_home(CONTENT, b)
    assert actions.build_actions(CONTENT, a) == actions.build_actions(CONTENT, b)


def test_a_mapped_answer_brings_its_area() -> None:
    doc = _v1({"toilet.none_on_bedroom_floor": {"answer": "hazard"}}, ["toilet", "whole_home"])
    read = assessment.from_dict(doc, CONTENT)
    assert "stairs" in read.areas
    built = actions.build_actions(CONTENT, read)
    assert [a.item_id for a in built if not a.is_person_action] == [
        "stairs.stairs_at_night_to_toilet"
    ]


def test_an_old_id_with_a_bad_answer_is_still_reported() -> None:
    doc = _v1({"living.loose_rugs": {"answer": "maybe"}}, ["living", "whole_home"])
    with pytest.raises(assessment.FormatError, match="hazard, ok or na"):
        assessment.from_dict(doc, CONTENT)


def test_unknown_ids_are_still_unknown() -> None:
    doc = _v1({"living.flying_carpet": {"answer": "hazard"}}, ["living"])
    with pytest.raises(assessment.FormatError, match=r"unknown item 'living\.flying_carpet'"):
        assessment.from_dict(doc, CONTENT)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_shipped_examples_still_read(name: str) -> None:
    read = assessment.read_file(EXAMPLES / name, CONTENT)
    assert set(read.answers) <= CURRENT


def test_schemas_list_current_and_retired_item_ids() -> None:
    # A JSON Schema that names the item ids must accept what the reader accepts: current ids and
    # the retired ids it maps.
    schemas = sorted((resources.root() / "schema").glob("*.schema.json"))
    assert schemas
    for path in schemas:
        schema = json.loads(path.read_text(encoding="utf-8"))
        names = schema["properties"]["answers"].get("propertyNames", {}).get("enum")
        if names is not None:
            assert set(names) == CURRENT | set(RETIRED), path.name


def test_the_full_example_as_written_before_the_merges_reads_one_action_per_hazard() -> None:
    # docs/examples/full-check.json as it was before issue 13: rugs in the hallway and the living
    # room, cords in the living room and the whole home, the night route in bedroom and toilet.
    read = assessment.read_file(DATA / "v1-before-issue-13.json", CONTENT)
    assert set(read.answers) <= CURRENT
    built = [a for a in actions.build_actions(CONTENT, read) if not a.is_person_action]
    item_ids = [a.item_id for a in built]
    assert len(item_ids) == len(set(item_ids)) == 24  # 25 before: two rug hazards were one
    fixes = [CONTENT.item(i).fix("nl") for i in item_ids]
    assert len(fixes) == len(set(fixes))
    assert read.answers["whole_home.loose_rugs"].answer == "hazard"
