"""The homecheck wizard: pages from the content, side panel, navigation, language and text size."""

from __future__ import annotations

import contextlib
import gc
import linecache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget, QWizard

from homecheck import startup_gc
from homecheck.session.session import Change, ChangeKind
from homecheck.ui import theme
from homecheck.ui.by_name import set_enum
from homecheck.ui.context import UiContext
from homecheck.ui.language import install_qt_translation
from homecheck.ui.pages.base import (
    ABOUT_ID,
    AREA_BASE,
    CLIENTS_ID,
    FINISH_ID,
    HOME_ID,
    START_ID,
    SUMMARY_ID,
    BasePage,
    page_key,
)
from homecheck.ui.pages.start import StartPage
from homecheck.ui.settings import DEFAULT_TEXT_SIZE, save_settings
from homecheck.ui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from homecheck.ui.later_pages import LaterPages
    from homecheck.ui.pages.about_you import AboutYouPage
    from homecheck.ui.pages.clients import ClientsPage
    from homecheck.ui.pages.finish import FinishPage
    from homecheck.ui.pages.room import RoomPage
    from homecheck.ui.pages.summary import SummaryPage
    from homecheck.ui.pages.your_home import YourHomePage

WB = QWizard.WizardButton
PREBUILD_DELAY_MS = 150


class HomeWizard(QWizard):
    """Thin: pages show the session, the session writes, the domain scores."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(theme.WIZARD_NAME)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # Back must never lose answers: pages are initialised once and never cleaned up.
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Content and user text are plain text, never markup.
        set_enum(self, "titleFormat", "PlainText")
        set_enum(self, "subTitleFormat", "PlainText")
        self._jump_target: int | None = None

        offer = ctx.session.unfinished()
        if offer is not None:
            ctx.session.resume(offer.id)
        self.start_page = StartPage(ctx, offer)
        self.area_ids = {area.id: AREA_BASE + n for n, area in enumerate(ctx.checklist.areas)}
        # Only the start page exists until the window has been painted; the other pages (and
        # their modules) are added right after, or sooner when something asks for them.
        self._pages: dict[int, BasePage] = {START_ID: self.start_page}
        self._later: LaterPages | None = None
        self._adding_scheduled = False
        self.setPage(START_ID, self.start_page)
        self.setStartId(START_ID)

        self.side = SidePanel(ctx, self)
        self.setSideWidget(self.side)
        self.side.jump_requested.connect(self.go_to)
        self.side.language_requested.connect(self.set_language)
        self.side.larger_requested.connect(self.larger_text)
        self.side.smaller_requested.connect(self.smaller_text)
        self.side.contrast_requested.connect(self.toggle_contrast)
        for which in (WB.BackButton, WB.NextButton, WB.FinishButton, WB.CancelButton):
            theme.touch_target(self.button(which))

        ctx.session.subscribe(self._session_changed)
        self.currentIdChanged.connect(self._page_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._update_steps()
        self.retranslate()

    # -- pages, added after the first paint ------------------------------------------------

    def later(self) -> LaterPages:
        """The pages after the start page, made now if they were not yet (the start page
        shows without them)."""
        if self._later is None:
            from homecheck.ui.later_pages import LaterPages, add_shortcuts

            add_shortcuts(self, self.larger_text, self.smaller_text, self.reset_text)
            self._later = LaterPages(self.ctx, self.area_ids)
            for page in self._later.all():
                self.setPage(page.page_id, page)
                self._pages[page.page_id] = page
                page.setTitle("")  # set when the page is built, in the language of that moment
        return self._later

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._later is None and not self._adding_scheduled:
            # The window is on screen now: add the other pages in the next turn of the loop.
            self._adding_scheduled = True
            QTimer.singleShot(0, self.later)
            startup_gc.resume()

    @property
    def pages_by_id(self) -> dict[int, BasePage]:
        """Every page by its id."""
        self.later()
        return self._pages

    @property
    def clients_page(self) -> ClientsPage:
        """The client list (therapists and caregivers)."""
        return self.later().clients

    @property
    def about_page(self) -> AboutYouPage:
        """The questions about the person."""
        return self.later().about

    @property
    def home_page(self) -> YourHomePage:
        """Which areas the home has."""
        return self.later().home

    @property
    def room_pages(self) -> dict[str, RoomPage]:
        """The area pages by area id."""
        return self.later().rooms

    @property
    def summary_page(self) -> SummaryPage:
        """Scores and actions."""
        return self.later().summary

    @property
    def finish_page(self) -> FinishPage:
        """PDF, printing and files."""
        return self.later().finish

    def validateCurrentPage(self) -> bool:
        # Next and Finish come here before they move; the next page must exist by then.
        self.later()
        return super().validateCurrentPage()

    # -- navigation ------------------------------------------------------------------------

    def page_order(self) -> list[int]:
        """The ids of the pages this home gets, in order (absent areas left out)."""
        order = [START_ID]
        if self.start_page.needs_client():
            order.append(CLIENTS_ID)  # therapists and caregivers choose the person first
        order += [ABOUT_ID, HOME_ID]
        order += [i for a, i in self.area_ids.items() if self.ctx.session.has_area(a)]
        return [*order, SUMMARY_ID, FINISH_ID]

    def next_id_after(self, page_id: int) -> int:
        """The page after this one: a pending jump, else the next page the home has."""
        if self._jump_target is not None and self._jump_target != page_id:
            return self._jump_target
        later = [p for p in self.page_order() if p > page_id]
        return later[0] if later else -1

    def go_to(self, page_id: int) -> None:
        """Show any page. History stays in page order, so Next never meets a visited page."""
        if page_id not in self.pages_by_id or self.currentId() == page_id:
            return
        # Back up to the last visited page before the target, then jump forward to it.
        while self.currentId() > page_id and self.visitedIds()[:1] != [self.currentId()]:
            self.back()
        if self.currentId() == page_id:
            return
        self._jump_target = page_id
        try:
            self.next()
        finally:
            self._jump_target = None

    def jump_to_key_after_start(self, key: str) -> None:
        """Used by the start page when resuming: Next goes to the page stored for the check."""
        page_id = self.page_id_for_key(key)
        # A jump the person asked for (side panel) wins over the stored page.
        if self._jump_target is not None:
            return
        if page_id is not None and page_id in self.page_order() and page_id != START_ID:
            self._jump_target = page_id

    def page_id_for_key(self, key: str) -> int | None:
        """The page id of a stored page key ("about_you", "area:kitchen", …)."""
        return next((p.page_id for p in self.pages_by_id.values() if p.key == key), None)

    def go_to_item(self, item_id: str) -> None:
        """Show the page of an item with keyboard focus on that item (from the summary)."""
        item = self.ctx.checklist.item(item_id)
        page = self.room_pages[item.area]
        self.go_to(page.page_id)
        page.focus_item(item_id)

    def focus_next_button(self) -> None:
        """Give focus to Next (or Finish on the last page) so that Enter goes on."""
        for which in (WB.NextButton, WB.FinishButton):
            button = self.button(which)
            if button.isVisible() and button.isEnabled():
                button.setFocus()  # Qt.FocusReason.OtherFocusReason
                return

    def _page_changed(self, page_id: int) -> None:
        self._jump_target = None
        page = self._pages.get(page_id)
        if page is None:
            return
        page.ensure_built()
        self.side.set_current_page(page_id)
        if page_id != START_ID:
            self.ctx.session.set_current_page(page.key)
        page.on_enter()
        # Build the page Next will show, and let go of far pages, while the person reads this
        # one: the switch itself then only lays out and paints (page switch p95,
        # benchmarks/run.py). The delay lets this page paint first; nobody answers a page
        # within PREBUILD_DELAY_MS.
        QTimer.singleShot(PREBUILD_DELAY_MS, self._prebuild_next)

    def _release_far_pages(self, page_id: int) -> None:
        # This page and the next stay built: Next is instant, Back builds again (~20 ms).
        order = self.page_order()
        near = set(order[order.index(page_id):][:2]) if page_id in order else {page_id}
        for other_id, page in self._pages.items():
            if other_id not in near:
                page.release()

    def _prebuild_next(self) -> None:
        # Memory: linecache holds the source of every module PySide6's import hook read (~3 MiB;
        # a traceback reads a file again), and released widgets sit in reference cycles.
        linecache.clearcache()
        self._release_far_pages(self.currentId())
        gc.collect()
        upcoming = self._pages.get(self.next_id_after(self.currentId()))
        if upcoming is not None and upcoming is not self.currentPage():
            upcoming.ensure_built()
            # Polish and lay out its ~100 widgets now, not when Next shows them.
            upcoming.ensurePolished()
            shown = self.currentPage()
            if shown is not None:
                upcoming.lay_out_like(shown)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self._pages.get(self.currentId())
        if page is None or not page.key.startswith("area:") or not page.built:
            return
        rows = getattr(page, "rows", [])
        row = new
        while row is not None and row not in rows:
            row = row.parentWidget()
        for each in rows:
            each.set_current(each is row)
        if new is not None and row is not None:
            page.ensure_visible(new)

    # -- session changes -------------------------------------------------------------------

    def _session_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.CHECK:
            for page in self._pages.values():
                if page.built:
                    page.reload()
            self._update_steps()
        elif change.kind is ChangeKind.AREAS:
            self._update_steps()
        elif change.kind is ChangeKind.ANSWER:
            self.side.refresh_area(self.ctx.checklist.item(change.item_id).area)

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
        # Keys from the ids: the pages need not exist yet.
        entries = [(p, page_key(p, self.area_ids)) for p in self.page_order() if p != START_ID]
        self.side.set_steps(entries)
        self.side.set_current_page(self.currentId())

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
        cancel = self.button(WB.CancelButton)
        cancel.setAccessibleName(t("ui.button.stop_name"))
        cancel.setAccessibleDescription(t("ui.button.stop_description"))
        for which, key in ((WB.BackButton, "back"), (WB.NextButton, "next"),
                           (WB.FinishButton, "finish")):
            button: QAbstractButton = self.button(which)
            # QWizard only renames its buttons on the next page switch; do it now. Its default
            # texts come from Qt's own (qtbase) translation.
            button.setText(self.buttonText(which))
            button.setAccessibleName(button.text().replace("&", "").strip("<> "))
            button.setAccessibleDescription(t(f"ui.button.{key}_description"))
        self.side.refresh()
        for page in self._pages.values():
            if page.built:
                page.retranslate()
            else:
                page.setTitle("")  # set again when the page is built

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

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, self.ctx.settings.text_size, self.ctx.settings.high_contrast)
        self._save_settings()
        self.side.refresh()
        if self._later is not None:  # Ctrl+ on the start page need not make every page
            self._later.summary.refresh()

    def _save_settings(self) -> None:
        # Preferences are a comfort, not data: the check goes on without them.
        with contextlib.suppress(OSError):
            save_settings(self.ctx.settings)

    # -- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Stop for now (Esc, the window's close box or the Stop button): answers are saved."""
        t = self.ctx.t
        if self.ctx.dialogs.ask_yes_no(self, t("ui.stop.title"), t("ui.stop.question")):
            super().reject()

    def accept(self) -> None:
        """Finish: the check is marked done and will not be offered for resuming."""
        self.ctx.session.finish()
        super().accept()
