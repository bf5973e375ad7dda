"""Buttons side by side, on as few lines as fit (like words), one under another only when no
two fit next to each other (Qt box layouts)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget


class WrapRow(QWidget):
    """Used in every answer row instead of the Python FlowLayout: Qt asked that layout some
    250 questions per page switch, each a call into Python (page switch p95,
    benchmarks/run.py). Here Qt's own box layouts do the work (one per line) and Python only
    decides which widget goes on which line when something they depend on changed: a cheap
    step, so a row that fits one moment and not the next (a scroll bar appearing) costs
    nothing. Large text on a narrow window moves buttons to the next line instead of clipping
    them, and a line holds as many as fit (at 20 pt not every button on a line of its own).

    The row sees its width and the text size change itself (resizeEvent, changeEvent). Its
    owner calls refit() after showing or hiding a widget or changing a text: watching for those
    in event() meant a call into Python for every event of every row (~600 on the first turn
    to a room of 22 questions)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 10) -> None:
        super().__init__(parent)
        self._spacing = spacing
        self._widgets: list[QWidget] = []
        self._line_of: list[int] = []  # the line each widget is on now
        self._width_known = False  # not before the first resize: lines wait until then
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        # The row may be narrower than its buttons side by side: then they take more lines.
        self._box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # Its minimum is its widest widget (set by _fit); any width will do until it is known.
        self.setMinimumWidth(1)
        # Lines are made when first needed (most rows only ever have one); an unused one is
        # empty and takes no room.
        self._lines: list[QHBoxLayout] = []
        self._new_line()

    def _new_line(self) -> QHBoxLayout:
        line = QHBoxLayout()
        line.setSpacing(self._spacing)
        line.addStretch(1)  # buttons keep their own width; the rest of the line stays empty
        self._box.addLayout(line)
        self._lines.append(line)
        return line

    def add(self, widget: QWidget) -> None:
        """Add a widget after the others (on the last line until the width is known)."""
        self._widgets.append(widget)
        last = self._line_of[-1] if self._line_of else 0
        self._line_of.append(last)
        target = self._lines[last]
        target.insertWidget(target.count() - 1, widget, 0, Qt.AlignmentFlag.AlignLeft)

    def stacked(self) -> bool:
        """True when the shown widgets are on more than one line."""
        return len({self._line_of[i] for i, w in enumerate(self._widgets) if not w.isHidden()}) > 1

    def _shown(self) -> list[QWidget]:
        return [w for w in self._widgets if not w.isHidden()]

    def side_by_side_width(self) -> int:
        """The width the shown widgets need next to each other."""
        shown = self._shown()
        return sum(w.sizeHint().width() for w in shown) + self._spacing * max(0, len(shown) - 1)

    def _lines_for(self, width: int, widths: list[int]) -> list[int]:
        """Each widget's line: as many on a line as fit, in order (hidden ones take no room)."""
        lines, line, used = [], 0, 0
        for widget, needed in zip(self._widgets, widths, strict=True):
            if widget.isHidden():
                lines.append(line)
                continue
            if used and used + self._spacing + needed > width:
                line, used = line + 1, 0
            used += needed if not used else self._spacing + needed
            lines.append(line)
        return lines

    def refit(self) -> None:
        """Put the widgets on lines again: call after showing or hiding one, or changing a
        text. Out of sight too: the row keeps its width, and a new one brings a resize."""
        if self._width_known:
            self._fit(self.width())

    def _fit(self, width: int) -> None:
        widths = [w.sizeHint().width() for w in self._widgets]
        # The row can be as narrow as its widest widget (then they take a line each).
        shown = [n for w, n in zip(self._widgets, widths, strict=True) if not w.isHidden()]
        self.setMinimumWidth(max(shown, default=1))
        wanted = self._lines_for(width, widths)
        if wanted == self._line_of:
            return
        for widget, line in zip(self._widgets, self._line_of, strict=True):
            self._lines[line].removeWidget(widget)
        while len(self._lines) <= max(wanted, default=0):
            self._new_line()
        for widget, line in zip(self._widgets, wanted, strict=True):
            target = self._lines[line]
            target.insertWidget(target.count() - 1, widget, 0, Qt.AlignmentFlag.AlignLeft)
        self._line_of = wanted
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() or not self._width_known:
            self._width_known = True
            self._fit(event.size().width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.refit()  # another text size: the widgets have theirs already

