"""The photos of one item as thumbnails, each with its own Remove button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from homecheck.ui import photo_files, theme
from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Hook
from homecheck.ui.read_only import mark_writes
from homecheck.ui.widgets.flow_layout import FlowLayout


class PhotoStrip(QWidget):
    """Shows photo names as small pictures; ``remove_requested(name)`` when Remove is pressed."""

    def __init__(self, ctx: UiContext, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number = number  # the question's number, for accessible names
        self.remove_requested: Hook[str] = Hook()
        self.names: list[str] = []
        self.pictures: list[QLabel] = []
        self.remove_buttons: list[QPushButton] = []
        self._flow = FlowLayout(self, spacing=12)

    def show_photos(self, names: list[str]) -> None:
        """Show these photos (nothing is rebuilt when they did not change)."""
        if names == self.names:
            return
        self.names = list(names)
        while self._flow.count():
            item = self._flow.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.pictures, self.remove_buttons = [], []
        for name in self.names:
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(4)
            picture = QLabel(cell)
            # Never rich text, even for the "photo missing" words shown instead of a picture.
            picture.setTextFormat(Qt.TextFormat.PlainText)
            picture.setWordWrap(True)
            pixmap = photo_files.thumbnail(name)
            if pixmap is not None:
                picture.setPixmap(pixmap)
            else:
                picture.setFixedWidth(photo_files.THUMB_HEIGHT)
            picture.setProperty("photo_missing", pixmap is None)
            theme.set_role(picture, "photo")
            remove = QPushButton(cell)
            remove.setAutoDefault(False)
            theme.touch_target(remove)
            remove.clicked.connect(lambda _=False, n=name: self.remove_requested(n))
            mark_writes(self.ctx, remove)
            column.addWidget(picture)
            column.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
            self._flow.addWidget(cell)
            self.pictures.append(picture)
            self.remove_buttons.append(remove)
        self.setVisible(bool(self.names))
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        t = self.ctx.t
        count = len(self.names)
        for n, (picture, remove) in enumerate(zip(self.pictures, self.remove_buttons,
                                                  strict=True), start=1):
            name = t("ui.photo.picture_name", n=n, count=count, number=self.number)
            picture.setAccessibleName(name)
            if picture.property("photo_missing"):
                picture.setText(t("ui.photo.missing"))
            remove.setText(t("ui.photo.remove"))
            remove.setAccessibleName(t("ui.photo.remove_name", n=n, number=self.number))
            remove.setAccessibleDescription(t("ui.photo.remove_description"))
