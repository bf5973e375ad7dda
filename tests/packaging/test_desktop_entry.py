"""Linux desktop integration: the menu entry and AppStream metadata validate, and install."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from homecheck import desktop_entry, resources
from homecheck.desktop_entry import APP_ID

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = resources.path(f"desktop/{APP_ID}.desktop")
METAINFO = resources.path(f"desktop/{APP_ID}.metainfo.xml")


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: bash .ci/test installs it (desktop-file-utils, appstream)"
    return found


def _desktop_file_problems(path: Path) -> list[str]:
    done = subprocess.run(
        [_tool("desktop-file-validate"), str(path)], capture_output=True, text=True, timeout=60
    )
    lines = (done.stdout + done.stderr).splitlines()
    # Hints are advice ("could also be in Science"); errors and warnings are not allowed.
    bad = [line for line in lines if ": hint: " not in line]
    return bad if done.returncode == 0 else [*bad, f"exit status {done.returncode}"]


def test_the_menu_entry_is_valid() -> None:
    assert _desktop_file_problems(DESKTOP) == []


def test_a_broken_menu_entry_is_caught(tmp_path: Path) -> None:
    broken = tmp_path / "broken.desktop"
    broken.write_text("[Desktop Entry]\nName=homecheck\nExec=homecheck-app\n", encoding="utf-8")
    assert _desktop_file_problems(broken)  # no Type: the validator must complain


def test_the_appstream_metadata_is_valid() -> None:
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_broken_appstream_metadata_is_caught(tmp_path: Path) -> None:
    broken = tmp_path / f"{APP_ID}.metainfo.xml"
    text = METAINFO.read_text(encoding="utf-8").replace("<summary>", "<summary>.", 1)
    broken.write_text(
        text.replace("<metadata_license>CC0-1.0", "<metadata_license>GPL-9"), encoding="utf-8"
    )
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0


def test_entry_metadata_and_icons_name_the_same_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == APP_ID
    assert section["Exec"] == "homecheck-app %f" and section["Terminal"] == "false"
    assert "application/json" in section["MimeType"]
    assert section["Comment[nl]"] and section["GenericName[nl]"]
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    # Every screenshot is one the repository has (the URLs point at its docs/screenshots/).
    images = [img.text or "" for img in root.iter("image")]
    assert len(images) >= 3
    for url in images:
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[-1]).is_file(), url
    icons = ROOT / "packaging" / "icons"
    assert resources.read_bytes(f"desktop/{APP_ID}.svg") == (icons / "homecheck.svg").read_bytes()
    assert (
        resources.read_bytes(f"desktop/{APP_ID}.png") == (icons / "homecheck-256.png").read_bytes()
    )


def test_install_and_uninstall_for_this_user(tmp_path: Path) -> None:
    program = tmp_path / "bin" / "homecheck-app"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    base = tmp_path / "share"
    written = desktop_entry.install(base, program)
    assert {p.name for p in written} == {
        f"{APP_ID}.desktop",
        f"{APP_ID}.metainfo.xml",
        f"{APP_ID}.svg",
        f"{APP_ID}.png",
    }
    installed = base / "applications" / f"{APP_ID}.desktop"
    text = installed.read_text(encoding="utf-8")
    assert f'Exec="{program}" %f' in text and f"TryExec={program}" in text
    assert _desktop_file_problems(installed) == []
    assert (base / "icons/hicolor/256x256/apps" / f"{APP_ID}.png").is_file()
    removed = desktop_entry.uninstall(base)
    assert sorted(removed) == sorted(written)
    assert not any(p.exists() for p in written)


def test_the_command_line_flag_installs_beside_the_running_program(tmp_path: Path) -> None:
    # As after `pipx install homecheck`: homecheck-app sits beside homecheck.
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "homecheck", "--install-desktop-entry"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    installed = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    exec_line = next(
        line for line in installed.read_text().splitlines() if line.startswith("Exec=")
    )
    program = Path(exec_line.split('"')[1])
    assert program.name == "homecheck-app" and program.is_file()
    done = subprocess.run(
        [sys.executable, "-m", "homecheck", "--uninstall-desktop-entry"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0 and not installed.exists()


@pytest.mark.parametrize("flag", ["--install-desktop-entry"])
def test_no_program_to_point_at_gives_one_line(
    flag: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr(
        desktop_entry,
        "app_program",
        lambda: (_ for _ in ()).throw(FileNotFoundError("homecheck-app missing")),
    )
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert desktop_entry.run(flag.removeprefix("--").split("-")[0]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("homecheck: error: ")


def test_help_mentions_the_desktop_entry_flags() -> None:
    done = subprocess.run([sys.executable, "-m", "homecheck", "--help"], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "--install-desktop-entry" in text and "--smoke-test" in text
