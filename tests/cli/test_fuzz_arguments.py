"""Fuzzing the command line's words: any combination of commands, options and values gives
exit 0, 1 or 2, never a traceback; an error is one line ``homecheck: error: ...`` (``import``:
one per refused file); input files are never changed and a failed command leaves nothing at
its output (issue 14 item 5, issue 17's contract).

Two kinds of runs: any words in any order (mostly usage errors), and each command with its own
arguments in their places holding values of any kind (these reach the files and the store).
~300 + ~100 runs in the normal suite; the long run: HOMECHECK_ARGV_FUZZ=3000 pytest <this file>.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homecheck.cli import build_parser
from homecheck.store.paths import data_dir
from tests.cli.test_fuzz import run_captured

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
RUNS = int(os.environ.get("HOMECHECK_ARGV_FUZZ", "300"))
PREFIX = "homecheck: error: "

COMMANDS = ["checklist", "validate", "score", "report", "blank", "export-fhir", "list", "export",
            "import", "backup", "restore", "nonsense", ""]  # fmt: skip
OPTIONS = ["-o", "--output", "--json", "--lang", "--paper", "--large-print", "--previous",
           "--areas", "--", "-x", "--output=", "--lang=en", "-o-"]  # fmt: skip
# "{x}" names a thing made in the test's folder (see _world).
VALUES = ["{valid}", "{valid2}", "{bad_json}", "{not_object}", "{folder}", "{empty_folder}",
          "{missing}", "{out_pdf}", "{out_json}", "{out_zip}", "{no_such_dir}/x.pdf", "{zip}",
          "", "-", ".", "/dev/null", "1", "2", "0", "-1", "99999999999999999999", "abc", "nl",
          "en", "xx", "a4", "letter", "LETTER", "stairs", "stairs,bathroom", ",", "nope",
          "\u2028", "\ud800", "a\nb"]  # fmt: skip
WORDS = st.sampled_from(COMMANDS + OPTIONS + VALUES)
OUTPUTS = ("out_pdf", "out_json", "out_zip")


def _world(folder: Path) -> dict[str, str]:
    """The files the words refer to, made once per test folder."""
    if not (folder / "valid.json").exists():
        shutil.copy(EXAMPLES / "full-check.json", folder / "valid.json")
        shutil.copy(EXAMPLES / "therapist-visit.json", folder / "valid2.json")
        (folder / "bad.json").write_text("{bad", encoding="utf-8")
        (folder / "list.json").write_text("[1, 2]", encoding="utf-8")
        (folder / "checks").mkdir()
        shutil.copy(EXAMPLES / "empty-home.json", folder / "checks" / "a.json")
        (folder / "empty").mkdir()
        (folder / "backup.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip
    return {
        "valid": str(folder / "valid.json"), "valid2": str(folder / "valid2.json"),
        "bad_json": str(folder / "bad.json"), "not_object": str(folder / "list.json"),
        "folder": str(folder / "checks"), "empty_folder": str(folder / "empty"),
        "missing": str(folder / "missing.json"), "out_pdf": str(folder / "out" / "o.pdf"),
        "out_json": str(folder / "out" / "o.json"), "out_zip": str(folder / "out" / "o.zip"),
        "no_such_dir": str(folder / "no" / "such"), "zip": str(folder / "backup.zip"),
    }  # fmt: skip


def _outputs(argv: list[str]) -> set[Path]:
    """The files named as -o: an existing file there is replaced, as with any -o."""
    named = [b for a, b in itertools.pairwise(argv) if a in ("-o", "--output")]
    named += [a.split("=", 1)[1] for a in argv if a.startswith("--output=")]
    named += [a[2:] for a in argv if a.startswith("-o") and len(a) > 2]
    return {Path(n).absolute() for n in named if n}


def _state(folder: Path, outputs: set[Path]) -> dict[str, str]:
    """Every input file's content (hashed), to see that nothing changed them."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.absolute() not in outputs
        and not {"out", data_dir().name} & set(p.relative_to(folder).parts)
    }  # fmt: skip


@st.composite
def argvs(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(COMMANDS))
    rest = draw(st.lists(WORDS, max_size=6))
    return [command, *rest] if command else rest


def _shapes() -> dict[str, tuple[list[argparse.Action], list[argparse.Action]]]:
    """Each command's positional arguments and options, as its parser declares them."""
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return {
        name: (
            [a for a in parser._actions if not a.option_strings],
            [a for a in parser._actions if a.option_strings and a.dest != "help"],
        )
        for name, parser in sub.choices.items()
    }


SHAPES = _shapes()


# Values that suit an argument (by its dest), drawn more often than VALUES in shaped runs.
GOOD = {"file": ["{valid}", "{valid2}", "{zip}"], "paths": ["{valid}", "{folder}"],
        "output": ["{out_pdf}", "{out_json}", "{out_zip}"], "previous": ["{valid}"],
        "id": ["1", "2"], "areas": ["stairs", "stairs,bathroom"]}  # fmt: skip


@st.composite
def shaped_argvs(draw: st.DrawFn) -> list[str]:
    """A command with the arguments it takes, in the right places, and values of any kind."""
    command = draw(st.sampled_from(sorted(SHAPES)))
    positionals, options = SHAPES[command]

    def value(action: argparse.Action) -> str:
        suited = GOOD.get(action.dest, []) + list(action.choices or ())
        if suited and draw(st.booleans()):
            return str(draw(st.sampled_from(suited)))
        return draw(st.sampled_from(VALUES))

    argv = [command]
    for action in positionals:
        count = 1 if action.nargs is None else draw(st.integers(1, 3))
        argv += [value(action) for _ in range(count)]
    for action in options:
        if draw(st.booleans()):
            argv.append(draw(st.sampled_from(action.option_strings)))
            if action.nargs != 0:
                argv.append(value(action))
    return argv


FUZZ_SETTINGS = settings(
    max_examples=RUNS,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ_SETTINGS
@given(words=argvs())
def test_any_words_give_0_1_or_2_and_one_line_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, words: list[str]
) -> None:
    _check(tmp_path, monkeypatch, words)


@settings(FUZZ_SETTINGS, max_examples=max(1, RUNS // 3))  # (these often write a PDF: slower)
@given(words=shaped_argvs())
def test_every_command_with_its_own_options_and_any_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, words: list[str]
) -> None:
    _check(tmp_path, monkeypatch, words)


def _check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, words: list[str]) -> None:
    monkeypatch.chdir(tmp_path)  # a bare word after -o ("abc", "-") is a file here
    names = _world(tmp_path)
    out_dir = tmp_path / "out"
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir()
    argv = [w.format(**names) if "{" in w else w for w in words]
    before = _state(tmp_path, _outputs(argv))

    code, out, err = run_captured(argv)

    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err
    assert _state(tmp_path, _outputs(argv)) == before, argv  # input files are never changed
    if code == 0:
        assert err == "", (argv, err)
        if "--json" in argv and argv[:1] in (["checklist"], ["score"], ["list"]):
            json.loads(out)
        return
    lines = err.splitlines()
    assert err.endswith("\n") and all(line.startswith(PREFIX) for line in lines), (argv, err)
    if argv[:1] != ["import"]:  # import: one line per refused file (the others are stored)
        assert len(lines) == 1 and out == "", (argv, err)
        assert list(out_dir.iterdir()) == [], argv  # nothing half-written
    assert not (data_dir() / "lock").exists() or (data_dir() / "lock").read_text() == ""
