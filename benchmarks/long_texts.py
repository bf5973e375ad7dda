"""How `homecheck report` grows with long notes: seconds and pages for 1×, 2× and 4× the text.

Run:  .venv/bin/python benchmarks/long_texts.py [--runs N]

Each figure is the real command (`homecheck report FILE -o OUT.pdf`, a child process, start-up
included), the median of N runs. The files are docs/examples/full-check.json with hazards given
notes at the reader's maximum (20,000 characters) of four kinds: prose, one-letter lines
("a\\n" × 10,000), 40-character lines, and blank lines around a word. The last row is the
largest file the reader accepts: every item a hazard with a 20,000-character note of short
lines, every area note 20,000, goals 5,000, labels 200. docs/reliability.md records a run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from homecheck.domain.content import load_checklist  # noqa: E402
from homecheck.domain.textrules import MAX_INTAKE_TEXT, MAX_LABEL, MAX_NOTE  # noqa: E402
from homecheck.report.text import SHORT_LINE  # noqa: E402

SENTENCE = (
    "the rug in the hall slides on the tiles and the light switch is far from the bed "
    "so at night she walks to the toilet in the dark holding on to the furniture"
)
WORDS = SENTENCE.split(" ")


def prose(size: int) -> str:
    """Words and spaces, one long paragraph."""
    text, n = [], 0
    while n < size:
        word = WORDS[len(text) % len(WORDS)]
        text.append(word)
        n += len(word) + 1
    return " ".join(text)[:size]


def letters(size: int) -> str:
    """Lines of one letter: the worst case for line breaks."""
    return ("a\n" * (size // 2))[:size]


def forty(size: int) -> str:
    """Lines of 40 characters, which keep their line breaks (SHORT_LINE): the worst case now."""
    line = prose(SHORT_LINE).strip().ljust(SHORT_LINE, ".") + "\n"
    return (line * (size // len(line) + 1))[:size]


def blanks(size: int) -> str:
    """A word after every run of 50 blank lines."""
    block = "\n" * 50 + "word"
    return (block * (size // len(block) + 1))[:size]


KINDS: dict[str, Callable[[int], str]] = {
    "prose": prose,
    "one-letter lines": letters,
    "40-character lines": forty,
    "blank lines": blanks,
}


def base() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((ROOT / "docs/examples/full-check.json").read_text("utf-8"))
    return doc


def with_notes(kind: Callable[[int], str], count: int) -> dict[str, Any]:
    """The full check with ``count`` hazards given a note of the maximum length."""
    doc = base()
    hazards = [k for k, v in doc["answers"].items() if v["answer"] == "hazard"][:count]
    assert len(hazards) == count, f"the example has only {len(hazards)} hazards"
    for item_id in hazards:
        doc["answers"][item_id]["note"] = kind(MAX_NOTE)
    return doc


def largest() -> dict[str, Any]:
    """Every free text at its maximum; every item of every area a hazard with a note."""
    doc = base()
    checklist = load_checklist()
    doc["areas"] = list(checklist.area_ids())
    doc["answers"] = {
        item.id: {"answer": "hazard", "note": letters(MAX_NOTE)} for item in checklist.items()
    }
    doc["area_notes"] = {area: prose(MAX_NOTE) for area in doc["areas"]}
    doc["intake"]["goals"] = letters(MAX_INTAKE_TEXT)
    doc["client"] = doc["assessor"] = prose(MAX_LABEL)
    return doc


def pages(pdf: Path) -> int:
    import pypdfium2  # a test dependency

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def measure(doc: dict[str, Any], folder: Path, runs: int) -> tuple[int, float, int]:
    """(characters of free text, median seconds, pages) of `homecheck report` on ``doc``."""
    path, out = folder / "check.json", folder / "check.pdf"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    command = [sys.executable, "-m", "homecheck", "report", str(path), "-o", str(out)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    seconds = []
    for _ in range(runs):
        out.unlink(missing_ok=True)
        started = time.perf_counter()
        subprocess.run(command, check=True, env=env, cwd=ROOT)
        seconds.append(time.perf_counter() - started)
    notes = sum(len(a.get("note", "")) for a in doc["answers"].values())
    notes += sum(len(n) for n in doc.get("area_notes", {}).values())
    return notes, statistics.median(seconds), pages(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kinds", nargs="*", choices=list(KINDS), default=list(KINDS))
    parser.add_argument("--no-largest", action="store_true", help="leave out the largest file")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}, {args.runs} runs")
    print(f"{'text':<22}{'notes':>7}{'characters':>12}{'seconds':>9}{'pages':>7}")
    with tempfile.TemporaryDirectory(prefix="homecheck-longtext-") as tmp:
        folder = Path(tmp)
        _, seconds, count = measure(base(), folder, args.runs)
        print(f"{'no notes':<22}{0:>7}{0:>12,}{seconds:>9.2f}{count:>7}")
        for name in args.kinds:
            kind = KINDS[name]
            for notes in (5, 10, 20):
                chars, seconds, count = measure(with_notes(kind, notes), folder, args.runs)
                print(f"{name:<22}{notes:>7}{chars:>12,}{seconds:>9.2f}{count:>7}")
        if args.no_largest:
            return
        doc = largest()
        chars, seconds, count = measure(doc, folder, args.runs)
        notes = len(doc["answers"]) + len(doc["area_notes"])
        print(f"{'largest valid file':<22}{notes:>7}{chars:>12,}{seconds:>9.2f}{count:>7}")


if __name__ == "__main__":
    main()
