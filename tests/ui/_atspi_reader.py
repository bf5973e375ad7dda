"""Screen-reader side of tests/ui/test_atspi.py: reads and drives homecheck over AT-SPI.

Run by the SYSTEM Python (Debian's python3-pyatspi; the venv cannot import it) inside
``dbus-run-session``, on an Xvfb display, as a screen reader such as Orca would:

    dbus-run-session -- /usr/bin/python3 tests/ui/_atspi_reader.py REPORT.json -- APP-COMMAND...

It starts the app (the command after ``--``) with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 and the
xcb platform, finds it on the accessibility bus by its process id, then:

- walks what is showing of each page (every page, Next by its Press action) and lists every
  interactive control with its role and name;
- on the start page checks "English" by the radio button's Toggle action (what a screen reader
  does; not a click), then presses Next by its Press action;
- on the first room answers the first question by the answer button's Toggle action;
- stops the app with "Stop for now" and the question's "Yes", by their Press actions.

It writes what it saw as JSON (the test asserts on it) and always ends the app. Plain standard
library besides pyatspi: this file never imports homecheck.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from typing import Any

import pyatspi  # Debian's python3-pyatspi (system Python only)

# Qt 6.11 (PySide6 6.11.3) crashes the app (SIGSEGV) when a reader asks a QScrollArea for a
# child it counted a moment earlier and that has since gone: QAccessibleAbstractScrollArea
# counts its scroll bar only while it is visible, and child(i) does not check i. A page switch
# hides the old page's scroll bar. So, while a page switch may be under way, this reader reads
# only the side panel's list, and walks a page once the switch has happened.
QT_SCROLL_AREA_RACE = "QAccessibleAbstractScrollArea::child() without a bounds check"
WAIT_S = 15.0  # for one thing to happen (a page to show, the app to appear)
POLL_S = 0.1
# Roles a person operates; each must have a name (AT-SPI role names, as pyatspi spells them).
INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "text", "password text",
    "spin button", "combo box", "list", "list item", "slider", "menu item", "page tab",
    "entry", "table", "tree", "tree table", "link",
}
# Containers and text: asked for no actions (Qt gives them none that operate anything).
PASSIVE = {"filler", "panel", "label", "scroll pane", "viewport", "separator", "heading"}


class ReaderError(Exception):
    """Something a screen reader needs did not happen in time."""


def wait_for(what: str, probe: Any, timeout: float = WAIT_S) -> Any:
    """Poll ``probe()`` until it returns something truthy; ReaderError after ``timeout``."""
    end = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < end:
        try:
            value = probe()
        except Exception as exc:  # the tree changes under us while a page switches
            last_error, value = exc, None
        if value:
            return value
        time.sleep(POLL_S)
    raise ReaderError(f"timed out waiting for {what}" + (f" ({last_error})" if last_error else ""))


def find_app(pid: int) -> Any:
    """The application object of process ``pid`` on the accessibility bus."""

    def probe() -> Any:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.get_process_id() == pid and app.childCount > 0:
                return app
        return None

    return wait_for("the app on the accessibility bus", probe, timeout=30)


def showing(acc: Any) -> bool:
    return bool(acc.getState().contains(pyatspi.STATE_SHOWING))


def walk(acc: Any, parent: str = "") -> list[dict[str, Any]]:
    """Every showing node under ``acc`` (itself included) with role, name, states, actions.

    Each question is a D-Bus round trip to the app: containers and labels are not asked for
    actions (Qt gives them none that operate anything).
    """
    if acc is None:
        return []
    states = acc.getState()
    if not states.contains(pyatspi.STATE_SHOWING):
        return []
    role, name = acc.getRoleName(), (acc.name or "").strip()
    actions: list[str] = []
    if role not in PASSIVE:
        try:
            action = acc.queryAction()
            actions = [action.getName(i) for i in range(action.nActions)]
        except NotImplementedError:
            pass
    nodes = [{
        "role": role,
        "name": name,
        "parent": parent,
        "actions": actions,
        "checked": bool(states.contains(pyatspi.STATE_CHECKED)),
        "selected": bool(states.contains(pyatspi.STATE_SELECTED)),
        "enabled": bool(states.contains(pyatspi.STATE_ENABLED)),
        "interactive": role in INTERACTIVE or bool(set(actions) & {"Press", "Toggle"}),
        "acc": acc,
    }]
    for i in range(acc.childCount):
        nodes.extend(walk(acc.getChildAtIndex(i), name))
    return nodes


def public(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The nodes without their live accessible objects (for the JSON report)."""
    return [{k: v for k, v in node.items() if k != "acc"} for node in nodes]


def do(node: dict[str, Any], action_name: str) -> None:
    """Run a named action (Press, Toggle) of a node, as a screen reader does."""
    action = node["acc"].queryAction()
    for i in range(action.nActions):
        if action.getName(i) == action_name:
            if not action.doAction(i):
                raise ReaderError(f"{action_name} refused by {node['role']} {node['name']!r}")
            return
    raise ReaderError(f"{node['role']} {node['name']!r} has no {action_name} action")


class Reader:
    """The app's window as a screen reader sees it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def window(self) -> Any:
        return wait_for("the wizard window", lambda: next(
            (w for w in (self.app.getChildAtIndex(i) for i in range(self.app.childCount))
             if w is not None and showing(w) and w.getRoleName() in ("dialog", "frame")), None))

    def nodes(self) -> list[dict[str, Any]]:
        return walk(self.window())

    def current_step(self, steps_list: Any) -> int:
        """The index of the selected side-panel step (-1 on the start page).

        Only the side panel's list is read: see QT_SCROLL_AREA_RACE.
        """
        for i in range(steps_list.childCount):
            item = steps_list.getChildAtIndex(i)
            if item is not None and item.getState().contains(pyatspi.STATE_SELECTED):
                return i
        return -1

    def button(self, names: tuple[str, ...], nodes: list[dict[str, Any]] | None = None
               ) -> dict[str, Any]:
        """A showing, enabled push button with one of these names."""
        return wait_for(f"a button named {names}", lambda: next(
            (n for n in (nodes or self.nodes()) if n["role"] == "push button"
             and n["name"] in names and n["enabled"]), None))

    def settled(self) -> list[dict[str, Any]]:
        """The showing nodes once two walks in a row agree (a page switch has finished)."""
        previous: list[tuple[str, str]] = []
        end = time.monotonic() + WAIT_S
        while time.monotonic() < end:
            try:
                nodes = self.nodes()
            except Exception:  # a node went away during the walk
                time.sleep(POLL_S)
                continue
            seen = [(n["role"], n["name"]) for n in nodes]
            if seen == previous:
                return nodes
            previous = seen
            time.sleep(0.2)
        raise ReaderError("the window kept changing")


def read_app(reader: Reader, report: dict[str, Any]) -> bool:
    """Read and drive the app; True when it was asked to stop (and should end by itself)."""
    # -- the start page: walk it, then English by the radio button's Toggle action ---------
    nodes = reader.settled()
    report["pages"].append({"step": "", "nodes": public(nodes)})
    next_names = ("Volgende", "Next")
    before = reader.button(next_names, nodes)["name"]
    english = next(n for n in nodes if n["role"] == "radio button" and n["name"] == "English")
    do(english, "Toggle")
    time.sleep(0.5)  # what the app does with the toggle happens in its event loop
    after = reader.settled()
    report["language"] = {
        "next_before": before,
        "english_checked": next(n["checked"] for n in after
                                if n["role"] == "radio button" and n["name"] == "English"),
        "next_after": reader.button(next_names, after)["name"],
    }
    if report["language"]["next_after"] != "Next":
        return False  # the rest assumes the English names
    # -- high contrast by the side panel's Toggle action (the rest is read in it) ----------
    # On the start page: later, with every page built, restyling the ~1,900 widgets under
    # an active accessibility bridge keeps the app busy for many seconds.
    contrast = next(n for n in after if n["name"] == "High contrast")
    report["contrast"] = {"role": contrast["role"], "checked_before": contrast["checked"]}
    do(contrast, "Toggle")
    time.sleep(0.5)
    after = reader.settled()
    report["contrast"]["checked_after"] = next(
        n["checked"] for n in after if n["name"] == "High contrast")
    # -- every page by Next's Press action; the first room answered by Toggle --------------
    steps_list = next(n["acc"] for n in after if n["role"] == "list")
    order = [(steps_list.getChildAtIndex(i).name or "").strip()
             for i in range(steps_list.childCount)]
    report["steps"] = order
    for index, step in enumerate(order):
        do(reader.button(("Next",)), "Press")
        wait_for(f"step {step!r} to show",
                 lambda s=index: reader.current_step(steps_list) == s)
        # The switch happens in one turn of the app's event loop, which also selects the
        # step: a walk now sees the new page (the pause lets posted layout work finish).
        time.sleep(0.2)
        nodes = reader.nodes()
        report["pages"].append({"step": step, "nodes": public(nodes)})
        if "room" not in report and any(n["role"] == "check box" and n["parent"]
                                        and n["name"] == "Hazard here" for n in nodes):
            answer_first_question(reader, nodes, steps_list.getChildAtIndex(index), report)
        if reader.current_step(steps_list) != index:
            raise ReaderError(f"{step!r} did not stay shown")
        if not any(n["name"] == "Next" and n["role"] == "push button" and n["enabled"]
                   for n in nodes):
            break  # the last page: Finish instead of Next
    # -- stop for now, and say yes to the question ----------------------------------------
    main_window = reader.window().name
    do(reader.button(("Stop for now",)), "Press")
    question = wait_for("the stop question", lambda: next(
        (w for w in (reader.app.getChildAtIndex(i) for i in range(reader.app.childCount))
         if w is not None and w.name != main_window and showing(w)), None))
    yes = wait_for("its Yes button", lambda: next(
        (n for n in walk(question) if n["role"] == "push button" and n["name"] == "Yes"), None))
    report["stop_question"] = [n["name"] for n in walk(question) if n["name"]]
    do(yes, "Press")
    return True


def answer_first_question(reader: Reader, nodes: list[dict[str, Any]], step: Any,
                          report: dict[str, Any]) -> None:
    """Answer the room's first question with the first answer button's Toggle action."""
    first = next(n for n in nodes if n["role"] == "check box" and n["parent"]
                 and n["name"] == "Hazard here")
    step_before = (step.name or "").strip()
    do(first, "Toggle")
    with contextlib.suppress(ReaderError):  # reported below: the test says what is wrong
        wait_for("the side panel to count the answer",
                 lambda: (step.name or "").strip() != step_before, timeout=5)
    after = reader.settled()
    report["room"] = {
        "question": first["parent"],
        "answer": first["name"],
        "step_before": step_before,
        "step_after": (step.name or "").strip(),
        "checked": next((n["checked"] for n in after if n["role"] == "check box"
                         and n["parent"] == first["parent"] and n["name"] == first["name"]),
                        False),
    }


def main(argv: list[str]) -> int:
    split = argv.index("--")
    out, command = argv[1], argv[split + 1:]
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    report: dict[str, Any] = {"pages": [], "error": ""}
    app_process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
    try:
        if read_app(Reader(find_app(app_process.pid)), report):
            report["exit_code"] = app_process.wait(timeout=WAIT_S)
    except Exception as exc:
        report["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        report["app_ended_by_itself"] = app_process.poll()
        stop_and_report(app_process, report, out)
    return 0


def stop_and_report(app_process: subprocess.Popen[str], report: dict[str, Any], out: str) -> None:
    """End the app if it still runs and write the report, with what the app printed, to ``out``."""
    if app_process.poll() is None:
        app_process.terminate()
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()
            app_process.wait()
    report["app_output"] = app_process.stdout.read() if app_process.stdout else ""
    with open(out, "w", encoding="utf-8") as file:
        json.dump(report, file, indent=1)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
