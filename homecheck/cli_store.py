"""The store from the command line: list, export and import here, backup and restore in
homecheck.cli_backup; the opening of the store and the rules they share.

The data folder is the app's own (HOMECHECK_DATA_DIR, else the platform's rule). A problem
with an input file exits 2 with one line ``homecheck: error: ...``; a problem with the store
itself (damaged, made by a newer homecheck, the app is open; for a command that writes, a
store that can only be read) exits 1 with one line. Every command opens the store under the
app's lock (command_store): ``import`` and ``restore`` write, so they keep it and refuse while
the app has the store open; the others only read (a store that cannot be written too) and let
go of it once the store is open. Ctrl-C ends a command with exit status 130 and leaves nothing
half-written (homecheck.cli).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from homecheck.domain import assessment as fmt
from homecheck.domain.content import checklist
from homecheck.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalogue

if TYPE_CHECKING:
    from homecheck.store.db import Store

Command = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_STORE = 1
EXIT_BAD_INPUT = 2
_LARGEST_ID = 2**63 - 1  # SQLite's largest integer


class StoreProblem(Exception):
    """The store itself cannot be used (exit 1); the message says why."""


class FileProblem(Exception):
    """An input or output file cannot be used (exit 2); the message names it."""


def shown(path: str | Path) -> str:
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def _error(message: str) -> None:
    print(f"homecheck: error: {' '.join(message.split())}", file=sys.stderr)


def folder_problem(exc: OSError, could_not: str) -> str:
    """Why the data folder cannot be used, said once (DataFolderError already says it plainly)."""
    from homecheck.store.paths import DataFolderError

    if isinstance(exc, DataFolderError):
        return str(exc)
    return f"the data folder cannot be {could_not} ({exc.strerror or exc})"


@contextlib.contextmanager
def command_store(
    *, writing: bool, must_exist: bool = True, language: str = DEFAULT_LANGUAGE
) -> Iterator[Store | None]:
    """The app's store, opened for one command (StoreProblem when it cannot be used).

    Opening takes the data folder's lock, as the app does (homecheck.store.lock), so the full
    check after an unclean end and the upgrade of an older homecheck's store never run beside
    the app or another command. A command that writes keeps the lock to its end and is refused
    while the app is open. One that only reads lets go of it once the store is open: SQLite
    lets it read beside the app's writes; while the app is open it reads the store the app
    keeps, and is refused only when that store would first need an upgrade (the app does that).
    Before a long check or upgrade one line on stderr says so, in ``language``
    (homecheck.cli_open); a normal start says nothing.
    """
    from homecheck.cli_open import open_store
    from homecheck.store.errors import StoreError
    from homecheck.store.lock import AlreadyOpen, StoreLock, left_unclean
    from homecheck.store.migrations import StoreNeedsUpgrade
    from homecheck.store.paths import DB_NAME, data_dir, writable

    try:
        folder = data_dir()
    except OSError as exc:
        raise StoreProblem(folder_problem(exc, "used")) from None
    path = folder / DB_NAME
    if must_exist and not path.exists():  # nothing stored yet: nothing to open, no lock taken
        yield None
        return
    lock: StoreLock | None = None
    app_open: AlreadyOpen | None = None
    try:
        lock = StoreLock(folder).acquire()
    except AlreadyOpen as exc:
        if writing:
            raise StoreProblem(f"{exc} (this command changes the store)") from None
        app_open = exc  # the app checks and upgrades the store it has open
    except OSError as exc:  # a folder that can only be read: the store is opened read-only
        if writing:
            raise StoreProblem(folder_problem(exc, "written")) from None
    # (while the app is open, it has checked the store after an unclean end)
    unclean = lock.unclean if lock is not None else app_open is None and left_unclean(folder)
    checked = False  # the full check after an unclean exit found the store sound
    try:
        # A store that can be read but not written (a read-only disk, another user's file):
        # list and export read it as it is; a command that writes is refused by Store.
        read_only = not writing and path.exists() and not writable(path)
        try:
            store = open_store(path, catalogue(language), check_integrity=unclean,
                               read_only=read_only, upgrade=app_open is None)  # fmt: skip
        except StoreNeedsUpgrade as exc:
            if app_open is None:
                raise StoreProblem(str(exc)) from None
            raise StoreProblem(f"{app_open} (the store must be upgraded first)") from None
        except StoreError as exc:
            raise StoreProblem(str(exc)) from None
        checked = unclean
        if lock is not None and not writing:
            lock.release()  # opened (and checked if need be): reading needs no lock
            lock = None
        try:
            yield store
        finally:
            store.close()
    finally:
        # Until a full check has found the store sound, the next start checks it again.
        if lock is not None:
            lock.release(clean=checked or not unclean)


def _rows(store: Store) -> list[dict[str, object]]:
    # One's own checks belong to no client: "" (whatever name the person typed for themselves).
    rows = store.query(
        "SELECT c.id, COALESCE(cl.label, ''), c.date, c.status, c.role"
        " FROM checks c LEFT JOIN clients cl ON cl.id = c.client_id ORDER BY c.date, c.id"
    )
    return [
        {"id": int(r[0]), "client": str(r[1]), "date": str(r[2]), "status": str(r[3]),
         "role": str(r[4])}
        for r in rows
    ]


def cmd_list(args: argparse.Namespace) -> int:
    """Print the stored checks, oldest date first."""
    with command_store(writing=False, language=args.lang) as store:
        rows = [] if store is None else _rows(store)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    t = catalogue(args.lang)
    if not rows:
        print(t("cli.store.empty"))
    for row in rows:
        client = row["client"] or t("cli.store.own")
        print(t("cli.store.line", id=row["id"], date=row["date"], client=client,
                status=t(f"cli.store.status_{row['status']}"),
                role=t(f"cli.store.role_{row['role']}")))
    return EXIT_OK


def writable_output(path: Path, what: str) -> None:
    from homecheck.fileio import check_output

    if path.is_dir():
        raise FileProblem(f"{shown(path)}: is a folder; give a file name for the {what}")
    if str(path.parent) and not path.parent.is_dir():
        raise FileProblem(f"{shown(path)}: the folder does not exist")
    # A link, device or pipe at OUT would be replaced by a regular file: refused, left as it is.
    problem = check_output(path)
    if problem is not None:
        raise FileProblem(f"{shown(path)}: {problem}")


def cmd_export(args: argparse.Namespace) -> int:
    """Write one stored check as a version-2 check file with its NAME.photos/ folder."""
    from homecheck.fileio import atomic_write
    from homecheck.session.photos import copy_beside, photos_folder, referenced
    from homecheck.session.views import exported

    out = Path(args.output)
    writable_output(out, "check file")
    with command_store(writing=False) as store:
        if store is None:
            raise FileProblem(f"there is no check with ID {args.id} (nothing is stored yet)")
        unknown = FileProblem(f"there is no check with ID {args.id} (see 'homecheck list')")
        if not 0 < args.id <= _LARGEST_ID:  # (a larger one is more than SQLite can even look up)
            raise unknown
        try:
            check = store.load_check(args.id)
        except KeyError:
            raise unknown from None
        status = store.query("SELECT status FROM checks WHERE id=?", (args.id,))[0][0]
    content = checklist()
    check = exported(content, check)
    if "status" in {f.name for f in dataclasses.fields(check)}:
        check = dataclasses.replace(check, **{"status": status})
    data = fmt.dumps(check).encode("utf-8")
    folder = photos_folder(out)
    # (os.path, not Path: a name too long for a folder is said by the write below)
    if referenced(check) and os.path.exists(folder) and not os.path.isdir(folder):
        raise FileProblem(
            f"{shown(folder)}: is a file, but the check's photos go in a folder of that name "
            "beside the check file; give another name with -o"
        )
    made_folder = not os.path.lexists(folder)  # (False, not OSError, for a name too long)
    try:
        copy_beside(out, check)
        atomic_write(out, data)
    except BaseException as exc:  # a write that failed, or Ctrl-C: no photos without their file
        if made_folder:
            shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, OSError):
            reason = exc.strerror or exc
            raise FileProblem(f"{shown(out)}: cannot write the file ({reason})") from None
        raise
    return EXIT_OK


def _check_files(path: Path) -> list[Path]:
    if path.is_dir():
        # As a shell's *.json: names with a dot first (a Mac's ._visit.json) are not taken.
        files = sorted(
            p for p in path.iterdir()
            if p.suffix == ".json" and not p.name.startswith(".") and not p.is_dir()
        )  # fmt: skip
        if not files:
            raise FileProblem(f"{shown(path)}: no check files (*.json) in this folder")
        return files
    return [path]


def cmd_import(args: argparse.Namespace) -> int:
    """Store check files as the app's "Open a saved check file" does; skip ones stored before."""
    from homecheck.cli_open import ctrl_c_waits
    from homecheck.session.importing import store_check

    refused = 0
    content = checklist()
    with contextlib.ExitStack() as opened:
        store: Store | None = None  # opened (made when missing) for the first readable check
        for given in args.paths:
            try:
                files = _check_files(Path(given))
            except FileProblem as exc:
                _error(str(exc))
                refused += 1
                continue
            for path in files:
                try:
                    check = fmt.read_file(path, content)
                except fmt.FormatError as exc:
                    _error(f"{shown(path)}: {exc}")
                    refused += 1
                    continue
                if store is None:  # (a line before a long upgrade: in the file's language)
                    store = opened.enter_context(
                        command_store(writing=True, must_exist=False, language=check.language)
                    )
                    assert store is not None  # (must_exist=False: made when missing)
                t = catalogue(check.language)
                unnamed = t("ui.open_check.unnamed_client", date=check.date)
                # Ctrl-C waits: a file is stored whole, with its photos, and said, or not at all.
                with ctrl_c_waits():
                    try:
                        stored = store_check(store, check, path, unnamed)
                    except OSError as exc:
                        reason = exc.strerror or exc
                        raise StoreProblem(f"the store cannot be written ({reason})") from None
                    key = "cli.store.skipped" if stored.already else "cli.store.stored"
                    if stored.left_out and not stored.already:
                        key = "cli.store.stored_left_out"
                    print(t(key, file=shown(path), id=stored.check_id, count=stored.left_out))
    return EXIT_BAD_INPUT if refused else EXIT_OK


def add_store_commands(sub: argparse._SubParsersAction) -> None:
    """The store commands, on the main parser's subcommands."""
    from homecheck import cli_backup
    from homecheck.cli import file_name

    def lang(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE,
                       help="language of the messages: nl (default) or en")

    p = sub.add_parser(
        "list", help="list the stored checks, oldest first",
        description="List the checks stored by the app, oldest date first: their ID, date, "
        "status, role and client.",
    )  # fmt: skip
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    lang(p)
    p.set_defaults(func=_run(cmd_list))

    p = sub.add_parser(
        "export", help="save a stored check as a check file with its photos",
        description="Save the stored check with this ID (see 'homecheck list') as a check file "
        "that homecheck can open again, with its photos in FILE.photos/ beside it.",
    )  # fmt: skip
    p.add_argument("id", metavar="ID", type=int, help="the check's ID (see 'homecheck list')")
    p.add_argument("-o", "--output", required=True, metavar="FILE.json", type=file_name,
                   help="the check file (photos go to FILE.photos/ beside it)")
    p.set_defaults(func=_run(cmd_export))

    p = sub.add_parser(
        "import", help="store check files (or every *.json in a folder)",
        description="Store check files in the app, as its 'Open a saved check file' does; a "
        "folder stands for every *.json file directly in it (not hidden ones, whose names start "
        "with a dot, as a shell's *.json). A check stored before, unchanged, "
        "is skipped. One line per file; exit status 2 when any file was refused (the others "
        "are still stored).",
    )  # fmt: skip
    p.add_argument("paths", metavar="PATH", nargs="+", type=file_name,
                   help="a check file or a folder of them")
    p.set_defaults(func=_run(cmd_import))

    p = sub.add_parser(
        "backup", help="save the whole store with its photos in one zip file",
        description="Save the whole store (every check, client and photo) in one zip file: to "
        "keep it safe, or to move to a new computer with 'homecheck restore'.",
    )  # fmt: skip
    p.add_argument("-o", "--output", required=True, metavar="FILE.zip", type=file_name,
                   help="the backup file")
    lang(p)
    p.set_defaults(func=_run(cli_backup.cmd_backup))

    p = sub.add_parser(
        "restore", help="bring a backup into an empty data folder",
        description="Bring back a backup made with 'homecheck backup'. Only into an empty data "
        "folder: nothing that is stored is ever overwritten.",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE.zip", type=file_name,
                   help="a backup made with 'homecheck backup'")
    lang(p)
    p.set_defaults(func=_run(cli_backup.cmd_restore))


def _run(command: Command) -> Command:
    """The command with its store and file problems turned into one line and an exit code."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except StoreProblem as exc:
            _error(str(exc))
            return EXIT_STORE
        except FileProblem as exc:
            _error(str(exc))
            return EXIT_BAD_INPUT

    return run
