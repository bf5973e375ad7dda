"""The wizard's pages and the way through them: which pages this home gets and in what order,
going to any page, and where Next goes after a jump or when a check is resumed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget, QWizard

from homecheck.ui import announce, theme
from homecheck.ui.context import UiContext
from homecheck.ui.pages.about_you import AboutYouPage
from homecheck.ui.pages.base import (
    ABOUT_ID,
    AREA_BASE,
    CLIENTS_ID,
    FINISH_ID,
    HOME_ID,
    START_ID,
    SUMMARY_ID,
    BasePage,
)
from homecheck.ui.pages.clients import ClientsPage
from homecheck.ui.pages.finish import FinishPage
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.pages.start import StartPage
from homecheck.ui.pages.summary import SummaryPage
from homecheck.ui.pages.your_home import YourHomePage

WB = QWizard.WizardButton


class PagedWizard(QWizard):
    """The wizard with every page of the content; HomeWizard adds the rest of the window."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce.install()  # each page a named group for screen readers
        self.ctx = ctx
        self.setObjectName(theme.WIZARD_NAME)
        theme.follow(self)  # the contrast and text size the style sheet shows
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # Back must never lose answers: pages are initialised once and never cleaned up.
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self._jump_target: int | None = None
        self.currentIdChanged.connect(self._jump_done)

        offer = ctx.session.unfinished()
        if offer is not None:
            ctx.session.resume(offer.id)
        # Every page exists from the start as a cheap shell; each builds its widgets the first
        # time it is shown (or just before, see HomeWizard._prebuild_next) and keeps them.
        self.start_page = StartPage(ctx, offer)
        self.area_ids = {area.id: AREA_BASE + n for n, area in enumerate(ctx.checklist.areas)}
        self.clients_page = ClientsPage(ctx)
        self.about_page = AboutYouPage(ctx)
        self.home_page = YourHomePage(ctx)
        self.room_pages = {
            area.id: RoomPage(ctx, area, self.area_ids[area.id]) for area in ctx.checklist.areas
        }
        self.summary_page = SummaryPage(ctx)
        self.finish_page = FinishPage(ctx)
        self.pages_by_id: dict[int, BasePage] = {
            page.page_id: page
            for page in (self.start_page, self.clients_page, self.about_page, self.home_page,
                         *self.room_pages.values(), self.summary_page, self.finish_page)
        }
        for page_id, page in self.pages_by_id.items():
            self.setPage(page_id, page)
        self.setStartId(START_ID)

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
        if page_id not in self.pages_by_id:
            return
        if self.currentId() == page_id:
            # Already there (its step in the side panel): shown afresh, the keyboard goes in.
            page = self.pages_by_id[page_id]
            page.on_enter()
            announce.page_turned(page, self._where(page))
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

    def _jump_done(self, _page_id: int) -> None:
        self._jump_target = None  # the page it went to is shown

    def _where(self, page: BasePage) -> str:
        """ "Kitchen, step 5 of 14": the page's heading and its step, for screen readers."""
        order = self.page_order()
        step = order.index(page.page_id) if page.page_id in order else 0
        return announce.where(self.ctx.t, page.heading.text(), step, len(order) - 1)
