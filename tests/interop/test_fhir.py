"""FHIR export: a Bundle with the Questionnaire and the response that round-trips the answers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from homecheck.domain.assessment import Answer, Assessment, read_file
from homecheck.domain.content import checklist
from homecheck.interop.fhir import FhirError, answers_from_bundle, bundle
from tests.interop.fhir_r4 import assert_valid

ROOT = Path(__file__).resolve().parents[2]


def test_bundle_holds_questionnaire_and_response_and_round_trips() -> None:
    content = checklist()
    check = read_file(ROOT / "docs/examples/therapist-visit.json", content)
    doc = json.loads(json.dumps(bundle(content, check)))
    kinds = [e["resource"]["resourceType"] for e in doc["entry"]]
    assert kinds == ["Questionnaire", "QuestionnaireResponse"]
    questionnaire = doc["entry"][0]["resource"]
    asked = [i["linkId"] for g in questionnaire["item"] for i in g["item"]]
    assert asked == [item.id for item in content.items()]
    back = answers_from_bundle(doc)
    assert back == {k: Answer(v.answer, v.note) for k, v in check.answers.items()}


def test_unicode_notes_survive() -> None:
    content = checklist()
    item = next(content.items())
    check = Assessment.new(content, answers={item.id: Answer("hazard", "ĳs op de stoep 🧊 سلام")})
    assert answers_from_bundle(bundle(content, check))[item.id].note == "ĳs op de stoep 🧊 سلام"


@pytest.mark.parametrize(
    "doc",
    [
        [],
        {"resourceType": "Patient"},
        {"resourceType": "Bundle", "type": "collection", "entry": "not a list"},
        {
            "resourceType": "Bundle",
            "entry": [
                {"resource": {"resourceType": "QuestionnaireResponse", "item": [{"item": [{}]}]}}
            ],
        },
    ],
)
def test_reading_back_refuses_what_is_not_an_export(doc: object) -> None:
    with pytest.raises(FhirError):
        answers_from_bundle(doc)


def test_command_writes_a_valid_bundle_and_refuses_bad_input(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    ok = subprocess.run(
        [sys.executable, "main.py", "export-fhir", "docs/examples/full-check.json", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert_valid(json.loads(out.read_text(encoding="utf-8")))
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "main.py", "export-fhir", str(bad), "-o", str(tmp_path / "x.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("homecheck: error: ")
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    ("example", "expected"),
    [("therapist-visit.json", "in-progress"), ("therapist-visit-v2.json", "completed")],
)
def test_response_is_completed_only_for_a_finished_check(example: str, expected: str) -> None:
    # A version 1 file reads as in progress; the v2 example is marked "done".
    content = checklist()
    check = read_file(ROOT / "docs/examples" / example, content)
    response = bundle(content, check)["entry"][1]["resource"]
    assert response["status"] == expected
