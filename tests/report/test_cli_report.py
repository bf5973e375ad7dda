"""`homecheck report FILE -o OUT.pdf` end to end, through `python main.py` in a subprocess."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from homecheck.domain.assessment import dumps
from homecheck.domain.content import Checklist
from homecheck.i18n import catalogue
from tests.report.conftest import all_hazards, squash

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=None if env is None else {**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_report_writes_a_private_pdf_in_the_chosen_language(
    tmp_path: Path, content: Checklist
) -> None:
    source = tmp_path / "check.json"
    source.write_text(dumps(all_hazards(content, language="nl")), encoding="utf-8")
    out = tmp_path / "lijst.pdf"
    result = _run("report", str(source), "-o", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = out.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata is not None
    assert reader.metadata.title == catalogue("en")("report.title")
    text = squash("".join(page.extract_text() for page in reader.pages))
    assert squash(content.areas[0].items[0].fix("en")) in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["check.json", "lijst.pdf"]


def test_same_file_gives_identical_bytes_in_separate_processes(
    tmp_path: Path, content: Checklist
) -> None:
    source = tmp_path / "check.json"
    source.write_text(dumps(all_hazards(content)), encoding="utf-8")
    outputs = []
    # Different hash seeds: no set or dict order may leak into the bytes.
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}.pdf"
        result = _run("report", str(source), "-o", str(out), env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_bad_input_fails_in_one_line_and_leaves_no_file(tmp_path: Path) -> None:
    source = tmp_path / "check.json"
    source.write_text('{"format": "homecheck-assessment", "version": 1', encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = _run("report", str(source), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith("homecheck: error:")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["check.json"]


def test_bad_input_leaves_an_existing_pdf_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")
    result = _run("report", str(tmp_path / "missing.json"), "-o", str(out))
    assert result.returncode == 2
    assert "missing.json" in result.stderr
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_missing_output_folder_fails_cleanly(tmp_path: Path, content: Checklist) -> None:
    source = tmp_path / "check.json"
    source.write_text(dumps(all_hazards(content)), encoding="utf-8")
    result = _run("report", str(source), "-o", str(tmp_path / "nope" / "out.pdf"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "nope").exists()


def test_the_report_package_does_not_import_qt() -> None:
    code = (
        "import sys, homecheck.report.pdf, homecheck.report.model;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False, timeout=60)
    assert result.returncode == 0
