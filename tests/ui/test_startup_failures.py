"""Issue 17: start-up failures at their real failure point, as an ordinary user would meet them.

CI runs as root, which ignores permission bits: each case runs the real start-up in a child
process as the unprivileged user ``nobody`` (``setpriv``), or on a real read-only mount. Where
neither is possible the test is skipped with the reason printed.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from homecheck.store.db import Store
from homecheck.store.paths import DB_NAME
from tests._stores import NOBODY, locked_store, store_with_one_check

ROOT = Path(__file__).resolve().parents[2]


def _can_drop_privileges() -> bool:
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


needs_nobody = pytest.mark.skipif(
    sys.platform == "win32" or not (_can_drop_privileges() or os.geteuid() != 0),
    reason="permission tests need root with setpriv (to run as nobody) or a non-root user",
)


def start_app(env: dict[str, str], as_nobody: bool = True) -> dict:  # type: ignore[type-arg]
    """The real start-up in a child process; what it told the person, as JSON."""
    cmd = [sys.executable, str(ROOT / "tests" / "ui" / "_startup_child.py")]
    if as_nobody and os.geteuid() == 0:
        cmd = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *cmd]
    full_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "QT_ACCESSIBILITY": "0",
        "HOME": env.get("HOME", "/nonexistent"),
        **env,
    }
    result = subprocess.run(
        cmd, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, (result.returncode, result.stdout[-1000:], result.stderr[-1000:])
    outcome: dict = json.loads(lines[-1])  # type: ignore[type-arg]
    outcome["returncode"] = result.returncode
    return outcome


def _errors(outcome: dict) -> list[str]:  # type: ignore[type-arg]
    return [call[2] for call in outcome["calls"] if call[0] == "error"]


@needs_nobody
def test_a_data_folder_of_another_user_gives_the_plain_message(shared_tmp: Path) -> None:
    # After one "sudo homecheck" the platform's data folder belongs to root (mode 0755).
    xdg = shared_tmp / "xdg"
    folder = xdg / "homecheck"
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    xdg.chmod(0o755)
    if os.geteuid() != 0:
        pytest.skip("needs a folder owned by another user: run as root (CI does)")
    outcome = start_app({"XDG_DATA_HOME": str(xdg)})
    assert "escaped" not in outcome, outcome
    assert (outcome["returncode"], outcome["window"]) == (1, False)
    (message,) = _errors(outcome)
    assert str(folder) in message and "another user" in message
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755  # not changed
    assert list(folder.iterdir()) == []


@needs_nobody
def test_a_store_of_another_user_is_not_moved_aside(shared_tmp: Path) -> None:
    folder = shared_tmp / "data"
    folder.mkdir()
    Store(folder / DB_NAME).close()  # root's store, 0600
    folder.chmod(0o777)  # the folder itself is writable for anyone: moving would work
    before = (folder / DB_NAME).read_bytes()
    if os.geteuid() != 0:
        pytest.skip("needs a store owned by another user: run as root (CI does)")
    outcome = start_app({"HOMECHECK_DATA_DIR": str(folder)})
    assert "escaped" not in outcome, outcome
    assert (outcome["returncode"], outcome["window"]) == (1, False)
    (message,) = _errors(outcome)
    assert "another user" in message
    assert sorted(p.name for p in folder.iterdir()) == [DB_NAME]
    assert (folder / DB_NAME).read_bytes() == before


@needs_nobody
def test_a_healthy_store_that_cannot_be_written_is_not_moved_aside(shared_tmp: Path) -> None:
    # Readable (0644) but not writable for this user, in a folder the user may write: before
    # the fix it was called damaged and moved aside, and every saved check vanished.
    folder = locked_store(shared_tmp, 0o644, 0o777)
    before = (folder / DB_NAME).read_bytes()
    if os.geteuid() != 0:
        pytest.skip("needs a store owned by another user: run as root (CI does)")
    outcome = start_app({"HOMECHECK_DATA_DIR": str(folder)})
    assert "escaped" not in outcome, outcome
    # Opened read-only, with every check there: the window shows the banner instead.
    assert (outcome["returncode"], outcome["window"], outcome["read_only"]) == (0, True, True)
    assert outcome["checks"] == 1 and outcome["calls"] == []
    assert sorted(p.name for p in folder.iterdir()) == [DB_NAME]  # no lock, no sidecars
    assert (folder / DB_NAME).read_bytes() == before


@needs_nobody
def test_a_read_only_store_in_a_read_only_folder_opens_read_only(shared_tmp: Path) -> None:
    # The data folder copied from another computer, or a share: 0444 files in a 0555 folder.
    folder = locked_store(shared_tmp)
    before = (folder / DB_NAME).read_bytes()
    try:
        outcome = start_app({"HOMECHECK_DATA_DIR": str(folder)})
    finally:
        folder.chmod(0o755)
    assert "escaped" not in outcome, outcome
    assert (outcome["returncode"], outcome["window"], outcome["read_only"]) == (0, True, True)
    assert outcome["checks"] == 1 and outcome["calls"] == []
    assert sorted(p.name for p in folder.iterdir()) == [DB_NAME]
    assert (folder / DB_NAME).read_bytes() == before


def _read_only_mount(base: Path) -> Path | None:
    """A tmpfs mounted read-only at base/mnt, or None when mounting is not allowed here."""
    mnt = base / "mnt"
    mnt.mkdir()
    ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "none", str(mnt)],
                        capture_output=True).returncode == 0  # fmt: skip
    return mnt if ok else None


def test_a_store_on_a_read_only_disk_is_left_as_it_is(shared_tmp: Path) -> None:
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only mount needs Linux and root (CI runs as root)")
    mnt = _read_only_mount(shared_tmp)
    if mnt is None:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        folder = mnt / "homecheck"
        folder.mkdir(mode=0o700)
        store_with_one_check(folder)
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        outcome = start_app({"HOMECHECK_DATA_DIR": str(folder)}, as_nobody=False)
        assert "escaped" not in outcome, outcome
        assert (outcome["returncode"], outcome["window"], outcome["read_only"]) == (0, True, True)
        assert outcome["checks"] == 1 and outcome["calls"] == []
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


@needs_nobody
def test_a_read_only_store_that_needs_an_upgrade_gets_its_own_message(shared_tmp: Path) -> None:
    folder = shared_tmp / "data"
    folder.mkdir()
    shutil.copyfile(ROOT / "tests" / "store" / "fixtures" / "v1" / DB_NAME, folder / DB_NAME)
    (folder / DB_NAME).chmod(0o644)
    folder.chmod(0o777)
    before = (folder / DB_NAME).read_bytes()
    if os.geteuid() != 0:
        pytest.skip("needs a store owned by another user: run as root (CI does)")
    outcome = start_app({"HOMECHECK_DATA_DIR": str(folder)})
    assert (outcome["returncode"], outcome["window"]) == (1, False)
    (message,) = _errors(outcome)
    assert "oudere homecheck" in message and str(folder / DB_NAME) in message
    assert sorted(p.name for p in folder.iterdir()) == [DB_NAME]
    assert (folder / DB_NAME).read_bytes() == before
