"""Files under the 64 MiB limit that hold millions of values: a short refusal, not minutes.

Found re-checking issue 17 by hand: a 40-64 MB file whose answers, areas or intake held five
million entries made `validate` run 47-68 s, use 2.4-3.8 GB of memory and print one "line" of
124-188 MB (a problem per entry); a 64 MB list of zeros under an unknown key took 27 s (the text
rule walked every value). The reader now counts a document's values first and stops at a bound
no real check comes near, and an error names at most a few problems.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from homecheck.domain import assessment as fmt
from tests.domain.strategies import CONTENT, EXAMPLES_DIR, example_doc

ROOT = Path(__file__).resolve().parents[2]
MANY = 300_000  # well past the bound, small enough for a quick test


def _with(shape: str) -> dict[str, Any]:
    doc = example_doc("therapist-visit.json")
    item = next(iter(doc["answers"]))
    if shape == "answers":
        doc["answers"].update({f"x.y{n}": {"answer": "ok"} for n in range(MANY)})
    elif shape == "areas":
        doc["areas"] = ["x"] * MANY
    elif shape == "intake":
        doc["intake"].update({f"k{n}": 0 for n in range(MANY)})
    elif shape == "unknown key":
        doc["extra"] = [0] * MANY
    elif shape == "client":
        doc["client"] = [[0] * 1000 for _ in range(MANY // 1000)]
    elif shape == "answer":
        doc["answers"][item]["photos"] = ["0123456789abcdef.jpg"] * MANY
    return doc


SHAPES = ["answers", "areas", "intake", "unknown key", "client", "answer"]


@pytest.mark.parametrize("shape", SHAPES)
def test_millions_of_values_are_refused_in_a_short_message(shape: str) -> None:
    with pytest.raises(fmt.FormatError) as info:
        fmt.from_dict(_with(shape), CONTENT)
    message = str(info.value)
    assert f"{fmt.MAX_VALUES:,}" in message
    assert len(message) < 300


def test_a_real_check_is_far_from_the_bound() -> None:
    for path in sorted(EXAMPLES_DIR.glob("*.json")):
        fmt.read_file(path, CONTENT)  # every example reads


def test_an_error_names_at_most_a_few_problems() -> None:
    doc = example_doc("therapist-visit.json")
    doc["answers"].update({f"x.y{n}": {"answer": "ok"} for n in range(500)})
    with pytest.raises(fmt.FormatError) as info:
        fmt.from_dict(doc, CONTENT)
    assert len(info.value.problems) == 500  # all of them are kept for a caller that wants them
    message = str(info.value)
    assert message.count("unknown item") == fmt.PROBLEMS_SHOWN
    assert message.endswith(f"and {500 - fmt.PROBLEMS_SHOWN:,} more")


def test_the_command_line_says_it_in_one_short_line(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps(_with("answers")), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "homecheck", "validate", str(path)],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and len(result.stderr) < 500, result.stderr[:500]
