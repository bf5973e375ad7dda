"""Finish page: PDF and JSON written atomically where the person says; errors told plainly."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from homecheck.domain.assessment import loads
from homecheck.domain.content import checklist
from homecheck.ui import printing
from homecheck.ui.dialogs import PrintChoice
from homecheck.ui.pages.base import FINISH_ID

pytestmark = pytest.mark.gui


@pytest.fixture
def fake_renderer(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, str]]:
    """Replace homecheck.report.pdf with a recorder, so these tests do not depend on reportlab."""
    calls: list[tuple[object, str]] = []
    module = types.ModuleType("homecheck.report.pdf")

    def render_pdf(content, assessment, language=None, *, photos=None, followup=None):  # type: ignore[no-untyped-def]
        assert callable(photos)  # the stored photos go into the PDF
        calls.append((assessment, language))
        return b"%PDF-1.4 fake " + language.encode()

    module.render_pdf = render_pdf  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "homecheck.report.pdf", module)
    return calls


def _finish(make_wizard):  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    for _ in range(3):
        wizard.next()
    wizard.currentPage().rows[0].choices.choose_number(1)
    wizard.go_to(FINISH_ID)
    return wizard, wizard.finish_page


def test_save_pdf_writes_the_rendered_bytes(make_wizard, dialogs, fake_renderer, tmp_path) -> None:
    wizard, page = _finish(make_wizard)
    dialogs.save_paths = [tmp_path / "list"]  # no suffix: .pdf is added
    saved = page.save_pdf()
    assert saved == tmp_path / "list.pdf"
    assert saved.read_bytes() == b"%PDF-1.4 fake en"
    assessment, language = fake_renderer[0]
    assert language == "en"
    assert assessment.answers == wizard.ctx.session.exported().answers
    assert str(saved) in page.status.text()
    assert saved.stat().st_mode & 0o077 == 0
    page.open_pdf()
    assert dialogs.opened == [saved]


def test_write_error_is_told_and_leaves_nothing(
    make_wizard, dialogs, fake_renderer, tmp_path
) -> None:
    _wizard, page = _finish(make_wizard)
    missing = tmp_path / "no-such-folder" / "list.pdf"
    dialogs.save_paths = [missing]
    assert page.save_pdf() is None
    errors = dialogs.named("error")
    assert len(errors) == 1 and str(missing) in errors[0][2]
    assert not missing.parent.exists()
    # The target exists as a folder: the rename fails after the data was written.
    folder = tmp_path / "answers.json"
    folder.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    dialogs.save_paths = [folder]
    assert page.save_json() is None
    assert len(dialogs.named("error")) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file left
    assert list(folder.iterdir()) == []


def test_cancelled_save_writes_nothing(make_wizard, dialogs, fake_renderer, tmp_path) -> None:
    _wizard, page = _finish(make_wizard)
    dialogs.save_paths = [None]
    assert page.save_pdf() is None
    assert fake_renderer == [] and not dialogs.named("error")


def test_save_json_is_readable_again(make_wizard, dialogs, tmp_path) -> None:
    wizard, page = _finish(make_wizard)
    dialogs.save_paths = [tmp_path / "answers.json"]
    path = page.save_json()
    assert path is not None
    again = loads(path.read_text(encoding="utf-8"), checklist())
    assert again.answers == wizard.ctx.session.exported().answers
    assert again.language == "en"


def test_print_without_cups_opens_the_viewer(make_wizard, dialogs, fake_renderer, tmp_path,
                                             monkeypatch) -> None:
    _wizard, page = _finish(make_wizard)
    monkeypatch.setattr(printing, "lp_command", lambda: None)
    dialogs.save_paths = [tmp_path / "list.pdf"]
    page.print_pdf()
    assert dialogs.named("inform") and dialogs.opened == [tmp_path / "list.pdf"]
    assert not dialogs.named("ask_printer")


def test_print_with_cups_sends_the_file(make_wizard, dialogs, fake_renderer, tmp_path,
                                        monkeypatch) -> None:
    _wizard, page = _finish(make_wizard)
    sent: list[tuple[Path, str, int]] = []
    monkeypatch.setattr(printing, "lp_command", lambda: "/usr/bin/lp")
    monkeypatch.setattr(printing, "send_to_printer", lambda p, n, c: sent.append((p, n, c)))
    dialogs.save_paths = [tmp_path / "list.pdf"]
    dialogs.printer = PrintChoice("office", 2)
    page.print_pdf()
    assert sent == [(tmp_path / "list.pdf", "office", 2)]
    assert "office" in page.status.text()


def test_real_renderer_when_present(make_wizard, dialogs, tmp_path) -> None:
    pytest.importorskip("reportlab")
    try:
        from homecheck.report.pdf import render_pdf  # noqa: F401
    except ImportError:
        pytest.skip("the PDF renderer is not there yet")
    _wizard, page = _finish(make_wizard)
    dialogs.save_paths = [tmp_path / "real.pdf"]
    path = page.save_pdf()
    assert not dialogs.named("error"), dialogs.calls
    assert path is not None and path.read_bytes().startswith(b"%PDF")
