"""How a PDF looks on paper: normal or large print, A4 or Letter (the save page and the paper
checklist ask the same, with the same words)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QButtonGroup, QVBoxLayout, QWidget

from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.print_options import default_paper, large_print_default
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.wrap_buttons import WrapRadioButton

# The paper sizes offered, by the names the report knows them.
PAPERS = ("A4", "letter")


class PrintChoices(QWidget):
    """Two headed groups of radio buttons: the text size on paper and the paper size.

    The paper starts from the locale (print_options.default_paper). Until the person picks a
    size here, large print follows the text size chosen in the app, also when it changes while
    these choices are on screen; after that their own choice stays for the session.
    """

    _ready = False  # built: a font change before that has nothing to follow

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._size_chosen = False  # the person picked normal or large print here
        self._showing = False
        self.size_heading = plain_label(role="heading")
        self.size_group = QButtonGroup(self)
        self.normal_radio = WrapRadioButton(self)
        self.large_radio = WrapRadioButton(self)
        self.paper_heading = plain_label(role="heading")
        self.paper_group = QButtonGroup(self)
        self.paper_radios = {paper: WrapRadioButton(self) for paper in PAPERS}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)  # as the pages' own rows
        layout.addWidget(self.size_heading)
        for radio in (self.normal_radio, self.large_radio):
            self.size_group.addButton(radio)
            radio.toggled.connect(self._size_toggled)
            theme.touch_target(radio)
            layout.addWidget(radio)
        layout.addWidget(self.paper_heading)
        for radio in self.paper_radios.values():
            self.paper_group.addButton(radio)
            theme.touch_target(radio)
            layout.addWidget(radio)
        self.paper_radios.get(default_paper(), self.paper_radios["A4"]).setChecked(True)
        self.show_size_default()
        self._ready = True

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        t = self.ctx.t
        self.size_heading.setText(t("ui.finish.size_heading"))
        self.paper_heading.setText(t("ui.finish.paper_heading"))
        radios = [("normal", self.normal_radio), ("large", self.large_radio)]
        radios += [(f"paper_{paper.lower()}", radio) for paper, radio in self.paper_radios.items()]
        for key, radio in radios:
            radio.setText(t(f"ui.finish.{key}"))
            radio.setAccessibleName(t(f"ui.finish.{key}_name"))
            radio.setAccessibleDescription(t(f"ui.finish.{key}_description"))

    def show_size_default(self) -> None:
        """Until the person picks one, large print follows the text size chosen in the app."""
        if self._size_chosen:
            return
        self._showing = True
        try:
            large = large_print_default(self.ctx.settings)
            (self.large_radio if large else self.normal_radio).setChecked(True)
        finally:
            self._showing = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The text size was changed while the choices are shown (Ctrl+plus): large print
        # follows, until chosen.
        if event.type() == QEvent.Type.FontChange and self._ready:
            self.show_size_default()

    def _size_toggled(self, checked: bool) -> None:
        if checked and not self._showing:
            self._size_chosen = True  # kept for the rest of the session

    def large_print(self) -> bool:
        """True when large print is chosen."""
        return self.large_radio.isChecked()

    def paper(self) -> str:
        """The paper chosen: "A4" or "letter"."""
        return next((p for p, r in self.paper_radios.items() if r.isChecked()), "A4")
