"""The start page's empty checklist on paper: its choices (print size, paper, parts), saved where
the person says, then offered to open."""

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
    assert box.dialog is not None and box.dialog.isVisible()
    assert not dialogs.named("ask_save_path")  # the choices come first
    box.dialog.save_button.click()  # every part ticked, as it starts
    assert not box.dialog.isVisible()
    path = tmp_path / "paper.pdf"
    suggested = Path(dialogs.named("ask_save_path")[0][2]).name
    assert suggested == f"{name} {_dt.date.today().isoformat()}.pdf"
    assert path.read_bytes().startswith(b"%PDF") and path.stat().st_mode & 0o077 == 0
    text = _text(path)
    first = wizard.ctx.checklist.areas[0].items[0].question(language)
    last = wizard.ctx.checklist.areas[-1].items[-1].question(language)
    assert " ".join(first.split()[:4]) in text and " ".join(last.split()[:4]) in text
    assert dialogs.opened == [path] and str(path) in box.status.text().replace("\u200b", "")
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


# -- the choices before saving: print size, paper and parts (as `homecheck blank` has) ---------


def _pdf_facts(path: Path) -> tuple[str, float, float]:
    """(text of every page, smallest type size above the footer, page width in points)."""
    from homecheck.report.pdf import FOOTER_ZONE
    from tests.report.test_fridge import text_runs

    pdf = path.read_bytes()
    from pypdf import PdfReader

    reader = PdfReader(path)
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    sizes = [size for page in range(len(reader.pages))
             for _, size, y in text_runs(pdf, page) if y > height * FOOTER_ZONE]
    return _text(path), min(sizes), width


def test_the_choices_start_from_the_text_size_the_locale_and_everything(
    make_wizard, monkeypatch
) -> None:
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    wizard = make_wizard(Settings(language="en", text_size=18))
    dialog = wizard.start_page.paper_box.choose()
    choices = dialog.print_choices
    assert dialog.isVisible() and dialog.windowTitle() == "Empty checklist on paper"
    assert choices.large_radio.isChecked() and choices.paper() == "letter"
    assert all(box.isChecked() for box in dialog.part_boxes())
    assert len(dialog.area_boxes) == len(wizard.ctx.checklist.areas)
    assert [b.text() for b in dialog.area_boxes.values()] == [
        area.title("en") for area in wizard.ctx.checklist.areas
    ]
    assert dialog.save_button.isEnabled() and not dialog.nothing.isVisible()
    dialog.reject()


def test_chosen_parts_large_print_and_letter_are_what_is_saved(
    make_wizard, dialogs, tmp_path
) -> None:
    wizard = make_wizard()
    box = wizard.start_page.paper_box
    dialog = box.choose()
    dialog.print_choices.large_radio.click()
    dialog.print_choices.paper_radios["letter"].click()
    dialog.tick_button.click()  # untick every part ...
    assert not any(b.isChecked() for b in dialog.part_boxes())
    dialog.area_boxes["stairs"].click()  # ... then tick the stairs only
    dialogs.save_paths = [tmp_path / "stairs.pdf"]
    dialogs.yes_no = [False]
    dialog.save_button.click()
    text, smallest, width = _pdf_facts(tmp_path / "stairs.pdf")
    content = wizard.ctx.checklist
    stairs = content.area("stairs")
    for item in stairs.items:
        assert " ".join(item.question("en").split()[:4]) in text
    for area in content.areas:
        if area.id != "stairs":
            assert " ".join(area.items[0].question("en").split()[:5]) not in text, area.id
    assert "About the person" not in text
    assert smallest >= 14 and round(width) == 612  # large print, on Letter
    # The next time the choices are as the person left them.
    again = box.choose()
    assert again is dialog and again.options().area_ids == ("stairs",)
    assert again.print_choices.large_print() and again.print_choices.paper() == "letter"
    again.reject()


def test_with_no_part_ticked_save_is_off_and_says_why(make_wizard) -> None:
    wizard = make_wizard()
    dialog = wizard.start_page.paper_box.choose()
    assert dialog.tick_button.text() == "&Untick all parts"
    for part in dialog.part_boxes():
        part.setChecked(False)
    assert not dialog.save_button.isEnabled()
    assert dialog.nothing.isVisible() and "at least one" in dialog.nothing.text()
    assert dialog.tick_button.text() == "Tick &all parts"
    assert dialog.tick_button.accessibleName() == "Tick all parts"
    dialog.about_box.click()
    assert dialog.save_button.isEnabled() and not dialog.nothing.isVisible()
    assert dialog.options().about and dialog.options().area_ids == ()
    dialog.reject()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_choice_is_named_and_reached_with_the_keyboard(
    make_wizard, dialogs, qtbot, tmp_path, language: str
) -> None:
    wizard = make_wizard(Settings(language=language))
    box = wizard.start_page.paper_box
    box.button.setFocus()
    qtbot.keyClick(box.button, Qt.Key.Key_Space)  # the button, by keyboard
    dialog = box.dialog
    assert dialog is not None and dialog.isVisible()
    choices = dialog.print_choices
    controls = [choices.normal_radio, choices.large_radio, *choices.paper_radios.values(),
                *dialog.part_boxes(), dialog.tick_button, dialog.save_button]
    for control in controls:
        assert control.accessibleName() and control.accessibleDescription(), control.text()
    assert dialog.cancel_button.accessibleName()
    # The window takes the focus, on Save: Enter saves with what is shown.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.save_button)
    # Tab goes round every group of choices, every part and both buttons.
    reached = set()
    for _ in range(len(controls) + 4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    checked_size = choices.large_radio if choices.large_print() else choices.normal_radio
    checked_paper = choices.paper_radios[choices.paper()]
    wanted = {checked_size, checked_paper, *dialog.part_boxes(), dialog.tick_button,
              dialog.save_button, dialog.cancel_button}
    assert wanted <= reached, [w.accessibleName() for w in wanted - reached]
    assert reached <= wanted, reached - wanted  # no stop on something that is not a choice
    # Space unticks a part; Escape closes without saving anything.
    dialog.area_boxes["garden"].setFocus()
    qtbot.keyClick(dialog.area_boxes["garden"], Qt.Key.Key_Space)
    assert "garden" not in dialog.options().area_ids
    qtbot.keyClick(dialog.area_boxes["garden"], Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not dialogs.named("ask_save_path")
    # Enter, with the focus on a part, saves.
    box.choose()
    dialog.area_boxes["kitchen"].setFocus()
    dialogs.save_paths = [tmp_path / "list.pdf"]
    dialogs.yes_no = [False]
    qtbot.keyClick(dialog.area_boxes["kitchen"], Qt.Key.Key_Return)
    assert not dialog.isVisible() and (tmp_path / "list.pdf").exists()
