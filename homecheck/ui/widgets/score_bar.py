"""A plain horizontal bar for a 0-100 score; the number is always written next to it as text."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from homecheck.ui import theme


class ScoreBar(QWidget):
    """Draws only the bar; the caller shows the score in words beside it (never colour alone)."""

    def __init__(self, high_contrast: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score: int | None = None
        self.high_contrast = high_contrast
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_score(self, score: int | None, high_contrast: bool) -> None:
        """Show a score (None: nothing checked yet, an empty track)."""
        self.score = score
        self.high_contrast = high_contrast
        self.update()

    def sizeHint(self) -> QSize:
        height = max(18, self.fontMetrics().height())
        return QSize(200, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        c = theme.colours(self.high_contrast)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor(c.border), 1))
        painter.setBrush(QColor(c.bar_track if not self.high_contrast else c.window))
        painter.drawRoundedRect(track, 4, 4)
        if self.score:
            fill = QRectF(track)
            fill.setWidth(track.width() * self.score / 100)
            painter.setPen(QPen(QColor(c.bar_fill), 1))
            painter.setBrush(QColor(c.bar_fill))
            painter.drawRoundedRect(fill, 4, 4)
        painter.end()
