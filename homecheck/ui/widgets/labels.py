"""Plain-text labels and the open/closed arrows, shared by every page (light to import)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from homecheck.ui import theme

OPEN = "▾"
CLOSED = "▸"


def plain_label(text: str = "", role: str = "") -> QLabel:
    """A word-wrapped label that never interprets its text as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if role:
        theme.set_role(label, role)
    return label
