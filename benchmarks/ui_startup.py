"""Wizard start-up time against a bare QWizard script (median of several fresh processes)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
app = QApplication([])
w = QWizard()
for _ in range(3):
    w.addPage(QWizardPage())
w.show()
app.processEvents()
"""

HOMECHECK = """
from PySide6.QtWidgets import QApplication
from homecheck.ui.main_window import create_main_window, ensure_app
app = ensure_app([])
w = create_main_window()
w.show()
app.processEvents()
"""


def run(code: str, runs: int) -> float:
    """Median wall time of ``runs`` fresh interpreters running ``code``."""
    times = []
    for _ in range(runs):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
                   HOMECHECK_DATA_DIR=tempfile.mkdtemp(prefix="homecheck-bench-"))
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    bare = run(BARE, runs)
    ours = run(HOMECHECK, runs)
    print(f"bare QWizard: {bare * 1000:.0f} ms; homecheck: {ours * 1000:.0f} ms; "
          f"ratio {ours / bare:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
