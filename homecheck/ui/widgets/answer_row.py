"""One checklist item: question, answer buttons, why/what-to-do, note, photos, last answer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from homecheck.domain.assessment import ANSWERS
from homecheck.domain.content import Item
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Hook
from homecheck.ui.read_only import mark_writes
from homecheck.ui.widgets.choice import ChoiceButtons, digit_of
from homecheck.ui.widgets.click_guard import GuardedButton
from homecheck.ui.widgets.labels import CLOSED, OPEN, plain_label
from homecheck.ui.widgets.note_edit import NoteEdit, tell_full
from homecheck.ui.widgets.wrap_row import WrapRow

if TYPE_CHECKING:
    from homecheck.ui.widgets.photo_strip import PhotoStrip

CHANGED_MARK_MS = 2500  # how long a changed answer stays marked


class AnswerRow(QFrame):
    """The widgets of one item. Answers go straight to the session; the row only shows them."""

    def __init__(self, ctx: UiContext, item: Item, number: int, count: int) -> None:
        super().__init__()
        # After the person answered this row (key, click, photo): the page moves focus on.
        self.answered: Hook[AnswerRow] = Hook()
        # The "why" text was opened: the page scrolls it into view (it may open below the fold).
        self.details_shown: Hook[QWidget] = Hook()
        self.ctx = ctx
        self.item = item
        self.number = number
        self.count = count
        self._keys = True  # Alt+letters for Why, Note and Photo (set_keys)
        theme.set_role(self, "row")
        self.setProperty("current", False)
        self.setProperty("changed", False)
        self._unmark = QTimer(self)
        self._unmark.setSingleShot(True)
        self._unmark.setInterval(CHANGED_MARK_MS)
        self._unmark.timeout.connect(self._end_mark)
        self.question = plain_label(role="question")
        # A follow-up check shows the earlier answer in words (never by colour alone).
        self.earlier = plain_label(role="muted")
        self.earlier.setVisible(False)
        self.choices = ChoiceButtons(ANSWERS, self)
        self.choices.chosen.connect(self._chosen)
        self.choices.answered.connect(lambda _v: self.answered(self))
        self.why_button = GuardedButton(self)
        self.why_button.setCheckable(True)
        self.why_button.setAutoDefault(False)
        self.note_button = GuardedButton(self)
        self.note_button.setCheckable(True)
        self.note_button.setAutoDefault(False)
        for button in (self.why_button, self.note_button):
            theme.touch_target(button)
            # Toggles look unlike answers when pressed: an arrow shows open or closed.
            button.setProperty("kind", "toggle")
            button.toggled.connect(self._toggle_texts)
        self.photo_button = GuardedButton(self)
        self.photo_button.setAutoDefault(False)
        theme.touch_target(self.photo_button)
        self.photo_button.clicked.connect(self.add_photo)
        # Back to "not answered" (Delete or Backspace on the row does the same).
        self.clear_button = GuardedButton(self)
        self.clear_button.setAutoDefault(False)
        theme.touch_target(self.clear_button)
        self.clear_button.clicked.connect(self.clear_answer)
        self.photos: PhotoStrip | None = None  # made for the first photo: most items have none
        # The why/what-to-do text and the note box are made when first needed: most rows
        # never open them, and a text box per row costs memory and page-switch time.
        self._details: QLabel | None = None
        self._note_label: QLabel | None = None
        self._note_edit: NoteEdit | None = None
        self.why_button.toggled.connect(self._show_details)
        self.note_button.toggled.connect(self._show_note)

        self._extras = extras = WrapRow(self)  # stacks at large text instead of clipping
        for button in (self.why_button, self.note_button, self.photo_button, self.clear_button):
            extras.add(button)
            self.choices.guard.watch(button)  # one question: the page may move them under it
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.question)
        layout.addWidget(self.earlier)
        layout.addWidget(self.choices)
        layout.addWidget(extras)
        mark_writes(ctx, *self.choices.findChildren(QPushButton), self.photo_button,
                    self.clear_button)  # fmt: skip
        self.load()
        self.retranslate()

    # -- showing ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        t, lang, item = self.ctx.t, self.ctx.language, self.item
        question = item.question(lang)
        self.question.setText(
            t("ui.room.question", number=self.number, count=self.count, question=question)
        )
        self.choices.set_texts([t(f"answer.{a}") for a in ANSWERS], question)
        self._toggle_texts()
        self.why_button.setAccessibleName(t("ui.room.why_name", number=self.number))
        self.why_button.setAccessibleDescription(question)
        self.note_button.setAccessibleName(t("ui.room.note_name", number=self.number))
        self.note_button.setAccessibleDescription(question)
        self._retranslate_details()
        self._retranslate_note()
        self.photo_button.setText(self._shortcut_text("ui.photo.add"))
        self.photo_button.setAccessibleName(t("ui.photo.add_name", number=self.number))
        self.photo_button.setAccessibleDescription(t("ui.photo.add_description"))
        self.clear_button.setText(t("ui.room.clear"))
        self.clear_button.setAccessibleName(t("ui.room.clear_name", number=self.number))
        self.clear_button.setAccessibleDescription(t("ui.room.clear_description"))
        self._extras.refit()
        self._show_earlier()
        if self.photos is not None:
            self.photos.retranslate()

    def _retranslate_details(self) -> None:
        if self._details is not None:
            t, lang, item = self.ctx.t, self.ctx.language, self.item
            role = self.ctx.session.assessment.role  # "the GP" to a caregiver or therapist
            text = t("ui.room.details", why=item.why(lang, role), fix=item.fix(lang, role))
            if item.until_then is not None:  # "Until the rail is fitted: …" says so itself
                text += "\n\n" + item.until_then(lang, role)
            self._details.setText(text)

    def _retranslate_note(self) -> None:
        if self._note_edit is not None and self._note_label is not None:
            t = self.ctx.t
            self._note_label.setText(t("ui.room.note_label"))
            self._note_edit.setAccessibleName(t("ui.room.note_name", number=self.number))
            self._note_edit.setAccessibleDescription(self.item.question(self.ctx.language))

    @property
    def details(self) -> QLabel:
        """Why it matters and what to do (made on first use)."""
        if self._details is None:
            self._details = plain_label(role="details")
            self._details.setVisible(False)
            after = self.photos if self.photos is not None else self._extras
            self._layout.insertWidget(self._layout.indexOf(after) + 1, self._details)
            self._retranslate_details()
        return self._details

    @property
    def note_label(self) -> QLabel:
        """The label above the note box (made with the box)."""
        self._ensure_note()
        assert self._note_label is not None
        return self._note_label

    @property
    def note_edit(self) -> NoteEdit:
        """The note box: any length, several lines (made on first use)."""
        return self._ensure_note()

    def _ensure_note(self) -> NoteEdit:
        if self._note_edit is None:
            self._note_label = plain_label()
            self._note_label.setVisible(False)
            # Any length, several lines; Tab moves on. Digits typed here are text: the row
            # only answers to digit keys that no text box took.
            edit = NoteEdit(self)
            tell_full(edit, self.ctx)
            edit.setVisible(False)
            self._note_label.setBuddy(edit)
            self._layout.addWidget(self._note_label)
            self._layout.addWidget(edit)
            edit.textChanged.connect(self._note_edited)
            mark_writes(self.ctx, edit)
            self._note_edit = edit
            self._fix_tab_order()
            self._retranslate_note()
        return self._note_edit

    def _fix_tab_order(self) -> None:
        # Widgets made late join the end of the window's Tab chain: put them back in place,
        # in the order they stand on the screen.
        previous: QWidget = self.photo_button
        if self.photos is not None:
            for button in self.photos.remove_buttons:
                QWidget.setTabOrder(previous, button)
                previous = button
        if self._note_edit is not None:
            QWidget.setTabOrder(previous, self._note_edit)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        if shown:
            self.details_shown(self.details)

    def _toggle_texts(self) -> None:
        for button, key in ((self.why_button, "why_button"), (self.note_button, "note_button")):
            arrow = OPEN if button.isChecked() else CLOSED
            button.setText(f"{arrow} {self._shortcut_text(f'ui.room.{key}')}")
        self._extras.refit()

    def _shortcut_text(self, key: str) -> str:
        """A button's text, with its Alt+letter only on the question at hand (set_keys)."""
        text = self.ctx.t(key)
        if self._keys:
            return text
        # "&&" is a written ampersand and stays; a single "&" marks the Alt+letter.
        return re.sub("&(.)", lambda m: m.group(0) if m.group(1) == "&" else m.group(1), text)

    def set_keys(self, on: bool) -> None:
        """Give this question the Alt+letters of Why, Note and Photo (one question at a time:
        shared by every row, Alt+letter only put focus on the first row's button)."""
        if on != self._keys:
            self._keys = on
            self._toggle_texts()
            self.photo_button.setText(self._shortcut_text("ui.photo.add"))
            self._extras.refit()

    def has_keys(self) -> bool:
        """True when Alt+letter reaches this question's Why, Note and Photo."""
        return self._keys

    def load(self) -> None:
        """Show the stored answer and note of this item."""
        answer = self.ctx.session.answer(self.item.id)
        self.choices.set_value(answer.answer if answer else None)
        # The store keeps notes and photos with their answer: both buttons appear after answering.
        self._show_answer_buttons(answer is not None)
        note = answer.note if answer else ""
        if note or self._note_edit is not None:
            self.note_edit.show_text(note)
        if note and not self.note_button.isChecked():
            self.note_button.setChecked(True)
        self._show_photos(answer.photos if answer else [])
        self._show_earlier()

    def _show_earlier(self) -> None:
        t, previous = self.ctx.t, self.ctx.session.previous
        self.earlier.setVisible(previous is not None)
        if previous is None:
            return
        before = previous.answers.get(self.item.id)
        when = self.ctx.date(previous.date)
        if before is None or self.item.area not in previous.areas:
            text = t("ui.room.last_time_none", date=when)
        elif before.done:
            text = t("ui.room.last_time_done", date=when, answer=t(f"answer.{before.answer}"),
                     done=self.ctx.date(before.done))
        else:
            text = t("ui.room.last_time", date=when, answer=t(f"answer.{before.answer}"))
        if before is not None and before.note:
            text += "\n" + t("ui.room.last_time_note", note=before.note)
        self.earlier.setText(text)

    def _show_photos(self, names: list[str]) -> None:
        if self.photos is None:
            if not names:
                return
            from homecheck.ui.widgets.photo_strip import PhotoStrip

            self.photos = PhotoStrip(self.ctx, self.number, self)
            self.photos.remove_requested.connect(self.remove_photo)
            self._layout.insertWidget(self._layout.indexOf(self._extras) + 1, self.photos)
        self.photos.show_photos(names)
        # Made later than the row, the Remove buttons would come last for Tab.
        self._fix_tab_order()

    def set_current(self, current: bool) -> None:
        """Mark the row that holds keyboard focus (a frame, not only a colour change)."""
        if self.property("current") != current:
            self.setProperty("current", current)
            theme.refresh_style(self)

    def mark_changed(self) -> None:
        """Show for a moment that this answer just changed (a frame, not only a colour)."""
        self.setProperty("changed", True)
        theme.refresh_style(self)
        self._unmark.start()

    def _end_mark(self) -> None:
        self.setProperty("changed", False)
        theme.refresh_style(self)

    def focus_target(self) -> QPushButton:
        """Where keyboard focus goes when this row becomes the current one."""
        return self.choices.focus_button()

    # -- changes ---------------------------------------------------------------------------

    def _chosen(self, value: str) -> None:
        self.ctx.session.set_answer(self.item.id, value)
        self._show_answer_buttons(True)

    def _show_answer_buttons(self, shown: bool) -> None:
        for button in (self.note_button, self.photo_button, self.clear_button):
            button.setVisible(shown)
        self._extras.refit()

    def clear_answer(self) -> None:
        """Back to "not answered" (Ctrl+Z brings the answer back, with its note and photos)."""
        if self.ctx.session.answer(self.item.id) is None:
            return
        self.ctx.session.set_answer(self.item.id, None)
        self.load()
        self.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def add_photo(self) -> None:
        """Ask for a picture, store a clean copy and attach it (told plainly if it is none)."""
        from homecheck.ui.widgets.photo_import import ask_and_import

        name = ask_and_import(self.ctx, self)
        if name is not None and self.ctx.session.answer(self.item.id) is not None:
            self.ctx.session.add_photo(self.item.id, name)
            self.load()
            self.answered(self)

    def remove_photo(self, name: str) -> None:
        """Take a photo off this item; its file goes when no check uses it any more."""
        from homecheck.ui import photo_files

        session = self.ctx.session
        session.remove_photo(self.item.id, name)
        photo_files.forget_unused(session.store, [name])
        self.load()
        self.photo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_note(self, shown: bool) -> None:
        if not shown and self._note_edit is None:
            return
        self.note_label.setVisible(shown)
        self.note_edit.setVisible(shown)
        if shown and self.note_button.hasFocus():
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _note_edited(self) -> None:
        # Every change is stored at once, like the area note (show_text does not come here).
        if self.ctx.session.answer(self.item.id) is not None:
            self.ctx.session.set_note(self.item.id, self.note_edit.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.ctx.session.read_only:  # nothing can be changed: the keys do not answer
            super().keyPressEvent(event)
            return
        # Digits answer the row wherever its focus is (also on the why and note buttons).
        number = digit_of(event)
        if number is not None and self.choices.choose_number(number):
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            event.accept()
            self.clear_answer()
            return
        super().keyPressEvent(event)
