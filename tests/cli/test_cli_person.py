"""`homecheck score --json` and `validate` with the person in them (issue 13's contract)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from homecheck.cli import run
from homecheck.i18n import catalogue
from tests.domain.strategies import EXAMPLES_DIR


def _write(tmp_path: Path, intake: dict[str, Any], answers: dict[str, str] | None = None,
           version: int = 2, language: str = "en", **top: Any) -> Path:
    doc = {"format": "homecheck-assessment", "version": version, "language": language,
           "role": "self", "date": "2026-11-30", "areas": ["bathroom", "stairs", "whole_home"],
           "intake": intake,
           "answers": {k: {"answer": v} for k, v in (answers or {}).items()}, **top}
    path = tmp_path / "check.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _score(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, Any]:
    assert run(["score", "--json", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    doc: dict[str, Any] = json.loads(out)
    return doc


def test_person_object_of_the_v2_therapist_example(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _score(capsys, EXAMPLES_DIR / "therapist-visit-v2.json")
    person = doc["person"]
    assert person["next_step"] == "exercise"  # one fall, unsteady, flagged tests
    assert person["fesi"] == {"total": 16, "band": "high", "by_proxy": False}
    assert person["tests"] == {
        "tug": {"value": 14.2, "flag": True},
        "chair_stand": {"value": 8, "flag": True},  # 79-year-old woman: norm 10
        "balance": {"value": 2, "flag": True},
    }
    assert person["intake"]["walking_aid"] == "walker" and person["warnings"] == []


def test_three_falls_without_key_answers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path, {"falls_past_year": 3, "pain": "often", "activity_days": 0},
                  {"bathroom.no_grab_rails_shower": "ok"})
    doc = _score(capsys, path)
    person_actions = [(a["item"], a["priority"]) for a in doc["actions"]]
    assert ("person.falls_assessment", "now") in person_actions
    assert ("person.talk_about_fall", "now") not in person_actions  # replaced, not both
    assert ("person.strength_balance", "soon") in person_actions
    assert doc["person"]["next_step"] == "falls_assessment"
    assert doc["person"]["intake"] == {"falls_past_year": 3, "pain": "often", "activity_days": 0}
    assert doc["score"] == 100  # the home score stays about the home
    t = catalogue("en")
    assert doc["actions"][0]["fix"] == t("action.person.falls_assessment.fix")


def test_fear_that_limits_activities_gives_an_action(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = _score(capsys, _write(tmp_path, {"fear_of_falling": True,
                                           "fear_limits_activities": True}))
    assert [(a["item"], a["priority"], a["reasons"]) for a in doc["actions"]] == [
        ("person.fear_of_falling", "soon", [])
    ]
    assert doc["person"]["next_step"] == "exercise"
    assert doc["person"]["fesi"] == {"total": None, "band": None, "by_proxy": None}
    assert doc["person"]["tests"]["tug"] == {"value": None, "flag": None}


def test_a_version_1_file_follows_the_new_rules(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The 0.1 test pinned "no actions" for this intake.
    intake = {"fear_of_falling": True, "fear_limits_activities": True, "falls_past_year": 4}
    doc = _score(capsys, _write(tmp_path, intake, version=1))
    assert [a["item"] for a in doc["actions"]] == [
        "person.falls_assessment", "person.fear_of_falling"]


def test_contradictions_are_warnings_validate_still_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path, {"falls_past_year": 4, "key_fallen": False}, language="nl")
    assert run(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    t = catalogue("nl")
    warning = t("person.warning.falls_but_not_fallen", count=4)
    assert out.splitlines()[1:] == [t("person.warning_line", text=warning)]
    assert err == ""
    doc = _score(capsys, path)
    assert doc["person"]["warnings"] == [warning]
    assert "4" in warning and "nee" in warning


def test_status_in_a_v1_file_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path, {}, version=1, status="done")
    assert run(["validate", str(path)]) == 2
    assert "unknown key(s): status" in capsys.readouterr().err
