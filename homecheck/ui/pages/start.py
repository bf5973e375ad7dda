"""Start page: continue, check again or start anew; who fills it in; language; your data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QRadioButton, QWidget

from homecheck.domain.assessment import CLIENT_ROLES
from homecheck.session.history import followup_base
from homecheck.session.start_choice import MODES, StartChoice
from homecheck.store.db import CheckInfo
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.pages.base import START_ID, SUMMARY_ID, BasePage
from homecheck.ui.read_only import banner_texts, mark_writes
from homecheck.ui.widgets.check_choice import CheckChoice
from homecheck.ui.widgets.header_fields import HeaderFields
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.open_check import OpenCheckBox
from homecheck.ui.widgets.paper_checklist import PaperChecklistBox
from homecheck.ui.widgets.privacy_box import PrivacyBox


class StartPage(BasePage):
    """The first page. Nothing on it is required: Enter starts (or continues) the check."""

    def __init__(self, ctx: UiContext, offer: CheckInfo | None) -> None:
        super().__init__(ctx, START_ID, "start")
        # What the page knows of the own checks, and which ways to begin it offers.
        self.choice = StartChoice(offer)
        # The role the person just chose here, before it is stored on leaving (the side panel
        # names its steps after it at once); None once the page is left.
        self.role_chosen: str | None = None
        self._showing = False
        self._opening = False  # going to the summary of a check opened from a file

    def build(self) -> None:
        self.choice.read(self.ctx.session)
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
        mark_writes(self.ctx, self.delete_button)
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

        # Who fills it in, for whom, and in which language.
        self.fields = HeaderFields(self.ctx, self)
        self.fields.role_changed.connect(self._role_changed)
        self.fields.language_chosen.connect(lambda language: self.nav().set_language(language))
        layout.addWidget(self.fields)
        self.role_radios = self.fields.role_radios  # shorter names, used by the page and tests
        self.client_edit, self.assessor_edit = self.fields.client_edit, self.fields.assessor_edit
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

    def retranslate(self) -> None:
        t = self.ctx.t
        self.set_heading(t("ui.start.title"))
        self.intro.setText(t("ui.start.intro"))
        choice = self.choice
        person_only = choice.person_only(self.ctx.session)
        self.modes.retranslate(choice.offer, person_only, choice.base, choice.deleted)
        self.fields.retranslate()
        self.privacy.retranslate()
        self.open_box.retranslate()
        self.paper_box.retranslate()

    # -- what the page shows ---------------------------------------------------------------

    def reload(self) -> None:
        self._show_header()

    @property
    def offer(self) -> CheckInfo | None:
        """The unfinished check offered to continue (None: nothing to continue)."""
        return self.choice.offer

    @property
    def base(self) -> CheckInfo | None:
        """The own profile's last finished check (None: nothing to check again)."""
        return self.choice.base

    def mode(self) -> str:
        """The chosen mode ("new" when none of the others applies)."""
        for mode, radio in self.mode_radios.items():
            if radio.isChecked() and self._mode_possible(mode):
                return mode
        return "new"

    def reviewing_own(self) -> bool:
        """True while the person's own last check, finished already, is open to look at: the
        choice stays, so that the follow-up (or a new check) can start from here."""
        return self.choice.reviewing_own(self.ctx.session, self.role())

    def _mode_possible(self, mode: str) -> bool:
        return self.choice.possible(mode, self.ctx.session, self.role())

    def _choose_default_mode(self) -> None:
        self.mode_radios[self.choice.first_mode(self.ctx.session, self.role())].setChecked(True)
        self._show_modes()

    def _show_modes(self) -> None:
        possible = [m for m in MODES if self._mode_possible(m)]
        deleted_note = bool(self.choice.deleted) and not self.choice.decided
        self.modes.show_modes(possible, deleted_note=deleted_note)
        if self.reviewing_own():
            self.delete_button.setVisible(False)  # the check that is open cannot be deleted
        if len(possible) > 1 and not self._mode_possible(self.mode()):
            self.new_radio.setChecked(True)

    def _show_header(self) -> None:
        a, choice = self.ctx.session.assessment, self.choice
        self._showing = True
        try:
            if choice.decided or self.mode() == "resume":
                role, client, assessor = a.role, a.client, a.assessor
            else:
                role, assessor = choice.defaults
                client = ""
            if self.mode() in ("followup", "review") and choice.base is not None:
                role, client = "self", choice.base.client_label
            self.fields.show_header(role, client, assessor)
        finally:
            self._showing = False
        self._role_changed()

    def _mode_changed(self) -> None:
        if not self._showing:
            self._show_header()

    def _role_changed(self) -> None:
        if self._showing:
            return
        self.role_chosen = self.role()
        self._show_modes()
        if self.wizard() is not None:
            self.nav().steps_changed()

    def role(self) -> str:
        """The role chosen on the page."""
        return self.fields.role()

    def needs_client(self) -> bool:
        """True when the next page is the client list (a therapist or caregiver)."""
        return self.built and self.role() in CLIENT_ROLES

    def header_choice(self) -> tuple[str, str]:
        """(role, assessor name) as chosen on this page, for the client page."""
        return self.fields.role(), self.fields.assessor()

    def forget(self) -> None:
        """Everything was deleted: nothing to continue or compare with any more."""
        self.choice.forget()
        if self.built:
            self.open_box.forget()
            self.role_radios["self"].setChecked(True)
            self._choose_default_mode()
            self._show_header()
            self.retranslate()

    def _restored(self) -> None:
        """A backup was restored: offer what it holds, as a fresh start of the app would."""
        self.nav().start_fresh()
        session, choice = self.ctx.session, self.choice
        choice.offer = session.unfinished()
        if choice.offer is not None:
            session.resume(choice.offer.id)
        choice.read(session)
        self._choose_default_mode()
        self._show_header()
        self.retranslate()

    def delete_last(self) -> bool:
        """Delete the own profile's last finished check after a clear question; True if done."""
        t, session, base = self.ctx.t, self.ctx.session, self.choice.base
        if base is None or base.id == session.check_id or not self._mode_possible("review"):
            return False
        question = t("ui.start.delete_last_question", date=self.ctx.date(base.date))
        from homecheck.ui.check_copy import delete_stored_check  # the start page shows without it

        try:
            if not delete_stored_check(self.ctx, self, base.id, base.date,
                                       t("ui.start.delete_last_title"), question):
                return False
        except KeyError:  # deleted in another window since the page was shown
            self._check_gone()
            return False
        self.choice.deleted = base.date
        self.choice.base = followup_base(session.store, None)
        self._show_modes()
        self._show_header()
        self.retranslate()
        if self.delete_button.isHidden():
            self.on_enter()  # nothing left to delete here: back to the choice
        return True

    def _show_opened(self) -> None:
        # The opened check is the one under way now: show its summary.
        self.choice.decided = True
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
        self.choice.decided = False
        self.choice.base = followup_base(self.ctx.session.store, None)
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
        choice = self.choice
        if choice.decided:
            return True
        session, mode = self.ctx.session, self.mode()
        role, assessor = self.header_choice()
        if mode == "resume" and choice.offer is not None:
            self.nav().jump_to_key_after_start(choice.resume_page)
        elif mode == "review" and choice.base is not None:
            if not self._open_for_review(choice.base.id):
                return False
        elif role in CLIENT_ROLES:
            session.set_aside(role, assessor)  # the client list, to open a check there
        else:
            title, reason = banner_texts(self.ctx)
            self.ctx.dialogs.inform(self, title, reason)
            return False
        choice.decided = True
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
        session, choice = self.ctx.session, self.choice
        role, assessor = self.header_choice()
        client = self.client_edit.text().strip() if role == "self" else session.assessment.client
        if self.reviewing_own() and self.mode() in ("followup", "new"):
            choice.decided = False  # start it below, beside the check that was looked at
        if not choice.decided:
            mode = self.mode()
            choice.decided = True
            self._show_modes()
            if mode == "review" and choice.base is not None:
                return self._open_for_review(choice.base.id)
            if mode == "followup" and choice.base is not None:
                from homecheck.domain.followup import OtherClient  # not needed at start-up
                from homecheck.ui.widgets.followup_box import other_client_text

                try:
                    session.start_followup(choice.base.id, role, client, assessor)
                except OtherClient as refused:  # another name typed in "For whom?"
                    choice.decided = False
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
                self.nav().jump_to_key_after_start(choice.resume_page)
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
