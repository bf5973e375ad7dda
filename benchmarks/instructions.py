"""Start-up counted in CPU instructions (valgrind), phase by phase: the same on a busy machine.

Run:  .venv/bin/python benchmarks/instructions.py [--clients 10000]

Wall-clock start-up on these shared 2-core machines moves by ±10 % from run to run, more than
most changes to it. valgrind's instruction count does not: two runs differ by < 0.1 %. Each phase
runs in its own process, from process start to the end of the phase, for the bare QWizard
(benchmarks/_children.py's yardstick) and for homecheck. The first frame itself is left out: under
valgrind everything is ~50× slower, so timers that never fire before the first frame in a real
run do fire there and its count would not be the real one.

Instructions are not time (a bare QWizard spends relatively more of its time loading libraries,
which costs few instructions), so the ratio here is larger than the start-up ratio in
benchmarks/run.py; what it is good for is telling whether a change adds or saves work, and how
much, without the noise. One phase takes ~20–40 s under valgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE_IMPORT = (
    "from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage"
)
BARE_SHOWN = BARE_IMPORT + """
app = QApplication([])
wizard = QWizard()
page = QWizardPage()
QVBoxLayout(page).addWidget(QLabel("Hello"))
wizard.addPage(page)
wizard.show()
"""
HOMECHECK_IMPORT = "from homecheck.ui.main_window import create_main_window, ensure_app"
HOMECHECK_CREATED = HOMECHECK_IMPORT + """
app = ensure_app([])
wizard = create_main_window()
"""
HOMECHECK_SHOWN = HOMECHECK_CREATED + "wizard.show()\n"

PHASES = {
    "Python itself": "pass",
    "bare QWizard: PySide6 imported": BARE_IMPORT,
    "bare QWizard: shown": BARE_SHOWN,
    "homecheck: imported": HOMECHECK_IMPORT,
    "homecheck: window made (store, content, wizard)": HOMECHECK_CREATED,
    "homecheck: shown": HOMECHECK_SHOWN,
}


def instructions(code: str, data_dir: Path) -> int:
    """Instructions from process start to the end of ``code`` (then the process ends at once)."""
    wrapped = (
        f"import os, sys\ntry:\n    exec({code!r})\n"
        "finally:\n    sys.stdout.flush()\n    os._exit(0)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PYTHONHASHSEED="0", HOMECHECK_DATA_DIR=str(data_dir))
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         "-c", wrapped],
        env=env, capture_output=True, text=True, cwd=ROOT, check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"valgrind gave no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=10_000, help="the store's size")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("benchmarks/instructions.py needs valgrind (apt install valgrind)", file=sys.stderr)
        return 2
    from benchmarks.run import compile_bytecode, stores

    compile_bytecode()
    store = stores(args.clients)[args.clients]
    print(f"store: {args.clients:,} clients; millions of instructions from process start:")
    counts = {}
    for name, code in PHASES.items():
        counts[name] = instructions(code, store)
        print(f"   {name:50s} {counts[name] / 1e6:8.1f} M", flush=True)
    with tempfile.TemporaryDirectory(prefix="homecheck-bench-") as empty:
        shown_empty = instructions(HOMECHECK_SHOWN, Path(empty))
    print(f"   {'homecheck: shown, empty store':50s} {shown_empty / 1e6:8.1f} M")
    bare, ours = counts["bare QWizard: shown"], counts["homecheck: shown"]
    print(f"homecheck shown / bare QWizard shown: {ours / bare:.2f}x; "
          f"vs the empty store: {ours / shown_empty:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
