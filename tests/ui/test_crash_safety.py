"""Crash safety: kill -9 at a random moment, restart, and every answer given is still there."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("_crash_child.py")


def _run_and_kill(seed: int) -> dict[str, str]:
    """Start the app, let it answer a random number of items, SIGKILL it; return what it said."""
    rng = random.Random(seed)
    stop_after = rng.randint(1, 60)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
        text=True,
    )
    given: dict[str, str] = {}
    try:
        assert child.stdout is not None
        while len(given) < stop_after:
            line = child.stdout.readline()
            assert line, f"seed {seed}: the child stopped early"
            if line.strip() == "done":
                break
            _check, item_id, value = line.split()
            given[item_id] = value
        # Kill at a random moment: often in the middle of the next answer's transaction.
        time.sleep(rng.random() * 0.02)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    return given


def _check_restart(make_wizard, given: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    # A restart offers the unfinished check, and resuming it brings back every answer.
    assert wizard.start_page.offer is not None
    answers = wizard.ctx.session.assessment.answers
    missing = {k: v for k, v in given.items() if k not in answers or answers[k].answer != v}
    assert missing == {}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_at_a_random_moment_loses_nothing(make_wizard, seed: int) -> None:
    _check_restart(make_wizard, _run_and_kill(seed))


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(100, 120))
def test_kill_at_a_random_moment_loses_nothing_20_seeds(make_wizard, seed: int) -> None:
    _check_restart(make_wizard, _run_and_kill(seed))
