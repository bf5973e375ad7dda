"""The start page's fields of the check's header: who fills it in, for whom, the therapist's
name, and the language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from homecheck.domain.assessment import ROLES
from homecheck.domain.textrules import MAX_LABEL
from homecheck.i18n import LANGUAGES
from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Hook, Trigger
from homecheck.ui.read_only import mark_writes
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.wrap_buttons import WrapRadioButton


class HeaderFields(QWidget):
    """A radio button per role, the client's and the therapist's name (each shown only for
    the role that is asked it), and a radio button per language."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.role_changed = Trigger()  # a role radio button was checked or unchecked
        self.language_chosen: Hook[str] = Hook()  # another language was checked
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)  # as the page's own
        self.role_heading, self.role_radios = self._radio_list(layout, ROLES)
        for radio in self.role_radios.values():
            radio.toggled.connect(self._role_toggled)

        self.client_label = plain_label(role="heading")
        self.client_help = plain_label(role="muted")
        self.client_edit = QLineEdit(self)
        self.client_edit.setMaxLength(MAX_LABEL)
        self.client_label.setBuddy(self.client_edit)
        self.assessor_label = plain_label(role="heading")
        self.assessor_edit = QLineEdit(self)
        self.assessor_edit.setMaxLength(MAX_LABEL)
        self.assessor_label.setBuddy(self.assessor_edit)
        mark_writes(ctx, self.client_edit, self.assessor_edit)
        for field in (
            self.client_label,
            self.client_help,
            self.client_edit,
            self.assessor_label,
            self.assessor_edit,
        ):
            layout.addWidget(field)

        self.language_heading, self.language_radios = self._radio_list(layout, LANGUAGES)
        for lang, radio in self.language_radios.items():
            # toggled, not clicked: a screen reader checks a radio button by its Toggle action,
            # which never "clicks" it (tests/ui/test_atspi.py); so do the arrow keys.
            radio.toggled.connect(lambda checked, code=lang: self._language_toggled(code, checked))

    def _radio_list(
        self, layout: QVBoxLayout, keys: tuple[str, ...]
    ) -> tuple[QLabel, dict[str, QRadioButton]]:
        """A heading, and under it a radio button for each key (one checked at a time)."""
        heading = plain_label(role="heading")
        layout.addWidget(heading)
        group = QButtonGroup(self)
        radios: dict[str, QRadioButton] = {}
        for key in keys:
            radio = WrapRadioButton(self)
            group.addButton(radio)
            radios[key] = radio
            layout.addWidget(radio)
        return heading, radios

    def retranslate(self) -> None:
        """Set every text in the interface language, and check the language shown."""
        t = self.ctx.t
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

    def show_header(self, role: str, client: str, assessor: str) -> None:
        """Check the role (an unknown one as "self") and fill in both names."""
        self.role_radios.get(role, self.role_radios["self"]).setChecked(True)
        self.client_edit.setText(client)
        self.assessor_edit.setText(assessor)

    def role(self) -> str:
        """The role checked ("self" when none is)."""
        return next((r for r, radio in self.role_radios.items() if radio.isChecked()), "self")

    def assessor(self) -> str:
        """The therapist's name as typed; "" for the other roles, which are not asked it."""
        return self.assessor_edit.text().strip() if self.role() == "therapist" else ""

    def _role_toggled(self) -> None:
        role = self.role()
        self.assessor_label.setVisible(role == "therapist")
        self.assessor_edit.setVisible(role == "therapist")
        # A therapist or caregiver names the person in the client list instead.
        for widget in (self.client_label, self.client_help, self.client_edit):
            widget.setVisible(role == "self")
        self.role_changed()

    def _language_toggled(self, language: str, checked: bool) -> None:
        if checked and language != self.ctx.language:
            self.language_chosen(language)
