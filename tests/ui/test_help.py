"""The help page: F1 or the side panel's button; it shows the text size of the moment."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from homecheck.store.paths import data_dir
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui


def test_f1_opens_the_help_with_the_current_text_size(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_F1)
    help_window = wizard.help_window
    assert help_window is not None and help_window.isVisible()
    assert not help_window.isModal()  # the check stays usable beside it
    assert "14 points" in help_window.texts["size"].text()
    assert str(data_dir()) in help_window.texts["saved"].text().replace("\u200b", "")
    for section in ("answer", "keys", "call"):
        assert help_window.headings[section].text() and help_window.texts[section].text()
    assert "Ctrl+Z" in help_window.texts["keys"].text()
    wizard.larger_text()
    assert "16 points" in help_window.texts["size"].text()
    help_window.close_button.click()
    assert not help_window.isVisible()


def test_the_side_panel_has_a_help_button_and_shows_the_text_size(make_wizard) -> None:
    wizard = make_wizard(Settings(language="nl"))
    assert "14" in wizard.side.size_label.text()
    wizard.side.help_button.click()
    assert wizard.help_window is not None and wizard.help_window.isVisible()
    assert wizard.help_window.windowTitle() == "Hulp bij homecheck"
    wizard.side.larger_button.click()
    assert "16" in wizard.side.size_label.text()
    wizard.help_window.close()


@pytest.mark.parametrize(("language", "largest"), [("nl", "de grootste"), ("en", "the largest")])
def test_larger_text_at_the_largest_size_says_so(make_wizard, language: str, largest: str) -> None:
    """Pressing 'Larger text' at 20 pt changes nothing: the line under it says why, instead of
    leaving an older reader to press again and again."""
    wizard = make_wizard(Settings(language=language, text_size=18))
    assert largest not in wizard.side.size_label.text()
    wizard.side.larger_button.click()
    assert "20" in wizard.side.size_label.text() and largest in wizard.side.size_label.text()
    wizard.side.smaller_button.click()
    assert largest not in wizard.side.size_label.text()


def test_a_long_data_folder_wraps_in_the_help_at_the_largest_text(
    make_wizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The help names the data folder; a long Windows path wraps after its backslashes instead of
    running past the window's edge (its horizontal scroll bar is off), and is not selectable,
    since its invisible breaks would be copied along (the start page has a Copy button)."""
    from pathlib import Path

    from homecheck.ui.widgets import help_window

    long = (
        r"C:\Users\wilhelmina.vandenbergjansen\AppData\Local\Packages"
        r"\homecheck.HomeCheck_8wekyb3d8bbwe\LocalCache\Local\homecheck"
    )
    monkeypatch.setattr(help_window, "data_dir_location", lambda: Path(long))
    wizard = make_wizard(Settings(language="nl", text_size=20))
    wizard.show_help()
    window = wizard.help_window
    assert window is not None
    label = window.texts["saved"]
    QApplication.processEvents()
    view = window.findChild(QScrollArea).viewport()
    assert label.minimumSizeHint().width() <= view.width(), "the path runs past the edge"
    assert "\u200b" in label.text() and label.text().replace("\u200b", "").count(long) == 1
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    window.close()
