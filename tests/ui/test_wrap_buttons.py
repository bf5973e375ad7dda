"""Radio buttons and check boxes whose text wraps: still one button to keys, mouse and readers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QButtonGroup, QVBoxLayout, QWidget

from homecheck.ui import theme
from homecheck.ui.pages.base import HOME_ID
from homecheck.ui.settings import Settings
from homecheck.ui.widgets.wrap_buttons import WrapCheckBox, WrapRadioButton

pytestmark = pytest.mark.gui

LONG = "Een &mantelzorger, voor iemand anders die verder weg woont"


def _group(qtbot, texts: list[str]) -> tuple[QWidget, list[WrapRadioButton]]:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    group = QButtonGroup(window)
    radios = []
    for text in texts:
        radio = WrapRadioButton(window)
        radio.setText(text)
        theme.touch_target(radio)
        group.addButton(radio)
        layout.addWidget(radio)
        radios.append(radio)
    layout.addStretch(1)
    return window, radios


def test_a_long_text_wraps_instead_of_widening_the_page(qtbot) -> None:
    window, (radio,) = _group(qtbot, [LONG])
    one_line = radio.sizeHint().width()
    # As narrow as its longest word ("mantelzorger,"), not as wide as the whole text.
    assert radio.minimumSizeHint().width() < one_line // 2
    window.resize(one_line // 2, 400)
    window.show()
    qtbot.waitExposed(window)
    assert radio.width() <= one_line // 2
    # Every line of the text shows: the button is as high as the wrapped text, the label
    # inside it (where the style puts a radio button's text) as wide as the button allows.
    label = radio.label
    assert label.height() >= label.heightForWidth(label.width()) > label.fontMetrics().height()
    assert label.geometry().right() < radio.width()
    assert radio.height() > radio.minimumSizeHint().height()
    assert radio.text() == LONG and label.text() == LONG


def test_clicking_the_text_chooses_it(qtbot) -> None:
    window, (first, second) = _group(qtbot, ["&Nederlands", "&English, a longer text here"])
    first.setChecked(True)
    window.show()
    qtbot.waitExposed(window)
    label = second.label
    qtbot.mouseClick(
        second,
        Qt.MouseButton.LeftButton,
        pos=label.geometry().center() + QPoint(label.width() // 4, 0),
    )
    assert second.isChecked() and not first.isChecked()


def test_keys_alt_letter_arrows_and_space_on_the_start_page(qtbot, make_wizard) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=20))
    radios = wizard.start_page.role_radios
    assert all(isinstance(radio, WrapRadioButton) for radio in radios.values())
    radios["self"].setChecked(True)
    radios["self"].setFocus()
    # The arrow keys move the choice within the group, as on plain radio buttons.
    qtbot.keyClick(radios["self"], Qt.Key.Key_Down)
    assert radios["therapist"].isChecked() and radios["therapist"].hasFocus()
    # Alt+letter ("Een &mantelzorger": the label's buddy is its button) chooses it and puts
    # the focus there.
    qtbot.keyClick(radios["therapist"], Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert radios["caregiver"].hasFocus()
    qtbot.waitUntil(radios["caregiver"].isChecked)  # an animated click, as on any button
    # Space on a check box ticks it (the optional rooms on the next page).
    wizard.go_to(HOME_ID)
    box = next(iter(wizard.home_page.boxes.values()))
    assert isinstance(box, WrapCheckBox)
    was = box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() is not was


def test_screen_readers_still_meet_a_radio_button(qtbot) -> None:
    _window, (radio,) = _group(qtbot, [LONG])
    # Named by its text (as a plain radio button is) until it is given a name of its own.
    assert radio.accessibleName() == LONG.replace("&", "")
    radio.setText("&Tom && Jerry")
    assert radio.accessibleName() == "Tom & Jerry"
    radio.setAccessibleName("A caregiver")
    radio.setChecked(True)
    node = QAccessible.queryAccessibleInterface(radio)
    assert node.role() == QAccessible.Role.RadioButton
    assert node.state().checked
    assert node.text(QAccessible.Text.Name) == "A caregiver"
