"""Buttons side by side, or one under another when the row is too narrow (a Qt box layout)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget

SIDE_BY_SIDE = QBoxLayout.Direction.LeftToRight
STACKED = QBoxLayout.Direction.TopToBottom


class WrapRow(QWidget):
    """Used in every answer row instead of the Python FlowLayout: Qt asked that layout some
    250 questions per page switch, each a call into Python (page switch p95,
    benchmarks/run.py). Here Qt's own box layout does the work and Python only picks its
    direction when the width or the buttons change: a cheap switch, so a row that fits one
    moment and not the next (a scroll bar appearing) costs nothing. Large text on a narrow
    window stacks the buttons instead of clipping them."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 10) -> None:
        super().__init__(parent)
        self._spacing = spacing
        self._widgets: list[QWidget] = []
        self._box = QBoxLayout(SIDE_BY_SIDE, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        # The row may be narrower than its buttons side by side: then they stack.
        self._box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._box.addStretch(1)  # buttons keep their own width; the rest stays empty

    def add(self, widget: QWidget) -> None:
        """Add a widget after the others."""
        self._widgets.append(widget)
        self._box.insertWidget(len(self._widgets) - 1, widget, 0, Qt.AlignmentFlag.AlignLeft)

    def stacked(self) -> bool:
        """True when the widgets are shown one under another."""
        return self._box.direction() == STACKED

    def _shown(self) -> list[QWidget]:
        return [w for w in self._widgets if not w.isHidden()]

    def side_by_side_width(self) -> int:
        """The width the shown widgets need next to each other."""
        shown = self._shown()
        return sum(w.sizeHint().width() for w in shown) + self._spacing * max(0, len(shown) - 1)

    def minimumSizeHint(self) -> QSize:
        widest = max((w.minimumSizeHint().width() for w in self._shown()), default=0)
        return QSize(widest, self._box.minimumSize().height())

    def _fit(self, width: int) -> None:
        wanted = STACKED if self.side_by_side_width() > width else SIDE_BY_SIDE
        if self._box.direction() != wanted:
            self._box.setDirection(wanted)
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def event(self, event: QEvent) -> bool:
        # A button appeared or disappeared, or the text size changed: check the direction.
        # Out of sight the width is not the real one yet: the first resize brings it.
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self._fit(self.width())
        return super().event(event)
