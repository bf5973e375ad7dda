"""High contrast and the text size reach every page, built or not, and every window.

The style sheet is set once; a switch changes the palette, the font and the two properties the
style sheet's rules select on, and polishes the widgets again (issue 14: setting a new style
sheet for each switch took ~1.7 s with every page built).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from homecheck.ui import theme
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui

ROLE = QPalette.ColorRole


def _all_pages_built(make_wizard):  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    for page in wizard.pages_by_id.values():
        page.ensure_built()
    QApplication.processEvents()
    return wizard


def _buttons_and_muted(wizard):  # type: ignore[no-untyped-def]
    """One push button and, where there is one, one muted label of every page with buttons."""
    pages = [page for page in wizard.pages_by_id.values() if page.findChildren(QPushButton)]
    assert len(pages) > len(wizard.pages_by_id) // 2
    for page in pages:
        button = page.findChildren(QPushButton)[0]
        muted = [label for label in page.findChildren(QLabel) if label.property("role") == "muted"]
        yield page, button, muted[0] if muted else None


def _looks(wizard, colours: theme.Colours) -> None:  # type: ignore[no-untyped-def]
    assert QApplication.palette().color(ROLE.Window) == QColor(colours.window)
    for page, button, muted in _buttons_and_muted(wizard):
        # The style sheet gives each styled widget its colours as its palette.
        assert button.palette().color(ROLE.ButtonText) == QColor(colours.button_text), page.key
        assert button.palette().color(ROLE.Button) == QColor(colours.button), page.key
        if muted is not None:
            assert muted.palette().color(ROLE.WindowText) == QColor(colours.muted_text), page.key
    cancel = wizard.button(wizard.WizardButton.CancelButton)
    assert cancel.palette().color(ROLE.ButtonText) == QColor(colours.button_text)


def test_contrast_switch_reaches_every_page_and_back(make_wizard) -> None:
    wizard = _all_pages_built(make_wizard)
    _looks(wizard, theme.NORMAL)
    wizard.side.contrast_button.click()
    assert wizard.ctx.settings.high_contrast
    _looks(wizard, theme.HIGH_CONTRAST)
    wizard.side.contrast_button.click()
    _looks(wizard, theme.NORMAL)


def test_larger_text_reaches_every_page_its_titles_and_the_wizard_buttons(make_wizard) -> None:
    wizard = _all_pages_built(make_wizard)
    wizard.toggle_contrast()
    wizard.toggle_contrast()
    for size in (16, 18, 16, 14):
        if size > wizard.ctx.settings.text_size:
            wizard.larger_text()
        else:
            wizard.smaller_text()
        assert wizard.ctx.settings.text_size == size
        for page, button, _muted in _buttons_and_muted(wizard):
            assert button.font().pointSize() == size, page.key
            assert page.heading.font().pointSize() == size + theme.ROLE_POINTS["title"], page.key
            assert page.heading.font().bold()
        for which in (wizard.WizardButton.NextButton, wizard.WizardButton.CancelButton):
            assert wizard.button(which).font().pointSize() == size


def test_a_page_built_after_the_switch_looks_the_same(make_wizard) -> None:
    wizard = make_wizard(Settings(language="en"))
    wizard.side.contrast_button.click()
    wizard.larger_text()
    room = next(iter(wizard.room_pages.values()))
    assert not room.built
    room.ensure_built()
    QApplication.processEvents()
    assert room.heading.font().pointSize() == 16 + theme.ROLE_POINTS["title"]
    button = room.findChildren(QPushButton)[0]
    assert button.palette().color(ROLE.Button) == QColor(theme.HIGH_CONTRAST.button)


def test_a_window_made_later_follows_the_contrast_and_text_size(make_wizard) -> None:
    make_wizard(Settings(language="en", text_size=18, high_contrast=True))
    box = QMessageBox()  # a window of its own, as the dialogs before the wizard exists
    theme.follow(box)
    assert box.property(theme.CONTRAST) == "high"
    assert box.property(theme.TEXT_SIZE) == "18"
    box.ensurePolished()
    ok = box.addButton(QMessageBox.StandardButton.Ok)
    ok.ensurePolished()
    assert ok.palette().color(ROLE.ButtonText) == QColor(theme.HIGH_CONTRAST.button_text)
    box.deleteLater()
