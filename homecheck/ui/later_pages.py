"""The wizard's pages after the start page: made together, once the window is on screen."""

from __future__ import annotations

from homecheck.ui.context import UiContext
from homecheck.ui.pages.about_you import AboutYouPage
from homecheck.ui.pages.base import BasePage
from homecheck.ui.pages.clients import ClientsPage
from homecheck.ui.pages.finish import FinishPage
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.pages.summary import SummaryPage
from homecheck.ui.pages.your_home import YourHomePage


class LaterPages:
    """Importing this module and making these pages waits until after the first paint."""

    def __init__(self, ctx: UiContext, area_ids: dict[str, int]) -> None:
        self.clients = ClientsPage(ctx)
        self.about = AboutYouPage(ctx)
        self.home = YourHomePage(ctx)
        self.rooms = {a.id: RoomPage(ctx, a, area_ids[a.id]) for a in ctx.checklist.areas}
        self.summary = SummaryPage(ctx)
        self.finish = FinishPage(ctx)

    def all(self) -> list[BasePage]:
        """Every page here, in page order."""
        return [self.clients, self.about, self.home, *self.rooms.values(), self.summary,
                self.finish]
