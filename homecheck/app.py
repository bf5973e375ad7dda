"""Entry point: no arguments opens the app; a subcommand runs headless."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run homecheck: the wizard without arguments, the command line otherwise."""
    args = list(sys.argv[1:] if argv is None else argv)
    # Health data: everything we create is private to the user (folders 0700, files 0600).
    os.umask(0o077)
    if args:
        from homecheck.cli import run

        return run(args)
    from homecheck.ui.main_window import run_app

    return run_app()
