"""Summary: the home score, a bar per area, the first actions and the questions still open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidgetItem, QWidget

from homecheck.domain.actions import Action
from homecheck.domain.scoring import AreaScore
from homecheck.ui.context import UiContext
from homecheck.ui.pages.base import SUMMARY_ID, BasePage
from homecheck.ui.widgets.answer_row import plain_label
from homecheck.ui.widgets.jump_list import JumpList
from homecheck.ui.widgets.score_bar import ScoreBar

TOP_ACTIONS = 5
ITEM_ROLE = Qt.ItemDataRole.UserRole


class SummaryPage(BasePage):
    """Recomputed by the domain every time it is shown; nothing here is scored by widgets."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, SUMMARY_ID, "summary")

    def build(self) -> None:
        layout = self.scroll_body()
        self.score_label = plain_label(role="score")
        self.score_help = plain_label(role="muted")
        self.counts = plain_label()
        self.areas_heading = plain_label(role="heading")
        self.bars_box = QWidget()
        self.bars = QGridLayout(self.bars_box)
        self.bars.setContentsMargins(0, 0, 0, 0)
        self.bars.setColumnStretch(0, 3)
        self.bars.setColumnStretch(1, 3)
        self.bars.setHorizontalSpacing(16)
        self.bars.setVerticalSpacing(10)
        self.bar_rows: list[tuple[QLabel, ScoreBar, QLabel]] = []
        self.actions_heading = plain_label(role="heading")
        self.actions_label = plain_label()
        self.open_heading = plain_label(role="heading")
        self.open_help = plain_label(role="muted")
        self.open_list = JumpList(self)
        self.open_list.setMinimumHeight(200)
        self.open_list.itemActivated.connect(self._jump)
        self.open_list.itemClicked.connect(self._jump)
        self.open_heading.setBuddy(self.open_list)
        for widget in (
            self.score_label,
            self.score_help,
            self.counts,
            self.areas_heading,
            self.bars_box,
            self.actions_heading,
            self.actions_label,
            self.open_heading,
            self.open_help,
            self.open_list,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.refresh()

    def on_enter(self) -> None:
        self.refresh()
        if self.open_list.count():
            self.open_list.setCurrentRow(0)
            self.open_list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.nav().focus_next_button()

    def refresh(self) -> None:
        """Score and list everything again from the session."""
        if not self.built:
            return
        t, lang, ctx = self.ctx.t, self.ctx.language, self.ctx
        self.setTitle(t("ui.summary.title"))
        home = ctx.session.score()
        if home.score is None:
            self.score_label.setText(t("ui.summary.score_none"))
        else:
            self.score_label.setText(t("ui.summary.score", score=home.score))
        self.score_help.setText(t("ui.summary.score_help"))
        self.counts.setText(
            t("ui.summary.counts", hazards=ctx.hazards(home.hazards), answered=home.answered,
              total=home.total)
        )
        self.areas_heading.setText(t("ui.summary.areas_heading"))
        self._show_bars(home.areas)
        self.actions_heading.setText(t("ui.summary.actions_heading"))
        actions = ctx.session.actions()
        if actions:
            lines = [self._action_line(n, a) for n, a in enumerate(actions[:TOP_ACTIONS], 1)]
            if len(actions) > TOP_ACTIONS:
                lines.append(t("ui.summary.more_actions", count=len(actions) - TOP_ACTIONS))
            self.actions_label.setText("\n".join(lines))
        else:
            self.actions_label.setText(t("ui.summary.no_actions"))
        self.open_heading.setText(t("ui.summary.open_heading"))
        self.open_list.setAccessibleName(t("ui.summary.open_name"))
        self.open_list.setAccessibleDescription(t("ui.summary.open_help"))
        self.open_list.clear()
        answers = ctx.session.assessment.answers
        for area in ctx.checklist.areas:
            if not ctx.session.has_area(area.id):
                continue
            for item in area.items:
                if item.id not in answers:
                    text = t("ui.summary.open_item", area=area.title(lang),
                             question=item.question(lang))
                    entry = QListWidgetItem(text)
                    entry.setData(ITEM_ROLE, item.id)
                    self.open_list.addItem(entry)
        has_open = self.open_list.count() > 0
        self.open_help.setText(t("ui.summary.open_help") if has_open else t("ui.summary.all_done"))
        self.open_list.setVisible(has_open)

    def _show_bars(self, areas: tuple[AreaScore, ...]) -> None:
        t, lang, c = self.ctx.t, self.ctx.language, self.ctx
        while len(self.bar_rows) < len(areas):
            label = plain_label()
            bar = ScoreBar(c.settings.high_contrast)
            number = plain_label(role="heading")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row = len(self.bar_rows)
            self.bars.addWidget(label, row, 0)
            self.bars.addWidget(bar, row, 1, Qt.AlignmentFlag.AlignVCenter)
            self.bars.addWidget(number, row, 2)
            self.bar_rows.append((label, bar, number))
        for index, (label, bar, number) in enumerate(self.bar_rows):
            shown = index < len(areas)
            for widget in (label, bar, number):
                widget.setVisible(shown)
            if not shown:
                continue
            area_score = areas[index]
            title = c.checklist.area(area_score.area_id).title(lang)
            score = (
                t("ui.summary.bar_score", score=area_score.score)
                if area_score.score is not None
                else t("ui.summary.bar_none")
            )
            details = t(
                "ui.summary.bar_details",
                hazards=c.hazards(area_score.hazards),
                answered=area_score.answered,
                total=area_score.total,
            )
            label.setText(t("ui.summary.bar", title=title, details=details))
            number.setText(score)
            bar.setAccessibleName(f"{title}: {score}")
            bar.set_score(area_score.score, c.settings.high_contrast)

    def _action_line(self, number: int, action: Action) -> str:
        t, lang = self.ctx.t, self.ctx.language
        if action.is_person_action:
            fix = t(f"action.{action.item_id}.fix")
            where = t("person.area_title")
        else:
            fix = self.ctx.checklist.item(action.item_id).fix(lang)
            where = self.ctx.checklist.area(action.area_id).title(lang)
        priority = t(f"priority.{action.priority}")
        return t("ui.summary.action", number=number, priority=priority, where=where, fix=fix)

    def _jump(self, entry: QListWidgetItem) -> None:
        self.nav().go_to_item(str(entry.data(ITEM_ROLE)))
