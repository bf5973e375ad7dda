"""A plain-text note box: about three lines high, growing a little, then scrolling.

A note holds at most ``MAX_NOTE`` characters (homecheck/domain/textrules.py), as the reader of
check files allows: typing or pasting past it adds what fits and says so (``on_full``). The
area notes and the goals use the same box with their own maximum.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from homecheck.domain.textrules import MAX_NOTE
from homecheck.ui import theme

if TYPE_CHECKING:
    from homecheck.ui.context import UiContext

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

    def __init__(self, parent: QWidget | None = None, limit: int = MAX_NOTE) -> None:
        super().__init__(parent)
        self.limit = limit
        # Called with the limit when typing or pasting would go past it (the owner says so).
        self.on_full: Callable[[int], None] | None = None
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def text(self) -> str:
        """The note (see note_text)."""
        return note_text(self)

    def _room(self) -> int:
        """How many characters may still be added in place of the selection."""
        selected = len(self.textCursor().selectedText())
        return self.limit - (len(self.document().toRawText()) - selected)

    def _full(self) -> None:
        if self.on_full is not None:
            self.on_full(self.limit)

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Paste and drop: plain text only, and only as much as fits.
        text = source.text()
        room = self._room()
        if len(text) <= room:
            super().insertFromMimeData(source)
            return
        if room > 0:
            self.textCursor().insertText(text[:room])
        self._full()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = event.text()
        adds_text = typed and (typed.isprintable() or typed in ("\r", "\n"))
        if adds_text and len(typed) > self._room():
            self._full()
            return
        super().keyPressEvent(event)

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


def tell_full(edit: NoteEdit, ctx: UiContext, what: str = "note") -> None:
    """Make ``edit`` say in a message that it cannot hold more. ``what`` names the text in
    the message (a catalogue key under ui.text_limit: "note", "goals")."""

    edit.on_full = lambda limit: _say_full(edit, limit, ctx, what)


def _say_full(edit: QWidget, limit: int, ctx: UiContext, what: str) -> None:
    shown = f"{limit:,}".replace(",", "." if ctx.language == "nl" else ",")
    ctx.dialogs.inform(edit, ctx.t("ui.text_limit.title"), ctx.t(f"ui.text_limit.{what}",
                                                                limit=shown))  # fmt: skip
