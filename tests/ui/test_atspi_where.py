"""Screen readers on Linux, on a page turn: what they are told over AT-SPI.

The real app on Xvfb with a window manager (openbox: the window must be active to have keyboard
focus), inside ``dbus-run-session``; tests/ui/_atspi_turns.py listens as Orca does and turns the
pages with Next's Press action. After each turn the keyboard is on the page's first open
question, inside a panel named "<heading>, stap <n> van <N>": a screen reader says that name as
the context of the question, once (Orca 43, tried by hand: "Trap, stap 5 van 15 panel. ...
Hier is gevaar check box not checked."). On a room already answered the keyboard stays on
Next, and the same text comes as an announcement. ``bash .ci/test`` installs the system
packages; without them the test is skipped locally and fails on CI (as test_atspi.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.test_atspi import RUN_TIMEOUT_S, run_reader, x_server

READER = Path(__file__).with_name("_atspi_turns.py")
# Roles a person operates (as _atspi_reader.INTERACTIVE).
CONTROLS = {"push button", "toggle button", "check box", "radio button", "text", "spin button",
            "combo box", "list", "list item"}


@pytest.fixture(scope="module")
def desktop() -> Iterator[str]:
    """A private X server (1280x900) with a window manager; its display name."""
    with x_server(window_manager=True) as display:
        yield display


@pytest.fixture(scope="module")
def report(desktop: str, tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    """One run of the app under the listening reader, in Dutch."""
    tmp_path = tmp_path_factory.mktemp("atspi_where")
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / "settings.json").write_text('{"language": "nl"}', encoding="utf-8")
    result = run_reader(desktop, data_dir, tmp_path, reader=READER)
    assert result["error"] == "", result["error"] + "\n" + result["app_output"]
    return result


def where(turn: dict) -> str:  # type: ignore[type-arg]
    """What the page should be called: its step's name in the side panel (without the tick of a
    room answered in full), the step and the number of steps."""
    name = turn["step_text"].removeprefix("\N{CHECK MARK} ")
    return f"{name}, stap {turn['step']} van {turn['steps']}"


@pytest.mark.timeout(RUN_TIMEOUT_S + 60)
def test_after_next_the_first_question_has_focus_inside_the_named_page(report: dict) -> None:  # type: ignore[type-arg]
    turns = report["turns"]
    assert [turn["step"] for turn in turns] == [1, 2, 3, 4]
    for turn in turns:
        focus = [event for event in turn["events"] if event["kind"] == "focus"]
        assert focus, f"no focus change on {turn['step_text']!r}"
        landed = focus[-1]  # the Press action may first pass focus to Next
        assert landed["role"] in CONTROLS and landed["name"], landed
        pages = [c for c in landed["context"] if re.fullmatch(r".+, stap \d+ van \d+", c["name"])]
        assert len(pages) == 1, (turn["step_text"], landed)
        assert pages[0]["name"].endswith(f", stap {turn['step']} van {turn['steps']}")
        # A panel: Orca says a named panel's name as the keyboard enters it ("Trap, stap 5 van
        # 15 panel. Hier is gevaar check box"), but never a "filler"'s.
        assert pages[0]["role"] == "panel", pages
        # Said once, as the question's context: no announcement that would cut it off.
        assert not [e for e in turn["events"] if e["kind"] == "announcement"], turn
    rooms = turns[2:]
    for turn in rooms:  # a room's heading is its name in the side panel
        landed = [e for e in turn["events"] if e["kind"] == "focus"][-1]
        assert where(turn) in [c["name"] for c in landed["context"]]
        assert landed["name"] == "Hier is gevaar"  # the first answer of the first question


@pytest.mark.timeout(RUN_TIMEOUT_S + 60)
def test_a_room_already_answered_is_announced_with_focus_on_next(report: dict) -> None:  # type: ignore[type-arg]
    assert report["answered"] >= 3
    revisit = report["revisit"]
    assert revisit["step"] == 4
    announcements = [e for e in revisit["events"] if e["kind"] == "announcement"]
    assert [a["text"] for a in announcements] == [where(revisit)]
    assert announcements[0]["name"] == where(revisit)  # sent by the page, which has that name
    focus = [e for e in revisit["events"] if e["kind"] == "focus"]
    assert focus and (focus[-1]["role"], focus[-1]["name"]) == ("push button", "Volgende")
