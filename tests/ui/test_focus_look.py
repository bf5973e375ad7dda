"""A control with keyboard focus looks the same however the focus came: Tab drew the style's own
focus box (light blue, inside the button) under our focus border, a second box that a focus
given by an answer never showed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton, QRadioButton, QVBoxLayout

from homecheck.ui.settings import Settings
from homecheck.ui.widgets.choice import ChoiceButtons

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("high_contrast", [False, True])
def test_focus_by_tab_looks_as_focus_given_otherwise(make_wizard, high_contrast) -> None:
    wizard = make_wizard(Settings(language="en", high_contrast=high_contrast))
    page = wizard.currentPage()
    layout = page.layout()
    assert isinstance(layout, QVBoxLayout)
    answers = ChoiceButtons(["person", "helper", "skip"])
    answers.set_texts(["The person", "I do, for the person", "Skip"], "Who answers?")
    layout.addWidget(answers)
    controls = [QPushButton("Open a saved check"), QCheckBox("Kitchen"), QRadioButton("Myself"),
                *answers.buttons.values()]
    for control in controls[:3]:
        layout.addWidget(control)
    wizard.activateWindow()
    QApplication.processEvents()
    for control in controls:
        # As after a click: the window shows no sign of keyboard use.
        wizard.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)
        control.setFocus(Qt.FocusReason.OtherFocusReason)
        QApplication.processEvents()
        given = control.grab().toImage()
        # What a Tab press does: Qt marks the window "focus moves by keyboard" (until a click).
        wizard.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
        control.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        assert control.hasFocus()
        assert control.grab().toImage() == given, type(control).__name__
