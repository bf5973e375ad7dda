"""About you: the intake, the short person profile, the therapist's tests and the Short FES-I.

Which questions there are, their kinds, order and sections come from homecheck.domain.person
(declared once); their wording from resources/checklist/person.toml. Every question is optional
and every answer is stored the moment it is given.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from homecheck.domain import person
from homecheck.domain.fesi import score_short_fesi
from homecheck.domain.textrules import MAX_INTAKE_TEXT
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.pages.about_numbers import RangeBox, SecondsBox
from homecheck.ui.pages.base import ABOUT_ID, BasePage, NumberBox
from homecheck.ui.pages.whose import after_label, client_label
from homecheck.ui.read_only import mark_inputs
from homecheck.ui.widgets.choice import ChoiceButtons
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.note_edit import NoteEdit, tell_full

_FESI_VALUES = tuple(str(level) for level in person.FESI_LEVELS)


class AboutYouPage(BasePage):
    """Person questions; every answer is stored as soon as it is given."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, ABOUT_ID, "about_you")

    def build(self) -> None:
        layout = self.scroll_body()
        self.intro = plain_label()
        layout.addWidget(self.intro)
        self.question_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self.choices: dict[str, ChoiceButtons] = {}
        self.numbers: dict[str, RangeBox | SecondsBox] = {}
        self.blocks: dict[QWidget, QWidget] = {}  # answer widget -> its question block
        self.section_labels: dict[str, QLabel] = {}
        self.sections: dict[str, QWidget] = {}
        # Focus order for "answer with a digit, move on": the controls top to bottom.
        self.sequence: list[QWidget] = []

        for name, keys in person.SECTIONS:
            section = QWidget(self)
            inner = QVBoxLayout(section)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(12)
            heading = plain_label(role="heading")
            inner.addWidget(heading)
            self.section_labels[name] = heading
            self.sections[name] = section
            for key in keys:
                self._add_question(inner, key)
            layout.addWidget(section)

        self.fesi_heading = plain_label(role="heading")
        self.fesi_intro = plain_label()
        layout.addWidget(self.fesi_heading)
        layout.addWidget(self.fesi_intro)
        # A caregiver is asked to let the person answer (the Short FES-I is a self-report).
        self.proxy_box = QWidget(self)
        proxy_layout = QVBoxLayout(self.proxy_box)
        proxy_layout.setContentsMargins(0, 8, 0, 8)
        self.proxy_label = plain_label(role="question")
        self.proxy_choice = ChoiceButtons(person.FESI_PROXY_CHOICES, self)
        self.proxy_choice.chosen.connect(self._proxy_chosen)
        self.proxy_choice.answered.connect(partial(self._advance, self.proxy_choice))
        proxy_layout.addWidget(self.proxy_label)
        proxy_layout.addWidget(self.proxy_choice)
        layout.addWidget(self.proxy_box)
        self.blocks[self.proxy_choice] = self.proxy_box
        self.sequence.append(self.proxy_choice)
        self.fesi_box = QWidget(self)
        fesi_layout = QVBoxLayout(self.fesi_box)
        fesi_layout.setContentsMargins(0, 0, 0, 0)
        self.fesi_labels: list[QLabel] = []
        self.fesi_earlier: list[QLabel] = []
        self.fesi_choices: list[ChoiceButtons] = []
        for _ in range(person.FESI_ITEMS):
            label = plain_label(role="question")
            earlier = plain_label(role="muted")
            earlier.setVisible(False)
            choice = ChoiceButtons(_FESI_VALUES, self)
            choice.chosen.connect(lambda _value: self._fesi_changed())
            choice.answered.connect(partial(self._advance, choice))
            self.fesi_labels.append(label)
            self.fesi_earlier.append(earlier)
            self.fesi_choices.append(choice)
            self.sequence.append(choice)
            block = QWidget(self.fesi_box)
            inner = QVBoxLayout(block)
            inner.setContentsMargins(0, 8, 0, 8)
            inner.setSpacing(6)
            inner.addWidget(label)
            inner.addWidget(choice)
            inner.addWidget(earlier)
            fesi_layout.addWidget(block)
            self.blocks[choice] = block
        layout.addWidget(self.fesi_box)
        self.fesi_result = plain_label(role="heading")
        self.fesi_band = plain_label()
        layout.addWidget(self.fesi_result)
        layout.addWidget(self.fesi_band)
        layout.addStretch(1)
        mark_inputs(self.ctx, self)  # every control here is an answer

    def _add_question(self, layout: QVBoxLayout, key: str) -> None:
        # Question, help and answer sit close together; questions are spaced apart.
        block = QWidget(self)
        inner = QVBoxLayout(block)
        inner.setContentsMargins(0, 8, 0, 8)
        inner.setSpacing(6)
        layout.addWidget(block)
        label = plain_label(role="question")
        help_label = plain_label(role="muted")
        earlier = plain_label(role="muted")  # a follow-up shows the earlier answer in words
        earlier.setVisible(False)
        self.question_labels[key] = (label, help_label, earlier)
        inner.addWidget(label)
        inner.addWidget(help_label)
        spec = person.FIELDS[key]
        widget: QWidget
        if spec.kind in ("integer", "number"):
            box: RangeBox | SecondsBox
            if spec.kind == "integer":
                box = RangeBox(spec.low, spec.high, self)
            else:
                box = SecondsBox(spec.low, spec.high, self)
            theme.touch_target(box)
            box.valueChanged.connect(lambda _v, k=key, b=box: self._number_changed(k, b))
            self.numbers[key] = box
            widget = box
        elif spec.kind == "text":
            # Stops at its maximum while typing or pasting, and says so.
            self.goals = NoteEdit(self, limit=MAX_INTAKE_TEXT)
            tell_full(self.goals, self.ctx, "goals")
            self.goals.textChanged.connect(self._goals_changed)
            widget = self.goals
        else:
            choice = ChoiceButtons(person.options_of(key), self)
            choice.chosen.connect(partial(self._choice_changed, key))
            choice.answered.connect(partial(self._advance, choice))
            self.choices[key] = choice
            widget = choice
        self.sequence.append(widget)
        self.blocks[widget] = block
        if isinstance(widget, (RangeBox, SecondsBox)):
            inner.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
            if isinstance(widget, NumberBox):
                inner.addWidget(widget.problem)
        else:
            inner.addWidget(widget)
        inner.addWidget(earlier)

    # -- who is asked ----------------------------------------------------------------------

    def who(self) -> str | None:
        """None when the person fills in; else the client's label or "the person"."""
        label = client_label(self.ctx.session.assessment)
        if label is None:
            return None
        return label or self.ctx.person.who(self.ctx.language)

    def _apply_role(self) -> None:
        role = self.ctx.session.assessment.role
        for name in person.THERAPIST_SECTIONS:
            self.sections[name].setVisible(role == "therapist")
        self.proxy_box.setVisible(role == "caregiver")
        self._enable_fesi()

    def _enable_fesi(self) -> None:
        intake = self.ctx.session.assessment.intake
        asked = self.ctx.session.assessment.role != "caregiver"
        answered = any(v is not None for v in intake.get("fesi") or ())
        chosen = self.proxy_choice.value() in ("self", "proxy")
        self.fesi_box.setEnabled(asked or chosen or answered)

    # -- texts and values ------------------------------------------------------------------

    def retranslate(self) -> None:
        t, lang, content = self.ctx.t, self.ctx.language, self.ctx.person
        who = self.who()
        # Whom the page is about is said once, in the heading and the intro; the questions say
        # "the person", so that a long label does not make every question long. A screen reader
        # says what the page shows.
        asked = None if who is None else content.who(lang)
        self.set_heading(
            t("ui.about.title") if who is None else t("ui.about.title_about", who=who)
        )
        intro = content.intro(lang) if who is None else content.intro_about(lang).format(who=who)
        self.intro.setText(after_label(intro))
        for name, label in self.section_labels.items():
            label.setText(content.sections[name](lang))
        for key, (label, help_label, _earlier) in self.question_labels.items():
            question = content.questions[key]
            text, help_text = question.wording(lang, asked)
            label.setText(text)
            help_label.setText(help_text)
            if key in self.choices:
                choice = self.choices[key]
                choice.set_texts([question.options[v](lang) for v in choice.values], text)
            elif key in self.numbers:
                box = self.numbers[key]
                box.setSpecialValueText(t("ui.about.not_answered"))
                if isinstance(box, NumberBox):
                    box.set_refusal_text(t("ui.number.refused", maximum=box.maximum()))
                box.setAccessibleName(text)
                box.setAccessibleDescription(help_text)
            else:
                self.goals.setAccessibleName(text)
                self.goals.setAccessibleDescription(help_text)
        self.fesi_heading.setText(t("ui.about.fesi_heading"))
        fesi_intro = (
            content.fesi_intro(lang) if asked is None
            else content.fesi_intro_about(lang).format(who=asked)
        )
        self.fesi_intro.setText(fesi_intro)
        proxy_text = content.fesi_proxy_question(lang)
        self.proxy_label.setText(proxy_text)
        self.proxy_choice.set_texts(
            [content.fesi_proxy_options[c](lang) for c in person.FESI_PROXY_CHOICES], proxy_text
        )
        levels = [content.fesi_levels[level](lang) for level in person.FESI_LEVELS]
        for n, (label, choice) in enumerate(zip(self.fesi_labels, self.fesi_choices, strict=True)):
            text = content.fesi_items[n](lang)
            label.setText(t("ui.about.fesi_item", number=n + 1, text=text))
            choice.set_texts(levels, text)
        self._show_earlier()
        self._show_fesi()

    def reload(self) -> None:
        intake = self.ctx.session.assessment.intake
        for key, choice in self.choices.items():
            value = intake.get(key)
            if key in person.YES_NO_KEYS and value is not None:
                value = "yes" if value else "no"
            choice.set_value(value)
        for key, box in self.numbers.items():
            box.show_answer(intake.get(key))
        self.goals.show_text(intake.get("goals") or "")
        fesi = intake.get("fesi") or [None] * person.FESI_ITEMS
        for choice, value in zip(self.fesi_choices, fesi, strict=True):
            choice.set_value(None if value is None else str(value))
        by_proxy = intake.get("fesi_by_proxy")
        self.proxy_choice.set_value(None if by_proxy is None else ("proxy" if by_proxy else "self"))
        self._apply_role()
        if hasattr(self, "fesi_result"):
            self._show_earlier()
            self._show_fesi()

    def _earlier_text(self, key: str, value: Any) -> str:
        lang = self.ctx.language
        if value is None or value == "":
            return ""
        question = self.ctx.person.questions[key]
        if key in person.YES_NO_KEYS:
            return question.options["yes" if value else "no"](lang)
        if key in person.CHOICE_KEYS:
            return question.options[str(value)](lang)
        return " ".join(str(value).split())

    def _show_earlier(self) -> None:
        """On a follow-up: "Last time (date): answer" under each question, as rooms do."""
        t = self.ctx.t
        previous = self.ctx.session.previous
        intake = previous.intake if previous is not None else {}
        date = self.ctx.date(previous.date) if previous is not None else ""
        for key, (_label, _help, earlier) in self.question_labels.items():
            if previous is None:
                earlier.setVisible(False)
                continue
            answer = self._earlier_text(key, intake.get(key))
            earlier.setText(
                t("ui.room.last_time", date=date, answer=answer) if answer
                else t("ui.room.last_time_none", date=date)
            )
            earlier.setVisible(True)
        fesi = intake.get("fesi") or [None] * person.FESI_ITEMS
        levels = self.ctx.person.fesi_levels
        for earlier, value in zip(self.fesi_earlier, fesi, strict=True):
            if previous is None:
                earlier.setVisible(False)
                continue
            earlier.setText(
                t("ui.room.last_time", date=date, answer=levels[value](self.ctx.language))
                if value is not None else t("ui.room.last_time_none", date=date)
            )
            earlier.setVisible(True)

    def _choice_changed(self, key: str, value: str) -> None:
        session = self.ctx.session
        stored: object = value == "yes" if key in person.YES_NO_KEYS else value
        session.set_intake(key, stored)
        if key == "fear_of_falling":
            # Asked once: key question 2 (worried about falling) follows from it.
            session.set_intake("key_worried", stored)

    def _number_changed(self, key: str, box: RangeBox | SecondsBox) -> None:
        session = self.ctx.session
        value = box.answer()
        session.set_intake(key, value)
        if key == "falls_past_year" and value is not None:
            # Asked once: key question 1 (fallen in the past year) follows from the count.
            session.set_intake("key_fallen", value >= 1)

    def _goals_changed(self) -> None:
        text = self.goals.text()
        self.ctx.session.set_intake("goals", text if text.strip() else None)

    def _proxy_chosen(self, value: str) -> None:
        session = self.ctx.session
        if value == "skip":
            session.set_intake("fesi", None)
            session.set_intake("fesi_by_proxy", None)
            for choice in self.fesi_choices:
                choice.set_value(None)
            self._show_fesi()
        else:
            session.set_intake("fesi_by_proxy", value == "proxy")
        self._enable_fesi()

    def _fesi_changed(self) -> None:
        values = [None if c.value() is None else int(c.value() or 0) for c in self.fesi_choices]
        self.ctx.session.set_intake("fesi", values if any(v is not None for v in values) else None)
        self._show_fesi()

    def _show_fesi(self) -> None:
        # Scored by the domain on the spot; the band is said in words, not shown as a colour.
        t, lang = self.ctx.t, self.ctx.language
        result = score_short_fesi(self.ctx.session.assessment.intake.get("fesi"))
        if not result.filled_in:
            self.fesi_result.setText(t("ui.about.fesi_empty"))
            self.fesi_band.setText("")
            self.fesi_band.setVisible(False)
            return
        if result.total is None:
            self.fesi_result.setText(t("ui.about.fesi_not_scored", answered=result.answered))
        else:
            self.fesi_result.setText(
                t("ui.about.fesi_total", total=result.total, band=t(f"fesi_band.{result.band}"))
            )
        role = self.ctx.session.assessment.role  # "De persoon maakt zich…" to others
        self.fesi_band.setText(self.ctx.person.fesi_bands[result.band](lang, role))
        self.fesi_band.setVisible(True)

    # -- keyboard --------------------------------------------------------------------------

    def _focusable(self, widget: QWidget) -> bool:
        return widget.isVisibleTo(self) and widget.isEnabled()

    def _focus(self, target: QWidget, reason: Qt.FocusReason) -> QWidget:
        """Put the keyboard focus on a question's answer; the widget that has it."""
        focused = target.focus_button() if isinstance(target, ChoiceButtons) else target
        focused.setFocus(reason)
        return focused

    def _advance(self, current: QWidget, _value: str = "") -> None:
        """After a digit-key answer: focus the next question and scroll it into view."""
        index = self.sequence.index(current)
        for target in self.sequence[index + 1 :]:
            if self._focusable(target):
                self._focus(target, Qt.FocusReason.TabFocusReason)
                self.ensure_visible(self.blocks.get(target, target))
                return
        self.nav().focus_next_button()

    def on_enter(self) -> None:
        self.ensure_built()
        self._apply_role()
        self.retranslate()  # the role or the client's label may have changed on the start page
        # The page opens at its top, its intro in view, while the first answer's first line
        # can be seen from there.
        self.show_question_of(self._focus(self.sequence[0], Qt.FocusReason.OtherFocusReason))
