"""Nothing is cut off: every page at 200 % scaling, at 20 pt in 800x600, in the smallest window.

The app runs on Xvfb with the xcb platform (offscreen cannot scale faithfully) in a child
process per configuration (tests/ui/_layout_child.py; QT_SCALE_FACTOR counts only before the
application exists). On every page every visible label must show its whole text (wrapped
lines included, no word wider than the label) and every button its whole text, inside what
encloses it or where its scroll area can scroll to. Without Xvfb the test is skipped locally
and fails on CI (``bash .ci/test`` installs it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("_layout_child.py")
ROOT = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_S = 120
# A 2560x1600 screen: 1280x800 logical pixels at QT_SCALE_FACTOR=2.
SCREEN = "2560x1600x24"


def start_xvfb(screen: str) -> tuple[subprocess.Popen[bytes], str]:
    """A private X server with one screen of this size ("WxHxDEPTH"); it and its display."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", screen, "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()  # written once the server is ready
    if not number.isdigit():
        server.terminate()
        pytest.fail("Xvfb did not start")
    return server, f":{number}"


@pytest.fixture(scope="module")
def xservers() -> Iterator[Callable[[str], str]]:
    """The display of a private X server with a screen of the asked size (one per size)."""
    if not sys.platform.startswith("linux") or shutil.which("Xvfb") is None:
        if os.environ.get("CI"):
            pytest.fail("the layout test needs Xvfb on CI")
        pytest.skip("needs Xvfb (Linux)")
    servers: dict[str, tuple[subprocess.Popen[bytes], str]] = {}

    def display(screen: str) -> str:
        if screen not in servers:
            servers[screen] = start_xvfb(screen)
        return servers[screen][1]

    try:
        yield display
    finally:
        for server, _display in servers.values():
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture(scope="module")
def xvfb(xservers: Callable[[str], str]) -> str:
    """A private 2560x1600 X server; its display name."""
    return xservers(SCREEN)


def run_child(display: str, tmp_path: Path, scale: str, *args: str) -> dict:  # type: ignore[type-arg]
    out = tmp_path / "layout.json"
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    # The start page shows the data folder. pytest's own folders have names of 30 letters
    # and more ("test_the_window_fits_a_small_0") that no person's path has: a short one.
    with tempfile.TemporaryDirectory(prefix="homecheck-") as data:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=scale,
                   HOMECHECK_DATA_DIR=data, PYTHONPATH=str(ROOT))
        done = subprocess.run([sys.executable, str(CHILD), str(out), *args], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
                              check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    # Qt warnings fail the tests, in the child too.
    assert "qt." not in done.stderr.lower() and "warning" not in done.stderr.lower(), done.stderr
    report: dict = json.loads(out.read_text(encoding="utf-8"))  # type: ignore[type-arg]
    return report


def problems_of(report: dict) -> str:  # type: ignore[type-arg]
    lines = [f"{p['page']}: {p['widget']}: {p['problem']}" for p in report["problems"]]
    return f"{len(lines)} problems at {report['size']}:\n" + "\n".join(lines[:40])


@pytest.mark.gui
@pytest.mark.timeout(RUN_TIMEOUT_S + 60)
@pytest.mark.parametrize(
    ("name", "scale", "args"),
    [
        ("200 % scaling, Dutch", "2", ("--text", "14", "--language", "nl")),
        ("200 % scaling, English, 16 pt", "2", ("--text", "16", "--language", "en")),
        ("20 pt in 800x600", "1", ("--text", "20", "--size", "800x600")),
        ("smallest window", "1", ("--text", "14", "--size", "min")),
        ("smallest window, 20 pt", "1", ("--text", "20", "--size", "min")),
    ],
)
def test_no_text_or_button_is_cut_off(xvfb: str, tmp_path: Path, name: str, scale: str,
                                      args: tuple[str, ...]) -> None:
    report = run_child(xvfb, tmp_path, scale, *args)
    assert len(report["pages"]) >= 15, report["pages"]  # start, about you, home, 10 rooms, …
    assert report["problems"] == [], problems_of(report)
    size = dict(zip(args[::2], args[1::2], strict=True)).get("--size", "min")
    if size != "min":
        # The window really has the asked size: a minimum height above it would make the
        # check pass in a larger window than the person has.
        assert report["size"] == [int(n) for n in size.split("x")], report
    if scale == "2":
        # The app's own size on a 1280x800 (logical) screen, all of it readable without
        # scrolling sideways.
        assert report["ratio"] == 2.0
        assert report["size"][0] <= 1280 and report["size"][1] <= 800
        assert report["sideways"] == [], report["sideways"]


@pytest.mark.gui
@pytest.mark.timeout(2 * RUN_TIMEOUT_S + 60)
def test_the_side_panel_gives_way_in_a_narrow_window(xvfb: str, tmp_path: Path) -> None:
    wide = run_child(xvfb, tmp_path, "1", "--text", "20", "--size", "1180x860")
    narrow = run_child(xvfb, tmp_path, "1", "--text", "20", "--size", "800x600")
    # Narrow: the side panel takes a third of the window at most, the page the rest.
    assert narrow["side_width"] <= 800 // 3 < wide["side_width"]
    assert wide["problems"] == [], problems_of(wide)


@pytest.mark.gui
@pytest.mark.timeout(RUN_TIMEOUT_S + 60)
@pytest.mark.parametrize(
    ("name", "screen", "args"),
    [
        # 1280x900 at 200 %: a screen of 640x450 logical pixels.
        ("1280x900 at 200 %", "1280x900x24", ("--text", "14", "--language", "nl")),
        # A common Windows laptop at 200 %: 683x384 logical pixels.
        ("1366x768 at 200 %", "1366x768x24", ("--text", "14", "--language", "nl")),
        ("1366x768 at 200 %, largest text", "1366x768x24", ("--text", "20", "--language", "en")),
        ("1280x900 at 200 %, largest text", "1280x900x24", ("--text", "20", "--language", "nl")),
        ("1366x768 at 200 %, read-only banner", "1366x768x24",
         ("--text", "14", "--language", "nl", "--read-only")),
        ("1280x900 at 200 %, read-only banner, largest text", "1280x900x24",
         ("--text", "20", "--language", "en", "--read-only")),
    ],
)
def test_the_window_fits_a_small_screen_at_200_percent(
    xservers: Callable[[str], str], tmp_path: Path, name: str, screen: str,
    args: tuple[str, ...],
) -> None:
    """The whole window on the screen and Back/Next/Finish/Stop on every page; the page
    scrolls inside (the side panel, the banner and the buttons never make it taller)."""
    report = run_child(xservers(screen), tmp_path, "2", *args)
    assert report["ratio"] == 2.0
    assert report["read_only"] == ("--read-only" in args)
    assert len(report["pages"]) >= 14, report["pages"]
    assert report["problems"] == [], problems_of(report)
    available = report["available"]
    assert report["size"][0] <= available[2] and report["size"][1] <= available[3], report
    # Nothing scrolls sideways at 640-683 logical pixels: long choices and button texts fit.
    assert report["sideways"] == [], report["sideways"]
    if "20" in args:
        # The largest text: the side panel waits behind its Menu button, the page gets the room.
        assert report["side_width"] <= available[2] // 5, report["side_width"]
