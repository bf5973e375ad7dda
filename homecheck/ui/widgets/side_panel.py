"""The side panel: every step with its progress (Enter or a click jumps there), language, text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics, QShortcutEvent
from PySide6.QtWidgets import (
    QFrame,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from homecheck.i18n import LANGUAGES
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Hook, Trigger
from homecheck.ui.settings import TEXT_SIZES
from homecheck.ui.widgets.jump_list import JumpList
from homecheck.ui.widgets.labels import plain_label

# The panel is this many average characters wide; in a narrow window (the page would get fewer
# than PAGE_CHARS) it gives way to a narrower one whose texts wrap, and where even that leaves
# the page too little (200 % scaling on a laptop, the largest text) to a Menu button that shows
# and hides it.
WIDE_CHARS = 22
NARROW_CHARS = 13
PAGE_CHARS = 48
PAGE_ROLE = Qt.ItemDataRole.UserRole
TICK = "✓"


class SidePanel(QWidget):
    """Shown beside every page (QWizard.setSideWidget)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Who fills in the check: the session's role, or the one chosen on the start page
        # before the check begins (the wizard sets this), so the steps are named at once.
        self.role: Callable[[], str] = lambda: ctx.session.assessment.role
        self.jump_requested: Hook[int] = Hook()  # a wizard page id
        self.language_requested: Hook[str] = Hook()
        self.larger_requested = Trigger()
        self.smaller_requested = Trigger()
        self.contrast_requested = Trigger()
        self.help_requested = Trigger()
        self.heading = plain_label(role="heading")
        self.steps = JumpList(self)
        self.steps.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        # Enter/double-click (itemActivated) for the keyboard, a single click for the mouse.
        self.steps.itemActivated.connect(self._activated)
        self.steps.itemClicked.connect(self._activated)
        self.heading.setBuddy(self.steps)
        self.language_button = QPushButton(self)
        self.larger_button = QPushButton(self)
        self.smaller_button = QPushButton(self)
        self.contrast_button = QPushButton(self)
        self.contrast_button.setCheckable(True)
        self.size_label = plain_label(role="muted")  # the text size now, in words
        self.help_button = QPushButton(self)
        for button in (
            self.help_button,
            self.language_button,
            self.larger_button,
            self.smaller_button,
            self.contrast_button,
        ):
            button.setAutoDefault(False)
            theme.touch_target(button)
            button.installEventFilter(self)
        self.language_button.clicked.connect(self._other_language)
        self.larger_button.clicked.connect(lambda: self.larger_requested())
        self.smaller_button.clicked.connect(lambda: self.smaller_requested())
        # toggled, as a screen reader's Toggle action does it; refresh() sets it without a signal.
        self.contrast_button.toggled.connect(self._contrast_toggled)
        self.help_button.clicked.connect(lambda: self.help_requested())
        self.menu_button = QPushButton(self)  # only in a window too narrow for the panel
        self.menu_button.setCheckable(True)
        self.menu_button.setAutoDefault(False)
        theme.touch_target(self.menu_button)
        self.menu_button.toggled.connect(self._menu_toggled)
        self.menu_button.hide()

        # In a short window (20 pt in 800x600) the panel scrolls rather than making the
        # window taller than the screen: its minimum height is the scroll area's, small.
        self.body = QWidget()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.menu_button, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.scroll_area, 1)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 12, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.steps, 1)
        layout.addSpacing(8)
        layout.addWidget(self.language_button)
        layout.addWidget(self.larger_button)
        layout.addWidget(self.smaller_button)
        layout.addWidget(self.size_label)
        layout.addWidget(self.contrast_button)
        layout.addWidget(self.help_button)
        self._entries: list[tuple[int, str]] = []  # (page id, step key) as listed
        self._current_page = -1
        self.narrow = False  # the narrower panel, for a narrow window (fit_window)
        self.collapsed = False  # behind the Menu button, for a narrower one still

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt+letter on a panel button presses it and leaves the keyboard where it was.

        Qt would move focus to the button too, and Enter (which presses the focused button)
        would then switch high contrast or the language straight back.
        """
        if (event.type() == QEvent.Type.Shortcut and isinstance(watched, QPushButton)
                and isinstance(event, QShortcutEvent) and not event.isAmbiguous()):
            if watched.isEnabled():
                watched.click()  # animateClick() would take the focus too
            return True
        return super().eventFilter(watched, event)

    # -- contents --------------------------------------------------------------------------

    def set_steps(self, entries: list[tuple[int, str]]) -> None:
        """List these steps: (page id, "about_you" / "your_home" / "area:<id>" / "summary" …)."""
        if entries != self._entries:
            self._entries = list(entries)
            self.steps.clear()
            for page_id, _key in entries:
                item = QListWidgetItem()
                item.setData(PAGE_ROLE, page_id)
                self.steps.addItem(item)
        self._show_steps()

    def _show_steps(self) -> None:
        """Each step's text with its progress; the current step marked."""
        for row, (page_id, key) in enumerate(self._entries):
            item = self.steps.item(row)
            text = self._step_text(key)
            if item.text() != text:
                item.setText(text)
            if page_id == self._current_page:
                self.steps.setCurrentRow(row)

    def refresh(self) -> None:
        """Redo every text (progress, language) and mark the current step."""
        t = self.ctx.t
        self._show_steps()
        # Wide enough for most area names on one line, at every text size; narrower in a
        # narrow window, where the texts wrap.
        self.menu_button.setText(t("ui.side.menu"))
        self.menu_button.setAccessibleName(t("ui.side.menu_name"))
        self.menu_button.setAccessibleDescription(t("ui.side.menu_description"))
        if self.collapsed and not self.menu_button.isChecked():
            self.setFixedWidth(self.menu_button.sizeHint().width() + 12)
        else:
            self.setFixedWidth(self.width_for(NARROW_CHARS if self.narrow else WIDE_CHARS))
        self.heading.setText(t("ui.side.heading"))
        self.steps.setAccessibleName(t("ui.side.steps_name"))
        self.steps.setAccessibleDescription(t("ui.side.steps_description"))
        other = next(lang for lang in LANGUAGES if lang != self.ctx.language)
        self.language_button.setText(t(f"ui.side.language_{other}"))
        self.language_button.setAccessibleName(t(f"ui.side.language_{other}_name"))
        self.language_button.setAccessibleDescription(t("ui.side.language_description"))
        self.larger_button.setText(t("ui.side.larger"))
        self.larger_button.setAccessibleName(t("ui.side.larger_name"))
        self.larger_button.setAccessibleDescription(t("ui.side.size_description"))
        self.smaller_button.setText(t("ui.side.smaller"))
        self.smaller_button.setAccessibleName(t("ui.side.smaller_name"))
        self.smaller_button.setAccessibleDescription(t("ui.side.size_description"))
        # At the largest size "Larger text" does nothing: the line says why.
        size = self.ctx.settings.text_size
        key = "size_now_largest" if size == TEXT_SIZES[-1] else "size_now"
        self.size_label.setText(t(f"ui.side.{key}", size=size))
        self.help_button.setText(t("ui.side.help"))
        self.help_button.setAccessibleName(t("ui.side.help_name"))
        self.help_button.setAccessibleDescription(t("ui.side.help_description"))
        on = self.ctx.settings.high_contrast
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(on)
        self.contrast_button.blockSignals(False)
        self.contrast_button.setText(t("ui.side.contrast_on" if on else "ui.side.contrast_off"))
        self.contrast_button.setAccessibleName(t("ui.side.contrast_name"))
        for button in self.buttons():
            # A button cannot wrap: its text gets its line breaks here.
            button.setText(self._wrapped(button.text()))
            # Two lines need more than the touch target: never squeezed below its text.
            button.setMinimumHeight(max(theme.TARGET_PX, button.sizeHint().height()))
        self.contrast_button.setAccessibleDescription(t("ui.side.contrast_description"))

    def buttons(self) -> tuple[QPushButton, ...]:
        """The panel's buttons, top to bottom."""
        return (self.help_button, self.language_button, self.larger_button,
                self.smaller_button, self.contrast_button)

    def width_for(self, chars: int) -> int:
        """The panel's width for lines of about ``chars`` characters at the text size."""
        metrics = QFontMetrics(QFont(theme.FONT_FAMILY, self.ctx.settings.text_size))
        # Room for two scroll bars: the step list's and the panel's own (in a short window).
        return metrics.averageCharWidth() * chars + 26 + 2 * theme.SCROLL_BAR_PX

    def fit_window(self, window_width: int) -> None:
        """Give way in a narrow window: the narrower panel when the page would get too little."""
        metrics = QFontMetrics(QFont(theme.FONT_FAMILY, self.ctx.settings.text_size))
        page = metrics.averageCharWidth() * PAGE_CHARS
        narrow = window_width - self.width_for(WIDE_CHARS) < page
        collapsed = window_width - self.width_for(NARROW_CHARS) < page
        if (narrow, collapsed) != (self.narrow, self.collapsed):
            self.narrow, self.collapsed = narrow, collapsed
            self.menu_button.setVisible(collapsed)
            self.menu_button.blockSignals(True)
            self.menu_button.setChecked(False)
            self.menu_button.blockSignals(False)
            self._menu_toggled(False)

    def _menu_toggled(self, shown: bool) -> None:
        # The steps and settings beside the page, or (in a window too narrow) behind Menu.
        self.scroll_area.setVisible(shown or not self.collapsed)
        self.refresh()
        if shown:
            self.steps.setFocus(Qt.FocusReason.OtherFocusReason)

    def _wrapped(self, text: str) -> str:
        """The text in lines that fit a button of the panel (one line when it fits)."""
        words = text.replace("\n", " ").split(" ")
        metrics = QFontMetrics(QFont(theme.FONT_FAMILY, self.ctx.settings.text_size))
        # The panel's right margin, the button's border (focus: 4 px) and padding (12 px).
        room = self.maximumWidth() - theme.SCROLL_BAR_PX - 12 - 2 * (4 + 14)
        lines = [words[0]]
        for word in words[1:]:
            candidate = f"{lines[-1]} {word}"
            if metrics.horizontalAdvance(candidate.replace("&", "")) <= room:
                lines[-1] = candidate
            else:
                lines.append(word)
        return "\n".join(lines)

    def refresh_area(self, area_id: str) -> None:
        """Update the progress of one area only (called after every answer: keep it cheap)."""
        key = f"area:{area_id}"
        for row, (_page_id, entry_key) in enumerate(self._entries):
            if entry_key == key:
                self.steps.item(row).setText(self._step_text(key))
                return

    def set_current_page(self, page_id: int) -> None:
        """Select the step of the page now shown."""
        self._current_page = page_id
        for row, (entry_id, _key) in enumerate(self._entries):
            if entry_id == page_id:
                self.steps.setCurrentRow(row)
                return
        self.steps.clearSelection()

    def _step_text(self, key: str) -> str:
        t = self.ctx.t
        if key in ("about_you", "your_home") and self.role() != "self":
            # A caregiver or therapist fills in for someone else: never "About you".
            return t(f"ui.side.step_{key}_other")
        if not key.startswith("area:"):
            return t(f"ui.side.step_{key}")
        area_id = key.split(":", 1)[1]
        title = self.ctx.checklist.area(area_id).title(self.ctx.language, self.role())
        answered, total = self.ctx.session.progress(area_id)
        # The tick and the numbers carry the meaning; the list never relies on colour.
        done = f"{TICK} " if answered == total else ""
        answers = self.ctx.session.assessment.answers
        area = self.ctx.checklist.area(area_id)
        if answered == total and all(answers[item.id].answer == "na" for item in area.items):
            return t("ui.side.area_nothing", done=done, title=title)
        return t("ui.side.area_progress", done=done, title=title, answered=answered, total=total)

    def _activated(self, item: QListWidgetItem) -> None:
        self.menu_button.setChecked(False)  # behind Menu: the page chosen gets the room again
        self.jump_requested(int(item.data(PAGE_ROLE)))

    def _contrast_toggled(self, checked: bool) -> None:
        if checked != self.ctx.settings.high_contrast:
            self.contrast_requested()

    def _other_language(self) -> None:
        other = next(lang for lang in LANGUAGES if lang != self.ctx.language)
        self.language_requested(other)
