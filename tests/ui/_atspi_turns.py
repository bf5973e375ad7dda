"""Screen-reader side of tests/ui/test_atspi_where.py: what a screen reader is told on a page turn.

Run by the SYSTEM Python (python3-pyatspi) inside ``dbus-run-session``, on an Xvfb display with
a window manager (the window must be active for keyboard focus), as a screen reader would:

    dbus-run-session -- /usr/bin/python3 tests/ui/_atspi_turns.py REPORT.json -- APP-COMMAND...

It listens, as Orca does, to focus changes (object:state-changed:focused) and announcements
(object:announcement), turns the pages with Next's Press action and records, for each turn, the
events that arrived: for a focus change the control's role and name and the names of the
containers around it (what a screen reader says as the context of the control); for an
announcement its text and the object that sent it. Then it answers the room it is on (each
question's first answer, by its Toggle action), goes Back and Next again and records that turn
too: there the keyboard stays on Next. Plain standard library besides pyatspi; no homecheck.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any

import pyatspi  # Debian's python3-pyatspi (system Python only)
from _atspi_reader import WAIT_S, Reader, ReaderError, do, find_app, stop_and_report, wait_for
from gi.repository import GLib

TURNS = 4  # About you, Your home and the first two rooms
BUTTONS = ("Volgende", "Terug")  # a Press action may give them focus first
SETTLE_S = 0.3  # what the app sends in the same turn of its event loop arrives within ms


class Listener:
    """The focus changes and announcements a screen reader would get, in order."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        pyatspi.Registry.registerEventListener(self._focused, "object:state-changed:focused")
        pyatspi.Registry.registerEventListener(self._announced, "object:announcement")

    def _focused(self, event: Any) -> None:
        if not event.detail1:
            return
        context = []
        parent = event.source.parent
        while parent is not None and parent.getRoleName() != "application":
            if parent.name:
                context.append({"role": parent.getRoleName(), "name": parent.name})
            parent = parent.parent
        self.events.append({"kind": "focus", "role": event.source.getRoleName(),
                            "name": event.source.name or "", "context": context})

    def _announced(self, event: Any) -> None:
        self.events.append({"kind": "announcement", "text": event.any_data,
                            "role": event.source.getRoleName(), "name": event.source.name or ""})

    def take(self, seconds: float = SETTLE_S) -> list[dict[str, Any]]:
        """The events that arrived within ``seconds`` (the bus is read in GLib's loop)."""
        self._pump_until(lambda: False, seconds)
        taken, self.events = self.events, []
        return taken

    def take_page_turn(self) -> list[dict[str, Any]]:
        """The events of a page turn: until the keyboard lands on the page or the place is
        announced (as long as a busy machine needs), then what follows at once."""
        def landed() -> bool:
            return any(e["kind"] == "announcement" or (e["kind"] == "focus" and e["name"] not in
                                                        BUTTONS) for e in self.events)

        if not self._pump_until(landed, WAIT_S):
            raise ReaderError("no focus change and no announcement after a page turn")
        return self.take()

    @staticmethod
    def _pump_until(done: Any, seconds: float) -> bool:
        end = time.monotonic() + seconds
        context = GLib.MainContext.default()
        while time.monotonic() < end:
            while context.iteration(False):
                pass
            if done():
                return True
            time.sleep(0.02)
        return False


def turn(reader: Reader, listener: Listener, steps_list: Any, button: str,
         index: int) -> dict[str, Any]:
    """Press Back or Next by its Press action; the events until step ``index`` is shown."""
    listener.take(0)
    do(reader.button((button,)), "Press")
    wait_for(f"step {index} to show", lambda: reader.current_step(steps_list) == index)
    return {"step": index + 1, "steps": steps_list.childCount,
            "step_text": (steps_list.getChildAtIndex(index).name or "").split("\n")[0],
            "events": listener.take_page_turn()}


def read_app(reader: Reader, listener: Listener, report: dict[str, Any]) -> None:
    nodes = reader.settled()
    steps_list = next(n["acc"] for n in nodes if n["role"] == "list")
    listener.take()
    for index in range(TURNS):
        report["turns"].append(turn(reader, listener, steps_list, "Volgende", index))
    # Answer this room, go back a page and come back: the keyboard goes to Next.
    nodes = reader.settled()
    first_answers: dict[str, dict[str, Any]] = {}
    for node in nodes:
        if node["role"] == "check box" and node["parent"]:
            first_answers.setdefault(node["parent"], node)
    for node in first_answers.values():
        do(node, "Toggle")
        listener.take(0.2)
    report["answered"] = len(first_answers)
    turn(reader, listener, steps_list, "Terug", TURNS - 2)
    report["revisit"] = turn(reader, listener, steps_list, "Volgende", TURNS - 1)


def main(argv: list[str]) -> int:
    split = argv.index("--")
    out, command = argv[1], argv[split + 1:]
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    report: dict[str, Any] = {"turns": [], "error": ""}
    listener = Listener()  # before the app starts: Qt sends only what someone listens to
    app_process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
    try:
        read_app(Reader(find_app(app_process.pid)), listener, report)
    except (ReaderError, Exception) as exc:
        report["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        stop_and_report(app_process, report, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
