"""Qt enum settings by name for what the first page shows: no Qt namespace before it paints."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QWidget

# Why by name: the first time Python touches PySide6's `Qt` namespace, PySide6 builds all of
# its ~100 enums (~1,200 members, ~11 ms, a tenth of homecheck's start-up). Qt reads an enum
# property from its key names in C++, so the start page and side panel can be made without
# it; the namespace is built right after the first paint, with the other pages.


def set_enum(obj: QObject, prop: str, keys: str) -> None:
    """Set a Qt enum or flags property from its key name(s): ("textFormat", "PlainText")."""
    if not obj.setProperty(prop, keys):
        raise ValueError(f"{type(obj).__name__}.{prop} does not take {keys!r}")


def add_left(layout: QBoxLayout, widget: QWidget) -> None:
    """Add a widget at its own width, on the left, to a vertical layout (a button, say).

    What ``layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)`` does, without the enum.
    """
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget)
    row.addStretch(1)
    layout.addLayout(row)
