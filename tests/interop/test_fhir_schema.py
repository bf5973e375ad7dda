"""The FHIR export is valid FHIR R4: the official JSON schema, and a real FHIR server library."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homecheck.domain.assessment import Answer, Assessment, from_dict, read_file
from homecheck.domain.content import checklist
from homecheck.interop.fhir import answers_from_bundle, bundle, fhir_string
from tests.domain.strategies import EXAMPLE_NAMES, EXAMPLES_DIR
from tests.interop import fhir_r4

CONTENT = checklist()
ITEM_IDS = [item.id for item in CONTENT.items()]
# Every kind of white space and control character the reader lets through in a note or label.
SEPARATORS = (
    "\u2028\u2029\x85\v\f\x1c\x1d\x1e\x1f\xa0\u1680\u2000\u2007\u200a\u202f\u205f\u3000\ufeff"
    "\x00\x07\x1b\x7f\x9f"
)


def _export(**fields: Any) -> dict[str, Any]:
    answers = fields.pop("answers", {ITEM_IDS[0]: Answer("hazard", "rug")})
    check = Assessment.new(CONTENT, answers=answers, **fields)
    return json.loads(json.dumps(bundle(CONTENT, check), ensure_ascii=False))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_exports_to_valid_fhir_r4(name: str) -> None:
    check = read_file(EXAMPLES_DIR / name, CONTENT)
    fhir_r4.assert_valid(_export_of(check))


def _export_of(check: Assessment) -> dict[str, Any]:
    return json.loads(json.dumps(bundle(CONTENT, check), ensure_ascii=False))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_full_check_with_notes_and_names_is_valid_in_both_languages(language: str) -> None:
    answers = {
        item_id: Answer(("hazard", "ok", "na")[i % 3], f"note {i}\nsecond line")
        for i, item_id in enumerate(ITEM_IDS)
    }
    doc = _export(answers=answers, language=language, client="Mevr. de Vries", assessor="Ans")
    fhir_r4.assert_valid(doc)


@pytest.mark.parametrize("char", list(SEPARATORS))
def test_text_with_separators_and_controls_stays_valid(char: str) -> None:
    answers = {ITEM_IDS[0]: Answer("hazard", f"losse{char}mat"), ITEM_IDS[1]: Answer("ok", char)}
    doc = _export(answers=answers, client=f"A{char}B", assessor=char * 3)
    fhir_r4.assert_valid_resource(doc["entry"][1]["resource"])
    back = answers_from_bundle(doc)
    assert back[ITEM_IDS[0]].note in {"losse\nmat", "losse\n\nmat", "losse mat", "lossemat"}
    assert back[ITEM_IDS[1]].note == ""  # nothing but white space: no note at all
    response = doc["entry"][1]["resource"]
    assert "author" not in response


def test_line_and_paragraph_separators_become_line_breaks() -> None:
    assert fhir_string("een\u2028twee\x85drie\u2029vier") == "een\ntwee\ndrie\n\nvier"
    assert fhir_string("a\u00a0b\u3000c") == "a b c"
    assert fhir_string("\u2028\u2029\x85") == ""
    assert fhir_string("tab\tand\r\nnewline 🧊 ĳs سلام") == "tab\tand\r\nnewline 🧊 ĳs سلام"


# Text as the reader accepts it: any string without lone surrogates (JSON can carry those, the
# reader refuses them), weighted towards white space and separators.
reader_texts = st.text(
    alphabet=st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(SEPARATORS)),
    max_size=40,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=reader_texts, client=reader_texts, assessor=reader_texts)
def test_any_text_the_reader_accepts_exports_to_valid_fhir(
    note: str, client: str, assessor: str
) -> None:
    raw = {
        "format": "homecheck-assessment",
        "version": 1,
        "language": "en",
        "role": "therapist",
        "date": "2026-12-02",
        "client": client,
        "assessor": assessor,
        "areas": list(CONTENT.area_ids()),
        "answers": {ITEM_IDS[0]: {"answer": "hazard", "note": note}},
    }
    check = from_dict(json.loads(json.dumps(raw)), CONTENT)
    doc = _export_of(check)
    fhir_r4.assert_valid_resource(doc["entry"][1]["resource"])
    assert answers_from_bundle(doc)[ITEM_IDS[0]].note == fhir_string(note)


def _broken(change: str) -> dict[str, Any]:
    doc = copy.deepcopy(_VALID)
    response = doc["entry"][1]["resource"]
    if change == "status":
        response["status"] = "finished"
    elif change == "separator":
        response["subject"] = {"display": "Mevr.\u2028de Vries"}
    elif change == "bom":
        response["subject"] = {"display": "\ufeffde Vries"}
    elif change == "empty":
        response["author"] = {"display": ""}
    elif change == "blank":
        response["author"] = {"display": "\u2028\u2029"}
    elif change == "unknown key":
        response["score"] = 80
    elif change == "date":
        response["authored"] = "02-12-2026"
    elif change == "bundle type":
        doc["type"] = "bag"
    return doc


_VALID = _export(client="Mevr. de Vries")


def test_the_schema_check_catches_what_fhir_forbids() -> None:
    # The check must be able to fail: each of these breaks a rule of FHIR R4.
    assert not fhir_r4.errors(_VALID)
    assert fhir_r4.errors(_broken("bundle type"))
    assert fhir_r4.errors(_broken("status"))  # the whole Bundle, through the schema's root
    for change in ["status", "separator", "bom", "empty", "blank", "unknown key", "date"]:
        assert fhir_r4.resource_errors(_broken(change)["entry"][1]["resource"]), change
    assert fhir_r4.resource_errors({"resourceType": "HomeCheck"})


def test_medplum_fhir_server_stores_the_export_and_gives_the_answers_back() -> None:
    answers = {
        ITEM_IDS[0]: Answer("hazard", "losse mat\u2028bij de deur"),
        ITEM_IDS[1]: Answer("ok"),
        ITEM_IDS[2]: Answer("na", "geen trap"),
    }
    doc = _export(answers=answers, client="Mevr. de Vries", assessor="Ans")
    try:
        result = fhir_r4.medplum_round_trip(doc)
    except RuntimeError as exc:  # npm could not install it, or Node.js is too old
        print(f"skipped: {exc}")
        pytest.skip(f"no round trip through Medplum's FHIR server: {exc}")
    assert result["issues"] == []
    stored = result["response"]
    assert stored["resourceType"] == "QuestionnaireResponse"
    back = answers_from_bundle({"resourceType": "Bundle", "entry": [{"resource": stored}]})
    assert back == {k: Answer(v.answer, fhir_string(v.note)) for k, v in answers.items()}
    # And it refuses what FHIR forbids (the check can fail).
    refused = fhir_r4.medplum_round_trip(_broken("blank"))
    assert refused["issues"]
