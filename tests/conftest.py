"""Test set-up: Qt offscreen before PySide6 loads, and no test ever touches real user folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Must happen before anything imports PySide6: without a display Qt would abort the whole run.
# A 1920x1200 screen (offscreen's own is 800x800): the window always fits its screen
# (ScreenFit.fit_screen in homecheck/ui/window_fit.py), and the tests size it larger than 800 px.
SCREEN = Path(__file__).with_name("offscreen_screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
os.environ.setdefault("QT_ACCESSIBILITY", "0")

import pytest  # noqa: E402 (after the Qt platform is chosen)

from tests._stores import shared_folder  # noqa: E402


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point homecheck's data folder at a fresh temporary folder for every test."""
    folder = tmp_path / "homecheck-data"
    monkeypatch.setenv("HOMECHECK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder the unprivileged user nobody can reach, for the permission tests."""
    with shared_folder() as base:
        yield base


class NetworkUsed(AssertionError):
    """Raised when code under test tries to open a socket."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make socket creation, connecting and name look-ups fail; returns the attempts made."""
    import socket

    attempts: list[str] = []

    def refuse(*args: object, **_kwargs: object) -> None:
        attempts.append(repr(args))
        raise NetworkUsed("homecheck tried to use the network")

    # Patch the class's __init__ rather than replacing the class: ssl subclasses socket.socket
    # at import time, so the class itself must stay a class.
    monkeypatch.setattr(socket.socket, "__init__", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts
