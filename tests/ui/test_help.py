"""The help page: F1 or the side panel's button; it shows the text size of the moment."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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
    assert str(data_dir()) in help_window.texts["saved"].text()
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
