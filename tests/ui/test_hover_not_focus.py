"""A button under the mouse never looks like the one with keyboard focus: in high contrast the
hovered button took the focus colour, so two buttons seemed to have the focus at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from homecheck.ui import theme
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("high_contrast", [False, True])
def test_a_hovered_button_does_not_take_the_focus_colour(make_wizard, high_contrast) -> None:
    wizard = make_wizard(Settings(language="nl", high_contrast=high_contrast))
    page = wizard.currentPage()
    hovered = QPushButton("Opgeslagen check openen", page)
    hovered.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # only the pointer is on it
    hovered.show()
    QApplication.processEvents()
    QTest.mouseMove(hovered, hovered.rect().center())
    QApplication.processEvents()
    assert hovered.underMouse()
    image = hovered.grab().toImage()
    colours = theme.HIGH_CONTRAST if high_contrast else theme.NORMAL
    edge = image.pixelColor(1, image.height() // 2)
    assert edge != QColor(colours.focus), edge.name()


@pytest.mark.parametrize("high_contrast", [False, True])
def test_no_hover_rule_uses_the_focus_colour(high_contrast) -> None:
    """Also where a grab offscreen does not show the hover (high contrast here)."""
    colours = theme.HIGH_CONTRAST if high_contrast else theme.NORMAL
    hover_rules = [(selectors, declarations)
                   for selectors, declarations in theme._rules(colours, high_contrast)
                   if ":hover" in selectors and "QScrollBar" not in selectors]
    assert hover_rules
    assert not [rule for rule in hover_rules if colours.focus.lower() in rule[1].lower()]
