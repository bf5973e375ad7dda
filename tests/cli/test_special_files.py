"""Issue 17: special files as input or output, photos that are links or devices, names at the limit.

The commands run as real processes (a FIFO would block an in-process test forever), with a
timeout of a few seconds and an address-space limit, so "reads /dev/zero without end" fails
quickly instead of eating the machine.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.domain.strategies import EXAMPLES_DIR, example_doc

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "homecheck: error: "
LIMIT_BYTES = 1024 * 1024 * 1024  # address space; Python + reportlab need ~400 MB of it
TIMEOUT = 20  # seconds; each run takes well under 3 s on a busy 2-core machine

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def homecheck(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m homecheck`` in its own process with a memory limit and a timeout."""
    return subprocess.run(
        [sys.executable, "-m", "homecheck", *argv],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=TIMEOUT,
        preexec_fn=_limit_memory,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(PREFIX), result.stderr[-500:]
    for word in words:
        assert word in lines[0]


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _link_to(target: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.symlink_to(target)
        return path

    return make


def _link_to_fifo(path: Path) -> Path:
    fifo = _fifo(path.with_name("real-fifo"))
    path.symlink_to(fifo)
    return path


SPECIAL: dict[str, Callable[[Path], Path]] = {
    "/dev/zero": lambda _p: Path("/dev/zero"),
    "/dev/urandom": lambda _p: Path("/dev/urandom"),
    "/dev/null": lambda _p: Path("/dev/null"),
    "fifo": _fifo,
    "folder": _folder,
    "link to /dev/zero": _link_to("/dev/zero"),
    "link to a fifo": _link_to_fifo,
    "link to a folder": _link_to("/"),
}
COMMANDS = [
    ("validate", "{file}"),
    ("score", "{file}"),
    ("score", "--json", "{file}"),
    ("report", "{file}", "-o", "{out}"),
    ("export-fhir", "{file}", "-o", "{out}"),
    ("report", "{good}", "--previous", "{file}", "-o", "{out}"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("kind", SPECIAL)
def test_special_file_is_refused_quickly_in_one_line(
    tmp_path: Path, kind: str, command: tuple[str, ...]
) -> None:
    special = SPECIAL[kind](tmp_path / "check.json")
    good = tmp_path / "good.json"
    shutil.copy(EXAMPLES_DIR / "therapist-visit.json", good)
    out = tmp_path / "out" / "result"
    out.parent.mkdir()
    argv = [a.format(file=special, out=out, good=good) for a in command]
    result = homecheck(*argv)  # a hang fails with TimeoutExpired, a runaway read with MemoryError
    _one_line_error(result, str(special))
    assert list(out.parent.iterdir()) == []  # nothing written


def test_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    # Nobody opens the other end: a reader that opens it without O_NONBLOCK waits for ever.
    fifo = _fifo(tmp_path / "pipe.json")
    result = homecheck("validate", str(fifo))
    _one_line_error(result, "named pipe")


def test_text_that_cannot_be_encoded_is_refused(tmp_path: Path) -> None:
    doc = example_doc("therapist-visit.json")
    doc["client"] = "Mw. \ud800 Jansen"
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(doc), encoding="ascii")  # "\ud800" as a JSON escape
    out = tmp_path / "out.json"
    for argv in (["validate", str(path)], ["export-fhir", str(path), "-o", str(out)]):
        _one_line_error(homecheck(*argv), "lone surrogate")
    assert not out.exists()


# -- output paths ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["report", "export-fhir"])
def test_output_equal_to_the_input_is_refused_and_the_input_kept(
    tmp_path: Path, command: str
) -> None:
    check = tmp_path / "visit.json"
    shutil.copy(EXAMPLES_DIR / "therapist-visit.json", check)
    before = check.read_bytes()
    # The same file under another name too: a hard link and a "./" spelling.
    (tmp_path / "hard.json").hardlink_to(check)
    for out in ("visit.json", "./visit.json", "hard.json", str(check)):
        result = homecheck(command, str(check), "-o", out, cwd=tmp_path)
        _one_line_error(result, "input")
        assert check.read_bytes() == before


def test_output_equal_to_the_previous_check_is_refused(tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.json"
    later = tmp_path / "later.json"
    doc = example_doc("therapist-visit.json")
    later.write_text(json.dumps(doc), encoding="utf-8")
    doc["date"] = "2020-01-02"
    earlier.write_text(json.dumps(doc), encoding="utf-8")
    before = earlier.read_bytes()
    result = homecheck("report", str(later), "--previous", str(earlier), "-o", str(earlier))
    _one_line_error(result, "input")
    assert earlier.read_bytes() == before


OUTPUTS: dict[str, Callable[[Path], Path]] = {
    "fifo": _fifo,
    "folder": _folder,
    "link to a new file": _link_to("elsewhere.pdf"),
    "link to an existing file": lambda p: _link_to(str(_existing(p)))(p),
    "device": lambda p: _device(p),
}


def _device(path: Path) -> Path:
    # A private copy of /dev/null's node: a test must never risk replacing the real one (as
    # root, homecheck before the fix did exactly that).
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (CI runs as root)")
    return path


def _existing(path: Path) -> Path:
    target = path.with_name("target.pdf")
    target.write_bytes(b"keep me")
    return target


def _state(out: Path) -> tuple[int, int, str | None]:
    """What must not change about a special output: inode, kind and mode, a link's target."""
    now = os.lstat(out)
    return now.st_ino, now.st_mode, os.readlink(out) if out.is_symlink() else None


def _assert_left_as_it_was(out: Path, before: tuple[int, int, str | None], kind: str) -> None:
    assert _state(out) == before
    assert not (out.parent / "elsewhere.pdf").exists()
    if kind == "link to an existing file":
        assert (out.parent / "target.pdf").read_bytes() == b"keep me"


@pytest.mark.parametrize("command", ["report", "export-fhir"])
@pytest.mark.parametrize("kind", OUTPUTS)
def test_special_output_is_refused_and_left_as_it_was(
    tmp_path: Path, kind: str, command: str
) -> None:
    check = tmp_path / "visit.json"
    shutil.copy(EXAMPLES_DIR / "therapist-visit.json", check)
    out = OUTPUTS[kind](tmp_path / "out.pdf")
    before = _state(out)
    result = homecheck(command, str(check), "-o", str(out))
    _one_line_error(result, str(out))
    _assert_left_as_it_was(out, before, kind)


@pytest.mark.parametrize("command", ["report", "export-fhir"])
def test_an_output_name_at_the_length_limit_works(tmp_path: Path, command: str) -> None:
    check = tmp_path / "visit.json"
    shutil.copy(EXAMPLES_DIR / "therapist-visit.json", check)
    name_max = os.pathconf(tmp_path, "PC_NAME_MAX")
    out = tmp_path / ("x" * (name_max - 4) + ".pdf")
    result = homecheck(command, str(check), "-o", str(out))
    assert (result.returncode, result.stderr) == (0, "")
    assert out.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([check.name, out.name])


# -- photos beside a check file ----------------------------------------------------------------


def _check_with_photos(tmp_path: Path, names: list[str]) -> Path:
    doc = example_doc("therapist-visit.json")
    item = next(iter(doc["answers"]))
    doc["answers"][item] = {"answer": "hazard", "photos": names}
    check = tmp_path / "visit.json"
    check.write_text(json.dumps(doc), encoding="utf-8")
    return check


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


NAMES = [f"{n:016x}.jpg" for n in range(1, 6)]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_linked_and_special_photos_are_left_out_and_never_read(tmp_path: Path) -> None:
    from PIL import Image

    picture = tmp_path / "elsewhere.jpg"  # a real picture elsewhere on the disk
    Image.new("RGB", (40, 30), "red").save(picture)
    check = _check_with_photos(tmp_path, NAMES)
    folder = tmp_path / "visit.photos"
    folder.mkdir()
    (folder / NAMES[0]).symlink_to("/dev/zero")
    (folder / NAMES[1]).symlink_to(picture)
    os.mkfifo(folder / NAMES[2])
    (folder / NAMES[3]).mkdir()
    (folder / NAMES[4]).symlink_to("/dev/urandom")
    out = tmp_path / "list.pdf"
    result = homecheck("report", str(check), "-o", str(out))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    text = _pdf_text(out)
    for name in NAMES:  # "Photo not found", as for a photo that is not there at all
        assert name in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_photo_folder_that_is_a_link_is_not_looked_in(tmp_path: Path) -> None:
    from PIL import Image

    real = tmp_path / "real-photos"
    real.mkdir()
    Image.new("RGB", (40, 30), "red").save(real / NAMES[0])
    check = _check_with_photos(tmp_path, NAMES[:1])
    (tmp_path / "visit.photos").symlink_to(real)
    out = tmp_path / "list.pdf"
    result = homecheck("report", str(check), "-o", str(out))
    assert (result.returncode, result.stderr) == (0, "")
    assert NAMES[0] in _pdf_text(out)  # said to be missing: not embedded

    # The same picture as a plain file in a plain folder is printed (the test can fail).
    (tmp_path / "visit.photos").unlink()
    (tmp_path / "visit.photos").mkdir()
    shutil.copy(real / NAMES[0], tmp_path / "visit.photos" / NAMES[0])
    result = homecheck("report", str(check), "-o", str(out))
    assert (result.returncode, result.stderr) == (0, "")
    assert NAMES[0] not in _pdf_text(out)


@pytest.mark.parametrize("command", ["export", "backup"])
@pytest.mark.parametrize("kind", OUTPUTS)
def test_store_commands_refuse_a_special_output_and_leave_it(
    tmp_path: Path, kind: str, command: str
) -> None:
    # Found re-checking by hand: `export` and `backup` replaced a FIFO, a link or a device
    # node at OUT with a regular file (the check commands above already refused them).
    data = tmp_path / "data"
    env_data = {"HOMECHECK_DATA_DIR": str(data)}
    stored = _homecheck_env(env_data, "import", str(EXAMPLES_DIR / "therapist-visit.json"))
    assert stored.returncode == 0, stored.stderr
    out = OUTPUTS[kind](tmp_path / "out.zip")
    before = _state(out)
    argv = ["export", "1", "-o", str(out)] if command == "export" else ["backup", "-o", str(out)]
    result = _homecheck_env(env_data, *argv)
    _one_line_error(result, str(out))
    _assert_left_as_it_was(out, before, kind)


def _homecheck_env(extra: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    """``homecheck(...)`` with extra environment (a private data folder)."""
    return subprocess.run(
        [sys.executable, "-m", "homecheck", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=TIMEOUT,
        preexec_fn=_limit_memory,
        env={**os.environ, "PYTHONPATH": str(ROOT), **extra},
    )


def test_export_does_not_follow_a_photos_folder_that_is_a_link(tmp_path: Path) -> None:
    # Found re-checking by hand: `export` wrote the photos into the link's target and chmod-ed
    # that folder (someone else's, 0755) to 0700; the reader then refused the very same link.
    from PIL import Image

    data = {"HOMECHECK_DATA_DIR": str(tmp_path / "data")}
    check = _check_with_photos(tmp_path, NAMES[:1])
    (tmp_path / "visit.photos").mkdir()
    Image.new("RGB", (40, 30), "red").save(tmp_path / "visit.photos" / NAMES[0], "JPEG")
    stored = _homecheck_env(data, "import", str(check))
    assert (stored.returncode, stored.stderr) == (0, ""), stored.stdout
    other = tmp_path / "other"
    other.mkdir()
    os.chmod(other, 0o755)
    out = tmp_path / "out" / "visit.json"
    out.parent.mkdir()
    (out.parent / "visit.photos").symlink_to(other)
    result = _homecheck_env(data, "export", "1", "-o", str(out))
    _one_line_error(result, "link")
    assert list(other.iterdir()) == [] and stat.S_IMODE(os.stat(other).st_mode) == 0o755
    assert not out.exists()


@pytest.mark.parametrize("special", ["fifo", "/dev/urandom", "/dev/zero"])
def test_restore_in_the_app_refuses_a_special_file_without_waiting(
    tmp_path: Path, special: str
) -> None:
    # The app's Restore hands the chosen path straight to restore_backup (the command line
    # checks it first). Before: a FIFO blocked in open() for ever, the window frozen.
    path = _fifo(tmp_path / "backup.zip") if special == "fifo" else Path(special)
    code = (
        "import sys; from pathlib import Path\n"
        "from homecheck.store.backup import BackupError, restore_backup\n"
        "try:\n"
        f"    restore_backup(Path({str(path)!r}), Path({str(tmp_path / 'data')!r}))\n"
        "except BackupError as exc:\n"
        "    print(exc)\n"
    )
    (tmp_path / "data").mkdir()
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
        timeout=TIMEOUT, preexec_fn=_limit_memory, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0 and result.stderr == "", result.stderr[-500:]
    assert result.stdout.startswith(("is a named pipe", "is a device")), result.stdout
    assert list((tmp_path / "data").iterdir()) == []
