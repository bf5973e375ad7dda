"""Test set-up: Qt offscreen before PySide6 loads, and no test ever touches real user folders."""

from __future__ import annotations

import os

# Must happen before anything imports PySide6: without a display Qt would abort the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point homecheck's data folder at a fresh temporary folder for every test."""
    folder = tmp_path / "homecheck-data"
    monkeypatch.setenv("HOMECHECK_DATA_DIR", str(folder))
    return folder
