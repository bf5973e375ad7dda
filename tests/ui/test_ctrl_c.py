"""Issue 17: Ctrl-C in the terminal ends the app (it used to be ignored)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from homecheck.store.paths import DB_NAME

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_ctrl_c_ends_the_app(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "HOMECHECK_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    app = subprocess.Popen(
        [sys.executable, "-m", "homecheck"], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not (data / DB_NAME).exists():  # the window is up once its store is open
            assert app.poll() is None, app.communicate()
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.1)
        time.sleep(1.0)  # into Qt's event loop
        app.send_signal(signal.SIGINT)
        _out, err = app.communicate(timeout=15)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
