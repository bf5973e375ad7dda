"""The summary's score per part of the home: name and details, a bar, and the score in words.

Side by side when the names fit on their lines next to the bars; otherwise (large text, a narrow
window) each name goes on a line of its own above its bar, instead of being squeezed into a
narrow column and broken after every other word ("1 hazard · 6 / of 6 / answered")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.score_bar import ScoreBar

SPACING = 16
BAR_MIN_PX = 120  # below this a bar says too little next to its number


class AreaBars(QWidget):
    """Rows of (label, bar, number), made when first needed and reused on every refresh."""

    def __init__(self, high_contrast: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._high_contrast = high_contrast
        self.rows: list[tuple[QLabel, ScoreBar, QLabel]] = []
        self._stacked = False
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(1, 3)
        self._grid.setHorizontalSpacing(SPACING)
        self._grid.setVerticalSpacing(10)

    def show_rows(self, count: int) -> list[tuple[QLabel, ScoreBar, QLabel]]:
        """The first ``count`` rows, shown (the others hidden), for the caller to fill in."""
        while len(self.rows) < count:
            label = plain_label()
            bar = ScoreBar(self._high_contrast)
            number = plain_label(role="heading")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.rows.append((label, bar, number))
            self._place(len(self.rows) - 1)
        for index, row in enumerate(self.rows):
            for widget in row:
                widget.setVisible(index < count)
        return self.rows[:count]

    def stacked(self) -> bool:
        """True when each name is on a line of its own above its bar."""
        return self._stacked

    def _place(self, index: int) -> None:
        label, bar, number = self.rows[index]
        for widget in (label, bar, number):
            self._grid.removeWidget(widget)
        if self._stacked:
            self._grid.addWidget(label, 2 * index, 0, 1, 3)
            self._grid.addWidget(bar, 2 * index + 1, 0, 1, 2, Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(number, 2 * index + 1, 2)
        else:
            self._grid.addWidget(label, index, 0)
            self._grid.addWidget(bar, index, 1, Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(number, index, 2)

    def _widths(self) -> tuple[int, int]:
        """The longest line of the shown names, and the widest shown score, unbroken."""
        shown = [row for row in self.rows if not row[0].isHidden()]
        names = max((_line_width(label) for label, _bar, _number in shown), default=0)
        numbers = max((_line_width(number) for _label, _bar, number in shown), default=0)
        return names, numbers

    def side_by_side_width(self) -> int:
        """The width the shown rows need with every name's lines unbroken next to the bars."""
        names, numbers = self._widths()
        return names + SPACING + BAR_MIN_PX + SPACING + numbers

    def fit(self) -> None:
        """Side by side or stacked, for the width the widget has now."""
        names, numbers = self._widths()
        stacked = self.width() < names + SPACING + BAR_MIN_PX + SPACING + numbers
        # Side by side, the names' column is as wide as the longest line of a name, so that
        # none breaks; the bars take what is left. Stacked, each name has the whole width.
        names_column = 0 if stacked else names
        if self._grid.columnMinimumWidth(0) != names_column:
            self._grid.setColumnMinimumWidth(0, names_column)
        if stacked == self._stacked:
            return
        self._stacked = stacked
        for index in range(len(self.rows)):
            self._place(index)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def event(self, event: QEvent) -> bool:
        # New texts or another text size: the names may fit now, or no longer.
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self.fit()
        return super().event(event)


def _line_width(label: QLabel) -> int:
    """The width of the label's longest line, unbroken, in its own (styled) font."""
    label.ensurePolished()
    metrics = label.fontMetrics()
    margins = label.contentsMargins()
    widest = max((metrics.horizontalAdvance(line) for line in label.text().split("\n")), default=0)
    return widest + margins.left() + margins.right() + 2 * label.margin() + 2
