"""A menu (the right-click menu of a text) shows its edge in high contrast: it was a black menu
on a black page, only its words showing where it was."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu

from homecheck.ui import theme

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("high_contrast", [False, True])
def test_a_menu_has_a_visible_edge(make_wizard, high_contrast) -> None:
    from homecheck.ui.settings import Settings

    wizard = make_wizard(Settings(language="nl", high_contrast=high_contrast))
    menu = QMenu(wizard)
    menu.addAction("Kopiëren")
    menu.addAction("Alles selecteren")
    menu.adjustSize()
    image = menu.grab().toImage()  # drawn as it would show (a popup here warns: offscreen)
    colours = theme.HIGH_CONTRAST if high_contrast else theme.NORMAL
    edge = image.pixelColor(0, image.height() // 2)
    inside = image.pixelColor(image.width() // 2, image.height() - 6)
    assert edge == QColor(colours.border), edge.name()
    assert edge != inside
