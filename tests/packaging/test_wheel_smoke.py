"""The wheel as people install it: a fresh venv outside the checkout passes every smoke step."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.packaging
@pytest.mark.timeout(900)  # builds, makes a venv, installs PySide6: ~1.5 min on a busy machine
def test_the_wheel_installs_into_a_fresh_venv_and_passes_the_smoke_steps() -> None:
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "wheel-smoke.sh"), sys.executable],
        capture_output=True,
        text=True,
        timeout=900,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for step in ("checklist", "report", "export-fhir", "bad input", "app (windowed program)"):
        assert f"smoke: {step}: ok" in done.stdout
    assert "FAILED" not in done.stdout


def test_the_smoke_driver_notices_a_broken_program(tmp_path: Path) -> None:
    # A program that answers --version but cannot do anything else must fail the smoke steps.
    fake = tmp_path / "homecheck"
    fake.write_text(
        "#!/bin/sh\n[ \"$1\" = --version ] && echo 'homecheck 0.1.0' && exit 0\n"
        "echo 'homecheck resources folder not found' >&2; exit 1\n"
    )
    fake.chmod(0o755)
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "smoke.py"), "--cli", str(fake)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "smoke: version: ok" in done.stdout
    assert "smoke: checklist: FAILED" in done.stdout
    assert "smoke: app (console program): FAILED" in done.stdout


def test_smoke_test_option_shows_the_first_page(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "QT_QPA_PLATFORM": "offscreen",
            "HOMECHECK_DATA_DIR": str(tmp_path / "data"),
            "HOME": str(tmp_path),
        },
    )
    assert done.returncode == 0, done.stderr
    first, printed = done.stdout.strip().splitlines()
    assert first.startswith("homecheck: smoke test: first page shown: ")
    title = first.removeprefix("homecheck: smoke test: first page shown:")
    assert title.strip()  # the start page's own title, as painted
    # Then a page printed through Qt's printer to a PDF file (pypdfium2, QtPrintSupport).
    assert printed.startswith("homecheck: smoke test: printed ")


def test_smoke_test_without_a_display_gives_the_plain_message(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOMECHECK_DATA_DIR": str(tmp_path / "data")},
    )
    assert done.returncode == 2
    assert done.stderr.startswith("homecheck: error: no display found")
