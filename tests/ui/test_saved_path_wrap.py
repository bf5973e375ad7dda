"""'Saved: <path>' under a button (the save page, the start page's checklist on paper and opened
check): a long Windows folder wraps at the largest text in a narrow window, and what the person
selects and copies from it is the path itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from homecheck.ui.pages.base import FINISH_ID
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui

# A folder in Windows' own words (a name with backslashes in it, on the test's computer).
FOLDER = (
    r"C:\Users\wilhelmina.vandenbergjansen\Documents\Fysiotherapie"
    r"\Actielijsten_van_de_huisbezoeken"
)


def test_a_long_saved_path_wraps_and_is_copied_as_it_is(
    make_wizard, dialogs, tmp_path: Path
) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=20))
    wizard.resize(640, 450)
    folder = tmp_path / FOLDER
    folder.mkdir()
    wizard.go_to(FINISH_ID)
    page = wizard.finish_page
    dialogs.save_paths = [folder / "Actielijst.pdf"]
    saved = page.save_pdf()
    assert saved is not None
    QApplication.processEvents()
    _wraps_and_copies_as_it_is(wizard, page.scroller, page.status, str(saved))


def _wraps_and_copies_as_it_is(wizard, scroller, label, path: str) -> None:  # type: ignore[no-untyped-def]
    # The line never makes the page wider than its view, and is as tall as its lines need.
    assert wizard.width() <= 640
    room = scroller.viewport().width() - (scroller.widget().width() - label.width())
    assert label.minimumSizeHint().width() <= room
    assert label.height() >= label.heightForWidth(label.width())
    # Selected and copied: the path as it is, without the invisible places to wrap.
    label.setSelection(0, len(label.text()))
    label.setFocus()
    QTest.keySequence(label, QKeySequence.StandardKey.Copy)
    copied = QGuiApplication.clipboard().text()
    assert path in copied and "\u200b" not in copied


@pytest.mark.parametrize("box", ["paper_box", "open_box"])
def test_a_long_path_under_a_start_page_button_wraps_and_is_copied_as_it_is(
    make_wizard, box: str
) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=20))
    wizard.resize(640, 450)
    page = wizard.start_page
    path = FOLDER + r"\Lege checklist.pdf"
    getattr(page, box).tell(f"Opgeslagen: {path}")
    QApplication.processEvents()
    _wraps_and_copies_as_it_is(wizard, page.scroller, getattr(page, box).status, path)
