"""Opening the store for a command: one line on stderr before the long work, and Ctrl-C safe.

A normal start says nothing. Two starts read the whole store first, which takes from seconds
to a minute with a therapist's years of data: after a run that did not end cleanly the store is
checked in full, and a store made by an older homecheck is checked, copied and upgraded. The
app shows a window then (homecheck/ui/check_progress.py); the command line says the same in one
plain line on stderr, so stdout stays exactly what the command prints (``list --json``: only
JSON).

Ctrl-C: as in the app, the full check runs in a thread on a connection of its own (FileCheck),
so Ctrl-C stops it at once and the store is left as it was (CheckStopped). Once the copy and
the upgrade have begun they are finished first — each step is one transaction, the copy of the
old store is kept — and then the command stops; a store is never left half upgraded.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from homecheck.i18n import Catalogue
from homecheck.store.connection import CheckStopped, FileCheck, upgrade_checked
from homecheck.store.db import Store
from homecheck.store.migrations import SCHEMA_VERSION, StoreNeedsUpgrade


class Interrupted(KeyboardInterrupt):
    """Ctrl-C while the store was opened; the message says what became of the store."""


def _say(text: str) -> None:
    # One line, as the error lines: a line break in a folder's name does not start another.
    print(f"homecheck: {' '.join(text.split())}", file=sys.stderr, flush=True)


def _shown(path: Path) -> str:
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def open_store(
    path: Path, t: Catalogue, *, check_integrity: bool, read_only: bool, upgrade: bool = True
) -> Store:
    """The store at ``path`` for one command, saying so on stderr before a long check or upgrade.

    ``check_integrity``: the last run did not end cleanly, so the whole file is checked first.
    ``upgrade=False`` (another homecheck has the store open, so it checks it, not this one): a
    store of an older homecheck raises StoreNeedsUpgrade and is left as it is.
    Raises the store's own errors (StoreError) and Interrupted on Ctrl-C.
    """
    if read_only:  # never upgraded (StoreNeedsUpgrade says so), so only the check can be long
        if check_integrity:
            _say(t("cli.opening.after_crash"))
        return Store(path, check_integrity=check_integrity, read_only=True)
    if check_integrity and path.is_file():
        _say(t("cli.opening.after_crash"))
        said_upgrading = False
    else:
        try:
            return Store(path, upgrade=False)  # a normal start: nothing to say
        except StoreNeedsUpgrade as exc:
            if not upgrade:
                raise
            _say(t("cli.opening.upgrading", version=exc.found, folder=_shown(path.parent)))
            said_upgrading = True
    upgraded = _check_and_upgrade(path, t, said_upgrading)
    store = Store(path)
    if upgraded is not None:
        store.upgraded_from, store.upgrade_backup = upgraded
    return store


def _check_and_upgrade(
    path: Path, t: Catalogue, said_upgrading: bool
) -> tuple[int, Path | None] | None:
    """Check the whole file and upgrade an older homecheck's store, in a thread that Ctrl-C can
    stop (the check) or wait for (the upgrade); the version it had and its copy, or None."""
    check = FileCheck(path)
    outcome: dict[str, object] = {}
    # Set when the work has ended. (Not Thread.join/is_alive: on Python 3.11 a join that
    # Ctrl-C interrupts can mark a thread as ended while it still runs.)
    ended = threading.Event()

    def work() -> None:
        try:
            version = check.run()
            if 0 < version < SCHEMA_VERSION:
                if not said_upgrading:
                    _say(t("cli.opening.upgrading", version=version, folder=_shown(path.parent)))
                outcome["upgrading"] = True
                outcome["result"] = upgrade_checked(path)  # the check just done is not repeated
        except Exception as exc:  # raised again in the command's own thread
            outcome["error"] = exc
        finally:
            ended.set()

    worker = threading.Thread(target=work, name="homecheck-store-check", daemon=True)
    try:
        worker.start()  # (inside: Ctrl-C may come as soon as the work has begun)
        while not ended.wait(0.1):  # short waits, so that Ctrl-C is noticed at once
            pass
    except KeyboardInterrupt:
        check.stop()
        _wait_to_the_end(ended)
        raise Interrupted(_what_became(outcome)) from None
    error = outcome.get("error")
    if isinstance(error, Exception):
        raise error
    result = outcome.get("result")
    return result if isinstance(result, tuple) else None


@contextlib.contextmanager
def ctrl_c_waits() -> Iterator[None]:
    """Ctrl-C waits until the block is done, then stops the command: for a short step that must
    not be cut in half (a check file stored with its photos, a file added to a backup's zip).
    Only the main thread gets Ctrl-C; elsewhere (the app's worker threads) this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: pressed.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


@contextlib.contextmanager
def sigterm_as_ctrl_c() -> Iterator[list[int]]:
    """SIGTERM (a logout or shutdown, ``kill``) ends the command as Ctrl-C does, through the
    same cleanup; without this it would die at once, leaving a temporary folder with a copy
    of the store, or its process id in the lock (the next start would check the whole store).
    The list it gives holds SIGTERM once it has come, so that the exit status can say so."""
    if threading.current_thread() is not threading.main_thread():
        yield []
        return
    received: list[int] = []

    def as_ctrl_c(signum: int, frame: FrameType | None) -> None:
        received.append(signum)
        ctrl_c = signal.getsignal(signal.SIGINT)  # (ctrl_c_waits' while a step must end first)
        if not callable(ctrl_c):  # Ctrl-C ignored (a command started in the background)
            raise KeyboardInterrupt
        ctrl_c(signal.SIGINT, frame)

    previous = signal.signal(signal.SIGTERM, as_ctrl_c)
    try:
        yield received
    finally:
        signal.signal(signal.SIGTERM, previous)


def _wait_to_the_end(ended: threading.Event) -> None:
    """Wait for the work to end; a second Ctrl-C must not leave an upgrade half done."""
    while True:
        try:
            if ended.wait(0.1):
                return
        except KeyboardInterrupt:
            continue


def _what_became(outcome: dict[str, object]) -> str:
    result = outcome.get("result")
    if isinstance(result, tuple) and result[1] is not None:
        return (
            "interrupted; the store had been upgraded already, a copy of the old one is kept "
            f"as {_shown(result[1])}"
        )
    if isinstance(outcome.get("error"), CheckStopped) or not outcome.get("upgrading"):
        return "interrupted; the store was not changed"
    return "interrupted"
