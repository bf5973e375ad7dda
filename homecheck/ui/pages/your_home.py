"""Your home: which parts the home has; pages of parts it lacks are skipped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.pages.base import HOME_ID, BasePage
from homecheck.ui.pages.whose import whose_home, whose_home_title
from homecheck.ui.read_only import mark_writes
from homecheck.ui.widgets.labels import mnemonics_outside, plain_label, with_mnemonics
from homecheck.ui.widgets.wrap_buttons import WrapCheckBox


class YourHomePage(BasePage):
    """One checkbox per optional area; areas every home has are listed as always included."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, HOME_ID, "your_home")

    def build(self) -> None:
        layout = self.scroll_body()
        # For a therapist or caregiver: whose home "your home" means (hidden otherwise).
        self.whose = plain_label(role="details")
        self.intro = plain_label()
        layout.addWidget(self.whose)
        layout.addWidget(self.intro)
        self.boxes: dict[str, QCheckBox] = {}
        self.fixed: dict[str, QLabel] = {}
        for area in self.ctx.checklist.areas:
            if area.optional:
                box = WrapCheckBox(self)
                theme.touch_target(box)
                box.toggled.connect(
                    lambda on, a=area.id: self.ctx.session.set_area_present(a, on)
                )
                self.boxes[area.id] = box
                layout.addWidget(box)
        self.fixed_heading = plain_label(role="heading")
        layout.addWidget(self.fixed_heading)
        for area in self.ctx.checklist.areas:
            if not area.optional:
                label = plain_label()
                self.fixed[area.id] = label
                layout.addWidget(label)
        self.fixed_heading.setVisible(bool(self.fixed))
        layout.addStretch(1)
        mark_writes(self.ctx, *self.boxes.values())

    def retranslate(self) -> None:
        t, lang = self.ctx.t, self.ctx.language
        self._show_whose()
        self.intro.setText(t("ui.home.intro"))
        self._label_boxes()
        role = self.ctx.session.assessment.role
        for area_id, box in self.boxes.items():
            area = self.ctx.checklist.area(area_id)
            box.setAccessibleName(area.title(lang, role))
            box.setAccessibleDescription(t("ui.home.box_description"))
        self.fixed_heading.setText(t("ui.home.always_heading"))
        for area_id, label in self.fixed.items():
            title = self.ctx.checklist.area(area_id).title(lang, role)
            label.setText(t("ui.home.always", title=title))

    def _show_whose(self) -> None:
        self.set_heading(whose_home_title(self.ctx) or self.ctx.t("ui.home.title"))
        line = whose_home(self.ctx)
        self.whose.setText(line)
        self.whose.setVisible(bool(line))

    def _label_boxes(self) -> None:
        # Every box gets its own Alt+letter, one that no button shown beside the page uses
        # (those differ by language, and until the page is on screen they are not all known).
        taken = mnemonics_outside(self.window() if self.wizard() else None, self)
        lang, role = self.ctx.language, self.ctx.session.assessment.role
        titles = [self.ctx.checklist.area(area_id).title(lang, role) for area_id in self.boxes]
        for box, text in zip(self.boxes.values(), with_mnemonics(titles, taken), strict=True):
            box.setText(text)

    def reload(self) -> None:
        for area_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(self.ctx.session.has_area(area_id))
            box.blockSignals(False)

    def on_enter(self) -> None:
        self.retranslate()  # the role or the client's label may have changed on the start page
        if self.boxes:
            next(iter(self.boxes.values())).setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.nav().focus_next_button()
