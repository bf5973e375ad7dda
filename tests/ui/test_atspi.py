"""Screen readers on Linux: the real app on Xvfb (xcb), read and driven over AT-SPI.

The app runs as it does on a desktop (xcb, not offscreen) inside ``dbus-run-session`` with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1. A child process of the system Python with Debian's
python3-pyatspi (tests/ui/_atspi_reader.py; the venv cannot import pyatspi) walks each page,
switches the language with the radio button's Toggle action, goes on with Next's Press action,
answers a room question by its Toggle action and stops the app. This test checks what it saw
and what the app stored. ``bash .ci/test`` installs the system packages (xvfb, dbus,
at-spi2-core, python3-pyatspi); without them the test is skipped locally and fails on CI.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from homecheck.domain.content import checklist
from homecheck.store.db import Store

SYSTEM_PYTHON = "/usr/bin/python3"
READER = Path(__file__).with_name("_atspi_reader.py")
ROOT = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_S = 150


def missing_tools() -> str:
    """What this machine lacks for the test ("" when everything is there)."""
    if not sys.platform.startswith("linux"):
        return "AT-SPI is Linux only"
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path(SYSTEM_PYTHON).is_file():
        return f"{SYSTEM_PYTHON} is missing"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True,
                           timeout=60, check=False)
    if probe.returncode != 0:
        return "the system Python has no pyatspi (python3-pyatspi)"
    return ""


@contextlib.contextmanager
def x_server(window_manager: bool = False) -> Iterator[str]:
    """A private X server (1280x900), with openbox when asked; its display name. Skips (fails on
    CI) when the tools are missing."""
    lacking = missing_tools()
    if not lacking and window_manager and shutil.which("openbox") is None:
        lacking = "openbox is not installed"
    if lacking:
        if os.environ.get("CI"):
            pytest.fail(f"the screen-reader test cannot run on CI: {lacking}")
        pytest.skip(lacking)
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    manager = None
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()  # Xvfb writes its display number once it is ready
        assert number.isdigit(), "Xvfb did not start"
        display = f":{number}"
        if window_manager:
            manager = subprocess.Popen(["openbox"], env=dict(os.environ, DISPLAY=display),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)  # openbox takes the screen before the app maps its window
        yield display
    finally:
        if manager is not None:
            manager.terminate()
            manager.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def xvfb() -> Iterator[str]:
    """A private X server (1280x900); its display name."""
    with x_server() as display:
        yield display


def run_reader(
    display: str, data_dir: Path, tmp_path: Path, reader: Path = READER
) -> dict:  # type: ignore[type-arg]
    """Start the app under ``reader``, inside its own D-Bus session; the reader's report."""
    out = tmp_path / "atspi.json"
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("QT_", "DBUS_", "AT_SPI", "WAYLAND"))
    }
    env.update(DISPLAY=display, HOMECHECK_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT),
               LANG="C.UTF-8")
    command = ["dbus-run-session", "--", SYSTEM_PYTHON, str(reader), str(out), "--",
               sys.executable, str(ROOT / "main.py")]
    # Its own process group: a timeout ends the bus, the reader and the app together.
    child = subprocess.Popen(command, env=env, cwd=tmp_path, start_new_session=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        output, _ = child.communicate(timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        pytest.fail(f"the screen-reader run took longer than {RUN_TIMEOUT_S} s")
    finally:
        left = leftovers(child.pid)
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, output
    assert not left, "processes left behind (killed now): " + ", ".join(left)
    assert out.is_file(), output
    report: dict = json.loads(out.read_text(encoding="utf-8"))  # type: ignore[type-arg]
    report["bus_output"] = output
    return report


def leftovers(group: int) -> list[str]:
    """Processes of the run still there a few seconds after it ended (then killed)."""
    deadline = time.monotonic() + 5
    while True:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return []
        if time.monotonic() > deadline:
            break
        time.sleep(0.1)
    names = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group:  # the process group
                names.append(stat.parent.joinpath("comm").read_text().strip())
        except (OSError, IndexError, ValueError):
            continue
    os.killpg(group, signal.SIGKILL)
    return names


@pytest.fixture(scope="module")
def report(xvfb: str, tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    """One run of the app under the screen reader, shared by the tests below."""
    tmp_path = tmp_path_factory.mktemp("atspi")
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    # The app starts in Dutch, as a Dutch desktop gets it.
    (data_dir / "settings.json").write_text('{"language": "nl"}', encoding="utf-8")
    result = run_reader(xvfb, data_dir, tmp_path)
    result["data_dir"] = str(data_dir)
    return result


@pytest.mark.timeout(RUN_TIMEOUT_S + 60)
def test_the_reader_got_through_the_whole_check(report: dict) -> None:  # type: ignore[type-arg]
    assert report["error"] == "", report["error"] + "\n" + report["app_output"]
    steps = report["steps"]
    assert steps[:2] == ["About you", "Your home"]
    assert steps[-2:] == ["Summary", "Save and print"]
    # The start page and every step in the side panel were shown and read.
    assert [page["step"] for page in report["pages"]] == ["", *steps]
    assert report["exit_code"] == 0  # stopped by "Stop for now", "Yes"
    assert "Traceback" not in report["app_output"], report["app_output"]


@pytest.mark.timeout(RUN_TIMEOUT_S + 60)
def test_every_interactive_control_has_a_name_and_a_role(report: dict) -> None:  # type: ignore[type-arg]
    checked = 0
    for page in report["pages"]:
        for node in page["nodes"]:
            if not node["interactive"] or node["role"] == "scroll bar":
                continue  # scroll bars are named by what they scroll
            where = f"page {page['step']!r}: {node['role']} under {node['parent']!r}"
            assert node["role"] not in ("unknown", "invalid", "filler", "panel"), where
            assert node["name"], where
            checked += 1
    assert checked > 200


@pytest.mark.timeout(RUN_TIMEOUT_S + 60)
def test_english_by_the_toggle_action_switches_the_language(report: dict) -> None:  # type: ignore[type-arg]
    language = report["language"]
    assert language["next_before"] == "Volgende"
    assert language["english_checked"]
    assert language["next_after"] == "Next"  # the whole window is in English now
    settings = json.loads(Path(report["data_dir"], "settings.json").read_text(encoding="utf-8"))
    assert settings["language"] == "en"


@pytest.mark.timeout(RUN_TIMEOUT_S + 60)
def test_a_room_question_answered_by_its_toggle_action_is_saved(report: dict) -> None:  # type: ignore[type-arg]
    room = report["room"]
    assert room["checked"]
    assert room["step_after"] != room["step_before"]  # the side panel counts the answer
    assert "1" in room["step_after"].split("\n", 1)[1]
    store = Store(Path(report["data_dir"]) / "homecheck.sqlite3")
    try:
        info = store.unfinished_check()
        assert info is not None
        answers = store.load_check(info.id).answers
    finally:
        store.close()
    content = checklist()
    first_area = next(area for area in content.areas
                      if room["step_before"].startswith(area.title("en")))
    assert list(answers) == [first_area.items[0].id]
    assert answers[first_area.items[0].id].answer == "hazard"


@pytest.mark.timeout(RUN_TIMEOUT_S + 60)
def test_high_contrast_by_the_toggle_action_is_applied(report: dict) -> None:  # type: ignore[type-arg]
    assert report["contrast"] == {"role": "check box", "checked_before": False,
                                  "checked_after": True}
    settings = json.loads(Path(report["data_dir"], "settings.json").read_text(encoding="utf-8"))
    assert settings["high_contrast"] is True
