"""The headless command line: output shapes, values, and one-line errors with exit status 2."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from homecheck import __version__
from homecheck.cli import build_parser, run
from homecheck.domain import assessment as fmt
from homecheck.domain.actions import build_actions, open_counts
from homecheck.domain.scoring import score_home
from homecheck.domain.wording import action_texts
from homecheck.i18n import LANGUAGES, catalogue
from tests.domain.strategies import CONTENT, EXAMPLE_NAMES, EXAMPLES_DIR, example_doc

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "homecheck: error: "


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_line_error(code: int, out: str, err: str, starts: str = PREFIX) -> str:
    assert code == 2
    assert out == ""
    assert err.endswith("\n")
    assert len(err.splitlines()) == 1, err
    assert err.startswith(starts), err
    assert "Traceback" not in err
    return err


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


# -- checklist ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checklist_json_shape(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = _run(capsys, "checklist", "--json", "--lang", lang)
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert list(doc) == ["areas"]
    assert [a["id"] for a in doc["areas"]] == list(CONTENT.area_ids())
    for area_doc, area in zip(doc["areas"], CONTENT.areas, strict=True):
        assert list(area_doc) == ["id", "title", "items"]
        assert area_doc["title"] == area.title(lang)
        for item_doc, item in zip(area_doc["items"], area.items, strict=True):
            assert list(item_doc) == [
                "id", "question", "why", "fix", "severity", "helpers", "sources", "groups",
                "until_then",
            ]  # fmt: skip
            assert item_doc == {
                "id": item.id,
                "question": item.question(lang),
                "why": item.why(lang),
                "fix": item.fix(lang),
                "severity": item.severity,
                "helpers": list(item.helpers),
                "sources": list(item.sources),
                "groups": list(item.groups),
                "until_then": item.until_then(lang) if item.until_then else None,
            }


def test_checklist_json_languages_share_ids_not_texts(capsys: pytest.CaptureFixture[str]) -> None:
    docs = {}
    for lang in LANGUAGES:
        _, out, _ = _run(capsys, "checklist", "--json", "--lang", lang)
        docs[lang] = json.loads(out)
    nl_items = [i for a in docs["nl"]["areas"] for i in a["items"]]
    en_items = [i for a in docs["en"]["areas"] for i in a["items"]]
    assert [i["id"] for i in nl_items] == [i["id"] for i in en_items]
    for nl, en in zip(nl_items, en_items, strict=True):
        assert nl["question"] != en["question"]
        assert (nl["severity"], nl["helpers"], nl["sources"]) == (
            en["severity"], en["helpers"], en["sources"],
        )  # fmt: skip


def test_checklist_json_is_unescaped_utf8(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "checklist", "--json", "--lang", "nl")
    assert "\\u" not in out


@pytest.mark.parametrize(("argv", "lang"), [((), "nl"), (("--lang", "en"), "en")])
def test_checklist_text(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], lang: str
) -> None:
    code, out, err = _run(capsys, "checklist", *argv)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    for area in CONTENT.areas:
        assert f"{area.title(lang)} [{area.id}]" in lines
        for item in area.items:
            severity = catalogue(lang)("cli.severity", severity=item.severity)
            assert f"  {item.id}  ({severity})" in lines
            assert f"    {item.question(lang)}" in lines


# -- validate ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_validate_accepts_each_example(capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = str(EXAMPLES_DIR / name)
    code, out, err = _run(capsys, "validate", path)
    doc = example_doc(name)
    expected = catalogue(doc["language"])(
        "cli.valid", file=path, answers=len(doc["answers"]), areas=len(doc["areas"])
    )
    assert (code, out, err) == (0, expected + "\n", "")


def test_validate_a_file_whose_name_is_not_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # On Linux a file name may hold any bytes; argv carries them as lone surrogates, which a
    # strict UTF-8 stdout (and pytest's capture) cannot encode.
    raw = os.fsencode(tmp_path) + b"/\xff-check.json"
    Path(os.fsdecode(raw)).write_text(json.dumps(example_doc("empty-home.json")), encoding="utf-8")
    code, out, err = _run(capsys, "validate", os.fsdecode(raw))
    assert (code, err) == (0, "")
    assert "\\xff-check.json: " in out
    Path(os.fsdecode(raw)).unlink()
    code, out, err = _run(capsys, "validate", os.fsdecode(raw))
    assert "\\xff-check.json: file not found" in _assert_one_line_error(code, out, err)


# -- score -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_score_json_shape_and_values(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, err = _run(capsys, "score", "--json", str(EXAMPLES_DIR / name))
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert list(doc) == [
        "score", "hazards", "answered", "unanswered", "areas", "actions", "person", "counts",
    ]  # fmt: skip
    for area in doc["areas"]:
        assert list(area) == ["id", "score", "hazards", "answered", "unanswered"]
    for action in doc["actions"]:
        assert list(action) == ["item", "area", "priority", "fix", "reasons"]
    assert list(doc["person"]) == ["intake", "next_step", "fesi", "tests", "warnings"]

    assessment = fmt.from_dict(example_doc(name), CONTENT)
    home = score_home(CONTENT, assessment)
    assert doc["score"] == home.score
    assert (doc["hazards"], doc["answered"], doc["unanswered"]) == (
        home.hazards, home.answered, home.unanswered,
    )  # fmt: skip
    assert doc["areas"] == [
        {"id": a.area_id, "score": a.score, "hazards": a.hazards, "answered": a.answered,
         "unanswered": a.unanswered}
        for a in home.areas
    ]  # fmt: skip
    t = catalogue(assessment.language)
    assert doc["actions"] == [
        {"item": a.item_id, "area": a.area_id, "priority": a.priority,
         "fix": action_texts(a, t, CONTENT).fix, "reasons": list(a.reasons)}
        for a in build_actions(CONTENT, assessment)
    ]  # fmt: skip
    # No two actions share an item or a fix text.
    assert len({a["item"] for a in doc["actions"]}) == len(doc["actions"])
    assert len({a["fix"] for a in doc["actions"]}) == len(doc["actions"])
    assert doc["counts"] == open_counts(CONTENT, assessment)


def test_score_json_counts_match_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    # An independent count straight from the JSON, not through the domain code.
    raw = example_doc("therapist-visit.json")
    _, out, _ = _run(capsys, "score", "--json", str(EXAMPLES_DIR / "therapist-visit.json"))
    doc = json.loads(out)
    hazards = [k for k, v in raw["answers"].items() if v["answer"] == "hazard"]
    # Every question counts in its area, items about the person (content group "person")
    # included: they are listed under their area as the actions are (only the score leaves
    # them out).
    assert doc["hazards"] == len(hazards)
    assert doc["answered"] == len(raw["answers"])
    for area in doc["areas"]:
        listed = [a for a in doc["actions"] if a["area"] == area["id"]]
        assert area["hazards"] == len(listed), area["id"]
    assert [a["id"] for a in doc["areas"]] == raw["areas"]
    assert sorted(a["item"] for a in doc["actions"] if a["area"] != "person") == sorted(hazards)
    # 2 falls, pain often, fear that limits, a high Short FES-I, 1 active day, unsteady:
    assert [a["item"] for a in doc["actions"] if a["area"] == "person"] == [
        "person.falls_assessment", "person.see_gp_after_fall",
        "person.fear_of_falling", "person.strength_balance",
    ]  # fmt: skip
    priorities = [a["priority"] for a in doc["actions"]]
    assert priorities == sorted(priorities, key=["now", "soon", "later"].index)
    assert 0 < doc["score"] < 100
    # Open actions per priority: the ones not ticked done in the file.
    done = {k for k, v in raw["answers"].items() if v.get("done")}
    expected = {p: sum(1 for a in doc["actions"] if a["priority"] == p and a["item"] not in done)
                for p in ("now", "soon", "later")}
    assert doc["counts"] == expected


def test_score_of_an_empty_home_is_null(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "score", "--json", str(EXAMPLES_DIR / "empty-home.json"))
    doc = json.loads(out)
    assert code == 0
    assert doc["score"] is None
    assert (doc["hazards"], doc["answered"], doc["actions"]) == (0, 0, [])
    # Every question is open, those about the person included.
    assert doc["unanswered"] == len(list(CONTENT.items()))
    assert all(a["score"] is None for a in doc["areas"])


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_score_text(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, err = _run(capsys, "score", str(EXAMPLES_DIR / name))
    assert (code, err) == (0, "")
    assessment = fmt.from_dict(example_doc(name), CONTENT)
    t = catalogue(assessment.language)
    home = score_home(CONTENT, assessment)
    lines = out.splitlines()
    if home.score is None:
        assert lines[0] == t("cli.score_none")
    else:
        assert lines[0] == t("cli.score_line", score=home.score)
    assert lines[1] == t(
        "cli.counts", hazards=home.hazards, answered=home.answered, unanswered=home.unanswered
    )
    actions = build_actions(CONTENT, assessment)
    action_lines = lines[lines.index(t("cli.actions_heading")) + 1 :]
    if not actions:
        assert action_lines == ["  " + t("cli.no_actions")]
    else:
        # One line per action, and under a raised one its "higher because" line.
        expected = []
        for action in actions:
            texts = action_texts(action, t, CONTENT, assessment.intake, assessment.role)
            expected.append(f"  [{t('priority.' + action.priority)}] {texts.fix}")
            if action.reasons:
                expected.append(f"      {texts.raised}")
        assert action_lines == expected



@pytest.mark.parametrize("language", ["nl", "en"])
def test_score_text_counts_read_right_for_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, language: str
) -> None:
    """One hazard, one answer: never "1 gevaren gevonden" / "1 hazards found"."""
    doc = example_doc("therapist-visit.json")
    first = next(iter(doc["answers"]))
    doc.update(language=language, answers={first: {"answer": "hazard"}})
    path = tmp_path / "one.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _err = _run(capsys, "score", str(path))
    assert code == 0
    counts = out.splitlines()[1]
    assert "1 gevaren" not in counts and "1 vragen" not in counts, counts
    assert "1 hazards" not in counts and "1 items" not in counts, counts

# -- bad input ---------------------------------------------------------------------------------


def _doc_text(**changes: Any) -> str:
    doc = example_doc("therapist-visit.json")
    doc.update(changes)
    return json.dumps(doc)


BAD_FILES: list[tuple[str, Callable[[Path], object], str]] = [
    ("missing file", lambda p: None, "file not found"),
    ("folder", lambda p: p.mkdir(), "is a folder"),
    ("not UTF-8", lambda p: p.write_bytes(b"\xff\xfe\x00{"), "not a UTF-8 text file"),
    ("empty", lambda p: p.write_bytes(b""), "not valid JSON"),
    ("malformed JSON", lambda p: p.write_text('{"format": "homecheck-assessment",'),
     "not valid JSON"),
    ("huge number", lambda p: p.write_text('{"version": ' + "9" * 5000 + "}"), "not valid JSON"),
    ("deep nesting", lambda p: p.write_text("[" * 50_000), "not valid JSON"),
    ("top level list", lambda p: p.write_text("[]"), "must hold a JSON object"),
    ("wrong format", lambda p: p.write_text(_doc_text(format="x")), "format must be"),
    ("version 3", lambda p: p.write_text(_doc_text(version=3)), "unsupported version 3"),
    ("unknown key", lambda p: p.write_text(_doc_text(extra=1)), "unknown key(s): extra"),
    ("language de", lambda p: p.write_text(_doc_text(language="de")), "language must be"),
    ("bad date", lambda p: p.write_text(_doc_text(date="2026-13-01")), "date must be"),
    ("unknown area", lambda p: p.write_text(_doc_text(areas=["attic"])), "unknown area"),
    ("answer maybe", lambda p: p.write_text(
        _doc_text(answers={"stairs.rail_both_sides": {"answer": "maybe"}})), "hazard, ok or na"),
    ("several problems with newlines", lambda p: p.write_text(
        _doc_text(version=3, role="doc\ntor", extra="x")), "versions 1 and 2); unknown key"),
    ("key with a newline", lambda p: p.write_text(_doc_text(**{"a\nb\r\u2028c": 1})),
     "unknown key(s)"),
]


@pytest.mark.parametrize("command", [("validate",), ("score",), ("score", "--json")])
@pytest.mark.parametrize(
    ("make", "reason"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    command: tuple[str, ...],
    make: Callable[[Path], object],
    reason: str,
) -> None:
    path = tmp_path / "check.json"
    make(path)
    code, out, err = _run(capsys, *command, str(path))
    err = _assert_one_line_error(code, out, err, starts=f"{PREFIX}{path}: ")
    assert reason in err


USAGE_ERRORS = [
    (),
    ("frobnicate",),
    ("validate",),
    ("score", "--json"),
    ("validate", "a.json", "b.json"),
    ("checklist", "--lang", "de"),
    ("checklist", "--bogus"),
    ("--bogus",),
    ("report", "x.json"),  # no -o
    ("score", "--lang", "en", "x.json"),
]


@pytest.mark.parametrize("argv", USAGE_ERRORS, ids=" ".join)
def test_usage_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    _assert_one_line_error(*_run(capsys, *argv))


def test_usage_error_names_the_problem(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _run(capsys, "checklist", "--lang", "de")
    assert "invalid choice: 'de'" in err
    _, _, err = _run(capsys, "frobnicate")
    assert "frobnicate" in err


@pytest.mark.parametrize("command", [None, *_commands()])
def test_help_exits_0(capsys: pytest.CaptureFixture[str], command: str | None) -> None:
    argv = ["--help"] if command is None else [command, "--help"]
    with pytest.raises(SystemExit) as info:
        run(argv)
    out, err = capsys.readouterr()
    assert info.value.code == 0
    assert err == ""
    assert out.startswith("usage: homecheck" + ("" if command is None else f" {command}"))


def test_every_documented_command_exists() -> None:
    assert {"checklist", "validate", "score", "report"} <= set(_commands())


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run(["--version"])
    out, _ = capsys.readouterr()
    assert info.value.code == 0
    assert out == f"homecheck {__version__}\n"


# -- the real entry point (a few, in a subprocess) ---------------------------------------------


def _main(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_main_py_version() -> None:
    done = _main("--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"homecheck {__version__}\n", "")


def test_main_py_checklist_json() -> None:
    done = _main("checklist", "--json", "--lang", "en")
    assert (done.returncode, done.stderr) == (0, "")
    doc = json.loads(done.stdout)
    assert [a["id"] for a in doc["areas"]] == list(CONTENT.area_ids())


def test_main_py_score_json() -> None:
    done = _main("score", "--json", "docs/examples/full-check.json")
    assert (done.returncode, done.stderr) == (0, "")
    assessment = fmt.from_dict(example_doc("full-check.json"), CONTENT)
    assert json.loads(done.stdout)["score"] == score_home(CONTENT, assessment).score


@pytest.mark.parametrize(
    "argv",
    [("validate", "docs/examples/no-such-file.json"), ("validate", "docs"), ("frobnicate",)],
    ids=["missing file", "folder", "unknown command"],
)
def test_main_py_errors_are_one_line(argv: tuple[str, ...]) -> None:
    done = _main(*argv)
    _assert_one_line_error(done.returncode, done.stdout, done.stderr)


@pytest.mark.parametrize(("role", "gp"), [("self", "je huisarts"), ("caregiver", "de huisarts"),
                                          ("therapist", "de huisarts")])
def test_score_names_whose_gp_in_the_next_step(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path, role: str, gp: str) -> None:
    """As the summary and the PDF: a caregiver or therapist reads "de huisarts" (the person's)."""
    doc = example_doc("empty-home.json")
    doc.update(role=role, language="nl")
    doc.setdefault("intake", {})["falls_past_year"] = 2  # next step: a falls assessment
    path = tmp_path / "check.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = _run(capsys, "score", str(path))
    line = next(line for line in out.splitlines() if line.startswith("Volgende stap: "))
    assert code == 0 and gp in line, line
