"""A window too narrow for the side panel beside the page (200 % scaling on a laptop, the
largest text): the panel waits behind a Menu button, which shows and hides it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homecheck.ui.settings import Settings
from homecheck.ui.wizard import WB


def test_a_window_too_narrow_for_the_panel_has_a_menu_button(make_wizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = make_wizard(Settings(language="en", text_size=20))
    side = wizard.side
    assert not side.menu_button.isVisible() and side.steps.isVisible()  # 1100 px: beside
    wide = side.width()
    wizard.resize(640, 480)
    qtbot.waitUntil(lambda: side.menu_button.isVisible())
    assert side.menu_button.text() == "Menu"
    assert side.menu_button.accessibleName() == "Steps and settings"
    assert not side.steps.isVisible() and not side.larger_button.isVisible()
    assert side.width() < wide // 2  # the page gets the room
    # Tab reaches Menu; Space on it: the steps and settings, keyboard in the steps; again: hidden.
    wizard.button(WB.CancelButton).setFocus()
    for _ in range(40):
        if QApplication.focusWidget() is side.menu_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is side.menu_button
    qtbot.keyClick(side.menu_button, " ")
    assert side.steps.isVisible() and side.larger_button.isVisible()
    assert QApplication.focusWidget() is side.steps
    qtbot.keyClick(side.menu_button, " ")
    assert not side.steps.isVisible()
    # A step chosen in the open menu: that page, and the menu closes again.
    qtbot.keyClick(side.menu_button, " ")
    side.steps.setCurrentRow(1)
    qtbot.keyClick(side.steps, Qt.Key.Key_Return)
    assert wizard.currentId() == wizard.home_page.page_id
    assert not side.steps.isVisible() and not side.menu_button.isChecked()
    # Wide again: the panel is back beside the page, without the button.
    wizard.resize(1100, 800)
    qtbot.waitUntil(lambda: not side.menu_button.isVisible())
    assert side.steps.isVisible() and side.width() == wide
