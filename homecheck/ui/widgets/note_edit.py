"""A plain-text note box of any length: about three lines high, growing a little, then scrolling."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from homecheck.ui import theme

MIN_LINES = 3
MAX_LINES = 8
# Qt keeps paragraph ends as U+2029; the note stores them as ordinary line ends.
_PARAGRAPH = "\u2029"


def note_text(edit: QPlainTextEdit) -> str:
    """The text exactly as typed or pasted.

    ``toPlainText()`` would turn a no-break space into a space and a line separator (U+2028)
    into a line end; the raw text keeps both. Only line ends are normalised: a pasted "\\r\\n"
    or "\\r" becomes "\\n", as in every text box.
    """
    return edit.document().toRawText().replace(_PARAGRAPH, "\n")


class NoteEdit(QPlainTextEdit):
    """Plain text only (no markup is ever read or pasted as such); Tab moves on to the next
    control, so keyboard users are never trapped in the box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def text(self) -> str:
        """The note (see note_text)."""
        return note_text(self)

    def show_text(self, text: str) -> None:
        """Show a stored note without reporting it as an edit."""
        if self.text() == text:
            return
        self.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            self.blockSignals(False)
        self._fit()

    def _fit(self) -> None:
        # For plain text the document height is counted in (wrapped) lines.
        shown = self.document().documentLayout().documentSize().height()
        lines = max(MIN_LINES, min(MAX_LINES, math.ceil(shown)))
        frame = self.contentsMargins()
        height = math.ceil(
            lines * self.fontMetrics().lineSpacing()
            + 2 * self.document().documentMargin()
            + frame.top()
            + frame.bottom()
            + 2
        )
        height = max(theme.TARGET_PX, height)
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Larger text (Ctrl+) or another style: the same lines need another height.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()  # wrapping changed
