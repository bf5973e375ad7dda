"""The number answers of About the person: a whole number in a range (age, falls, active days,
chair stands, balance stage) and seconds with one decimal (Timed Up and Go). The value just below
the range shows "not answered"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from homecheck.ui.pages.base import NumberBox, enter_moves_on


class RangeBox(NumberBox):
    """A whole number from ``low`` to ``high``; the value below ``low`` means "not answered"."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(high, parent)
        self.low = low
        self.setRange(low - 1, high)
        self.setValue(low - 1)

    def answer(self) -> int | None:
        """The number given, or None."""
        value = self.value()
        return None if value < self.low else value

    def show_answer(self, value: Any) -> None:
        """Show a stored value (None: not answered) without storing it again."""
        self.blockSignals(True)
        self.setValue(self.low - 1 if value is None else int(value))
        self.blockSignals(False)


class SecondsBox(QDoubleSpinBox):
    """Seconds with one decimal (1-300); the lowest value means "not answered"."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low = float(low)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setRange(low - 0.1, high)
        self.setValue(low - 0.1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.PlusMinus)  # as NumberBox

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # as NumberBox: the wheel scrolls the page, never changes the seconds

    def answer(self) -> float | None:
        """The seconds given, or None."""
        value = round(self.value(), 1)
        return None if value < self.low else value

    def show_answer(self, value: Any) -> None:
        """Show a stored value (None: not answered) without storing it again."""
        self.blockSignals(True)
        self.setValue(self.low - 0.1 if value is None else float(value))
        self.blockSignals(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not enter_moves_on(self, event):
            super().keyPressEvent(event)
