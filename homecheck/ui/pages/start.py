"""Start page: continue, check again or start anew; who fills it in; language; your data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from homecheck.domain.assessment import ROLES
from homecheck.domain.textrules import MAX_LABEL
from homecheck.i18n import LANGUAGES
from homecheck.session.history import followup_base, last_header
from homecheck.store.db import CheckInfo
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.pages.base import START_ID, SUMMARY_ID, BasePage
from homecheck.ui.read_only import banner_texts, mark_writes
from homecheck.ui.widgets.check_choice import MODES, CheckChoice
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.open_check import OpenCheckBox
from homecheck.ui.widgets.paper_checklist import PaperChecklistBox
from homecheck.ui.widgets.privacy_box import PrivacyBox
from homecheck.ui.widgets.wrap_buttons import WrapRadioButton

# Roles that choose a person from the client list on the next page.
CLIENT_ROLES = ("therapist", "caregiver")


class StartPage(BasePage):
    """The first page. Nothing on it is required: Enter starts (or continues) the check."""

    def __init__(self, ctx: UiContext, offer: CheckInfo | None) -> None:
        super().__init__(ctx, START_ID, "start")
        self.offer = offer
        self.decided = False  # the mode is chosen once, when leaving this page
        # The role the person just chose here, before it is stored on leaving (the side panel
        # names its steps after it at once); None once the page is left.
        self.role_chosen: str | None = None
        self._resume_page = offer.current_page if offer else ""
        self.base: CheckInfo | None = None  # the own profile's last finished check
        self._defaults = ("self", "")  # (role, assessor) of the last check on this computer
        self._showing = False
        self._deleted = ""  # date of the check deleted here, to say so
        self._opening = False  # going to the summary of a check opened from a file

    def build(self) -> None:
        store = self.ctx.session.store
        self.base = followup_base(store, None)
        self._defaults = last_header(store)
        layout = self.scroll_body()
        self.intro = plain_label()
        layout.addWidget(self.intro)

        self.modes = CheckChoice(self.ctx, self)
        layout.addWidget(self.modes)
        for radio in self.modes.radios.values():
            radio.toggled.connect(self._mode_changed)
        self.modes.delete_button.clicked.connect(self.delete_last)
        # Shorter names, used by the page and the tests.
        self.mode_radios, self.mode_help = self.modes.radios, self.modes.help
        self.delete_button, self.deleted_note = self.modes.delete_button, self.modes.deleted_note
        # For every role, whatever the choice above: a check saved as a file elsewhere.
        self.open_box = OpenCheckBox(self.ctx, self)
        self.open_box.opened.connect(lambda _opened: self._show_opened())
        layout.addWidget(self.open_box)
        # The questions on paper, to fill in with a pen on a visit and type in afterwards.
        self.paper_box = PaperChecklistBox(self.ctx, self)
        layout.addWidget(self.paper_box)
        # Older names, kept for the tests and the screenshots.
        self.resume_radio = self.mode_radios["resume"]
        self.new_radio = self.mode_radios["new"]

        self.role_heading = plain_label(role="heading")
        layout.addWidget(self.role_heading)
        self.role_group = QButtonGroup(self)
        self.role_radios: dict[str, QRadioButton] = {}
        for role in ROLES:
            radio = WrapRadioButton(self)
            self.role_group.addButton(radio)
            self.role_radios[role] = radio
            radio.toggled.connect(self._role_changed)
            layout.addWidget(radio)

        self.client_label = plain_label(role="heading")
        self.client_help = plain_label(role="muted")
        self.client_edit = QLineEdit(self)
        self.client_edit.setMaxLength(MAX_LABEL)
        self.client_label.setBuddy(self.client_edit)
        self.assessor_label = plain_label(role="heading")
        self.assessor_edit = QLineEdit(self)
        self.assessor_edit.setMaxLength(MAX_LABEL)
        self.assessor_label.setBuddy(self.assessor_edit)
        mark_writes(self.ctx, self.delete_button, self.client_edit, self.assessor_edit)
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
            radio = WrapRadioButton(self)
            self.language_group.addButton(radio)
            self.language_radios[lang] = radio
            # toggled, not clicked: a screen reader checks a radio button by its Toggle action,
            # which never "clicks" it (tests/ui/test_atspi.py); so do the arrow keys.
            radio.toggled.connect(lambda checked, code=lang: self._language_chosen(code, checked))
            layout.addWidget(radio)
        self.privacy = PrivacyBox(self.ctx, self)
        self.privacy.deleted.connect(lambda: self.nav().start_fresh())
        self.privacy.restored.connect(self._restored)
        layout.addWidget(self.privacy)
        layout.addStretch(1)
        for control in self.findChildren(QWidget):
            if isinstance(control, (QRadioButton, QLineEdit)):
                theme.touch_target(control)
        self._choose_default_mode()

    # -- texts -----------------------------------------------------------------------------

    def _person_answered(self, check_id: int) -> bool:
        """Whether any question about the person (About you) of a stored check is answered."""
        try:
            intake = self.ctx.session.store.load_check(check_id).intake
        except KeyError:  # deleted in another window meanwhile
            return False
        return any(value not in (None, "", [], {}) for value in intake.values())

    def retranslate(self) -> None:
        t = self.ctx.t
        self.set_heading(t("ui.start.title"))
        self.intro.setText(t("ui.start.intro"))
        person_only = (
            self.offer is not None
            and not self.offer.answered
            and self._person_answered(self.offer.id)
        )
        self.modes.retranslate(self.offer, person_only, self.base, self._deleted)
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
        self.privacy.retranslate()
        self.open_box.retranslate()
        self.paper_box.retranslate()

    def _language_chosen(self, language: str, checked: bool) -> None:
        if checked and language != self.ctx.language:
            self.nav().set_language(language)

    # -- what the page shows ---------------------------------------------------------------

    def reload(self) -> None:
        self._show_header()

    def mode(self) -> str:
        """The chosen mode ("new" when none of the others applies)."""
        for mode, radio in self.mode_radios.items():
            if radio.isChecked() and self._mode_possible(mode):
                return mode
        return "new"

    def reviewing_own(self) -> bool:
        """True while the person's own last check, finished already, is open to look at: the
        choice stays, so that the follow-up (or a new check) can start from here."""
        session = self.ctx.session
        return (self.decided and session.reviewing and not session.read_only
                and self.base is not None and self.base.id == session.check_id
                and self.role() == "self")

    def _mode_possible(self, mode: str) -> bool:
        if self.decided and (mode == "resume" or not self.reviewing_own()):
            return False
        if mode in ("new", "followup") and self.ctx.session.read_only:
            return False  # nothing can be stored: only looking at a stored check
        if mode == "resume":
            return self.offer is not None
        if mode in ("followup", "review"):
            # A therapist or caregiver picks the person, and so the earlier check, next.
            return self.base is not None and self.role() == "self"
        return True

    def _choose_default_mode(self) -> None:
        preferred = "resume" if self.offer else "followup"
        if self.ctx.session.read_only and not self.offer:
            preferred = "review"
        mode = preferred if self._mode_possible(preferred) else "new"
        self.mode_radios[mode].setChecked(True)
        self._show_modes()

    def _show_modes(self) -> None:
        possible = [m for m in MODES if self._mode_possible(m)]
        choice = len(possible) > 1
        self.modes.show_modes(possible, deleted_note=bool(self._deleted) and not self.decided)
        if self.reviewing_own():
            self.delete_button.setVisible(False)  # the check that is open cannot be deleted
        if choice and not self._mode_possible(self.mode()):
            self.new_radio.setChecked(True)

    def _show_header(self) -> None:
        a = self.ctx.session.assessment
        self._showing = True
        try:
            if self.decided or self.mode() == "resume":
                role, client, assessor = a.role, a.client, a.assessor
            else:
                role, assessor = self._defaults
                client = ""
            if self.mode() in ("followup", "review") and self.base is not None:
                role, client = "self", self.base.client_label
            self.role_radios.get(role, self.role_radios["self"]).setChecked(True)
            self.client_edit.setText(client)
            self.assessor_edit.setText(assessor)
        finally:
            self._showing = False
        self._role_changed()

    def _mode_changed(self) -> None:
        if not self._showing:
            self._show_header()

    def _role_changed(self) -> None:
        role = self.role()
        self.assessor_label.setVisible(role == "therapist")
        self.assessor_edit.setVisible(role == "therapist")
        # A therapist or caregiver names the person in the client list instead.
        for widget in (self.client_label, self.client_help, self.client_edit):
            widget.setVisible(role == "self")
        if self._showing:
            return
        self.role_chosen = role
        self._show_modes()
        if self.wizard() is not None:
            self.nav().steps_changed()

    def role(self) -> str:
        """The role chosen on the page."""
        return next((r for r, radio in self.role_radios.items() if radio.isChecked()), "self")

    def needs_client(self) -> bool:
        """True when the next page is the client list (a therapist or caregiver)."""
        return self.built and self.role() in CLIENT_ROLES

    def header_choice(self) -> tuple[str, str]:
        """(role, assessor name) as chosen on this page, for the client page."""
        role = self.role()
        return role, self.assessor_edit.text().strip() if role == "therapist" else ""

    def forget(self) -> None:
        """Everything was deleted: nothing to continue or compare with any more."""
        self.offer = None
        self.base = None
        self.decided = False
        self._resume_page = ""
        self._deleted = ""
        self._defaults = ("self", "")
        if self.built:
            self.open_box.forget()
            self.role_radios["self"].setChecked(True)
            self._choose_default_mode()
            self._show_header()
            self.retranslate()

    def _restored(self) -> None:
        """A backup was restored: offer what it holds, as a fresh start of the app would."""
        self.nav().start_fresh()
        session = self.ctx.session
        self.offer = session.unfinished()
        if self.offer is not None:
            session.resume(self.offer.id)
        self._resume_page = self.offer.current_page if self.offer else ""
        self.base = followup_base(session.store, None)
        self._defaults = last_header(session.store)
        self._choose_default_mode()
        self._show_header()
        self.retranslate()

    def delete_last(self) -> bool:
        """Delete the own profile's last finished check after a clear question; True if done."""
        t, session, base = self.ctx.t, self.ctx.session, self.base
        if base is None or base.id == session.check_id or not self._mode_possible("review"):
            return False
        question = t("ui.start.delete_last_question", date=self.ctx.date(base.date))
        from homecheck.ui.check_copy import save_check_copy

        if not self.ctx.dialogs.confirm_delete(
            self, t("ui.start.delete_last_title"), question,
            save_copy=lambda: save_check_copy(self.ctx, self, base.id, base.date),
            save_label=t("ui.clients.save_copy_first"),
        ):
            return False
        from homecheck.session.photos import referenced
        from homecheck.ui import photo_files  # here: the start page shows without it

        store = session.store
        photos = referenced(store.load_check(base.id))
        session.delete_check(base.id)
        photo_files.forget_unused(store, photos)
        self._deleted = base.date
        self.base = followup_base(store, None)
        self._show_modes()
        self._show_header()
        self.retranslate()
        if self.delete_button.isHidden():
            self.on_enter()  # nothing left to delete here: back to the choice
        return True

    def _show_opened(self) -> None:
        # The opened check is the one under way now: show its summary.
        self.decided = True
        self._show_modes()
        self._show_header()
        self._opening = True
        try:
            self.nav().go_to(SUMMARY_ID)
        finally:
            self._opening = False

    def _check_gone(self) -> None:
        """The check offered here was deleted in another window: say so, show what is stored."""
        t = self.ctx.t
        self.ctx.dialogs.inform(self, t("ui.check_gone.title"), t("ui.check_gone.text"))
        self.decided = False
        self.base = followup_base(self.ctx.session.store, None)
        self._choose_default_mode()
        self._show_header()
        self.retranslate()
        self.on_enter()

    def _open_for_review(self, check_id: int) -> bool:
        """Open the last check at its summary, to tick off what has been done.

        False (with a message, the list refreshed) when another window deleted it meanwhile.
        """
        try:
            self.ctx.session.resume(check_id)
        except KeyError:  # deleted in another window since the page was shown
            self._check_gone()
            return False
        self.nav().jump_to_key_after_start("summary")
        return True

    def followup_after_review(self) -> None:
        """From the own finished check opened to look at it (the save page): start its
        follow-up, as choosing it here and Next would, and show the new check's first page."""
        if not self.reviewing_own():
            return
        nav = self.nav()
        nav.go_to(START_ID)
        self.mode_radios["followup"].setChecked(True)  # after on_enter, which chose "review"
        nav.next()

    def _validate_read_only(self) -> bool:
        """Nothing can be changed: go on to look at a stored check, never start one."""
        if self.decided:
            return True
        session, mode = self.ctx.session, self.mode()
        role, assessor = self.header_choice()
        if mode == "resume" and self.offer is not None:
            self.nav().jump_to_key_after_start(self._resume_page)
        elif mode == "review" and self.base is not None:
            if not self._open_for_review(self.base.id):
                return False
        elif role in CLIENT_ROLES:
            session.set_aside(role, assessor)  # the client list, to open a check there
        else:
            title, reason = banner_texts(self.ctx)
            self.ctx.dialogs.inform(self, title, reason)
            return False
        self.decided = True
        self._show_modes()
        return True

    # -- wizard hooks ----------------------------------------------------------------------

    def on_enter(self) -> None:
        self.role_chosen = None  # the radios show the stored role (or none is stored yet)
        if self.reviewing_own():
            # Back at the start while looking at the last check: Next goes on looking at it,
            # unless the person chooses the follow-up or a new check.
            self.mode_radios["review"].setChecked(True)
            self._show_modes()
        # isHidden, not isVisible: the first page is entered before the window is shown.
        visible = [r for r in self.mode_radios.values() if not r.isHidden()]
        checked = [r for r in visible if r.isChecked()]
        target: QWidget = (checked or visible or [self.role_radios[self.role()]])[0]
        target.setFocus()  # Qt.FocusReason.OtherFocusReason

    def validatePage(self) -> bool:
        if self._opening:
            return True  # the check is stored and loaded already
        if self.ctx.session.read_only:
            return self._validate_read_only()
        session = self.ctx.session
        role, assessor = self.header_choice()
        client = self.client_edit.text().strip() if role == "self" else session.assessment.client
        if self.reviewing_own() and self.mode() in ("followup", "new"):
            self.decided = False  # start it below, beside the check that was looked at
        if not self.decided:
            mode = self.mode()
            self.decided = True
            self._show_modes()
            if mode == "review" and self.base is not None:
                return self._open_for_review(self.base.id)
            if mode == "followup" and self.base is not None:
                from homecheck.domain.followup import OtherClient  # not needed at start-up
                from homecheck.ui.widgets.followup_box import other_client_text

                try:
                    session.start_followup(self.base.id, role, client, assessor)
                except OtherClient as refused:  # another name typed in "For whom?"
                    self.decided = False
                    self._show_modes()
                    t = self.ctx.t
                    self.ctx.dialogs.error(self, t("ui.followup.other_client_title"),
                                           other_client_text(self.ctx, refused))
                    self.client_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                    return False
                except KeyError:  # deleted in another window since the page was shown
                    self._check_gone()
                    return False
                return True
            if mode == "resume":
                # Continue where the person stopped last time (the page is looked up by key).
                self.nav().jump_to_key_after_start(self._resume_page)
            elif role in CLIENT_ROLES:
                # The client page creates the check, for the person chosen there; the check
                # offered for resuming stays stored but must not take the new answers.
                session.set_aside(role, assessor)
                return True
            else:
                session.start_new(role, client, assessor)
                return True
        if session.check_id is None and role in CLIENT_ROLES:
            return True
        # Back here and on again: what the page could not show must not change. A caregiver's
        # name is not asked on this page, and the label box shows at most MAX_LABEL letters.
        a = session.assessment
        if role == a.role and role != "therapist":
            assessor = a.assessor
        if client == a.client[: self.client_edit.maxLength()]:
            client = a.client
        session.set_header(role, client, assessor)
        return True
