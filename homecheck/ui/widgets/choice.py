"""A row of large, numbered, checkable buttons: choose with a click, a digit key or Alt+digit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QPushButton, QWidget

from homecheck.ui import theme
from homecheck.ui.hooks import Hook
from homecheck.ui.widgets.click_guard import ClickGuard, GuardedButton
from homecheck.ui.widgets.wrap_row import WrapRow

CHECK_MARK = "✓"
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


def digit_of(event: QKeyEvent) -> int | None:
    """The digit 1-9 of a key press without Ctrl or Alt (keypad digits count too)."""
    blocked = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    if event.modifiers() & blocked:
        return None
    return _DIGIT_KEYS.get(Qt.Key(event.key()))


class AnswerButton(GuardedButton):
    """A checkable answer whose size does not change when it is chosen: the tick shown in front
    of the chosen answer has its room on every button, so that choosing moves nothing (a button
    that grew pushed the next one to another line, under the pointer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plain_text = ""  # the text without the tick
        self._tick_room = 0  # how much wider that text is with the tick in front

    def show_text(self, text: str) -> None:
        """Show the text, with the tick in front when the answer is chosen."""
        self._plain_text = text
        self.setText(f"{CHECK_MARK} {text}" if self.isChecked() else text)
        self._measure_tick_room()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # another text size
            self._measure_tick_room()

    def _measure_tick_room(self) -> None:
        # Measured as Qt measures a button's text: the tick's own width, added, was a pixel
        # off now and then (rounding), and a chosen answer grew by that pixel.
        text, metrics, flag = self._plain_text, self.fontMetrics(), Qt.TextFlag.TextShowMnemonic
        with_tick = metrics.size(flag, f"{CHECK_MARK} {text}").width()
        self._tick_room = with_tick - metrics.size(flag, text).width()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if not self.isChecked():
            hint.setWidth(hint.width() + self._tick_room)
        return hint

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class ChoiceButtons(WrapRow):
    """Exclusive choice between a few values, shown as buttons numbered 1, 2, 3 …

    A chosen button stays chosen when clicked again: older users often double-click,
    and that must not undo an answer, nor answer the next question (ClickGuard).
    """

    def __init__(self, values: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, spacing=10)
        self.chosen: Hook[str] = Hook()  # the answer changed (a click, a key, a screen reader)
        self.answered: Hook[str] = Hook()  # the person answered: the container moves focus on
        self.values = tuple(values)
        self._labels = dict.fromkeys(self.values, "")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, AnswerButton] = {}
        self._showing = False  # set_value() shows a stored answer: not a new choice
        # A second click that lands here only because the page moved on is not an answer.
        self.guard = ClickGuard(self.focus_button)
        for value in self.values:
            button = AnswerButton(self)
            button.setCheckable(True)
            # Enter on an answer must not trigger the wizard's default button by accident.
            button.setAutoDefault(False)
            button.setProperty("answer", value)
            theme.touch_target(button)
            self._group.addButton(button)
            # toggled, not clicked: a screen reader answers by the button's Toggle action,
            # which never "clicks" it (tests/ui/test_atspi.py). Clicks and Space toggle too.
            button.toggled.connect(lambda checked, v=value: self._toggled(v, checked))
            self.add(button)
            self.buttons[value] = button
            self.guard.watch(button)

    def set_texts(self, labels: Sequence[str], description: str) -> None:
        """Set the button texts (in value order) and what they answer, for screen readers."""
        self._labels = dict(zip(self.values, labels, strict=True))
        self.setAccessibleName(description)
        for value in self.values:
            self.buttons[value].setAccessibleDescription(description)
        self._show_texts()

    def _show_texts(self) -> None:
        for n, value in enumerate(self.values, start=1):
            button = self.buttons[value]
            label = self._labels[value]
            # The digit is both the visible key hint and the Alt mnemonic; the tick shows the
            # choice without relying on colour.
            button.show_text(f"&{n}  {label}")
            button.setAccessibleName(label)
        self.refit()  # another language may need more room

    def value(self) -> str | None:
        """The chosen value, or None."""
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None

    def set_value(self, value: str | None) -> None:
        """Show a value without emitting ``chosen`` (used when loading stored answers)."""
        self._showing = True
        try:
            if value is None:
                # An exclusive group refuses to uncheck its last button; lift that for a moment.
                self._group.setExclusive(False)
                for button in self.buttons.values():
                    button.setChecked(False)
                self._group.setExclusive(True)
            else:
                self.buttons[value].setChecked(True)
        finally:
            self._showing = False
        self._show_texts()

    def choose_number(self, number: int) -> bool:
        """Choose the n-th value (1-based) as if clicked; False when there is no such value."""
        if not 1 <= number <= len(self.values):
            return False
        value = self.values[number - 1]
        if self.buttons[value].isChecked():
            self._clicked(value)  # the same answer again: still an answer (focus moves on)
        else:
            self.buttons[value].setChecked(True)  # toggled: _clicked
        return True

    def focus_button(self) -> QPushButton:
        """The button keyboard focus should go to: the chosen one, else the first."""
        value = self.value()
        return self.buttons[value if value is not None else self.values[0]]

    def _toggled(self, value: str, checked: bool) -> None:
        if checked and not self._showing:
            self._clicked(value)

    def _clicked(self, value: str) -> None:
        self._show_texts()
        self.chosen(value)
        self.answered(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        number = digit_of(event)
        if number is not None and self.choose_number(number):
            event.accept()
            return
        super().keyPressEvent(event)
