"""Printing without QtPdf: hand the saved PDF to CUPS (`lp`) when it is there."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def lp_command() -> str | None:
    """The path of `lp`, or None when this computer has no CUPS client."""
    return shutil.which("lp")


def send_to_printer(path: Path, printer: str, copies: int) -> None:
    """Send a PDF file to a printer with `lp` (OSError or CalledProcessError on failure)."""
    lp = lp_command()
    if lp is None:
        raise FileNotFoundError("lp")
    command = [lp, "-n", str(max(1, copies))]
    if printer:
        command += ["-d", printer]
    command.append(str(path))
    # A short timeout: CUPS answers at once; a hanging spooler must not freeze the window.
    subprocess.run(command, check=True, capture_output=True, timeout=30)
