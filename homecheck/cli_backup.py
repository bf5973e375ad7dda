"""Backup and restore from the command line: the whole store in one zip file and back, which is
how a practice moves to a new computer (homecheck.store.backup does the work).

The same rules as every store command (homecheck.cli_store): a problem with the zip file exits 2
with one line, one with the store or the data folder exits 1; ``backup`` only reads the store
(beside the open app, too), ``restore`` writes it, so it holds the app's lock and goes only into
an empty data folder.
"""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path

from homecheck.cli_store import (
    EXIT_OK,
    FileProblem,
    StoreProblem,
    command_store,
    folder_problem,
    shown,
    writable_output,
)
from homecheck.i18n import catalogue


def cmd_backup(args: argparse.Namespace) -> int:
    """Write the whole store with its photos to one zip file."""
    from homecheck.cli_open import ctrl_c_waits
    from homecheck.store.backup import make_backup
    from homecheck.store.errors import StoreDamaged
    from homecheck.store.paths import data_dir

    out = Path(args.output)
    writable_output(out, "backup")
    with command_store(writing=False, language=args.lang) as store:
        if store is None:
            raise StoreProblem("nothing is stored yet: there is no store to back up")
        try:
            summary = make_backup(store, data_dir(), out, uninterrupted=ctrl_c_waits)
        except StoreDamaged as exc:
            raise StoreProblem(f"{exc}; no backup was made") from None
        except OSError as exc:
            reason = exc.strerror or exc
            raise FileProblem(f"{shown(out)}: cannot write the backup ({reason})") from None
    t = catalogue(args.lang)
    print(t("cli.store.backup_made", file=shown(out), checks=summary.checks,
            clients=summary.clients, photos=summary.photos))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Bring a backup into an empty data folder."""
    from homecheck.cli_open import open_store
    from homecheck.fileio import kind_of
    from homecheck.store.backup import BackupError, NotEmpty, restore_backup
    from homecheck.store.errors import StoreError
    from homecheck.store.lock import AlreadyOpen, StoreLock
    from homecheck.store.paths import DB_NAME, data_dir, writable

    source = Path(args.file)
    try:
        mode = os.stat(source).st_mode
    except OSError:
        raise FileProblem(f"{shown(source)}: file not found") from None
    if stat.S_ISDIR(mode):
        raise FileProblem(f"{shown(source)}: is a folder, not a backup file")
    if not stat.S_ISREG(mode):  # a device or a pipe: never opened
        raise FileProblem(f"{shown(source)}: {kind_of(mode)}")
    try:
        folder = data_dir()
        lock = StoreLock(folder).acquire()
    except AlreadyOpen as exc:
        raise StoreProblem(f"{exc} (this command changes the store)") from None
    except OSError as exc:
        raise StoreProblem(folder_problem(exc, "written")) from None
    checked = not lock.unclean  # (until a full check after a crash found the store sound)
    try:
        path = folder / DB_NAME
        if path.is_file():
            # A store already there is opened as by every store command (an older homecheck's
            # is upgraded, saying so) before restore looks whether it holds anything.
            open_store(path, catalogue(args.lang), check_integrity=lock.unclean,
                       read_only=not writable(path)).close()  # fmt: skip
            checked = True
        summary = restore_backup(source, folder)
    except (NotEmpty, StoreError) as exc:  # data already there, or a store not writable
        raise StoreProblem(str(exc)) from None
    except BackupError as exc:
        raise FileProblem(f"{shown(source)}: {exc}; nothing was restored") from None
    except OSError as exc:
        raise StoreProblem(f"the data folder cannot be written ({exc.strerror or exc})") from None
    finally:
        lock.release(clean=checked)
    t = catalogue(args.lang)
    print(t("cli.store.restored", file=shown(source), checks=summary.checks,
            clients=summary.clients, photos=summary.photos))
    return EXIT_OK
