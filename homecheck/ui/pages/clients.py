"""Who is this check for: the client list with each client's checks, for therapists and carers."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QAbstractItemView, QButtonGroup, QPushButton, QRadioButton, QWidget

from homecheck.session.history import CheckSummary, followup_base, goes_on_first, summaries
from homecheck.store.db import CheckInfo
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.pages.base import CLIENTS_ID, BasePage
from homecheck.ui.read_only import mark_writes
from homecheck.ui.widgets.client_checks import ClientChecks
from homecheck.ui.widgets.client_list import ClientList
from homecheck.ui.widgets.flow_layout import FlowLayout
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.wrap_buttons import WrapRadioButton

# While a name is typed the first match changes at nearly every key; the chosen client's earlier
# checks (read from the store and scored) are shown once the typing pauses this long.
DETAILS_DELAY_MS = 150


class ClientsPage(BasePage):
    """Choose a person, see their earlier checks, then check again, start anew or open one.

    Once a check is under way the page only shows it; "Choose another check" lifts that, so
    going Back and Next never starts a second check by accident.
    """

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, CLIENTS_ID, "clients")
        self.choosing = False  # True after "Choose another check" during a check
        self._open_request: int | None = None
        self.checks: list[CheckSummary] = []
        self.base: CheckInfo | None = None
        self.unfinished: CheckSummary | None = None  # the chosen client's check under way
        self.details_timer = QTimer(self)
        self.details_timer.setSingleShot(True)
        self.details_timer.setInterval(DETAILS_DELAY_MS)
        self.details_timer.timeout.connect(self._show_client)

    def build(self) -> None:
        layout = self.scroll_body()
        self.intro = plain_label(role="muted")
        self.current = plain_label(role="heading")
        self.other_button = QPushButton(self)
        self.client_list = ClientList(self.ctx, self)
        self.client_list.chosen.connect(lambda _id: self._show_client())
        self.client_list.narrowed.connect(lambda _id: self.details_timer.start())
        self.client_list.activated.connect(lambda _id: self._client_activated())
        # Created in reading order: that is the order Tab follows.
        self.mode_heading = plain_label(role="heading")
        self.mode_group = QButtonGroup(self)
        # The client's check that is not finished yet, when there is one: go on with it.
        self.resume_radio = WrapRadioButton(self)
        self.resume_help = plain_label(role="muted")
        self.resume_help.setContentsMargins(theme.TARGET_PX, 0, 0, 0)
        self.followup_radio = WrapRadioButton(self)
        self.followup_help = plain_label(role="muted")
        self.followup_help.setContentsMargins(theme.TARGET_PX, 0, 0, 0)
        self.new_radio = WrapRadioButton(self)
        # A finished check opened to look at it: Next goes on looking; these start the next one.
        self.review_note = plain_label()
        self.review_row = QWidget(self)
        review_flow = FlowLayout(self.review_row, spacing=10)
        self.resume_button = QPushButton(self.review_row)
        self.followup_button = QPushButton(self.review_row)
        self.new_button = QPushButton(self.review_row)
        for button in (self.resume_button, self.followup_button, self.new_button):
            review_flow.addWidget(button)
        self.message = plain_label(role="question")
        # The chosen client's earlier checks, to open or delete one.
        self.history = ClientChecks(self.ctx, self)
        self.history.open_requested.connect(self.open_chosen)
        self.history.delete_requested.connect(self.delete_chosen_check)
        # Shorter names, used by the tests.
        self.checks_heading, self.checks_list = self.history.heading, self.history.list
        self.open_button, self.delete_check_button = (self.history.open_button,
                                                      self.history.delete_button)
        for button in (self.other_button, self.resume_button, self.followup_button,
                       self.new_button):
            button.setAutoDefault(False)
            theme.touch_target(button)
        for radio in (self.resume_radio, self.followup_radio, self.new_radio):
            self.mode_group.addButton(radio)
            theme.touch_target(radio)
        self.other_button.clicked.connect(self.choose_another)
        self.resume_button.clicked.connect(lambda: self.start_after_review(self.resume_radio))
        self.followup_button.clicked.connect(lambda: self.start_after_review(self.followup_radio))
        self.new_button.clicked.connect(lambda: self.start_after_review(self.new_radio))
        mark_writes(self.ctx, self.resume_button, self.followup_button, self.new_button)
        layout.addWidget(self.intro)
        layout.addWidget(self.current)
        layout.addWidget(self.other_button, 0, Qt.AlignmentFlag.AlignLeft)
        # What Next will do comes right under the person, above the fold; the history of
        # earlier checks (to open or delete one) follows.
        widgets: tuple[QWidget, ...] = (
            self.client_list, self.mode_heading, self.resume_radio, self.resume_help,
            self.followup_radio, self.followup_help, self.new_radio, self.review_note,
            self.review_row, self.message, self.history,
        )
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)

    # -- texts and state -------------------------------------------------------------------

    def retranslate(self) -> None:
        t = self.ctx.t
        self.set_heading(t("ui.clients.title"))
        self.intro.setText(t("ui.clients.intro"))
        self.other_button.setText(t("ui.clients.other"))
        self.other_button.setAccessibleName(t("ui.clients.other_name"))
        self.other_button.setAccessibleDescription(t("ui.clients.other_description"))
        self.history.retranslate()
        self.mode_heading.setText(t("ui.clients.mode_heading"))
        self.new_radio.setText(t("ui.clients.new"))
        self.new_radio.setAccessibleName(t("ui.clients.new_name"))
        self.new_radio.setAccessibleDescription(t("ui.clients.new_description"))
        self.resume_radio.setText(t("ui.clients.resume"))
        self.resume_radio.setAccessibleName(t("ui.clients.resume"))
        self.resume_radio.setAccessibleDescription(t("ui.clients.resume_description"))
        self.followup_radio.setAccessibleName(t("ui.clients.followup_name"))
        self.followup_radio.setAccessibleDescription(t("ui.clients.followup_description"))
        for button, key in ((self.resume_button, "resume_start"),
                            (self.followup_button, "followup_start"),
                            (self.new_button, "new_start")):
            button.setText(t(f"ui.clients.{key}"))
            button.setAccessibleName(t(f"ui.clients.{key}_name"))
            button.setAccessibleDescription(t(f"ui.clients.{key}_description"))
        self.client_list.role = self._role()
        self.client_list.retranslate()  # lists again, which shows the client's checks
        self._show_state()

    def reload(self) -> None:
        self.choosing = False
        if not self.ctx.session.is_open:
            # Everything was deleted: reading the store now would create it again.
            self.client_list.forget()
            self.checks = []
            self.checks_list.clear()
            return
        if self.ctx.session.client_id is not None:
            self.client_list.choose(self.ctx.session.client_id)
        self._show_state()

    def _role(self) -> str:
        if self.wizard() is None or not self.nav().start_page.built:
            return "therapist"
        return self.nav().start_page.role()

    def decided(self) -> bool:
        """True while a check is under way and the person did not ask to choose another."""
        return self.ctx.session.check_id is not None and not self.choosing

    def _show_state(self) -> None:
        t, session = self.ctx.t, self.ctx.session
        decided = self.decided()
        label = session.assessment.client
        self.current.setVisible(decided)
        self.other_button.setVisible(decided)
        if decided:
            key = "ui.clients.current" if label else "ui.clients.current_nobody"
            self.current.setText(t(key, client=label))
        self.message.setVisible(False)
        self._show_client()

    def _show_client(self) -> None:
        self.details_timer.stop()  # shown now: a pending show after typing is not needed
        t, ctx = self.ctx.t, self.ctx
        client_id = self.client_list.client_id
        label = self.client_list.label_of(client_id)
        store = ctx.session.store
        self.checks = summaries(store, ctx.checklist, client_id) if client_id is not None else []
        self.base = followup_base(store, client_id) if client_id is not None else None
        self.history.show_checks(None if client_id is None else label, self.checks)
        choosing = not self.decided() and client_id is not None
        current = ctx.session.check_id
        self.unfinished = next(
            (c for c in self.checks if not c.finished and c.id != current), None
        )
        self.resume_radio.setVisible(choosing and self.unfinished is not None)
        self.resume_help.setVisible(choosing and self.unfinished is not None)
        if self.unfinished is not None:
            self.resume_help.setText(t(
                "ui.clients.resume_help", date=self.ctx.date(self.unfinished.date),
                answered=self.ctx.answered(self.unfinished.answered),
            ))
            self.resume_radio.setAccessibleDescription(self.resume_help.text())
        self.mode_heading.setVisible(choosing)
        self.followup_radio.setVisible(choosing and self.base is not None)
        self.followup_help.setVisible(choosing and self.base is not None)
        self.new_radio.setVisible(choosing)
        if self.base is not None:
            # Short: a radio button cannot wrap. The date goes in the line under it.
            self.followup_radio.setText(t("ui.clients.followup"))
            self.followup_help.setText(
                t("ui.clients.followup_help", date=self.ctx.date(self.base.date))
            )
            self.followup_radio.setChecked(True)
        else:
            self.new_radio.setChecked(True)
        if goes_on_first(self.unfinished, self.base):
            self.resume_radio.setChecked(True)  # go on with it, rather than a second check
        if client_id is not None:
            self.message.setVisible(False)
        # Looking at a finished check: nothing to continue, so the next check can start here.
        reviewing = (self.decided() and ctx.session.reviewing and client_id is not None
                     and not ctx.session.read_only)
        self.review_note.setVisible(reviewing)
        self.review_row.setVisible(reviewing)
        # A check under way for this person comes first: going on with it beats a second one.
        self.resume_button.setVisible(reviewing and self.unfinished is not None)
        self.followup_button.setVisible(reviewing and self.base is not None)
        if reviewing:
            self.review_note.setText(t("ui.clients.review_note", client=label))

    # -- actions ---------------------------------------------------------------------------

    def choose_another(self) -> None:
        """Leave the check under way as it is (saved) and choose again."""
        self.choosing = True
        self._show_state()
        self.client_list.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_after_review(self, radio: QRadioButton) -> None:
        """From a finished check opened to look at it: go on with the chosen person's check
        under way, or start the follow-up or a new, empty check (the choice ``radio`` stands
        for), as choosing another check, that choice and Next would."""
        self.choosing = True
        self._show_state()
        if radio.isHidden():  # changed meanwhile (another window): Next does the default
            radio = self.new_radio
        radio.setChecked(True)
        self.nav().next()  # validatePage starts or opens it; if it cannot, the page says why

    def after_finish(self, label: str) -> None:
        """The check of ``label`` was finished: choose the next person (or check) here."""
        self.choose_another()
        self.client_list.refresh()
        self._show_client()
        self.message.setText(self.ctx.t("ui.clients.just_finished", client=label))
        self.message.setVisible(True)

    def _client_activated(self) -> None:
        # Enter on a person: the choice is made, so Enter again goes on.
        self.nav().focus_next_button()

    def open_chosen(self) -> None:
        """Open the chosen earlier check: at its summary when finished, else where it stopped."""
        check_id = self.history.chosen()
        if check_id is None or check_id == self.ctx.session.check_id:
            return
        self._open_request = check_id
        try:
            self.nav().next()  # validatePage opens it and sets where Next goes
        finally:
            self._open_request = None

    def delete_chosen_check(self) -> bool:
        """Delete one earlier check after a clear question; True when deleted."""
        t, session = self.ctx.t, self.ctx.session
        check_id = self.history.chosen()
        check = next((c for c in self.checks if c.id == check_id), None)
        if check is None or check_id == session.check_id:
            return False
        question = t("ui.clients.delete_check_question", date=self.ctx.date(check.date),
                     client=self.client_list.label_of(self.client_list.client_id))
        from homecheck.ui.check_copy import delete_stored_check  # the window shows without it

        choosing = self.choosing  # a reload (the open check followed this one) keeps the choice
        try:
            if not delete_stored_check(self.ctx, self, check.id, check.date,
                                       t("ui.clients.delete_title"), question):
                return False
        except KeyError:  # deleted in another window meanwhile
            self._check_gone()
            return False
        self.choosing = choosing
        self.client_list.refresh()
        self._show_client()
        return True

    def _check_gone(self) -> None:
        """The chosen check was deleted in another window: say so and show what is stored."""
        t = self.ctx.t
        self.ctx.dialogs.inform(self, t("ui.check_gone.title"), t("ui.check_gone.text"))
        self.client_list.refresh()
        self._show_client()

    def hideEvent(self, event: QHideEvent) -> None:
        # Left (Back, or the window closed) while the typed client's history was still to be
        # shown: show it now, not later from a timer when the store may be closed.
        if self.details_timer.isActive():
            self._show_client()
        super().hideEvent(event)

    # -- wizard hooks ----------------------------------------------------------------------

    def on_enter(self) -> None:
        self.client_list.role = self._role()
        self.client_list.retranslate()
        self._show_state()
        if self.decided():
            self.nav().focus_next_button()
        elif self.client_list.clients:
            listed = self.client_list.list
            listed.setFocus(Qt.FocusReason.OtherFocusReason)
            # The search field and the chosen client both in view, also in a short window: the
            # chosen row at the list's top, the page scrolled up to the search (with thousands
            # of clients the search is the way in).
            chosen = listed.currentItem()
            if chosen is not None:
                listed.scrollToItem(chosen, QAbstractItemView.ScrollHint.PositionAtTop)
            self.ensure_visible(self.client_list.search_edit)
        else:
            self.client_list.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def validatePage(self) -> bool:
        session, nav = self.ctx.session, self.nav()
        if self._open_request is None and not self.decided() and self.details_timer.isActive():
            self._show_client()  # Next right after typing: the typed client's checks
        request = self._open_request
        if (request is None and not self.decided() and self.unfinished is not None
                and self.resume_radio.isChecked() and self.client_list.client_id is not None):
            request = self.unfinished.id  # go on with the check under way, as "open" does
        if request is not None:
            info = session.store.list_checks(self.client_list.client_id)
            found = next((c for c in info if c.id == request), None)
            try:
                session.resume(request)
            except KeyError:  # deleted in another window since the list was shown
                self._check_gone()
                return False
            self.choosing = False
            key = "summary" if found is None or found.status == "done" else found.current_page
            nav.jump_to_key_after_start(key)
            return True
        if self.decided():
            return True
        if self.details_timer.isActive():  # Next right after typing: the typed client's history
            self._show_client()
        client_id = self.client_list.client_id
        if client_id is None:
            self.message.setText(self.ctx.t("ui.clients.choose_first"))
            self.message.setVisible(True)
            target = self.client_list.list if self.client_list.clients else None
            (target or self.client_list.add_button).setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        if session.read_only:  # a new check cannot be stored: open one of the list instead
            self.message.setText(self.ctx.t("ui.read_only.banner"))
            self.message.setVisible(True)
            return False
        role, assessor = nav.start_page.header_choice()
        label = self.client_list.label_of(client_id)
        if self.followup_radio.isChecked() and self.base is not None:
            from homecheck.domain.followup import OtherClient
            from homecheck.ui.widgets.followup_box import other_client_text

            try:
                session.start_followup(self.base.id, role, label, assessor, client_id=client_id)
            except OtherClient as refused:  # the earlier check carries another name
                self.message.setText(other_client_text(self.ctx, refused))
                self.message.setVisible(True)
                self.new_radio.setFocus(Qt.FocusReason.OtherFocusReason)
                return False
            except KeyError:  # deleted in another window since the list was shown
                self._check_gone()
                return False
        else:
            session.start_new(role, label, assessor, client_id=client_id)
        self.choosing = False
        return True
