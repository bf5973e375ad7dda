"""Small helpers shared by the wizard tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from homecheck.ui.wizard import HomeWizard


class KeyDriver:
    """Presses keys on whatever has keyboard focus, and counts them."""

    def __init__(self, qtbot, wizard: HomeWizard) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.wizard = wizard
        self.presses = 0

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has keyboard focus"
        assert self.wizard.isAncestorOf(widget) or widget is self.wizard
        return widget

    def press(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.focused(), key)
        self.presses += 1
