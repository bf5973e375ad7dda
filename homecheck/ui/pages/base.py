"""What every wizard page shares: id, storage key, retranslate(), on_enter() and a scroll body."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFrame,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Trigger
from homecheck.ui.read_only import lock_writes
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.read_only_banner import ReadOnlyBanner

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
# The read-only banner stays above the page while it takes at most this part of its height.
BANNER_MAX_SHARE = 0.25
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
        self._arrived_at: QWidget | None = None  # see show_question_of
        # The page's own title (not QWizard's, whose font would not follow the text size).
        self.heading = plain_label(role="title")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.heading)
        # Above everything: "You can look, but not change anything" when nothing can be saved.
        # Made only then (at start-up, or when another homecheck deletes the store): a store
        # that can be written, almost always, has no banner at all.
        self.banner: ReadOnlyBanner | None = None
        self.save_requested = Trigger()  # the banner's "Save this check as a file"
        self.refresh_banner()

    def set_heading(self, text: str) -> None:
        """The page's title, shown above its contents."""
        self.heading.setText(text)

    def build(self) -> None:
        """Create the page's widgets (override); called once, when the page is first needed."""

    def ensure_built(self) -> None:
        """Build the page now if it has not been built yet: a page makes its widgets on first
        view (or just before it, see HomeWizard._prebuild_next) and keeps them."""
        if self.built:
            return
        self.built = True
        self.build()
        self.reload()
        self.retranslate()
        if self.ctx.session.read_only:
            lock_writes(self)
        # Built on a page already on screen, new widgets would stay hidden until the event loop
        # ran, and could not take keyboard focus before that: show them.
        scroller = getattr(self, "scroller", None)
        if scroller is not None:
            scroller.show()
        self.place_banner()

    def initializePage(self) -> None:
        self.ensure_built()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place_banner()

    def refresh_banner(self) -> None:
        """Show the read-only banner while nothing can be changed, in the interface language;
        it is made the first time it is needed."""
        if self.banner is None:
            if not self.ctx.session.read_only:
                return
            self.banner = ReadOnlyBanner(self.ctx, self)
            self.banner.save_requested.connect(self.save_requested)
            outer = self.layout()
            assert isinstance(outer, QVBoxLayout)
            outer.insertWidget(0, self.banner)
        else:
            self.banner.refresh()
        self.place_banner()

    def place_banner(self) -> None:
        """Keep the read-only banner above the page, or, on a page too short for all of it
        (200 % scaling on a laptop, the largest text), only its title: the reason and what to
        do go to the top of the page's scroll body, where they scroll with the rest instead of
        squeezing it."""
        scroller = getattr(self, "scroller", None)
        if scroller is None or self.banner is None:
            return
        banner = self.banner
        height = max(banner.heightForWidth(self.width()), banner.sizeHint().height())
        if banner.details.parentWidget() is not banner:
            height += banner.details.heightForWidth(self.width())
        short = height > self.height() * BANNER_MAX_SHARE
        home = scroller.widget() if short else banner
        if banner.details.parentWidget() is not home:
            layout = home.layout()
            assert isinstance(layout, QVBoxLayout)
            shown = not banner.details.isHidden()
            layout.insertWidget(1 if home is banner else 0, banner.details)
            banner.details.setVisible(shown)  # a widget given another parent is hidden

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
        # Text wraps and answer buttons stack; what still cannot get narrower (a long radio
        # text at 20 pt in the smallest window) can be scrolled to sideways, never cut off.
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # The scroll area itself is not a stop for Tab; its contents are.
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 16, 4)
        layout.setSpacing(12)
        self.scroller.setWidget(body)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.addWidget(self.scroller, 1)
        return layout

    def last_in_tab_chain(self) -> QWidget | None:
        """The page's last control that Tab can reach (None for a page without one).

        The focus chain is a ring through the whole window, in which widgets come in the order
        they were made and the newest come last, just before the window itself. A page builds
        its controls after the window and every page shell were made, so its last control is
        the first met going back from the window; mostly the page shown was built last, and it
        is a few steps away (going forward meant going round the whole window: every built
        page, 1,700 widgets, at each page turn). Going back from the page itself would first
        pass QWizard's own inner widgets, whose Python wrappers the first time cost ~5 ms.
        """
        window = self.window()
        widget = window.previousInFocusChain()
        while widget is not None and widget is not window:
            if self.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return widget
            widget = widget.previousInFocusChain()
        return None

    def focus_moved(self, focused: QWidget) -> None:
        """Keyboard focus moved to ``focused`` on this page (a room marks its question)."""

    def show_question_of(self, widget: QWidget) -> None:
        """Scroll a focused control's whole question (its block on the page) into view: the
        largest block around it that fits in the view (a room's question; on the summary,
        where the action log is taller than the view, the box's action with its text)."""
        scroll = getattr(self, "scroller", None)
        if scroll is None or not scroll.isAncestorOf(widget):
            return
        _finish_layout()
        if self._arrived_at is None:
            self._arrived_at = widget  # the control that got the focus when the page opened
        if scroll.verticalScrollBar().value() == 0 and self._in_view(
            widget, first_line_only=widget is self._arrived_at
        ):
            # A page at its top stays there while the control can be seen: its text begins
            # there (a room's "look at …", the welcome), and the block around a first control
            # is often nearly as tall as the view, so showing all of it cut that text off.
            # Just opened, the control's first line is enough (a short view at 2x scaling).
            return
        body = scroll.widget()
        blocks = []  # from the widget's parent out to the page's block holding it
        parent = widget.parentWidget()
        while parent is not None and parent is not body:
            blocks.append(parent)
            parent = parent.parentWidget()
        fits = next((b for b in reversed(blocks) if b.height() < scroll.viewport().height()), None)
        if fits is not None:
            self.ensure_visible(fits)
        self.ensure_visible(widget)

    def _in_view(self, widget: QWidget, first_line_only: bool = False) -> bool:
        """True when the whole widget (or its first line of text) can be seen in the page's
        view as it is scrolled now."""
        viewport = self.scroller.viewport()
        top = widget.mapTo(viewport, widget.rect().topLeft()).y()
        bottom = widget.mapTo(viewport, widget.rect().bottomLeft()).y()
        if first_line_only:
            bottom = min(bottom, top + widget.fontMetrics().lineSpacing())
        return top >= 0 and bottom <= viewport.height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._arrived_at = None  # opened (again): the first control focused is not known yet

    def ensure_visible(self, widget: QWidget) -> None:
        """Scroll so that a widget (for example the row with focus) can be seen."""
        scroll = getattr(self, "scroller", None)
        if scroll is not None and scroll.isAncestorOf(widget):
            _finish_layout()
            scroll.ensureWidgetVisible(widget, 20, 40)
            # A page wider than the window (the smallest window at 20 pt) shows where lines
            # begin: a row wider than the window must not leave its start out of sight.
            body = scroll.widget()
            if body is not None and widget.mapTo(body, QPoint(0, 0)).x() < scroll.width() // 2:
                scroll.horizontalScrollBar().setValue(0)


def _finish_layout() -> None:
    """Let pending layout finish first (a button row that just stacked makes its answer row
    taller), or a scroll would aim at where a widget was a moment ago."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def enter_moves_on(box: QAbstractSpinBox, event: QKeyEvent) -> bool:
    """Enter in a number box takes the number and moves on to the next control, instead of
    pressing the wizard's default button (Next). True when the key was Enter."""
    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return False
    box.interpretText()
    event.accept()
    box.focusNextPrevChild(True)
    return True


class NumberBox(QSpinBox):
    """A spin box where -1 means "not answered" and Enter moves on instead of leaving the page."""

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, maximum)
        self.setValue(-1)
        # − and + (side by side, large: the style sheet), not two small arrows.
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.PlusMinus)
        # Room for "— not answered" at any text size, but not the whole page width.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # Says why a typed digit was refused (placed under the box by the page).
        self.problem = plain_label(role="question")
        self.problem.setVisible(False)
        self._refusal = ""
        self.valueChanged.connect(lambda _value: self.problem.setVisible(False))
        # The mouse wheel scrolls the page (see wheelEvent), so it gives no focus either.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Scroll the page, never change the number: turning the wheel to read on while the
        pointer passed over the box changed a stored answer without a word."""
        event.ignore()  # the scroll area around the page takes it

    def set_refusal_text(self, text: str) -> None:
        """What to say when a number is refused, e.g. "Type a number from 0 to 20"."""
        self._refusal = text
        self.problem.setText(text)

    def answer(self) -> int | None:
        """The number given, or None."""
        value = self.value()
        return None if value < 0 else value

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if enter_moves_on(self, event):
            return
        before = self.lineEdit().text()
        super().keyPressEvent(event)
        typed = event.text()
        if typed and not typed.isspace():
            # A typed character the box did not take (too large a number, a letter): say why,
            # instead of ignoring the key without a word.
            refused = self.lineEdit().text() == before
            self.problem.setVisible(refused and bool(self._refusal))
