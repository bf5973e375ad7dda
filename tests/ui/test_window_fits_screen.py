"""The window never gets larger than the free part of its screen (QScreen.availableGeometry()):
at 200 % scaling on a laptop, after a move from a larger screen, when a task bar appears."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect

from homecheck.ui.settings import Settings
from homecheck.ui.wizard import WB


def test_a_window_larger_than_its_screen_is_made_to_fit(make_wizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = make_wizard(Settings(language="en"))
    available = wizard.screen().availableGeometry()
    # As after a move from a larger screen, partly off this one.
    wizard.move(available.right() - 100, available.bottom() - 100)
    wizard.resize(available.width() + 300, available.height() + 200)
    wizard.screen().availableGeometryChanged.emit(available)
    qtbot.waitUntil(lambda: available.contains(wizard.frameGeometry()))
    assert wizard.minimumWidth() <= available.width()
    assert wizard.minimumHeight() <= available.height()
    next_button = wizard.button(WB.NextButton)
    assert wizard.rect().contains(QRect(next_button.mapTo(wizard, QPoint(0, 0)),
                                        next_button.size()))
