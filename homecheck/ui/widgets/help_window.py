"""The help page (F1, or Help in the side panel): answering, keys, text size, data, who to call."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from homecheck.store.paths import data_dir_location
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.settings import TEXT_SIZES
from homecheck.ui.widgets.labels import breakable_path, plain_label

SECTIONS = ("answer", "keys", "size", "saved", "call")


class HelpWindow(QDialog):
    """A window beside the wizard (not modal: the check stays usable while it is open)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setModal(False)
        self.headings: dict[str, QLabel] = {}
        self.texts: dict[str, QLabel] = {}
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setSpacing(8)
        for section in SECTIONS:
            self.headings[section] = plain_label(role="heading")
            self.texts[section] = plain_label()
            self.texts[section].setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            inner.addWidget(self.headings[section])
            inner.addWidget(self.texts[section])
        # The data folder's path may wrap after its "\\" there, so that text is not selectable:
        # its invisible breaks would be copied along (the start page has a Copy button).
        self.texts["saved"].setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        inner.addStretch(1)
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        theme.touch_target(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 620)

    def retranslate(self) -> None:
        """Every text in the interface language, with the text size and data folder of now."""
        t, settings = self.ctx.t, self.ctx.settings
        self.setWindowTitle(t("ui.help.title"))
        step = TEXT_SIZES.index(settings.text_size) + 1
        values: dict[str, dict[str, object]] = {
            "size": {"size": settings.text_size, "step": step, "steps": len(TEXT_SIZES)},
            "saved": {"folder": breakable_path(str(data_dir_location()))},
        }
        for section in SECTIONS:
            self.headings[section].setText(t(f"ui.help.{section}_heading"))
            self.texts[section].setText(t(f"ui.help.{section}", **values.get(section, {})))
        self.close_button.setText(t("ui.help.close"))
        self.close_button.setAccessibleName(t("ui.help.close"))

    def show_help(self) -> None:
        """Show the window (again) with up-to-date texts, in front."""
        self.retranslate()
        self.show()
        self.raise_()
        self.activateWindow()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
