"""The homecheck wizard: side panel, page turns, session changes, language and text size.

Its pages and the way through them are in homecheck.ui.navigation."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMoveEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from homecheck.domain.assessment import CLIENT_ROLES
from homecheck.session.changes import Change, ChangeKind
from homecheck.ui import announce, keyboard, theme
from homecheck.ui.context import UiContext
from homecheck.ui.language import install_qt_translation
from homecheck.ui.navigation import WB, PagedWizard
from homecheck.ui.pages.base import CLIENTS_ID, START_ID, BasePage, page_key
from homecheck.ui.settings import DEFAULT_TEXT_SIZE, save_settings
from homecheck.ui.undo import AnswerUndo
from homecheck.ui.widgets.side_panel import SidePanel
from homecheck.ui.window_fit import ScreenFit

if TYPE_CHECKING:
    from homecheck.ui.widgets.help_window import HelpWindow

PREBUILD_DELAY_MS = 150


class HomeWizard(PagedWizard):
    """Thin: pages show the session, the session writes, the domain scores."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)  # the pages and the way through them
        self.side = SidePanel(ctx, self)
        self.side.role = self._role_shown
        self.setSideWidget(self.side)
        self.fit = ScreenFit(self, self.side)  # the window always fits its screen
        self.side.jump_requested.connect(self.go_to)
        self.side.language_requested.connect(self.set_language)
        self.side.larger_requested.connect(self.larger_text)
        self.side.smaller_requested.connect(self.smaller_text)
        self.side.contrast_requested.connect(self.toggle_contrast)
        self.side.help_requested.connect(self.show_help)
        for which in (WB.BackButton, WB.NextButton, WB.FinishButton, WB.CancelButton):
            theme.touch_target(self.button(which))
        keyboard.add_shortcuts(self)
        self.fit.fit_minimum()

        self.undo = AnswerUndo(ctx.session)
        self._last_focused: QWidget | None = None  # on a page, before focus left the window
        self.help_window: HelpWindow | None = None
        ctx.session.subscribe(self._session_changed)
        self.currentIdChanged.connect(self._page_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        for page in self.pages_by_id.values():
            page.save_requested.connect(self.save_as_file)
        self._update_steps()
        self.retranslate()

    # -- saving, undo and help -------------------------------------------------------------

    def save_as_file(self) -> None:
        """Save the check on screen as a check file (the finish page's "Save the answers")."""
        self.finish_page.ensure_built()
        self.finish_page.save_json()

    def undo_answer(self) -> bool:
        """Take back the last answer change and show it; False when there was none."""
        item_id = self.undo.undo()
        if item_id is None:
            return False
        self.go_to_item(item_id)
        row = self.room_pages[self.ctx.checklist.item(item_id).area].row_for(item_id)
        if row is not None:
            row.load()  # the answer changed under the row: show it
        return True

    def show_help(self) -> None:
        """The help page (F1 or the side panel's Help button), beside the wizard."""
        if self.help_window is None:
            from homecheck.ui.widgets.help_window import HelpWindow  # made on first use

            self.help_window = HelpWindow(self.ctx, self)
        self.help_window.show_help()

    # -- a page turned ---------------------------------------------------------------------

    def _page_changed(self, page_id: int) -> None:
        page = self.pages_by_id.get(page_id)
        if page is None:
            return
        page.ensure_built()
        if page_id != START_ID:
            self.start_page.role_chosen = None  # stored in the session now
        keyboard.chain_buttons_after(self, page)
        self.side.set_current_page(page_id)
        if page_id != START_ID:
            self.ctx.session.set_current_page(page.key)
        page.on_enter()
        announce.page_turned(page, self._where(page))  # "Kitchen, step 5 of 14" for screen readers
        # While the person reads this page, build the one Next will show (once; kept).
        QTimer.singleShot(PREBUILD_DELAY_MS, self._prebuild_next)

    def _prebuild_next(self) -> None:
        upcoming = self.pages_by_id.get(self.next_id_after(self.currentId()))
        if upcoming is not None and upcoming is not self.currentPage():
            upcoming.ensure_built()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # On every page the question that gets keyboard focus scrolls into view (by Tab, by an
        # answer that moved on); on a room its row is marked as the current one.
        page = self.pages_by_id.get(self.currentId())
        if page is None or not page.built or new is None or not page.isAncestorOf(new):
            return
        came_back = new is self._last_focused and (old is None or not self.isAncestorOf(old))
        self._last_focused = new
        if came_back:
            # Focus came back to where it was, from a dialog or another program: the page
            # stays as the person left it ("Saved: …" under the buttons stays in view).
            return
        page.focus_moved(new)
        if QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            # Not for focus that comes with a mouse press: the page would move under the
            # pointer, the release land elsewhere and the click not count. What was clicked
            # is in view already.
            page.show_question_of(new)

    # -- session changes -------------------------------------------------------------------

    def _session_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.CHECK, ChangeKind.CHANGED_ELSEWHERE):
            self.undo.reset()
            for page in self.pages_by_id.values():
                if page.built:
                    page.reload()
            self._update_steps()
            self._describe_stop()
        if change.kind is ChangeKind.CHANGED_ELSEWHERE:
            t = self.ctx.t
            self.ctx.dialogs.inform(
                self, t("ui.changed_elsewhere.title"), t("ui.changed_elsewhere.text")
            )
        elif change.kind is ChangeKind.AREAS:
            self._update_steps()
        elif change.kind is ChangeKind.HEADER:
            self.side.refresh()  # the role names the first steps ("About you" or not)
        elif change.kind is ChangeKind.ANSWER:
            item = self.ctx.checklist.item(change.item_id)
            self.side.refresh_area(item.area)
            if self.undo.changed(change.item_id):
                page = self.room_pages[item.area]
                row = next((r for r in page.rows if r.item.id == item.id), None)
                if row is not None:
                    row.mark_changed()

    def _role_shown(self) -> str:
        """Who fills in the check: on the start page the role chosen there, before it is stored."""
        chosen = self.start_page.role_chosen
        if self.currentId() == START_ID and chosen is not None:
            return chosen
        return self.ctx.session.assessment.role

    def _describe_stop(self) -> None:
        """Stop's description for screen readers: a finished check has nothing to go on with."""
        key = "stop_description_reviewing" if self.ctx.session.reviewing else "stop_description"
        self.button(WB.CancelButton).setAccessibleDescription(self.ctx.t(f"ui.button.{key}"))

    def steps_changed(self) -> None:
        """The steps depend on a choice that changed (the role): list them again."""
        self._update_steps()

    def start_fresh(self) -> None:
        """After "delete all data": back to the start page of an empty app."""
        self.clients_page.choosing = False
        self.start_page.forget()
        self.finish_page.pdf_path = None
        self.restart()
        self._update_steps()

    def _update_steps(self) -> None:
        entries = [(p, page_key(p, self.area_ids)) for p in self.page_order() if p != START_ID]
        self.side.set_steps(entries)
        self.side.set_current_page(self.currentId())
        if isinstance(page := self.currentPage(), BasePage):
            announce.name_page(page, self._where(page))  # its step number may have changed

    # -- language, text size, contrast -----------------------------------------------------

    def set_language(self, language: str) -> None:
        """Switch every text to another language; answers are kept by item id."""
        if language != self.ctx.settings.language:
            self.ctx.settings.language = language
            self._save_settings()
            self.ctx.session.set_language(language)
        install_qt_translation(language)
        self.retranslate()

    def retranslate(self) -> None:
        """Redo the texts of the wizard, its side panel and every page."""
        t = self.ctx.t
        self.setWindowTitle(t("ui.window_title"))
        self.setButtonText(WB.CancelButton, t("ui.button.stop"))
        # Our own word for Finish: Qt's Dutch one shares its Alt letter with Back.
        self.setButtonText(WB.FinishButton, t("ui.button.finish"))
        cancel = self.button(WB.CancelButton)
        cancel.setAccessibleName(t("ui.button.stop_name"))
        self._describe_stop()
        for which, key in ((WB.BackButton, "back"), (WB.NextButton, "next"),
                           (WB.FinishButton, "finish")):
            button: QAbstractButton = self.button(which)
            # QWizard only renames its buttons on the next page switch; do it now. Its default
            # texts come from Qt's own (qtbase) translation.
            button.setText(self.buttonText(which))
            button.setAccessibleName(button.text().replace("&", "").strip("<> "))
            button.setAccessibleDescription(t(f"ui.button.{key}_description"))
        self.side.refresh()
        for page in self.pages_by_id.values():
            page.refresh_banner()
            if page.built:
                page.retranslate()  # the others are translated when they are built
        if isinstance(shown := self.currentPage(), BasePage):
            announce.name_page(shown, self._where(shown))
        if self.help_window is not None:
            self.help_window.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Qt renames Back/Next on LanguageChange; keep the accessible names in step.
        if event.type() == QEvent.Type.LanguageChange:
            for which in (WB.BackButton, WB.NextButton, WB.FinishButton):
                button = self.button(which)
                button.setAccessibleName(button.text().replace("&", "").strip("<> "))

    def larger_text(self) -> None:
        """One step larger text (up to 20 pt)."""
        if self.ctx.settings.larger():
            self._apply_theme()

    def smaller_text(self) -> None:
        """One step smaller text (down to 14 pt)."""
        if self.ctx.settings.smaller():
            self._apply_theme()

    def reset_text(self) -> None:
        """Back to the normal text size."""
        if self.ctx.settings.text_size != DEFAULT_TEXT_SIZE:
            self.ctx.settings.text_size = DEFAULT_TEXT_SIZE
            self._apply_theme()

    def toggle_contrast(self) -> None:
        """Switch the high-contrast colours on or off."""
        self.ctx.settings.high_contrast = not self.ctx.settings.high_contrast
        self._apply_theme()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.side.fit_window(event.size().width())  # a narrow window: a narrower panel
        self.fit.fit_minimum()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self.fit.moved()  # the window manager's frame may be known only now

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit.shown()
        # Once the window manager has put its frame around the window (title bar, borders).
        QTimer.singleShot(0, self.fit.fit_screen)

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, self.ctx.settings.text_size, self.ctx.settings.high_contrast)
        self._save_settings()
        self.side.fit_window(self.width())
        self.side.refresh()
        self.fit.fit_minimum(again=True)  # the text size changed what the panel needs
        for page in self.pages_by_id.values():
            page.place_banner()  # and what the read-only banner needs
        self.summary_page.refresh()
        if self.help_window is not None:
            self.help_window.retranslate()

    def _save_settings(self) -> None:
        # Preferences are a comfort, not data: the check goes on without them.
        with contextlib.suppress(OSError):
            save_settings(self.ctx.settings)

    # -- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Stop for now (Esc, the window's close box or the Stop button): answers are saved."""
        t = self.ctx.t
        # A finished check opened to look at it leaves nothing to go on with next time.
        question = t("ui.stop.question_reviewing" if self.ctx.session.reviewing
                     else "ui.stop.question")
        if self.ctx.dialogs.ask_yes_no(self, t("ui.stop.title"), question):
            super().reject()

    def accept(self) -> None:
        """Finish: the check is marked done and will not be offered for resuming.

        Asks first when the action list was not saved. A therapist or caregiver goes on with
        the client list; a person checking their own home is done and the app closes.
        """
        if not self.finish_page.ready_to_finish():
            return
        session = self.ctx.session
        session.finish()
        if session.assessment.role in CLIENT_ROLES:
            self.back_to_client_list()
            return
        super().accept()

    def back_to_client_list(self) -> None:
        """After Finish: the client list, ready for the next person (the check is stored)."""
        label = self.ctx.session.assessment.client
        self.finish_page.pdf_path = None
        self.go_to(CLIENTS_ID)
        self.clients_page.after_finish(label)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        button = keyboard.button_for_enter(self, event)  # Enter presses the focused button
        if button is not None:
            event.accept()
            button.click()
            return
        super().keyPressEvent(event)
