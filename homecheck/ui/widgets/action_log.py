"""The action log: every hazard's action with a checkbox; ticking it stores today as done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from homecheck.domain.actions import Action
from homecheck.domain.wording import action_texts
from homecheck.i18n import catalogue
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Trigger
from homecheck.ui.read_only import mark_writes

TICK = "✓"


class _ClickLabel(QLabel):
    """The wrapped text of a checkbox: clicking it ticks the box, as with a normal checkbox."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__()
        self.box = box
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # Advice rows have no (visible) box: their text is only text.
        if event.button() == Qt.MouseButton.LeftButton and not self.box.isHidden():
            self.box.click()
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


class ActionCheck(QWidget):
    """One action: a checkbox (a QCheckBox cannot wrap its text) and its text beside it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item_id = ""
        self.line = ""
        self.box = QCheckBox(self)
        theme.touch_target(self.box)
        self.box.setMinimumWidth(theme.TARGET_PX)
        policy = self.box.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.box.setSizePolicy(policy)
        self.text = _ClickLabel(self.box)
        self.box.toggled.connect(self._toggled)
        mark_writes(ctx, self.box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)

    def show_action(self, number: int, action: Action, line: str, where: str, fix: str) -> None:
        """Show one action and whether (and when) it was done.

        Advice from the person answers has no answer to mark, so it gets no box; the empty
        space keeps its text in line with the others.
        """
        t = self.ctx.t
        self.item_id, self.line = action.item_id, line
        self.box.setVisible(not action.is_person_action)
        self.box.blockSignals(True)
        self.box.setChecked(action.done is not None)
        self.box.blockSignals(False)
        self._show_done(action.done)
        self.box.setAccessibleName(t("ui.actions.done_name", number=number, where=where, fix=fix))
        self.box.setAccessibleDescription(t("ui.actions.done_description"))

    def _show_done(self, done: str | None) -> None:
        text = self.line
        if done:
            # Done is said in words with the date; the tick in the box is not the only sign.
            text += "\n" + self.ctx.t("ui.actions.done_on", tick=TICK, date=self.ctx.date(done))
        self.text.setText(text)

    def _toggled(self, checked: bool) -> None:
        session = self.ctx.session
        if session.answer(self.item_id) is None:
            return  # advice from the person answers: nothing to mark
        session.set_done(self.item_id, checked)
        answer = session.answer(self.item_id)
        # Only this row changes; the rest of the summary (and keyboard focus) stays.
        self._show_done(answer.done if answer else None)


class ActionLog(QWidget):
    """Reuses its rows on every refresh, so keyboard focus survives a tick."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticked = Trigger()  # after a box was ticked or unticked (the answer is stored)
        self.rows: list[ActionCheck] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)

    def show_actions(self, actions: list[Action]) -> None:
        """Show every action in priority order; hazards with a box to tick when done."""
        t, lang, content = self.ctx.t, self.ctx.language, self.ctx.checklist
        intake, role = self.ctx.session.assessment.intake, self.ctx.session.assessment.role
        while len(self.rows) < len(actions):
            row = ActionCheck(self.ctx, self)
            # Connected after the row's own handler, so the session has the date already.
            row.box.toggled.connect(lambda _checked: self.ticked())
            self._layout.addWidget(row)
            self.rows.append(row)
        for index, row in enumerate(self.rows):
            row.setVisible(index < len(actions))
        for number, (action, row) in enumerate(zip(actions, self.rows, strict=False), start=1):
            priority = t(f"priority.{action.priority}")
            texts = action_texts(action, catalogue(lang), content, intake, role)
            fix, where = texts.fix, texts.area
            line = t("ui.summary.action", number=number, priority=priority, where=where, fix=fix)
            # Why it is higher for this person, and what to do until a fix is in place.
            line = "\n".join(part for part in (line, texts.raised, texts.until_then) if part)
            row.show_action(number, action, line, where, fix)
