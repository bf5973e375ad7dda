"""About you: the leaflet's intake, the three key questions and the Short FES-I, all optional."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from homecheck.domain import person
from homecheck.domain.fesi import score_short_fesi
from homecheck.domain.textrules import MAX_INTAKE_TEXT
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.pages.base import ABOUT_ID, BasePage, NumberBox
from homecheck.ui.widgets.choice import ChoiceButtons
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.note_edit import within_limit

_YES_NO = ("yes", "no")
_FESI_VALUES = tuple(str(level) for level in person.FESI_LEVELS)
_INTAKE_ORDER = ("pain", "activity_days", "falls_past_year", "fear_of_falling",
                 "fear_limits_activities", "goals")


class AboutYouPage(BasePage):
    """Person questions; every answer is stored as soon as it is given."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, ABOUT_ID, "about_you")

    def build(self) -> None:
        layout = self.scroll_body()
        self.intro = plain_label()
        layout.addWidget(self.intro)
        self.question_labels: dict[str, tuple[QLabel, QLabel]] = {}
        self.choices: dict[str, ChoiceButtons] = {}
        self.numbers: dict[str, NumberBox] = {}
        # Focus order for "answer with a digit, move on": the controls top to bottom.
        self.sequence: list[QWidget] = []

        for key in _INTAKE_ORDER:
            self._add_question(layout, key)
        self.key_heading = plain_label(role="heading")
        layout.addWidget(self.key_heading)
        for key in person.KEY_QUESTIONS:
            self._add_question(layout, key)

        self.fesi_heading = plain_label(role="heading")
        self.fesi_intro = plain_label()
        layout.addWidget(self.fesi_heading)
        layout.addWidget(self.fesi_intro)
        self.fesi_labels: list[QLabel] = []
        self.fesi_choices: list[ChoiceButtons] = []
        for _ in range(person.FESI_ITEMS):
            label = plain_label(role="question")
            choice = ChoiceButtons(_FESI_VALUES, self)
            choice.chosen.connect(lambda _value: self._fesi_changed())
            choice.keyed.connect(partial(self._advance, choice))
            self.fesi_labels.append(label)
            self.fesi_choices.append(choice)
            self.sequence.append(choice)
            block = QWidget(self)
            inner = QVBoxLayout(block)
            inner.setContentsMargins(0, 8, 0, 8)
            inner.setSpacing(6)
            inner.addWidget(label)
            inner.addWidget(choice)
            layout.addWidget(block)
        self.fesi_result = plain_label(role="heading")
        self.fesi_band = plain_label()
        layout.addWidget(self.fesi_result)
        layout.addWidget(self.fesi_band)
        layout.addStretch(1)

    def _add_question(self, layout: QVBoxLayout, key: str) -> None:
        # Question, help and answer sit close together; questions are spaced apart.
        block = QWidget(self)
        inner = QVBoxLayout(block)
        inner.setContentsMargins(0, 8, 0, 8)
        inner.setSpacing(6)
        layout.addWidget(block)
        label = plain_label(role="question")
        help_label = plain_label(role="muted")
        self.question_labels[key] = (label, help_label)
        inner.addWidget(label)
        inner.addWidget(help_label)
        widget: QWidget
        if key in person.COUNT_KEYS:
            box = NumberBox(person.COUNT_KEYS[key][1], self)
            theme.touch_target(box)
            box.valueChanged.connect(
                lambda _v, k=key, b=box: self.ctx.session.set_intake(k, b.answer())
            )
            self.numbers[key] = box
            widget = box
        elif key in person.TEXT_KEYS:
            self.goals = QPlainTextEdit(self)
            self.goals.setTabChangesFocus(True)
            self.goals.setMinimumHeight(theme.TARGET_PX * 2)
            self.goals.setMaximumHeight(theme.TARGET_PX * 3)
            self.goals.textChanged.connect(self._goals_changed)
            widget = self.goals
        else:
            values = person.CHOICE_KEYS.get(key, _YES_NO)
            choice = ChoiceButtons(values, self)
            choice.chosen.connect(partial(self._choice_changed, key))
            choice.keyed.connect(partial(self._advance, choice))
            self.choices[key] = choice
            widget = choice
        self.sequence.append(widget)
        if isinstance(widget, NumberBox):
            inner.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            inner.addWidget(widget)

    # -- texts and values ------------------------------------------------------------------

    def retranslate(self) -> None:
        t, lang, content = self.ctx.t, self.ctx.language, self.ctx.person
        self.set_heading(t("ui.about.title"))
        self.intro.setText(content.intro(lang))
        for key, (label, help_label) in self.question_labels.items():
            question = content.questions[key]
            label.setText(question.text(lang))
            help_label.setText(question.help(lang))
            if key in self.choices:
                choice = self.choices[key]
                choice.set_texts([question.options[v](lang) for v in choice.values],
                                 question.text(lang))
            elif key in self.numbers:
                box = self.numbers[key]
                box.setSpecialValueText(t("ui.about.not_answered"))
                box.setAccessibleName(question.text(lang))
                box.setAccessibleDescription(question.help(lang))
            else:
                self.goals.setAccessibleName(question.text(lang))
                self.goals.setAccessibleDescription(question.help(lang))
        self.key_heading.setText(t("ui.about.key_heading"))
        self.fesi_heading.setText(t("ui.about.fesi_heading"))
        self.fesi_intro.setText(content.fesi_intro(lang))
        levels = [content.fesi_levels[level](lang) for level in person.FESI_LEVELS]
        for n, (label, choice) in enumerate(zip(self.fesi_labels, self.fesi_choices, strict=True)):
            text = content.fesi_items[n](lang)
            label.setText(t("ui.about.fesi_item", number=n + 1, text=text))
            choice.set_texts(levels, text)
        self._show_fesi()

    def reload(self) -> None:
        intake = self.ctx.session.assessment.intake
        for key, choice in self.choices.items():
            value = intake.get(key)
            if key in person.YES_NO_KEYS and value is not None:
                value = "yes" if value else "no"
            choice.set_value(value)
        for key, box in self.numbers.items():
            value = intake.get(key)
            box.blockSignals(True)
            box.setValue(-1 if value is None else int(value))
            box.blockSignals(False)
        goals = intake.get("goals") or ""
        if self.goals.toPlainText() != goals:
            self.goals.blockSignals(True)
            self.goals.setPlainText(goals)
            self.goals.blockSignals(False)
        fesi = intake.get("fesi") or [None] * person.FESI_ITEMS
        for choice, value in zip(self.fesi_choices, fesi, strict=True):
            choice.set_value(None if value is None else str(value))
        if hasattr(self, "fesi_result"):
            self._show_fesi()

    def _choice_changed(self, key: str, value: str) -> None:
        stored: object = value == "yes" if key in person.YES_NO_KEYS else value
        self.ctx.session.set_intake(key, stored)

    def _goals_changed(self) -> None:
        text = within_limit(self.goals, MAX_INTAKE_TEXT, self.ctx)
        self.ctx.session.set_intake("goals", text if text.strip() else None)

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
        self.fesi_band.setText(self.ctx.person.fesi_bands[result.band](lang))
        self.fesi_band.setVisible(True)

    # -- keyboard --------------------------------------------------------------------------

    def _advance(self, current: QWidget, _value: str = "") -> None:
        index = self.sequence.index(current)
        if index + 1 < len(self.sequence):
            target = self.sequence[index + 1]
            if isinstance(target, ChoiceButtons):
                target.focus_button().setFocus(Qt.FocusReason.TabFocusReason)
            else:
                target.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.nav().focus_next_button()

    def on_enter(self) -> None:
        first = self.sequence[0]
        assert isinstance(first, ChoiceButtons)
        first.focus_button().setFocus(Qt.FocusReason.OtherFocusReason)
