"""A start-page button with a line under it that says what it did last ("Opened: …")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.widgets.labels import PathLabel


class ButtonWithStatus(QWidget):
    """A button, left-aligned and large enough to hit, and a muted line under it, hidden until
    ``tell`` fills it (the text can be selected, to copy a file's path)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.button = QPushButton(self)
        self.button.setAutoDefault(False)
        theme.touch_target(self.button)
        self.status = PathLabel(role="muted")
        self.status.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)

    def tell(self, text: str) -> None:
        """Say what was done in the line under the button (a long path in it wraps)."""
        self.status.set_paths_text(text)
        self.status.setVisible(True)

    def forget(self) -> None:
        """No longer say what was done (its file may be gone)."""
        self.status.setVisible(False)
