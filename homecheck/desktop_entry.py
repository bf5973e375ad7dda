"""Linux menu entry: `homecheck --install-desktop-entry` (and --uninstall-desktop-entry).

Puts the app in the desktop's menu for this user, with its icon, its AppStream description, and
"Open with homecheck" for check files (.json): the freedesktop.org files from resources/desktop/
are copied into $XDG_DATA_HOME (~/.local/share), the menu entry pointing at the homecheck-app
program that sits beside the running one (pipx's or a venv's bin folder, or the bundle's folder).
No Qt here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from homecheck import resources

APP_ID = "io.github.homecheck_app.homecheck"
APP_PROGRAM = "homecheck-app"


def data_home() -> Path:
    """$XDG_DATA_HOME when absolute, else ~/.local/share."""
    xdg = os.environ.get("XDG_DATA_HOME", "")
    return Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"


def targets(base: Path | None = None) -> dict[str, Path]:
    """Resource name -> where it is installed."""
    base = data_home() if base is None else base
    return {
        f"desktop/{APP_ID}.desktop": base / "applications" / f"{APP_ID}.desktop",
        f"desktop/{APP_ID}.metainfo.xml": base / "metainfo" / f"{APP_ID}.metainfo.xml",
        f"desktop/{APP_ID}.svg": base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        f"desktop/{APP_ID}.png": base / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png",
    }


def app_program() -> Path:
    """The windowed program to start from the menu: beside the running program or on PATH."""
    here = Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else None
    frozen = Path(sys.executable).resolve().parent if getattr(sys, "frozen", False) else None
    for folder in (frozen, here, Path(sys.executable).parent):
        if folder is not None and (folder / APP_PROGRAM).is_file():
            return folder / APP_PROGRAM
    found = shutil.which(APP_PROGRAM)
    if found is None:
        raise FileNotFoundError(f"{APP_PROGRAM} was not found beside homecheck or on PATH")
    return Path(found).resolve()


def desktop_file(program: Path) -> str:
    """The menu entry with Exec and TryExec pointing at ``program`` (quoted as the spec says)."""
    quoted = '"' + str(program).replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = []
    for line in resources.read_text(f"desktop/{APP_ID}.desktop").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={program}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(base: Path | None = None, program: Path | None = None) -> list[Path]:
    """Install the menu entry, icons and metadata for this user; the files written."""
    program = app_program() if program is None else program
    written = []
    for name, target in targets(base).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        data = desktop_file(program).encode() if name.endswith(".desktop") else None
        target.write_bytes(data if data is not None else resources.read_bytes(name))
        os.chmod(target, 0o644)  # the desktop reads these; nothing private in them
        written.append(target)
    _refresh(base)
    return written


def uninstall(base: Path | None = None) -> list[Path]:
    """Remove what install() wrote (the data folder with the checks is left alone)."""
    removed = []
    for target in targets(base).values():
        if target.is_file():
            target.unlink()
            removed.append(target)
    _refresh(base)
    return removed


def _refresh(base: Path | None) -> None:
    # Menus notice new files by themselves; these caches make it immediate where they exist.
    base = data_home() if base is None else base
    for cmd in (
        ["update-desktop-database", "-q", str(base / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", str(base / "icons" / "hicolor")],
    ):
        if shutil.which(cmd[0]):
            subprocess.run(cmd, capture_output=True, check=False, timeout=60)


def run(action: str) -> int:
    """The command-line flags: print what was done; exit 2 with one line when it cannot be."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        print(
            "homecheck: error: menu entries are installed this way on Linux only "
            "(the Windows installer and the macOS app make their own)",
            file=sys.stderr,
        )
        return 2
    try:
        files = install() if action == "install" else uninstall()
    except OSError as exc:
        print(f"homecheck: error: cannot {action} the menu entry: {exc}", file=sys.stderr)
        return 2
    verb = "installed" if action == "install" else "removed"
    for path in files:
        print(f"{verb} {path}")
    if action == "install":
        print("homecheck is now in your desktop's menu (it may take a moment to appear)")
    elif not files:
        print("no homecheck menu entry was installed")
    return 0
