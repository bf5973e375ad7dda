"""Entry point: no arguments opens the app; a subcommand runs headless."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

# Start the app, quit once its first page has painted (exit 0), for build and install checks.
SMOKE_TEST = "--smoke-test"
# The app's exit statuses after Ctrl-C (SIGINT) and a logout or shutdown (SIGTERM).
STOPPED_BY_SIGNAL = (130, 143)


def main(argv: Sequence[str] | None = None) -> int:
    """Run homecheck: the wizard without arguments, the command line otherwise."""
    args = list(sys.argv[1:] if argv is None else argv)
    # Health data: everything we create is private to the user (folders 0700, files 0600).
    os.umask(0o077)
    if args == [SMOKE_TEST]:
        return _smoke_test()
    if args in (["--install-desktop-entry"], ["--uninstall-desktop-entry"]):
        from homecheck import desktop_entry

        return desktop_entry.run(args[0].removeprefix("--").split("-")[0])
    if args:
        from homecheck.cli import run

        return run(args)
    return _open_app()


def gui_main(argv: Sequence[str] | None = None) -> int:
    """The app's own entry point: `homecheck-app`, the bundle's windowed program, file managers.

    Always the app, never the command line (on Windows it has no console to print to). A check
    file given, as a file manager's "Open with homecheck" does, opens as a new check.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    os.umask(0o077)
    if args == [SMOKE_TEST]:
        return _smoke_test()
    files = [Path(a) for a in args if not a.startswith("-")]
    return _open_app(files[0] if files else None)


def _open_app(open_path: Path | None = None) -> int:
    """The wizard, one per data folder; ``open_path`` opens as a new check once it shows."""
    if not _has_display():
        # Without this check Qt prints several lines about xcb plugins and aborts the process.
        print(
            "homecheck: error: no display found: start homecheck on a desktop, "
            "or use a command such as 'homecheck score FILE' (see 'homecheck --help')",
            file=sys.stderr,
        )
        return 2
    from homecheck.store.lock import AlreadyOpen, StoreLock
    from homecheck.store.paths import DB_NAME, data_dir, remove_stale_work, writable

    # One app per data folder: a second one would resume the same check and overwrite answers.
    lock: StoreLock | None
    try:
        folder = data_dir()
        store = folder / DB_NAME
        # A store opened read-only writes nothing, so there is nothing to guard: no lock file.
        read_only = store.is_file() and not writable(store)
        lock = None if read_only else StoreLock(folder).acquire()
    except AlreadyOpen as exc:
        print(f"homecheck: error: {exc}", file=sys.stderr)
        from homecheck.ui.main_window import tell_already_open

        return 130 if tell_already_open() else 1  # 130: ended with Ctrl-C
    except OSError:
        lock = None  # a folder that cannot be written: opening the store says why, plainly
    from homecheck.ui.main_window import run_app

    if lock is not None:
        # A backup or restore killed midway left its work folder, a copy of the store in it.
        remove_stale_work(folder)
    unclean = lock is not None and lock.unclean
    code = 1
    try:
        # A lock left by a run that did not end cleanly: read the whole store once.
        code = run_app(check_integrity=unclean, open_path=open_path)
        return code
    finally:
        if lock is not None:
            # Ctrl-C or a shutdown may have stopped that check before it was done: then the
            # next start checks again (also after one later on, which costs only that check).
            lock.release(clean=not (unclean and code in STOPPED_BY_SIGNAL))


def _smoke_test() -> int:
    if not _has_display():
        return main([])
    from homecheck.ui import smoke

    return smoke.run()


def _has_display() -> bool:
    """False on Linux/BSD without X11 or Wayland (and no QT_QPA_PLATFORM chosen)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    env = os.environ
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))
