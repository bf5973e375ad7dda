"""homecheck's performance figures, each measured against a yardstick in the same run, as ratios.

Run:  .venv/bin/python benchmarks/run.py [--runs N]
Prints one line per figure; docs/performance.md records results and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHILD = str(ROOT / "benchmarks" / "_children.py")
sys.path.insert(0, str(ROOT))


def _env(data_dir: str | None = None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["HOMECHECK_DATA_DIR"] = data_dir or tempfile.mkdtemp(prefix="homecheck-bench-")
    return env


def _child(args: list[str], env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    """Start a child; return seconds until its JSON line arrived, and the JSON."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.wait(timeout=120)
    if not line:
        raise RuntimeError(f"child {args} printed nothing (exit {proc.returncode})")
    return elapsed, json.loads(line)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def compile_bytecode() -> None:
    """Compile homecheck to bytecode first, as pip does when it installs a wheel.

    Without it every child would compile our sources again (about 35 ms of start-up) whenever
    PYTHONDONTWRITEBYTECODE is set, as it is on these machines; PySide6 and reportlab come with
    bytecode already, so the yardsticks never pay that.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "homecheck"), quiet=1)
    compileall.compile_file(str(ROOT / "main.py"), quiet=1)


def _first_paint(args: list[str]) -> float:
    """Seconds from starting a child to the first paint of its first wizard page.

    The child notes the moment of that paint; time.perf_counter is the system's monotonic
    clock (CLOCK_MONOTONIC on Linux), the same in both processes.
    """
    started = time.perf_counter()
    _, data = _child(args, _env())
    return float(data["painted_at"]) - started


def startup(runs: int) -> None:
    bare: list[float] = []
    ours: list[float] = []
    for _ in range(runs):  # interleaved, so machine noise hits both alike
        bare.append(_first_paint([CHILD, "bare"]))
        ours.append(_first_paint([CHILD, "homecheck"]))
    b, o = statistics.median(bare), statistics.median(ours)
    print(
        f"1. startup: homecheck {o * 1000:.0f} ms vs bare QWizard {b * 1000:.0f} ms "
        f"(median of {runs} each) ratio {o / b:.2f} (target <= 1.5)"
    )


def full_check(runs: int) -> None:
    bare_rss: list[int] = []
    results: list[dict[str, Any]] = []
    for _ in range(runs):
        bare_rss.append(_child([CHILD, "bare"], _env())[1]["rss_kib"])
        results.append(_child([CHILD, "homecheck", "--full"], _env())[1])
    switch = [ms for r in results for ms in r["switch_ms"]]
    summary = [ms for r in results for ms in r["summary_ms"]]
    answer = [ms for r in results for ms in r["answer_ms"]]
    print(
        f"2. page switch (Next -> next room page painted): p50 {_pct(switch, 0.5):.1f} ms, "
        f"p95 {_pct(switch, 0.95):.1f} ms over {len(switch)} switches (target p95 < 16 ms); "
        f"last room -> summary (scores, {len(summary)} runs): p50 {_pct(summary, 0.5):.1f} ms"
    )
    print(
        f"3. answer latency (key -> stored in SQLite, next item focused): "
        f"p50 {_pct(answer, 0.5):.2f} ms, p95 {_pct(answer, 0.95):.2f} ms over {len(answer)} "
        f"answers (target p95 < 16 ms)"
    )
    rss = statistics.median(r["rss_kib"] for r in results)
    base = statistics.median(bare_rss)
    print(
        f"5. memory: peak RSS after a full check {rss / 1024:.0f} MiB vs bare QWizard "
        f"{base / 1024:.0f} MiB ratio {rss / base:.2f} (target <= 1.5)"
    )
    r = results[0]
    turns = r["presses"] - r["items"]
    print(
        f"6. effort: {r['presses']} keypresses for a complete check of {r['items']} items: "
        f"{r['items'] / r['items']:.2f} per item for the answers plus {turns} page turns "
        f"({r['presses'] / r['items']:.2f} per item in all); {r['answered']} answers stored "
        f"(target <= 1.0 per item + page turns)"
    )


def _pdf_case(folder: Path) -> Path:
    """Every item a hazard, a note on each, 10 photos in FILE's .photos/ folder."""
    from PIL import Image

    from homecheck.domain.assessment import Answer, Assessment, dumps
    from homecheck.domain.content import checklist
    from homecheck.store.photos import clean_jpeg

    content = checklist()
    photos = folder / "visit.photos"
    photos.mkdir()
    names = []
    for n in range(10):
        image = Image.radial_gradient("L").resize((1600, 1200)).convert("RGB")
        image.putpixel((n, n), (n, 0, 0))  # ten different pictures
        import io

        raw = io.BytesIO()
        image.save(raw, format="JPEG")
        data = clean_jpeg(raw.getvalue())
        import hashlib

        name = hashlib.sha256(data).hexdigest()[:16] + ".jpg"
        (photos / name).write_bytes(data)
        names.append(name)
    check = Assessment.new(content, language="nl", client="Benchmark", date="2026-11-25")
    for n, item in enumerate(content.items()):
        note = f"Notitie {n}: " + "de trap is steil en smal. " * (1 + n % 4)
        check.answers[item.id] = Answer("hazard", note)
    items = list(content.items())
    for n, name in enumerate(names):
        check.answers[items[n * 7].id].photos = [name]
    path = folder / "visit.json"
    path.write_text(dumps(check), encoding="utf-8")
    return path


def pdf(runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="homecheck-bench-pdf-"))
    case = _pdf_case(folder)
    ours: list[float] = []
    bare: list[float] = []
    env = _env()
    for n in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "main.py", "report", str(case), "-o", str(folder / f"{n}.pdf")],
            cwd=ROOT, env=env, check=True, capture_output=True,
        )
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        subprocess.run([sys.executable, CHILD, "bare-pdf"], env=env, check=True,
                       capture_output=True)
        bare.append(time.perf_counter() - started)
    o, b = statistics.median(ours), statistics.median(bare)
    size = (folder / "0.pdf").stat().st_size
    print(
        f"4. PDF: homecheck report (80 hazards, 80 notes, 10 photos; {size // 1024} KiB) "
        f"{o * 1000:.0f} ms vs bare reportlab one-page {b * 1000:.0f} ms "
        f"(median of {runs} each) ratio {o / b:.2f} (target <= 2)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="runs per figure (default 10)")
    parser.add_argument("--only", choices=["startup", "check", "pdf"], help="one group only")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )
    compile_bytecode()
    if args.only in (None, "startup"):
        startup(args.runs)
    if args.only in (None, "check"):
        full_check(max(3, args.runs // 3))
    if args.only in (None, "pdf"):
        pdf(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
