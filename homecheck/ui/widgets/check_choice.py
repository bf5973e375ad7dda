"""The start page's choice of check: continue the unfinished one, check the home again, open
the last one to tick off what was done, or start anew; and deleting the last finished one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QLabel, QPushButton, QRadioButton, QVBoxLayout, QWidget

from homecheck.session.start_choice import MODES
from homecheck.store.db import CheckInfo
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.wrap_buttons import WrapRadioButton


class CheckChoice(QWidget):
    """A radio button for each mode, with the details (the date) in a line under it.

    The page says which modes are possible (show) and reads the checked one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)  # as the page's own
        self.heading = plain_label(role="heading")
        layout.addWidget(self.heading)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        # Short radio texts, and the details (with the date) in a line under each.
        self.help: dict[str, QLabel] = {}
        for mode in MODES:
            radio = WrapRadioButton(self)
            self.group.addButton(radio)
            self.radios[mode] = radio
            layout.addWidget(radio)
            if mode != "new":
                self.help[mode] = plain_label(role="muted")
                self.help[mode].setContentsMargins(theme.TARGET_PX, 0, 0, 0)
                layout.addWidget(self.help[mode])
        # The own checks have no list (that is the client page's): the last finished one,
        # offered above, can be deleted here; after that the one before it, and so on.
        self.delete_button = QPushButton(self)
        self.delete_button.setAutoDefault(False)
        theme.touch_target(self.delete_button)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.deleted_note = plain_label(role="muted")
        self.deleted_note.setVisible(False)
        layout.addWidget(self.deleted_note)

    def retranslate(
        self, offer: CheckInfo | None, person_only: bool, base: CheckInfo | None, deleted: str
    ) -> None:
        """The texts; person_only: the offered check has only the questions about the person
        answered; deleted: the date of the check deleted here ("" for none)."""
        t = self.ctx.t
        self.heading.setText(t("ui.start.mode_heading"))
        resume = self.radios["resume"]
        resume.setText(t("ui.start.resume"))
        resume.setAccessibleName(t("ui.start.resume_name"))
        resume.setAccessibleDescription(t("ui.start.resume_name"))
        if offer is not None:
            # Short radio text; the date, the person and the count wrap in the line under it
            # (a plain-text label: a typed "&" or "<b>" shows as itself).
            when, label = self.ctx.date(offer.updated), offer.client_label
            answered = self.ctx.answered(offer.answered)
            if person_only:
                # Not "0 questions answered": the questions about the person were.
                own = offer.role == "self"
                answered = t("ui.start.person_only" if own else "ui.start.person_only_other")
            details = (
                t("ui.start.resume_client_help", date=when, answered=answered, client=label)
                if label
                else t("ui.start.resume_help", date=when, answered=answered)
            )
            self.help["resume"].setText(details)
            resume.setAccessibleDescription(details)
        base_date = self.ctx.date(base.date) if base else ""
        for mode in ("followup", "review"):
            radio = self.radios[mode]
            radio.setText(t(f"ui.start.{mode}"))
            radio.setAccessibleName(t(f"ui.start.{mode}_name"))
            radio.setAccessibleDescription(t(f"ui.start.{mode}_description", date=base_date))
            self.help[mode].setText(t(f"ui.start.{mode}_description", date=base_date))
        # Short, like the radio texts: the date is in the line above and in the question.
        self.delete_button.setText(t("ui.start.delete_last"))
        self.delete_button.setAccessibleName(t("ui.start.delete_last_name"))
        self.delete_button.setAccessibleDescription(
            t("ui.start.delete_last_description", date=base_date)
        )
        if deleted:
            self.deleted_note.setText(t("ui.start.deleted_last", date=self.ctx.date(deleted)))
        new = self.radios["new"]
        new.setText(t("ui.start.new"))
        new.setAccessibleName(t("ui.start.new_name"))
        new.setAccessibleDescription(t("ui.start.new_description"))

    def show_modes(self, possible: list[str], deleted_note: bool) -> None:
        """Show the possible modes, when there is a choice; and the note of a deletion."""
        choice = len(possible) > 1
        self.heading.setVisible(choice)
        for mode, radio in self.radios.items():
            radio.setVisible(choice and mode in possible)
            if mode in self.help:
                self.help[mode].setVisible(choice and mode in possible)
        self.delete_button.setVisible(choice and "review" in possible)
        self.deleted_note.setVisible(deleted_note)
        # Nothing to show: no room taken either (an empty box would still get the spacing).
        self.setVisible(choice or deleted_note)
