"""After a side-panel button is used by its Alt+letter shortcut, Enter does not press it again:
Enter keeps going on (Next), as on every page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui


def _enter(qtbot) -> None:  # type: ignore[no-untyped-def]
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def test_enter_after_alt_h_does_not_switch_high_contrast_back(make_wizard, qtbot) -> None:
    wizard = make_wizard(Settings(language="nl"))
    before = QApplication.focusWidget()
    qtbot.keyClick(wizard, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.ctx.settings.high_contrast, timeout=2000)
    assert QApplication.focusWidget() is before  # the keyboard stays where it was
    _enter(qtbot)
    qtbot.wait(300)  # a button's click by its shortcut is animated
    assert wizard.ctx.settings.high_contrast


@pytest.mark.parametrize(("key", "size"), [(Qt.Key.Key_G, 18), (Qt.Key.Key_K, 14)])
def test_enter_after_a_text_size_shortcut_does_not_change_the_size_again(
    make_wizard, qtbot, key: Qt.Key, size: int
) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=16))
    qtbot.keyClick(wizard, key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(300)
    changed = wizard.ctx.settings.text_size
    assert changed == size
    _enter(qtbot)
    qtbot.wait(300)
    assert wizard.ctx.settings.text_size == changed


def test_enter_after_the_language_shortcut_does_not_switch_the_language_back(
    make_wizard, qtbot
) -> None:
    wizard = make_wizard(Settings(language="nl"))
    qtbot.keyClick(wizard, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # "&English"
    qtbot.waitUntil(lambda: wizard.ctx.language == "en", timeout=2000)
    _enter(qtbot)
    qtbot.wait(300)
    assert wizard.ctx.language == "en"
