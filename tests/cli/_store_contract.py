"""What the store contract tests (tests/cli/test_store_contract*.py) share: the real
``homecheck`` program run in a child process on a data folder, and check files written by hand
as the format document describes them (the program's own writer is not trusted to test its
reader)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "homecheck: error: "
DB = "homecheck.sqlite3"
OLD_STORE = ROOT / "tests" / "store" / "fixtures" / "v1"  # the previous homecheck's data folder
TIMEOUT = 120
KEYS = {"id", "client", "date", "status", "role"}
ISO_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")

@dataclass
class Ran:
    code: int
    out: str
    err: str


def program() -> list[str]:
    """The installed ``homecheck`` script beside this Python, else ``python -m homecheck``."""
    script = Path(sys.executable).with_name("homecheck")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "homecheck"]


def env(data: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "HOMECHECK_DATA_DIR": str(data)}


def hc(data: Path, *argv: str) -> Ran:
    """Run ``homecheck ARGV`` on the data folder ``data``."""
    done = subprocess.run([*program(), *argv], cwd=ROOT, env=env(data), capture_output=True,
                          text=True, timeout=TIMEOUT)  # fmt: skip
    assert "Traceback" not in done.stderr, done.stderr
    return Ran(done.returncode, done.stdout, done.stderr)


def error_line(ran: Ran, code: int) -> str:
    """The one line on stderr of a refused command (nothing on stdout)."""
    assert ran.code == code, (ran.code, ran.out, ran.err)
    assert ran.out == "", ran.out
    lines = ran.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(PREFIX) and ran.err.endswith("\n"), ran.err
    return lines[0]


def listed(data: Path) -> list[dict[str, Any]]:
    ran = hc(data, "list", "--json")
    assert (ran.code, ran.err) == (0, ""), ran.err
    rows: list[dict[str, Any]] = json.loads(ran.out)
    return rows


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (the lock file aside: a refused writer may touch it)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "lock"
    }  # fmt: skip


# -- check files, written by hand ---------------------------------------------------------------


def check_doc(
    *,
    role: str = "self",
    client: str = "",
    date: str = "2025-11-03",
    status: str | None = "in_progress",
    answers: dict[str, dict[str, Any]] | None = None,
    version: int = 2,
    **extra: Any,
) -> dict[str, Any]:
    """A check file's contents (format version 2 unless told; version 1 has no status)."""
    doc: dict[str, Any] = {
        "format": "homecheck-assessment", "version": version, "language": "en", "role": role,
        "client": client, "assessor": "", "date": date,
        "areas": ["entrance", "stairs", "whole_home"],
        "answers": answers or {"stairs.rail_both_sides": {"answer": "hazard"}},
    }  # fmt: skip
    if version >= 2 and status is not None:
        doc["status"] = status
    doc.update(extra)
    return doc


def write_check(path: Path, doc: dict[str, Any], photos: dict[str, bytes] | None = None) -> Path:
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    if photos:
        folder = path.with_name(path.stem + ".photos")
        folder.mkdir()
        for name, data in photos.items():
            (folder / name).write_bytes(data)
    return path


def jpeg(seed: int, size: tuple[int, int] = (64, 48)) -> bytes:
    """A small JPEG that differs from every other seed's."""
    from io import BytesIO

    image = Image.new("RGB", size, (seed * 37 % 256, seed * 91 % 256, seed * 13 % 256))
    for x in range(min(size[0], 16)):
        image.putpixel((x, seed % size[1]), (255 - x, seed % 256, x * 9))
    out = BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def photo_name(seed: int) -> str:
    return f"{seed:016x}.jpg"


FULL = {
    "stairs.rail_both_sides": {"answer": "hazard", "note": "only on the left",
                               "done": "2025-07-01", "photos": [photo_name(1)]},
    "whole_home.loose_rugs": {"answer": "hazard", "note": "hall rug",
                              "photos": [photo_name(2)]},
    "entrance.no_rail_front_steps": {"answer": "ok"},
}  # fmt: skip


def exports(data: Path, into: Path) -> dict[int, tuple[dict[str, Any], dict[str, bytes]]]:
    """Every stored check as exported: its file's contents and its photos' bytes, by id."""
    into.mkdir()
    found = {}
    for row in listed(data):
        out = into / f"{row['id']}.json"
        assert hc(data, "export", str(row["id"]), "-o", str(out)).code == 0
        photos = into / f"{row['id']}.photos"
        found[row["id"]] = (
            json.loads(out.read_text(encoding="utf-8")),
            {p.name: p.read_bytes() for p in photos.iterdir()} if photos.exists() else {},
        )
    return found
