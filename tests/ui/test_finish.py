"""Finish page: PDF and JSON written atomically where the person says; errors told plainly."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from homecheck.domain.assessment import loads
from homecheck.domain.content import checklist
from homecheck.ui.pages.base import FINISH_ID

pytestmark = pytest.mark.gui


@pytest.fixture
def fake_renderer(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, str]]:
    """Replace homecheck.report.pdf with a recorder, so these tests do not depend on reportlab."""
    calls: list[tuple[object, str]] = []
    module = types.ModuleType("homecheck.report.pdf")

    def render_pdf(  # type: ignore[no-untyped-def]
        content, assessment, language=None, paper=None, *, photos=None, followup=None,
        large_print=False,
    ):
        assert callable(photos)  # the stored photos go into the PDF
        calls.append((assessment, language))
        size = b" large" if large_print else b""
        return b"%PDF-1.4 fake " + language.encode() + b" " + paper.encode() + size

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
    assert saved.read_bytes() == b"%PDF-1.4 fake en " + page.paper().encode()
    assessment, language = fake_renderer[0]
    assert language == "en"
    assert assessment.answers == wizard.ctx.session.exported().answers
    assert str(saved) in page.status.text().replace("\u200b", "")  # shown able to wrap
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
        "Klaar? Je actielijst is nog niet opgeslagen. Nu opslaan?"
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


# -- printing through Qt's own dialog, and the print choices ----------------------------------


def _pages(data: bytes | Path) -> list[tuple[float, float]]:
    """The size in points of each page of a PDF."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return [document[n].get_size() for n in range(len(document))]
    finally:
        document.close()


def _action_list(wizard, page) -> bytes:  # type: ignore[no-untyped-def]
    """The action list as the renderer makes it with the choices on the page."""
    from homecheck.report.pdf import render_pdf
    from homecheck.session.photos import load_photo

    session = wizard.ctx.session
    return render_pdf(
        wizard.ctx.checklist, session.exported(), language=wizard.ctx.language,
        paper=page.paper(), photos=load_photo, followup=session.followup(),
        large_print=page.large_print(),
    )


def test_print_goes_through_qt_print_dialog_and_prints_every_page(
    make_wizard, dialogs, tmp_path
) -> None:
    wizard, page = _finish(make_wizard)
    page.print_choices.paper_radios["A4"].setChecked(True)
    dialogs.print_to = tmp_path / "printed.pdf"
    page.print_button.click()
    assert not dialogs.named("error"), dialogs.calls
    expected = _pages(_action_list(wizard, page))
    printed = _pages(tmp_path / "printed.pdf")
    assert len(printed) == len(expected) >= 2
    # The dialog was offered every page, on A4 as chosen on the page.
    assert dialogs.named("ask_printer") == [("ask_printer", "A4", str(len(expected)))]
    width, height = printed[0]
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2
    assert f"{len(expected)} pages" in page.status.text()
    assert page.pdf_path is None  # printing needs no saved file


def test_cancelled_print_prints_nothing_and_says_nothing(make_wizard, dialogs, tmp_path) -> None:
    _wizard, page = _finish(make_wizard)
    dialogs.print_to = None  # Cancel in the print dialog
    assert page.print_pdf() == 0
    assert dialogs.named("ask_printer") and not dialogs.named("error")
    assert list(tmp_path.rglob("*.pdf")) == [] and page.status.text() == ""


def test_print_follows_the_large_print_and_letter_choice(make_wizard, dialogs, tmp_path) -> None:
    wizard, page = _finish(make_wizard)
    normal = _pages(_action_list(wizard, page))
    page.print_choices.large_radio.setChecked(True)
    page.print_choices.paper_radios["letter"].setChecked(True)
    dialogs.print_to = tmp_path / "large.pdf"
    assert page.print_pdf() > 0
    large = _pages(_action_list(wizard, page))
    printed = _pages(tmp_path / "large.pdf")
    assert len(printed) == len(large) > len(normal)
    assert dialogs.named("ask_printer")[-1][1] == "Letter"
    assert all(abs(w - 612) < 2 and abs(h - 792) < 2 for w, h in printed)


def test_print_makes_the_copies_and_pages_asked_for(make_wizard, dialogs, tmp_path) -> None:
    _wizard, page = _finish(make_wizard)
    dialogs.print_to = tmp_path / "two.pdf"
    dialogs.print_pages = (1, 2)
    dialogs.print_copies = 2  # a PDF file cannot make copies itself: the pages are repeated
    assert page.print_pdf() == 4
    assert len(_pages(tmp_path / "two.pdf")) == 4


@pytest.mark.qt_log_ignore("QPainter::begin", "QPdfWriter", "QFile")
def test_a_printer_that_fails_is_told_in_one_plain_message(make_wizard, dialogs, tmp_path) -> None:
    _wizard, page = _finish(make_wizard)
    dialogs.print_to = tmp_path / "no-such-folder" / "out.pdf"
    assert page.print_pdf() == 0
    (error,) = dialogs.named("error")
    assert "could not be printed" in error[2] and "Traceback" not in error[2]
    assert not (tmp_path / "no-such-folder").exists()


def test_open_after_a_new_choice_shows_a_list_made_with_it(
    make_wizard, dialogs, fake_renderer, tmp_path
) -> None:
    _wizard, page = _finish(make_wizard)
    page.print_choices.normal_radio.setChecked(True)
    page.print_choices.paper_radios["A4"].setChecked(True)
    dialogs.save_paths = [tmp_path / "list.pdf"]
    saved = page.save_pdf()
    assert saved is not None and saved.read_bytes() == b"%PDF-1.4 fake en A4"
    page.open_pdf()  # nothing changed: the saved file as it is, not made again
    assert len(fake_renderer) == 1 and dialogs.opened == [saved]
    page.print_choices.large_radio.setChecked(True)
    page.open_pdf()
    assert saved.read_bytes() == b"%PDF-1.4 fake en A4 large"  # never a stale list
    assert dialogs.opened == [saved, saved] and len(dialogs.named("ask_save_path")) == 1
    assert "Made again" in page.status.text()
    page.print_choices.paper_radios["letter"].setChecked(True)
    page.open_pdf()
    assert saved.read_bytes() == b"%PDF-1.4 fake en letter large"


def test_large_print_is_preselected_for_larger_text_until_the_person_chooses(
    make_wizard, dialogs
) -> None:
    from homecheck.ui.settings import Settings

    wizard = make_wizard(Settings(language="en", text_size=18))
    wizard.go_to(FINISH_ID)
    page = wizard.finish_page
    assert page.large_print() and page.print_choices.large_radio.isChecked()
    wizard.ctx.settings.text_size = 14  # made smaller in the app again: follows, until chosen
    wizard.go_to(FINISH_ID - 1)
    wizard.go_to(FINISH_ID)
    assert not page.large_print()
    wizard.larger_text()  # made larger on this very page: large print at once
    assert page.large_print()
    wizard.reset_text()
    assert not page.large_print()
    page.print_choices.large_radio.click()  # the person's own choice stays for the session
    wizard.go_to(FINISH_ID - 1)
    wizard.go_to(FINISH_ID)
    wizard.reset_text()
    assert page.large_print()


def test_the_paper_starts_from_the_locale(make_wizard, dialogs, monkeypatch) -> None:
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    wizard = make_wizard()
    wizard.go_to(FINISH_ID)
    assert wizard.finish_page.paper() == "letter"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_choices_are_reached_by_keyboard_and_named(make_wizard, qtbot, language) -> None:
    from PySide6.QtWidgets import QApplication

    from homecheck.ui.settings import Settings

    wizard = make_wizard(Settings(language=language))
    wizard.go_to(FINISH_ID)
    page = wizard.finish_page
    choices = page.print_choices
    radios = [choices.normal_radio, choices.large_radio, *choices.paper_radios.values()]
    for radio in radios:
        assert radio.isVisible() and radio.accessibleName() and radio.accessibleDescription()
    assert choices.size_heading.text() and choices.paper_heading.text()
    # Shift+Tab from the first button reaches the paper choice, then the size choice.
    page.save_pdf_button.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() in choices.paper_radios.values()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    focus = QApplication.focusWidget()
    assert focus in (choices.normal_radio, choices.large_radio)
    # The arrow keys choose within the group.
    choices.normal_radio.setFocus()
    choices.normal_radio.setChecked(True)
    qtbot.keyClick(choices.normal_radio, Qt.Key.Key_Down)
    assert choices.large_radio.isChecked()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_finish_page_has_no_shortcut_twice(make_wizard, language: str) -> None:
    from homecheck.ui.settings import Settings
    from tests.ui.test_mnemonics import _mnemonics

    wizard = make_wizard(Settings(language=language))
    wizard.go_to(FINISH_ID)
    twice = {k: v for k, v in _mnemonics(wizard).items() if len(v) > 1}
    assert twice == {}


def _client_check(make_wizard, dialogs):  # type: ignore[no-untyped-def]
    """A therapist's check for the client "Mrs J.", one answer given, on the save page."""
    from tests.ui.helpers import choose_role, first_room

    wizard = make_wizard()
    choose_role(wizard, "therapist")
    wizard.next()
    dialogs.texts = ["Mrs J."]
    wizard.clients_page.client_list.add()
    wizard.next()
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.go_to(FINISH_ID)
    return wizard, wizard.finish_page


def test_the_print_job_is_named_without_the_client(make_wizard, dialogs) -> None:
    # Print queues on a shared printer are seen by others.
    wizard, page = _client_check(make_wizard, dialogs)
    jobs: list[str] = []

    def ask_printer(parent, printer, pages):  # type: ignore[no-untyped-def]
        jobs.append(printer.docName())
        return False

    dialogs.ask_printer = ask_printer  # type: ignore[method-assign]
    page.print_pdf()
    assert jobs == [f"Action list {wizard.ctx.session.assessment.date[:10]}"]


def test_default_file_names_say_who_and_when(make_wizard, dialogs, fake_renderer) -> None:
    wizard, page = _client_check(make_wizard, dialogs)
    day = wizard.ctx.session.assessment.date[:10]
    dialogs.save_paths = [None, None, None]
    page.save_pdf()
    page.save_json()
    page.export_fhir()
    names = [Path(call[2]).name for call in dialogs.named("ask_save_path")]
    assert names == [
        f"Action list Mrs J {day}.pdf",
        f"homecheck answers Mrs J {day}.json",
        f"Care record FHIR Mrs J {day}.json",
    ]


def test_a_list_saved_for_another_check_is_never_opened_or_written_over(
    make_wizard, dialogs, fake_renderer, tmp_path
) -> None:
    wizard, page = _finish(make_wizard)
    first = tmp_path / "first.pdf"
    dialogs.save_paths = [first]
    assert page.save_pdf() == first
    before = first.read_bytes()
    # Another check is opened without finishing this one (as from the client list).
    wizard.ctx.session.start_new("self", "Someone else", "")
    wizard.go_to(FINISH_ID)
    assert page.saved_pdf() is None
    second = tmp_path / "second.pdf"
    dialogs.save_paths = [second]
    page.print_choices.large_radio.setChecked(True)
    page.open_pdf()
    assert first.read_bytes() == before  # the first client's list is untouched
    assert dialogs.opened == [second] and second.is_file()
    dialogs.yes_no = [False]
    wizard.button(wizard.WizardButton.FinishButton).click()  # saved for this check: no question
    assert not dialogs.named("ask_yes_no")


def test_the_window_stays_open_while_pages_go_to_the_printer(
    make_wizard, dialogs, tmp_path, monkeypatch
) -> None:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QApplication

    from homecheck.ui import printing

    wizard, page = _finish(make_wizard)
    real = printing.print_pdf
    shown: list[str] = []

    def closing_meanwhile(data, printer, on_page=None):  # type: ignore[no-untyped-def]
        def step(n: int, total: int) -> None:
            QApplication.postEvent(wizard, QCloseEvent())  # the close box, clicked mid-print
            on_page(n, total)
            shown.append(page.status.text())

        return real(data, printer, step)

    monkeypatch.setattr(printing, "print_pdf", closing_meanwhile)
    dialogs.print_to = tmp_path / "out.pdf"
    printed = page.print_pdf()
    assert printed >= 2 and wizard.isVisible()
    assert not dialogs.named("ask_yes_no")  # no "stop for now?" halfway
    assert shown[0] == f"Printing page 1 of {printed}…"
    # Afterwards the close box works as always.
    wizard.close()
    assert dialogs.named("ask_yes_no")


def test_a_pipe_or_link_chosen_as_the_file_is_refused_and_left_as_it_was(
    make_wizard, dialogs, fake_renderer, tmp_path
) -> None:
    """Choosing a named pipe or a link in the save dialog never replaces it by a new file."""
    import os

    _wizard, page = _finish(make_wizard)
    out = tmp_path / "out"
    out.mkdir()
    pipe = out / "pipe.pdf"
    os.mkfifo(pipe)
    elsewhere = out / "elsewhere.pdf"
    elsewhere.write_bytes(b"someone else's file")
    link = out / "link.pdf"
    link.symlink_to(elsewhere)
    for target in (pipe, link):
        dialogs.save_paths = [target]
        assert page.save_pdf() is None
    errors = dialogs.named("error")
    assert len(errors) == 2
    assert str(pipe) in errors[0][2] and str(link) in errors[1][2]
    assert pipe.is_fifo() and link.is_symlink()
    assert elsewhere.read_bytes() == b"someone else's file"
    assert sorted(p.name for p in out.iterdir()) == ["elsewhere.pdf", "link.pdf", "pipe.pdf"]
