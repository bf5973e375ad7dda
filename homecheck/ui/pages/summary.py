"""Summary: first what to do now and the next step, then the person, the home's share of fine
points, bars per area, progress since last time, the action log, open questions."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidgetItem, QWidget

from homecheck.domain import person_rules, person_summary
from homecheck.domain.fesi import score_short_fesi
from homecheck.domain.scoring import AreaScore, HomeScore, person_factors
from homecheck.domain.wording import for_role, next_step_texts, person_area_title
from homecheck.i18n import catalogue
from homecheck.ui.context import UiContext
from homecheck.ui.pages.base import SUMMARY_ID, BasePage
from homecheck.ui.widgets.action_log import ActionLog
from homecheck.ui.widgets.area_bars import AreaBars
from homecheck.ui.widgets.followup_box import FollowUpBox
from homecheck.ui.widgets.jump_list import JumpList
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.score_bar import ScoreBar

ITEM_ROLE = Qt.ItemDataRole.UserRole


class SummaryPage(BasePage):
    """Recomputed by the domain every time it is shown; nothing here is scored by widgets."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, SUMMARY_ID, "summary")

    def build(self) -> None:
        layout = self.scroll_body()
        # What to do comes first: the number of things to do now, then the next step.
        self.now_label = plain_label(role="score")
        # The page's first Tab stop: keyboard focus starts here with the page at its top, a
        # screen reader reads it out (its text is its name), and Tab goes on down the page.
        self.now_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.now_label.setProperty("stop", "true")
        # Under "nothing to do this week" of a check stopped halfway: not everything was checked.
        self.not_checked = plain_label(role="heading")
        self.next_step = plain_label(role="heading")
        self.next_helpers = plain_label()
        self.warnings = plain_label()
        self.person_heading = plain_label(role="heading")
        self.person_lines = plain_label()
        self.score_label = plain_label(role="heading")
        self.score_help = plain_label(role="muted")
        self.counts = plain_label()
        self.areas_heading = plain_label(role="heading")
        self.bars_box = AreaBars(self.ctx.settings.high_contrast)
        self.followup = FollowUpBox(self.ctx, self)
        self.actions_heading = plain_label(role="heading")
        self.actions_help = plain_label(role="muted")
        self.action_log = ActionLog(self.ctx, self)
        # Ticking an action done lowers the counts at the top at once and, on a follow-up
        # check, moves it to "done or fixed".
        self.action_log.ticked.connect(self._ticked)
        self.open_heading = plain_label(role="heading")
        self.open_help = plain_label(role="muted")
        self.open_list = JumpList(self)
        self.open_list.setMinimumHeight(200)
        self.open_list.itemActivated.connect(self._jump)
        self.open_list.itemClicked.connect(self._jump)
        self.open_heading.setBuddy(self.open_list)
        for widget in (
            self.now_label,
            self.not_checked,
            self.next_step,
            self.next_helpers,
            self.warnings,
            self.person_heading,
            self.person_lines,
            self.score_label,
            self.score_help,
            self.counts,
            self.followup,  # on a follow-up visit the change is what people look for first
            self.areas_heading,
            self.bars_box,
            self.actions_heading,
            self.actions_help,
            self.action_log,
            self.open_heading,
            self.open_help,
            self.open_list,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.refresh()

    def reload(self) -> None:
        self.refresh()  # another check, or this one changed in another window

    def on_enter(self) -> None:
        """Open at the top, where the things to do now (and the change since last time) are,
        with keyboard focus on that first line: Tab goes down from there through the boxes to
        tick and the open questions, each scrolled into view, then to Back and Next."""
        self.refresh()
        if self.open_list.count():
            self.open_list.setCurrentRow(0)
        self.now_label.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroller.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        """Score and list everything again from the session."""
        if not self.built:
            return
        t, lang, ctx = self.ctx.t, self.ctx.language, self.ctx
        role = ctx.session.assessment.role
        self.set_heading(t("ui.summary.title"))
        home = ctx.session.score()
        actions = ctx.session.actions()
        self._show_person()
        self._show_counts(home)
        if home.nothing_to_do:
            self.score_label.setText(t("ui.summary.score_nothing"))
        elif home.score is None:
            self.score_label.setText(t("person.score_line_none"))
        else:
            self.score_label.setText(t("person.score_line", score=home.score))
        self.score_help.setText(t("person.score_help"))
        self.areas_heading.setText(t("ui.summary.areas_heading"))
        self._show_bars(home.areas)
        self._show_followup()
        self.actions_heading.setText(t("ui.summary.actions_heading"))
        has_hazards = any(not a.is_person_action for a in actions)
        if has_hazards:
            self.actions_help.setText(t("ui.summary.actions_help"))
        elif home.answered:
            self.actions_help.setText(t("ui.summary.no_actions"))
        else:  # "no hazards found" would be untrue: nobody looked yet (as the PDF says)
            self.actions_help.setText(t("ui.summary.no_actions_unchecked"))
        self.action_log.show_actions(actions)
        # Tab in reading order: the boxes are made when first needed, after the list below.
        # (Hidden boxes, advice without one, and disabled ones are passed over by Tab.)
        chain = [self.now_label, *(row.box for row in self.action_log.rows), self.open_list]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
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
                    text = t("ui.summary.open_item", area=area.title(lang, role),
                             question=item.question(lang))
                    entry = QListWidgetItem(text)
                    entry.setData(ITEM_ROLE, item.id)
                    self.open_list.addItem(entry)
        has_open = self.open_list.count() > 0
        still_open = self.open_list.count()
        key = "ui.summary.not_checked_one" if still_open == 1 else "ui.summary.not_checked"
        self.not_checked.setText(t(key, count=still_open))
        self.not_checked.setVisible(has_open)
        self.open_help.setText(t("ui.summary.open_help") if has_open else t("ui.summary.all_done"))
        self.open_list.setVisible(has_open)

    def _ticked(self) -> None:
        """An action was ticked done or not: the counts change, the rest of the page stays."""
        self._show_counts()
        self._show_followup()

    def _show_counts(self, home: HomeScore | None = None) -> None:
        """The things to do now at the top, and the counts under the score (open actions)."""
        t, ctx = self.ctx.t, self.ctx
        counts = ctx.session.open_counts()  # the one count: PDF, client list and score agree
        now = counts["now"]
        if now == 0:
            self.now_label.setText(t("person.now_count_none"))
        elif now == 1:
            self.now_label.setText(t("person.now_count_one"))
        else:
            self.now_label.setText(t("person.now_count_many", count=now))
        home = home or ctx.session.score()
        self.counts.setText(
            t("ui.summary.counts", hazards=ctx.hazards(home.hazards), answered=home.answered,
              total=home.total)
            + "\n"
            + t("ui.summary.todo", **counts)
        )

    def _show_followup(self) -> None:
        """The comparison with the earlier check, or why there is none (another person)."""
        refused = self.ctx.session.followup_refused()
        if refused is not None:
            self.followup.show_other_client(refused)
        else:
            self.followup.show_followup(self.ctx.session.followup())

    def _show_person(self) -> None:
        """The top: the next step and who helps, contradictions, the person."""
        t = self.ctx.t
        cat = catalogue(self.ctx.language)
        intake = self.ctx.session.assessment.intake
        step = person_rules.next_step(intake)
        role = self.ctx.session.assessment.role
        nothing_to_do = not sum(self.ctx.session.open_counts().values())
        step_text, helpers_line = next_step_texts(step, cat, role, nothing_to_do)
        self.next_step.setText(f"{t('person.next_step_heading')}: {step_text}")
        self.next_helpers.setText(helpers_line)
        warnings = person_summary.warning_texts(intake, cat)
        self.warnings.setText("\n".join([t("person.warnings_heading"), *warnings]))
        self.warnings.setVisible(bool(warnings))
        lines = [f"{label}: {value}" for label, value in person_summary.intake_lines(intake, cat)]
        tests = person_summary.measurement_lines(intake, cat)
        if tests:
            lines += [*([""] if lines else []), t("person.tests_heading")]
            lines += [f"{label}: {value}" for label, value in tests]
        fesi = score_short_fesi(intake.get("fesi"))
        if fesi.total is not None:
            lines.append(
                t("ui.about.fesi_total", total=fesi.total, band=t(f"fesi_band.{fesi.band}"))
            )
        # Hazards about the person (medicines, feet, dizziness): with the person, not the home.
        factors = person_factors(self.ctx.checklist, self.ctx.session.exported())
        if factors:  # after an empty line, when there is something above it
            lines += [*([""] if lines else []), for_role(cat, "person.factors_heading", role)]
            lines += [f"• {item.fix(self.ctx.language, role)}" for item in factors]
        # As the side panel: "About you", or "About the person" for a caregiver or therapist.
        self.person_heading.setText(person_area_title(cat, role))
        self.person_lines.setText("\n".join(lines))
        self.person_heading.setVisible(bool(lines))
        self.person_lines.setVisible(bool(lines))

    def _show_bars(self, areas: tuple[AreaScore, ...]) -> None:
        t, lang, c = self.ctx.t, self.ctx.language, self.ctx
        role = c.session.assessment.role
        rows = self.bars_box.show_rows(len(areas))
        for (label, bar, number), area_score in zip(rows, areas, strict=True):
            title = c.checklist.area(area_score.area_id).title(lang, role)
            if area_score.score is not None:
                score = t("ui.summary.bar_score", score=area_score.score)
            elif area_score.nothing_to_do:
                score = t("ui.summary.bar_nothing")
            else:
                score = t("ui.summary.bar_none")
            details = t(
                "ui.summary.bar_details",
                hazards=c.hazards(area_score.hazards),
                answered=area_score.answered,
                total=area_score.total,
            )
            if area_score.person_hazards:
                # The percentage leaves them out: say so beside "1 hazard" and its 100.
                details += "\n" + for_role(
                    catalogue(lang), "ui.summary.bar_person", role,
                    count=area_score.person_hazards,
                )
            label.setText(t("ui.summary.bar", title=title, details=details))
            number.setText(score)
            bar.setAccessibleName(f"{title}: {score}")
            bar.set_score(area_score.score, c.settings.high_contrast)

    @property
    def bar_rows(self) -> list[tuple[QLabel, ScoreBar, QLabel]]:
        """Every row of the score per part of the home (some may be hidden)."""
        return self.bars_box.rows

    def _jump(self, entry: QListWidgetItem) -> None:
        self.nav().go_to_item(str(entry.data(ITEM_ROLE)))
