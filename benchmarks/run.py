"""homecheck's performance, as a person notices it, measured side by side in one run.

Run:  .venv/bin/python benchmarks/run.py [--runs N] [--clients 10000]

The script fills its own stores (100, 1,000 and 10,000 clients × 5 checks, every item answered;
kept in the system's temporary folder between runs) and prints one line per figure, each next
to what it is compared with in the same run. docs/performance.md records a run and the machine.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import resource
import shutil
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
CACHE = Path(tempfile.gettempdir()) / "homecheck-bench-stores"
SIZES = (100, 1_000, 10_000)


def _env(data_dir: Path | str | None = None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["HOMECHECK_DATA_DIR"] = str(data_dir or tempfile.mkdtemp(prefix="homecheck-bench-"))
    return env


def _child(args: list[str], env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    """Start a child; return seconds until its JSON line arrived, and the JSON."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.wait(timeout=300)
    if not line:
        raise RuntimeError(f"child {args} printed nothing (exit {proc.returncode})")
    return elapsed, json.loads(line)


def _children_cpu() -> float:
    """CPU seconds used so far by the child processes that have ended."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def compile_bytecode() -> None:
    """Compile homecheck to bytecode first, as pip does when it installs a wheel."""
    import compileall

    compileall.compile_dir(str(ROOT / "homecheck"), quiet=1)
    compileall.compile_file(str(ROOT / "main.py"), quiet=1)


def stores(largest: int) -> dict[int, Path]:
    """Data folders with 100 … ``largest`` clients × 5 checks (made once, then reused)."""
    from benchmarks.fill import fill
    from homecheck.store.migrations import SCHEMA_VERSION

    made = {}
    for size in [s for s in SIZES if s < largest] + [largest]:
        folder = CACHE / f"v{SCHEMA_VERSION}-{size}"
        if not (folder / "homecheck.sqlite3").exists():
            started = time.perf_counter()
            shutil.rmtree(folder, ignore_errors=True)
            fill(folder, size)
            took = time.perf_counter() - started
            print(f"   (filled a store of {size:,} clients in {took:.0f} s)")
        made[size] = folder
    return made


def _first_paint(kind: str, data_dir: Path | None = None, cpu: list[float] | None = None) -> float:
    """Seconds from process start to the first frame; its CPU seconds until then go to ``cpu``."""
    started = time.perf_counter()
    _, data = _child([CHILD, kind], _env(data_dir))
    if cpu is not None:
        cpu.append(float(data["cpu_s"]))
    return float(data["painted_at"]) - started


def startup(runs: int, made: dict[int, Path]) -> None:
    bare: list[float] = []
    empty: list[float] = []
    full: dict[int, list[float]] = {size: [] for size in made}
    largest = max(made)
    # CPU seconds until the first frame: what the start-up costs whatever else the shared
    # machine runs meanwhile (on a quiet machine the wall-clock time is close to it).
    cpu: dict[str, list[float]] = {"bare": [], "full": []}
    for _ in range(runs):  # interleaved, so the machine's noise hits all alike
        bare.append(_first_paint("bare", cpu=cpu["bare"]))
        empty.append(_first_paint("homecheck"))
        for size, folder in made.items():
            into = cpu["full"] if size == largest else None
            full[size].append(_first_paint("homecheck", folder, cpu=into))
    b, e = statistics.median(bare), statistics.median(empty)
    f = statistics.median(full[largest])
    print(
        f"1. start-up (process start -> first frame): bare QWizard {b * 1000:.0f} ms, homecheck "
        f"empty store {e * 1000:.0f} ms, {largest:,} clients {f * 1000:.0f} ms (median of {runs}): "
        f"{f / b:.2f}x bare (target <= 2), {f / e:.2f}x empty store (target <= 1.25)"
    )
    cb, cf = statistics.median(cpu["bare"]), statistics.median(cpu["full"])
    print(
        f"   CPU time until the first frame: bare QWizard {cb * 1000:.0f} ms, homecheck with "
        f"{largest:,} clients {cf * 1000:.0f} ms ({cf / cb:.2f}x)"
    )
    growth = ", ".join(
        f"{size:,}: {statistics.median(times) / e:.2f}x" for size, times in full.items()
    )
    print(f"   start-up by store size, vs the empty store: {growth}")


def client_list(runs: int, made: dict[int, Path]) -> None:
    for size, folder in made.items():
        shown: list[float] = []
        keys: list[float] = []
        after: list[float] = []
        history: list[float] = []
        for _ in range(max(1, runs // 3)):
            _, data = _child([CHILD, "clients"], _env(folder))
            shown.append(data["shown_ms"])
            keys.extend(data["key_ms"])
            after.append(data["history_after_ms"])
            history.append(data["history_ms"])
        target = " (target < 30 ms)" if size == max(made) else ""
        print(
            f"2. client list, {size:,} clients: shown {statistics.median(shown):.0f} ms "
            f"(Next on Start -> list painted); one search key p50 {_pct(keys, 0.5):.1f} ms, "
            f"p95 {_pct(keys, 0.95):.1f} ms, worst {max(keys):.1f} ms over {len(keys)} keys"
            f"{target}; the chosen client's checks shown {statistics.median(after):.0f} ms "
            f"after the last key (the pause, then {statistics.median(history):.0f} ms to show "
            f"them)"
        )


def _walk(folder: Path | None) -> dict[str, Any]:
    # A copy: the walk stores a new check (the big store stays as it was made).
    work = Path(tempfile.mkdtemp(prefix="homecheck-bench-walk-"))
    if folder is not None:
        shutil.copy(folder / "homecheck.sqlite3", work / "homecheck.sqlite3")
    try:
        return _child([CHILD, "homecheck", "--full"], _env(work))[1]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def full_check(runs: int, made: dict[int, Path]) -> None:
    largest = max(made)
    results: dict[str, list[dict[str, Any]]] = {"empty": [], "full": []}
    for _ in range(runs):  # interleaved: an empty store, then the largest
        results["empty"].append(_walk(None))
        results["full"].append(_walk(made[largest]))
    for name, label in (("empty", "empty store"), ("full", f"{largest:,}-client store")):
        switch = [ms for r in results[name] for ms in r["switch_ms"]]
        answer = [ms for r in results[name] for ms in r["answer_ms"]]
        if not switch or not answer:
            raise RuntimeError("the walk through the check did not reach the room pages")
        cpu = [ms for r in results[name] for ms in r["switch_cpu_ms"]]
        print(
            f"3. page turn, {label} (Enter on Next -> next room page painted): "
            f"p50 {_pct(switch, 0.5):.1f} ms, p95 {_pct(switch, 0.95):.1f} ms over "
            f"{len(switch)} turns (target p95 < 50 ms); CPU time p50 {_pct(cpu, 0.5):.1f} ms, "
            f"p95 {_pct(cpu, 0.95):.1f} ms"
        )
        print(
            f"4. answer, {label} (key -> stored in SQLite, next item focused): "
            f"p50 {_pct(answer, 0.5):.1f} ms, p95 {_pct(answer, 0.95):.1f} ms over "
            f"{len(answer)} answers"
        )


def _picture(n: int) -> bytes:
    from PIL import Image

    from homecheck.store.photos import clean_jpeg

    image = Image.radial_gradient("L").resize((1600, 1200)).convert("RGB")
    image.putpixel((n % 1600, n // 1600), (n % 256, 0, 0))  # every picture a different one
    raw = io.BytesIO()
    image.save(raw, format="JPEG")
    return clean_jpeg(raw.getvalue())


def _check_file(folder: Path, photos_on: str) -> Path:
    """Every item a hazard with a note; photos on every hazard ("all") or on none ("none")."""
    from homecheck.domain.assessment import Answer, Assessment, dumps
    from homecheck.domain.content import checklist

    content = checklist()
    photos = folder / "visit.photos"
    photos.mkdir(parents=True)
    check = Assessment.new(content, language="nl", client="Benchmark", date="2026-11-25")
    for n, item in enumerate(content.items()):
        note = f"Notitie {n}: " + "de trap is steil en smal. " * (1 + n % 4)
        check.answers[item.id] = Answer("hazard", note)
        if photos_on == "all":
            data = _picture(n)
            name = hashlib.sha256(data).hexdigest()[:16] + ".jpg"
            (photos / name).write_bytes(data)
            check.answers[item.id].photos = [name]
    path = folder / "visit.json"
    path.write_text(dumps(check), encoding="utf-8")
    return path


def pdf(runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="homecheck-bench-pdf-"))
    cases = {"full check": _check_file(folder / "plain", "none"),
             "a photo on every hazard": _check_file(folder / "photos", "all")}
    env = _env()
    for what, case in cases.items():
        ours: list[float] = []
        bare: list[float] = []
        ours_cpu: list[float] = []
        bare_cpu: list[float] = []
        for n in range(runs):
            started, cpu = time.perf_counter(), _children_cpu()
            out = case.parent / f"{n}.pdf"
            subprocess.run(
                [sys.executable, "main.py", "report", str(case), "-o", str(out)],
                cwd=ROOT, env=env, check=True, capture_output=True,
            )
            ours.append(time.perf_counter() - started)
            ours_cpu.append(_children_cpu() - cpu)
            started, cpu = time.perf_counter(), _children_cpu()
            subprocess.run([sys.executable, CHILD, "bare-pdf"], env=env, check=True,
                           capture_output=True)
            bare.append(time.perf_counter() - started)
            bare_cpu.append(_children_cpu() - cpu)
        o, b = statistics.median(ours), statistics.median(bare)
        oc, bc = statistics.median(ours_cpu), statistics.median(bare_cpu)
        size = (case.parent / "0.pdf").stat().st_size
        print(
            f"5. PDF, {what} ({len(list((case.parent / 'visit.photos').iterdir()))} photos, "
            f"{size // 1024} KiB): {o * 1000:.0f} ms vs a bare one-page reportlab process "
            f"{b * 1000:.0f} ms ({o / b:.2f}x; median of {runs}) (target < 1 s); CPU time "
            f"{oc * 1000:.0f} ms vs {bc * 1000:.0f} ms"
        )


def reopen(runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="homecheck-bench-reopen-"))
    case = _check_file(folder / "in", "all")
    first: list[float] = []
    again: list[float] = []
    for _ in range(runs):
        data = Path(tempfile.mkdtemp(prefix="homecheck-bench-data-"))
        _, result = _child([CHILD, "reopen", str(case)], _env(data))
        assert result["already"], result
        first.append(result["first_s"])
        again.append(result["again_s"])
        shutil.rmtree(data, ignore_errors=True)
    print(
        f"6. opening a saved check file with 80 photos: first time "
        f"{statistics.median(first):.2f} s "
        f"(every photo cleaned), again {statistics.median(again) * 1000:.0f} ms "
        f"(recognised, nothing stored twice; median of {runs}) (target again < 0.5 s)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="runs per figure (default 10)")
    parser.add_argument("--clients", type=int, default=10_000, help="the largest store")
    parser.add_argument("--only", choices=["startup", "clients", "check", "pdf", "reopen"])
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )
    compile_bytecode()
    made = stores(args.clients)
    if args.only in (None, "startup"):
        startup(args.runs, made)
    if args.only in (None, "clients"):
        client_list(args.runs, made)
    if args.only in (None, "check"):
        full_check(max(2, args.runs // 4), made)
    if args.only in (None, "pdf"):
        pdf(max(3, args.runs // 2))
    if args.only in (None, "reopen"):
        reopen(max(3, args.runs // 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
