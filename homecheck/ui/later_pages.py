"""What the wizard adds once its window is on screen: the pages after the start page, shortcuts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

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


def add_shortcuts(
    window: QWidget, larger: Callable[[], None], smaller: Callable[[], None],
    reset: Callable[[], None],
) -> None:
    """The text-size keys (Ctrl+ / Ctrl- / Ctrl+0) for the whole window.

    Here, after the first paint: QKeySequence's enums cost ~0.7 ms of start-up, and a window
    takes no keys before it shows.
    """
    for sequence, slot in (
        (QKeySequence.StandardKey.ZoomIn, larger),
        (QKeySequence("Ctrl+="), larger),
        (QKeySequence.StandardKey.ZoomOut, smaller),
        (QKeySequence("Ctrl+0"), reset),
    ):
        QShortcut(sequence, window).activated.connect(slot)
