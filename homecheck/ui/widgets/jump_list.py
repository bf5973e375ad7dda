"""A list whose Enter key only activates the row, instead of also pressing the wizard's Next."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from homecheck.ui import theme


class _PaddedRows(QStyledItemDelegate):
    """Wraps a row's text in the width it is painted in: inside the style sheet's padding.

    Qt wraps it in the whole row's width and then adds the padding, so a row came out a line
    short, or wider than the list, and its text was cut with "…" ("Save and …").
    """

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        inside = QStyleOptionViewItem(option)
        pad = theme.LIST_ITEM_PADDING_PX
        inside.rect = option.rect.adjusted(0, 0, -2 * pad, 0)
        return super().sizeHint(inside, index)


class JumpList(QListWidget):
    """QListWidget emits itemActivated on Enter but then passes the key on to the dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setItemDelegate(_PaddedRows(self))
        # Re-wrap on every resize and never cut text short with "…".
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_most = 0  # 0: a normal list; else as tall as this many rows (fit_rows)

    def fit_rows(self, most: int) -> None:
        """Be as tall as the rows (up to ``most`` of them, then scroll), not a fixed box."""
        self._fit_most = most
        # The rows as laid out in the list's width: sizeHintForRow does not wrap them, and a
        # row that wraps to one more line (a long date at large text) was cut off at the bottom.
        self.doItemsLayout()
        rows = [self.visualRect(self.model().index(n, 0)).height()
                for n in range(min(self.count(), most))]
        frame = 2 * self.frameWidth() + 4
        self.setFixedHeight(max(sum(rows), self.fontMetrics().height() * 2) + frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped rows change height with the width: fit again (a height change ends here).
        if self._fit_most and event.size().width() != event.oldSize().width():
            self.fit_rows(self._fit_most)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
