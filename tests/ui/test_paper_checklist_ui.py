"""The start page's empty checklist on paper: saved where the person says, then offered to open."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui


def _text(path: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return " ".join(
            " ".join(document[n].get_textpage().get_text_range().split())
            for n in range(len(document))
        )
    finally:
        document.close()


@pytest.mark.parametrize(
    ("language", "name"), [("nl", "Lege checklist"), ("en", "Blank checklist")]
)
def test_the_button_saves_every_question_and_offers_to_open_it(
    make_wizard, dialogs, tmp_path, language: str, name: str
) -> None:
    wizard = make_wizard(Settings(language=language))
    box = wizard.start_page.paper_box
    assert box.isVisible() and box.button.accessibleName() and box.button.accessibleDescription()
    dialogs.save_paths = [tmp_path / "paper"]  # no suffix: .pdf is added
    dialogs.yes_no = [True]
    box.button.click()
    path = tmp_path / "paper.pdf"
    suggested = Path(dialogs.named("ask_save_path")[0][2]).name
    assert suggested == f"{name} {_dt.date.today().isoformat()}.pdf"
    assert path.read_bytes().startswith(b"%PDF") and path.stat().st_mode & 0o077 == 0
    text = _text(path)
    first = wizard.ctx.checklist.areas[0].items[0].question(language)
    last = wizard.ctx.checklist.areas[-1].items[-1].question(language)
    assert " ".join(first.split()[:4]) in text and " ".join(last.split()[:4]) in text
    assert dialogs.opened == [path] and str(path) in box.status.text()
    assert not dialogs.named("error")


def test_no_means_not_opened_and_cancel_writes_nothing(make_wizard, dialogs, tmp_path) -> None:
    wizard = make_wizard()
    box = wizard.start_page.paper_box
    dialogs.save_paths = [None]
    assert box.save() is None and not box.status.isVisible()
    dialogs.save_paths = [tmp_path / "list.pdf"]
    dialogs.yes_no = [False]
    assert box.save() == tmp_path / "list.pdf"
    assert dialogs.opened == [] and list(tmp_path.glob("*.pdf")) == [tmp_path / "list.pdf"]


def test_a_folder_that_cannot_be_written_is_told_and_leaves_nothing(
    make_wizard, dialogs, tmp_path
) -> None:
    wizard = make_wizard()
    target = tmp_path / "missing" / "list.pdf"
    dialogs.save_paths = [target]
    assert wizard.start_page.paper_box.save() is None
    (error,) = dialogs.named("error")
    assert str(target) in error[2] and not target.parent.exists()
    assert not dialogs.named("ask_yes_no")


def test_the_button_is_reached_with_tab(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    button = wizard.start_page.paper_box.button
    wizard.start_page.open_box.button.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button
