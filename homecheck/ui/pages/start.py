"""Start page: continue the unfinished check or start a new one; who fills it in; language."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QButtonGroup, QLineEdit, QRadioButton, QWidget

from homecheck.domain.assessment import ROLES
from homecheck.i18n import LANGUAGES
from homecheck.store.db import CheckInfo
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.pages.base import START_ID, BasePage
from homecheck.ui.widgets.answer_row import plain_label

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def long_date(iso: str, language: str) -> str:
    """A date such as "25 november 2025" in the interface language (ISO text if unreadable)."""
    date = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    if not date.isValid():
        return iso
    return QLocale(_LOCALES[language]).toString(date, "d MMMM yyyy")


class StartPage(BasePage):
    """The first page. Nothing on it is required: Enter starts (or continues) the check."""

    def __init__(self, ctx: UiContext, offer: CheckInfo | None) -> None:
        super().__init__(ctx, START_ID, "start")
        self.offer = offer
        self.decided = False  # the new-or-continue choice is made once, when leaving this page
        self._resume_page = offer.current_page if offer else ""

    def build(self) -> None:
        layout = self.scroll_body()
        self.intro = plain_label()
        layout.addWidget(self.intro)

        self.mode_heading = plain_label(role="heading")
        self.resume_radio = QRadioButton(self)
        self.new_radio = QRadioButton(self)
        self.mode_group = QButtonGroup(self)
        for radio in (self.resume_radio, self.new_radio):
            self.mode_group.addButton(radio)
        self.resume_radio.setChecked(True)
        self.new_radio.toggled.connect(self._mode_changed)
        for widget in (self.mode_heading, self.resume_radio, self.new_radio):
            widget.setVisible(self.offer is not None)
            layout.addWidget(widget)

        self.role_heading = plain_label(role="heading")
        layout.addWidget(self.role_heading)
        self.role_group = QButtonGroup(self)
        self.role_radios: dict[str, QRadioButton] = {}
        for role in ROLES:
            radio = QRadioButton(self)
            self.role_group.addButton(radio)
            self.role_radios[role] = radio
            radio.toggled.connect(self._role_changed)
            layout.addWidget(radio)

        self.client_label = plain_label(role="heading")
        self.client_help = plain_label(role="muted")
        self.client_edit = QLineEdit(self)
        self.client_edit.setMaxLength(80)
        self.client_label.setBuddy(self.client_edit)
        self.assessor_label = plain_label(role="heading")
        self.assessor_edit = QLineEdit(self)
        self.assessor_edit.setMaxLength(80)
        self.assessor_label.setBuddy(self.assessor_edit)
        for field in (
            self.client_label,
            self.client_help,
            self.client_edit,
            self.assessor_label,
            self.assessor_edit,
        ):
            layout.addWidget(field)

        self.language_heading = plain_label(role="heading")
        layout.addWidget(self.language_heading)
        self.language_group = QButtonGroup(self)
        self.language_radios: dict[str, QRadioButton] = {}
        for lang in LANGUAGES:
            radio = QRadioButton(self)
            self.language_group.addButton(radio)
            self.language_radios[lang] = radio
            radio.clicked.connect(lambda _=False, code=lang: self.nav().set_language(code))
            layout.addWidget(radio)
        layout.addStretch(1)
        for control in self.findChildren(QWidget):
            if isinstance(control, (QRadioButton, QLineEdit)):
                theme.touch_target(control)

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        t = self.ctx.t
        self.setTitle(t("ui.start.title"))
        self.intro.setText(t("ui.start.intro"))
        self.mode_heading.setText(t("ui.start.mode_heading"))
        self.resume_radio.setAccessibleName(t("ui.start.resume_name"))
        self.resume_radio.setAccessibleDescription(t("ui.start.resume_name"))
        if self.offer is not None:
            when = long_date(self.offer.updated, self.ctx.language)
            label = self.offer.client_label
            # A typed "&" must show as itself, not become an Alt shortcut.
            client = label.replace("&", "&&")
            text = t("ui.start.resume", date=when, answered=self.offer.answered)
            if label:
                text = t("ui.start.resume_client", date=when, answered=self.offer.answered,
                         client=client)
            self.resume_radio.setText(text)
            self.resume_radio.setAccessibleDescription(
                t("ui.start.resume_for", client=label) if label else self.resume_radio.text()
            )
        self.new_radio.setText(t("ui.start.new"))
        self.new_radio.setAccessibleName(t("ui.start.new_name"))
        self.new_radio.setAccessibleDescription(t("ui.start.new_description"))
        self.role_heading.setText(t("ui.start.role_heading"))
        for role, radio in self.role_radios.items():
            radio.setText(t(f"ui.start.role_{role}"))
            radio.setAccessibleName(t(f"ui.start.role_{role}_name"))
            radio.setAccessibleDescription(t("ui.start.role_heading"))
        self.client_label.setText(t("ui.start.client_label"))
        self.client_help.setText(t("ui.start.client_help"))
        self.client_edit.setAccessibleName(t("ui.start.client_name"))
        self.client_edit.setAccessibleDescription(t("ui.start.client_help"))
        self.assessor_label.setText(t("ui.start.assessor_label"))
        self.assessor_edit.setAccessibleName(t("ui.start.assessor_name"))
        self.assessor_edit.setAccessibleDescription(t("ui.start.assessor_help"))
        self.language_heading.setText(t("ui.start.language_heading"))
        for lang, radio in self.language_radios.items():
            # Each language is named in its own words, so anyone can find their own.
            radio.setText(t(f"ui.start.language_{lang}"))
            radio.setAccessibleName(t(f"ui.start.language_{lang}"))
            radio.setAccessibleDescription(t("ui.start.language_heading"))
            radio.setChecked(lang == self.ctx.language)

    def reload(self) -> None:
        self._show_header()

    def _show_header(self) -> None:
        a = self.ctx.session.assessment
        use_stored = self.offer is not None and self.resume_radio.isChecked()
        role = a.role if use_stored or self.decided else "self"
        self.role_radios.get(role, self.role_radios["self"]).setChecked(True)
        self.client_edit.setText(a.client if use_stored or self.decided else "")
        self.assessor_edit.setText(a.assessor if use_stored or self.decided else "")
        self._role_changed()

    def _mode_changed(self) -> None:
        self._show_header()

    def _role_changed(self) -> None:
        therapist = self.role_radios["therapist"].isChecked()
        self.assessor_label.setVisible(therapist)
        self.assessor_edit.setVisible(therapist)

    def role(self) -> str:
        """The role chosen on the page."""
        return next(r for r, radio in self.role_radios.items() if radio.isChecked())

    # -- wizard hooks ----------------------------------------------------------------------

    def on_enter(self) -> None:
        target = self.resume_radio if self.resume_radio.isVisible() else None
        target = target or self.role_radios[self.role()]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def validatePage(self) -> bool:
        session = self.ctx.session
        role = self.role()
        assessor = self.assessor_edit.text().strip() if role == "therapist" else ""
        client = self.client_edit.text().strip()
        if not self.decided:
            self.decided = True
            resuming = self.offer is not None and self.resume_radio.isChecked()
            for widget in (self.mode_heading, self.resume_radio, self.new_radio):
                widget.setVisible(False)
            if not resuming:
                session.start_new(role, client, assessor)
                return True
            # Continue where the person stopped last time (the page is looked up by key).
            self.nav().jump_to_key_after_start(self._resume_page)
        session.set_header(role, client, assessor)
        return True
