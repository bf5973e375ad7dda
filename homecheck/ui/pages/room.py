"""One data-driven page for every area of the home: its items as answer rows and a room note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from homecheck.domain.content import Area
from homecheck.domain.textrules import MAX_NOTE
from homecheck.ui.context import UiContext
from homecheck.ui.pages.base import BasePage
from homecheck.ui.pages.whose import whose_home
from homecheck.ui.read_only import mark_writes
from homecheck.ui.widgets.answer_row import AnswerRow
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.note_edit import NoteEdit, tell_full


class RoomPage(BasePage):
    """The questions of one area, as answer rows, and a note for the whole area."""

    def __init__(self, ctx: UiContext, area: Area, page_id: int) -> None:
        super().__init__(ctx, page_id, f"area:{area.id}")
        self.area = area
        self.rows: list[AnswerRow] = []
        self.role_shown = ""  # whom the page's texts were worded for (see on_enter)
        self.set_heading(area.title(ctx.language, ctx.session.assessment.role))

    def build(self) -> None:
        layout = self.scroll_body()
        # For a therapist or caregiver: whose home "your front door" means (hidden otherwise).
        self.whose = plain_label(role="details")
        self.intro = plain_label()
        self.hint = plain_label(role="muted")
        layout.addWidget(self.whose)
        layout.addWidget(self.intro)
        layout.addWidget(self.hint)
        count = len(self.area.items)
        for number, item in enumerate(self.area.items, start=1):
            row = AnswerRow(self.ctx, item, number, count)
            row.answered.connect(self._advance)
            row.details_shown.connect(self.show_question_of)
            self.rows.append(row)
            layout.addWidget(row)
        self.note_label = plain_label(role="heading")
        self.note_help = plain_label(role="muted")
        # Stops at MAX_NOTE while typing or pasting, and says so.
        self.note_edit = NoteEdit(self, limit=MAX_NOTE)
        tell_full(self.note_edit, self.ctx)
        self.note_edit.textChanged.connect(self._note_changed)
        mark_writes(self.ctx, self.note_edit)
        for widget in (self.note_label, self.note_help, self.note_edit):
            layout.addWidget(widget)
        layout.addStretch(1)

    def retranslate(self) -> None:
        t, lang = self.ctx.t, self.ctx.language
        # "Hele huis en de persoon" and "de huisarts" to a caregiver or therapist.
        role = self.ctx.session.assessment.role
        self.set_heading(self.area.title(lang, role))
        if not self.built:
            return
        self.role_shown = role
        self._show_whose()
        self.intro.setText(self.area.intro(lang, role))
        self.hint.setText(t("ui.room.hint"))
        title = self.area.title(lang, role)
        self.note_label.setText(t("ui.room.area_note_label", area=title))
        self.note_help.setText(t("ui.room.area_note_help"))
        self.note_edit.setAccessibleName(t("ui.room.area_note_name", area=title))
        self.note_edit.setAccessibleDescription(t("ui.room.area_note_help"))
        for row in self.rows:
            row.retranslate()

    def _show_whose(self) -> None:
        line = whose_home(self.ctx)
        self.whose.setText(line)
        self.whose.setVisible(bool(line))

    def reload(self) -> None:
        for row in self.rows:
            row.load()
        self.note_edit.show_text(self.ctx.session.assessment.area_notes.get(self.area.id, ""))

    def _note_changed(self) -> None:
        self.ctx.session.set_area_note(self.area.id, self.note_edit.text())

    def row_for(self, item_id: str) -> AnswerRow | None:
        """The row of an item on this page."""
        self.ensure_built()
        return next((row for row in self.rows if row.item.id == item_id), None)

    def focus_item(self, item_id: str) -> None:
        """Put keyboard focus on an item's answer buttons and scroll to it."""
        row = self.row_for(item_id)
        if row is not None:
            target = row.focus_target()
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            # Its question whole, as far as the view allows; a page at its top stays there
            # while the answer buttons can be seen, so the room's own text is read first.
            self.show_question_of(target)

    def focus_moved(self, focused: QWidget) -> None:
        """Mark the question with keyboard focus as the current one. Alt+letters (Why, Note,
        Photo) act on it; on one not answered yet, on the one just answered before it (its Note
        is what one wants after answering)."""
        row: QWidget | None = focused
        while row is not None and row not in self.rows:
            row = row.parentWidget()
        for each in self.rows:
            each.set_current(each is row)
        if not isinstance(row, AnswerRow):
            return
        index = self.rows.index(row)
        keyed = row
        if not row.note_button.isVisibleTo(row) and index > 0:
            before = self.rows[index - 1]
            keyed = before if before.note_button.isVisibleTo(before) else row
        for each in self.rows:
            each.set_keys(each is keyed)

    def on_enter(self) -> None:
        self.ensure_built()
        if self.role_shown != self.ctx.session.assessment.role:
            self.retranslate()  # another role was chosen on the start page since it was made
        self._show_whose()  # the role or the client's label may have changed on the start page
        # Start at the first question still open, so a resumed or revisited page goes on there.
        answers = self.ctx.session.assessment.answers
        first_open = next((r for r in self.rows if r.item.id not in answers), None)
        if first_open is None:
            self.nav().focus_next_button()
        else:
            self.focus_item(first_open.item.id)

    def _advance(self, row: AnswerRow) -> None:
        # An answer (key, click or photo) moves on to the next question; after the last item
        # Enter presses Next.
        index = self.rows.index(row)
        if index + 1 < len(self.rows):
            self.focus_item(self.rows[index + 1].item.id)
        else:
            self.nav().focus_next_button()
