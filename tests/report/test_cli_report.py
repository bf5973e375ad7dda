"""`homecheck report FILE -o OUT.pdf` end to end, through `python main.py` in a subprocess."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from homecheck.domain.assessment import dumps
from homecheck.domain.content import Checklist
from homecheck.i18n import catalogue
from tests.report.conftest import (
    all_hazards,
    image_counts,
    jpeg,
    make_assessment,
    pages_text,
    photo_name,
    squash,
)

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


def _visit_files(tmp_path: Path, content: Checklist) -> tuple[Path, Path]:
    """prev.json (12 March, two hazards) and visit.json (one of them fixed since)."""
    first, second = (item.id for item in content.areas[0].items[:2])
    previous = make_assessment(content, hazards=[first, second], date="2025-03-12", language="en")
    current = make_assessment(content, hazards=[second], ok=[first], language="en")
    prev, visit = tmp_path / "prev.json", tmp_path / "visit.json"
    prev.write_text(dumps(previous), encoding="utf-8")
    visit.write_text(dumps(current), encoding="utf-8")
    return prev, visit


def test_previous_check_adds_progress_to_the_cover(tmp_path: Path, content: Checklist) -> None:
    prev, visit = _visit_files(tmp_path, content)
    out = tmp_path / "out.pdf"
    nodata = {"HOMECHECK_DATA_DIR": str(tmp_path / "nodata")}
    result = _run("report", str(visit), "-o", str(out), "--previous", str(prev), env=nodata)
    assert result.returncode == 0, result.stderr
    text = squash("".join(pages_text(out.read_bytes())))
    assert squash("Progress since 12 March 2025") in text
    assert squash("Since 12 March 2025: 1 of 2 actions done") in text
    assert not (tmp_path / "nodata").exists(), "reading a report created the data folder"


@pytest.mark.parametrize(
    ("prev_text", "reason"),
    [
        ('{"format": "homecheck-assessment"', "not valid JSON"),
        ('{"format": "homecheck-assessment", "version": 1}', "missing key"),
        (None, "file not found"),
        ("later", "is later than"),
    ],
    ids=["broken", "incomplete", "missing", "later"],
)
def test_a_bad_previous_check_fails_in_one_line_and_leaves_no_pdf(
    tmp_path: Path, content: Checklist, prev_text: str | None, reason: str
) -> None:
    prev, visit = _visit_files(tmp_path, content)
    if prev_text is None:
        prev.unlink()
    elif prev_text == "later":
        later = make_assessment(content, date="2099-01-01")
        prev.write_text(dumps(later), encoding="utf-8")
    else:
        prev.write_text(prev_text, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    out = tmp_path / "out.pdf"
    result = _run("report", str(visit), "-o", str(out), "--previous", str(prev))
    assert result.returncode == 2
    assert result.stderr.startswith(f"homecheck: error: {prev}: ")
    assert reason in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_photos_come_from_beside_the_file_then_the_data_folder(
    tmp_path: Path, content: Checklist
) -> None:
    beside, stored, broken = jpeg(1), jpeg(2), b"\xff\xd8 not a jpeg"
    names = [photo_name(beside), photo_name(stored), photo_name(broken), "0123456789abcdef.jpg"]
    item = content.areas[0].items[0]
    assessment = make_assessment(content, hazards=[item.id], language="en")
    assessment.answers[item.id].photos = names
    visit = tmp_path / "visit.json"
    visit.write_text(dumps(assessment), encoding="utf-8")
    (tmp_path / "visit.photos").mkdir()
    (tmp_path / "visit.photos" / names[0]).write_bytes(beside)
    (tmp_path / "visit.photos" / names[2]).write_bytes(broken)
    data = tmp_path / "data"
    (data / "photos").mkdir(parents=True)
    (data / "photos" / names[1]).write_bytes(stored)
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}.pdf"
        env = {"HOMECHECK_DATA_DIR": str(data), "PYTHONHASHSEED": seed}
        result = _run("report", str(visit), "-o", str(out), env=env)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert sum(image_counts(outputs[0])) == 2
    text = squash("".join(pages_text(outputs[0])))
    assert squash(f"Photo could not be shown: {names[2]}") in text
    assert squash("Photo not found: 0123456789abcdef.jpg") in text
    assert sorted(p.name for p in (data / "photos").iterdir()) == [names[1]]


@pytest.mark.parametrize(
    ("before", "now"),
    [("Mevrouw Jansen", "Meneer Pietersen"), ("", "Mevrouw Jansen"), ("Jansen", "Jansen 2")],
    ids=["other", "own-vs-client", "prefix"],
)
def test_previous_check_of_another_client_is_refused(
    tmp_path: Path, content: Checklist, before: str, now: str
) -> None:
    previous = make_assessment(content, date="2025-03-12", client=before)
    current = make_assessment(content, client=now)
    prev, visit = tmp_path / "prev.json", tmp_path / "visit.json"
    prev.write_text(dumps(previous), encoding="utf-8")
    visit.write_text(dumps(current), encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = _run("report", str(visit), "-o", str(out), "--previous", str(prev))
    assert result.returncode == 2
    assert result.stderr.startswith(f"homecheck: error: {prev}: ")
    assert "another client" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prev.json", "visit.json"]


@pytest.mark.parametrize(
    ("before", "now"),
    [("Mevrouw Jansen", "  mevrouw JANSEN "), ("", ""), ("  ", "")],
    ids=["case-and-spaces", "both-own", "blank-vs-empty"],
)
def test_previous_check_of_the_same_client_is_compared(
    tmp_path: Path, content: Checklist, before: str, now: str
) -> None:
    item = content.areas[0].items[0]
    previous = make_assessment(content, hazards=[item.id], date="2025-03-12", client=before,
                               language="en")
    current = make_assessment(content, ok=[item.id], client=now, language="en")
    prev, visit = tmp_path / "prev.json", tmp_path / "visit.json"
    prev.write_text(dumps(previous), encoding="utf-8")
    visit.write_text(dumps(current), encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = _run("report", str(visit), "-o", str(out), "--previous", str(prev))
    assert result.returncode == 0, result.stderr
    assert squash("Progress since 12 March 2025") in squash("".join(pages_text(out.read_bytes())))


@pytest.mark.parametrize(
    ("paper", "width"), [("letter", 612), ("a4", 595), ("A4", 595), ("Letter", 612)]
)
def test_paper_and_large_print_options(
    tmp_path: Path, content: Checklist, paper: str, width: int
) -> None:
    source = tmp_path / "check.json"
    source.write_text(dumps(all_hazards(content, language="en")), encoding="utf-8")
    normal, large = tmp_path / "normal.pdf", tmp_path / "large.pdf"
    assert _run("report", str(source), "-o", str(normal), "--paper", paper).returncode == 0
    result = _run("report", str(source), "-o", str(large), "--paper", paper, "--large-print")
    assert result.returncode == 0, result.stderr
    for pdf in (normal, large):
        box = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].mediabox
        assert round(float(box.width)) == width
    assert len(PdfReader(io.BytesIO(large.read_bytes())).pages) > len(
        PdfReader(io.BytesIO(normal.read_bytes())).pages
    )


def test_an_unknown_paper_fails_in_one_line(tmp_path: Path, content: Checklist) -> None:
    source = tmp_path / "check.json"
    source.write_text(dumps(all_hazards(content)), encoding="utf-8")
    result = _run("report", str(source), "-o", str(tmp_path / "out.pdf"), "--paper", "a3")
    assert result.returncode == 2
    assert result.stderr.startswith("homecheck: error: ") and result.stderr.count("\n") == 1
    assert [p.name for p in tmp_path.iterdir()] == ["check.json"]
