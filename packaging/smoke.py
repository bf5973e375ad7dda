"""Smoke-test an installed homecheck as a person's computer would run it.

    python packaging/smoke.py --cli PATH/homecheck [--app PATH/homecheck-app]

Runs from a fresh folder outside the checkout, with PATH cut down to the system's folders (no
virtual environment on it, no PYTHONPATH, a private data folder), and checks what comes out:
``checklist`` (JSON, every item), ``report`` on an example (a real PDF with the actions in it),
``export-fhir`` (a Bundle with every answer), bad input (exit 2 and one line), and the app started
offscreen until its first page is shown and it has printed a page to a PDF file
(``--smoke-test``), through the console program and the windowed one. Exit status 0 when every
step passed; each step prints one line.

Used by .ci/test (against the built wheel in a fresh venv) and packaging/build.sh (against the
PyInstaller bundle). Needs only the standard library, plus pypdf to read the PDF's text when it is
installed (the build and test environments have it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples"
SYSTEM_PATH = os.pathsep.join(
    [r"C:\Windows\system32", r"C:\Windows"]
    if os.name == "nt"
    else ["/usr/local/bin", "/usr/bin", "/bin"]
)


class SmokeError(Exception):
    """One step failed; the message says which and how."""


def clean_env(work: Path) -> dict[str, str]:
    """The environment of a person's session: no venv, no Python path, a private data folder."""
    keep = (
        "HOME",
        "USER",
        "LANG",
        "LC_ALL",
        "TMPDIR",
        "TEMP",
        "TMP",
        "SYSTEMROOT",
        "USERPROFILE",
        "APPDATA",
        "LOCALAPPDATA",
        "XDG_RUNTIME_DIR",
    )
    env = {k: v for k, v in os.environ.items() if k in keep}
    env["PATH"] = SYSTEM_PATH
    env["HOMECHECK_DATA_DIR"] = str(work / "data")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("LANG", "C.UTF-8")
    return env


def run(cmd: list[str], work: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run one program from the work folder in the clean environment."""
    return subprocess.run(
        cmd,
        cwd=work,
        env=clean_env(work),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def ok(done: subprocess.CompletedProcess[str], what: str) -> str:
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise SmokeError(f"{what}: exit status {done.returncode}: {' | '.join(tail)}")
    return done.stdout


def step_checklist(cli: str, work: Path) -> dict[str, str]:
    """The whole checklist as JSON; returns item id -> English fix text."""
    doc = json.loads(ok(run([cli, "checklist", "--lang", "en", "--json"], work), "checklist"))
    items = {i["id"]: i["fix"] for area in doc["areas"] for i in area["items"]}
    if len(items) < 70 or not all(items.values()):
        raise SmokeError(f"checklist: {len(items)} items, some without a fix text")
    text = ok(run([cli, "checklist"], work), "checklist (text)")
    if text.count("\n") < len(items):
        raise SmokeError("checklist (text): fewer lines than items")
    return items


def step_report(cli: str, work: Path, fixes: dict[str, str]) -> int:
    """report on the English example: a PDF whose text holds the first hazard's fix."""
    example = work / "therapist-visit.json"
    out = work / "out" / "actions.pdf"
    out.parent.mkdir()
    ok(run([cli, "report", str(example), "-o", str(out)], work), "report")
    data = out.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SmokeError("report: the output is not a complete PDF")
    answers = json.loads(example.read_text(encoding="utf-8"))["answers"]
    hazard = next(item for item, a in answers.items() if a["answer"] == "hazard")
    try:
        from pypdf import PdfReader
    except ImportError:
        print("  (pypdf not installed: PDF text not checked)")
        return len(data)
    reader = PdfReader(out)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    words = fixes[hazard].split()[:4]
    if len(reader.pages) < 2 or " ".join(words) not in text:
        raise SmokeError(f"report: {len(reader.pages)} page(s), {' '.join(words)!r} not found")
    return len(reader.pages)


def step_fhir(cli: str, work: Path) -> int:
    """export-fhir: a Bundle with the Questionnaire and every answer of the example."""
    example = work / "full-check.json"
    out = work / "out" / "fhir.json"
    ok(run([cli, "export-fhir", str(example), "-o", str(out)], work), "export-fhir")
    doc = json.loads(out.read_text(encoding="utf-8"))
    kinds = [e["resource"]["resourceType"] for e in doc.get("entry", [])]
    if doc.get("resourceType") != "Bundle" or kinds != ["Questionnaire", "QuestionnaireResponse"]:
        raise SmokeError(f"export-fhir: unexpected document ({kinds})")
    response = doc["entry"][1]["resource"]
    answered = sum(len(group["item"]) for group in response["item"])
    expected = len(json.loads(example.read_text(encoding="utf-8"))["answers"])
    if answered != expected:
        raise SmokeError(f"export-fhir: {answered} answers, the file has {expected}")
    return answered


def step_bad_input(cli: str, work: Path) -> None:
    """A broken file: exit 2, one line on stderr, nothing written."""
    bad = work / "broken.json"
    bad.write_text("{", encoding="utf-8")
    out = work / "out" / "never.pdf"
    done = run([cli, "report", str(bad), "-o", str(out)], work)
    lines = done.stderr.strip().splitlines()
    if done.returncode != 2 or len(lines) != 1 or not lines[0].startswith("homecheck: error: "):
        raise SmokeError(f"bad input: exit {done.returncode}, stderr {done.stderr.strip()!r}")
    if out.exists():
        raise SmokeError("bad input: a PDF was written anyway")


def step_desktop_entry(cli: str, work: Path) -> str:
    """Linux: the menu entry installs (into the work folder) and points at a real program."""
    share = work / "share"
    env_cmd = ["env", f"XDG_DATA_HOME={share}", cli]
    ok(run([*env_cmd, "--install-desktop-entry"], work), "--install-desktop-entry")
    (entry,) = (share / "applications").glob("*.desktop")
    exec_line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    program = Path(exec_line.split('"')[1])
    if program.name != "homecheck-app" or not os.access(program, os.X_OK):
        raise SmokeError(f"desktop entry: Exec points at {program}")
    ok(run([*env_cmd, "--uninstall-desktop-entry"], work), "--uninstall-desktop-entry")
    if entry.exists():
        raise SmokeError("desktop entry: still there after --uninstall-desktop-entry")
    return f"Exec={program}"


def step_gui(program: str, work: Path, what: str) -> str:
    """The app offscreen until its first page has painted, and a page printed to a PDF file."""
    done = run([program, "--smoke-test"], work, timeout=90)
    shown = ok(done, what).strip()
    if os.name == "nt" and what.startswith("windowed"):
        return "(windowed program: exit status only)"
    first = next((line for line in shown.splitlines() if "first page shown" in line), None)
    if first is None:
        raise SmokeError(f"{what}: no first page ({shown!r})")
    # The app prints a page to a PDF file too: pypdfium2 and QtPrintSupport are there.
    if "printed" not in shown:
        raise SmokeError(f"{what}: printing was not tried ({shown!r})")
    return first.rsplit(": ", 1)[-1] + ", printing works"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the console program (homecheck)")
    parser.add_argument("--app", help="the windowed program (homecheck-app), if there is one")
    args = parser.parse_args(argv)
    cli = str(Path(args.cli).resolve())
    work = Path(tempfile.mkdtemp(prefix="homecheck-smoke-"))
    if work.resolve().is_relative_to(ROOT):
        raise SystemExit("smoke: the work folder must lie outside the checkout")
    for example in EXAMPLES.glob("*.json"):
        shutil.copy(example, work / example.name)
    started = time.monotonic()
    steps = [
        ("version", lambda: ok(run([cli, "--version"], work), "--version").strip()),
        ("checklist", lambda: f"{len(step_checklist(cli, work))} items"),
        ("report", lambda: f"PDF with {step_report(cli, work, step_checklist(cli, work))} pages"),
        ("export-fhir", lambda: f"Bundle with {step_fhir(cli, work)} answers"),
        ("bad input", lambda: step_bad_input(cli, work) or "exit 2, one line"),
        ("app (console program)", lambda: step_gui(cli, work, "app via the console program")),
    ]
    if sys.platform.startswith("linux"):
        steps.append(("desktop entry", lambda: step_desktop_entry(cli, work)))
    if args.app:
        app = str(Path(args.app).resolve())
        steps.append(("app (windowed program)", lambda: step_gui(app, work, "windowed app")))
    failed = 0
    for name, step in steps:
        try:
            print(f"smoke: {name}: ok ({step()})", flush=True)
        except (SmokeError, OSError, ValueError, KeyError, subprocess.TimeoutExpired) as exc:
            failed += 1
            print(f"smoke: {name}: FAILED: {exc}", flush=True)
    print(
        f"smoke: {len(steps) - failed} of {len(steps)} steps passed "
        f"in {time.monotonic() - started:.1f} s ({work})"
    )
    if not failed:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
