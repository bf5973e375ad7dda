"""Finish page: PDF and JSON written atomically where the person says; errors told plainly."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

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


def test_enter_on_the_focused_save_button_saves_instead_of_finishing(
    make_wizard, dialogs, fake_renderer, tmp_path, qtbot
) -> None:
    wizard, page = _finish(make_wizard)
    page.save_pdf_button.setFocus()
    dialogs.save_paths = [tmp_path / "list.pdf"]
    qtbot.keyClick(page.save_pdf_button, Qt.Key.Key_Return)
    assert (tmp_path / "list.pdf").read_bytes().startswith(b"%PDF")
    assert wizard.isVisible() and wizard.result() == 0  # not finished, not closed
    assert wizard.ctx.session.unfinished() is not None
    # Enter on another focused button presses that one, too.
    page.save_json_button.setFocus()
    dialogs.save_paths = [tmp_path / "answers.json"]
    qtbot.keyClick(page.save_json_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert (tmp_path / "answers.json").is_file() and wizard.isVisible()


def test_finish_asks_to_save_an_unsaved_action_list_first(
    make_wizard, dialogs, fake_renderer, tmp_path
) -> None:
    wizard, _page = _finish(make_wizard)
    dialogs.yes_no = [True]
    dialogs.save_paths = [None]  # "save now", then the file dialog was cancelled
    wizard.button(wizard.WizardButton.FinishButton).click()
    question = dialogs.named("ask_yes_no")[-1][2]
    assert "not been saved" in question
    assert wizard.isVisible() and wizard.ctx.session.unfinished() is not None  # still here
    dialogs.yes_no = [True]
    dialogs.save_paths = [tmp_path / "list.pdf"]
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert (tmp_path / "list.pdf").is_file()
    assert not wizard.isVisible() and wizard.ctx.session.unfinished() is None


def test_finish_without_saving_when_the_person_says_no(make_wizard, dialogs) -> None:
    wizard, _page = _finish(make_wizard)
    dialogs.yes_no = [False]
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible() and wizard.ctx.session.unfinished() is None


def test_no_question_when_the_list_was_saved(make_wizard, dialogs, fake_renderer, tmp_path) -> None:
    wizard, page = _finish(make_wizard)
    dialogs.save_paths = [tmp_path / "list.pdf"]
    page.save_pdf()
    asked = len(dialogs.named("ask_yes_no"))
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert len(dialogs.named("ask_yes_no")) == asked
    assert not wizard.isVisible()


def test_dutch_finish_question_uses_the_agreed_words(make_wizard, dialogs) -> None:
    from homecheck.ui.settings import Settings

    wizard = make_wizard(Settings(language="nl"))
    wizard.go_to(FINISH_ID)
    dialogs.yes_no = [False]
    wizard.accept()
    assert dialogs.named("ask_yes_no")[-1][2] == (
        "Klaar? Je actielijst is nog niet bewaard. Nu opslaan?"
    )


@pytest.mark.parametrize("role", ["therapist", "caregiver"])
def test_a_therapist_or_caregiver_lands_on_the_client_list_after_finish(
    make_wizard, dialogs, role: str
) -> None:
    from homecheck.ui.pages.base import CLIENTS_ID
    from tests.ui.helpers import choose_role, first_room

    wizard = make_wizard()
    choose_role(wizard, role)
    wizard.next()
    dialogs.texts = ["Mrs Jansen"]
    wizard.clients_page.client_list.add()
    wizard.next()
    first_room(wizard).rows[0].choices.choose_number(1)
    finished_id = wizard.ctx.session.check_id
    wizard.go_to(FINISH_ID)
    dialogs.yes_no = [False]
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and wizard.currentId() == CLIENTS_ID
    page = wizard.clients_page
    assert "Mrs Jansen" in page.message.text() and page.message.isVisible()
    info = {c.id: c.status for c in wizard.ctx.session.store.list_checks(None)}
    assert info[finished_id] == "done"
    # Next starts a new check for the person chosen there, not the finished one again.
    wizard.next()
    assert wizard.ctx.session.check_id not in (None, finished_id)
