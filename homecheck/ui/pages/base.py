"""What every wizard page shares: id, storage key, retranslate(), on_enter() and a scroll body."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from homecheck.ui.by_name import set_enum
from homecheck.ui.context import UiContext

if TYPE_CHECKING:
    from homecheck.ui.wizard import HomeWizard

# Page ids in page order (navigation compares them); area pages are AREA_BASE + their position
# in the content. Stored checks remember page keys, never these numbers.
START_ID = 0
CLIENTS_ID = 1
ABOUT_ID = 2
HOME_ID = 3
AREA_BASE = 10
SUMMARY_ID = 900
FINISH_ID = 901
# The stored key of each fixed page (area pages are "area:<id>").
FIXED_KEYS = {
    START_ID: "start",
    CLIENTS_ID: "clients",
    ABOUT_ID: "about_you",
    HOME_ID: "your_home",
    SUMMARY_ID: "summary",
    FINISH_ID: "finish",
}


def page_key(page_id: int, area_ids: dict[str, int]) -> str:
    """The stored key of a page id, without the page having to exist."""
    area = next((a for a, i in area_ids.items() if i == page_id), None)
    return f"area:{area}" if area is not None else FIXED_KEYS[page_id]


class BasePage(QWizardPage):
    """A page that reads everything from the session and can redo its texts in another language."""

    def __init__(self, ctx: UiContext, page_id: int, key: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.page_id = page_id
        self.key = key  # stored as the check's current page (ids may change with the content)
        self.built = False

    # Pages whose every value lives in the session may let go of their widgets out of sight.
    releasable = False

    def build(self) -> None:
        """Create the page's widgets (override); called when first needed, and again after
        release()."""

    def release(self) -> None:
        """Let go of the widgets while the page is out of sight (releasable pages only); they
        are made again from the session when next needed. A full check would otherwise keep
        some 1,000 widgets alive (memory, benchmarks/run.py); every value is already stored."""
        scroller = getattr(self, "scroller", None)
        if not self.releasable or not self.built or self.isVisible() or scroller is None:
            return
        self.built = False
        layout = self.layout()
        if layout is not None:
            layout.removeWidget(scroller)
        scroller.hide()
        scroller.deleteLater()

    def ensure_built(self) -> None:
        """Build the page now if it has not been built yet (pages are built lazily: start-up
        only pays for the first page)."""
        if self.built:
            return
        self.built = True
        self.build()
        self.reload()
        self.retranslate()
        # Built on a page already on screen (a room built again), new widgets would stay hidden
        # until the event loop ran, and could not take keyboard focus before that: show them.
        scroller = getattr(self, "scroller", None)
        if scroller is not None:
            scroller.show()

    def initializePage(self) -> None:
        self.ensure_built()

    def nav(self) -> HomeWizard:
        """The wizard this page belongs to."""
        return cast("HomeWizard", self.wizard())

    def retranslate(self) -> None:
        """Set every text in the interface language (override)."""

    def on_enter(self) -> None:
        """Called each time the page is shown: refresh, then put keyboard focus in place."""

    def reload(self) -> None:
        """Show the session's values again (another check was loaded or started)."""

    def nextId(self) -> int:
        # The wizard knows which areas the home has and where a jump is going.
        wizard = self.wizard()
        if wizard is None:
            return super().nextId()
        return self.nav().next_id_after(self.page_id)

    def cleanupPage(self) -> None:
        # Going back must never reset anything (IndependentPages is set as well).
        pass

    def scroll_body(self) -> QVBoxLayout:
        """Fill the page with a scroll area and return the layout inside it."""
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        set_enum(self.scroller, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        # The scroll area itself is not a stop for Tab; its contents are.
        set_enum(self.scroller, "focusPolicy", "NoFocus")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 16, 4)
        layout.setSpacing(12)
        self.scroller.setWidget(body)
        outer = self.layout()
        if outer is None:  # a released page keeps its outer layout
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        return layout

    def lay_out_like(self, shown: QWidget) -> None:
        """Lay out this hidden page at the size of the page on screen, ahead of showing it.

        Showing it then finds most sizes known (page switch p95, benchmarks/run.py). The body
        width guesses that a scroll bar will show; a wrong guess only means Qt lays it out
        again when the page appears.
        """
        scroller = getattr(self, "scroller", None)
        outer = self.layout()
        if scroller is None or outer is None:
            return
        self.resize(shown.size())
        outer.activate()
        body = scroller.widget()
        width = shown.width() - scroller.verticalScrollBar().sizeHint().width()
        body.resize(width, max(body.heightForWidth(width), body.sizeHint().height()))
        inner = body.layout()
        if inner is not None:
            inner.activate()

    def ensure_visible(self, widget: QWidget) -> None:
        """Scroll so that a widget (for example the row with focus) can be seen."""
        scroll = getattr(self, "scroller", None)
        if scroll is not None and scroll.isAncestorOf(widget):
            # Let pending layout finish first (a button row that just stacked makes its answer
            # row taller), or the scroll would aim at where the widget was a moment ago.
            for _ in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            scroll.ensureWidgetVisible(widget, 20, 40)


class NumberBox(QSpinBox):
    """A spin box where -1 means "not answered" and Enter moves on instead of leaving the page."""

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, maximum)
        self.setValue(-1)
        # Room for "— not filled in" at any text size, but not the whole page width.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def answer(self) -> int | None:
        """The number given, or None."""
        value = self.value()
        return None if value < 0 else value

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # here: see homecheck/ui/by_name.py

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.interpretText()
            event.accept()
            self.focusNextChild()
            return
        super().keyPressEvent(event)
