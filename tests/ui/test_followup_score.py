"""The summary's score line of a follow-up: a score over other points is no progress."""

from __future__ import annotations

import pytest

from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import Checklist, checklist
from homecheck.domain.followup import compare
from homecheck.domain.scoring import is_home_item
from homecheck.i18n import catalogue
from homecheck.report.progress import build_progress
from homecheck.ui.settings import Settings
from homecheck.ui.widgets.followup_box import FollowUpBox

pytestmark = pytest.mark.gui

SINCE = {"nl": "12 september 2026", "en": "12 September 2026"}


def _whole_home(content: Checklist, date: str, hazards: int, answered: int | None = None
                ) -> Assessment:
    """Every question answered (or the first ``answered`` points of the home): the first
    ``hazards`` points of the home hazards, the rest fine."""
    home = [item.id for item in content.items() if is_home_item(item)]
    others = [item.id for item in content.items() if not is_home_item(item)]
    ids = home[:answered] if answered is not None else home + others
    return Assessment.new(content, date=date, answers={
        item_id: Answer("hazard" if n < hazards else "ok") for n, item_id in enumerate(ids)
    })


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_partial_follow_up_shows_no_score_change(qtbot, make_wizard, language: str) -> None:
    wizard = make_wizard(Settings(language=language))
    content = checklist()
    # The user trial: 7 questions answered now, all fine; the whole home before.
    followup = compare(content, _whole_home(content, "2026-09-12", 10),
                       _whole_home(content, "2026-11-02", 0, answered=7))
    assert followup.score_after == 100
    box = FollowUpBox(wizard.ctx)  # the summary page's box
    qtbot.addWidget(box)
    box.show_followup(followup)
    points = sum(1 for item in content.items() if is_home_item(item))
    t = catalogue(language)
    said = t("report.progress.score_not_comparable_now", date=SINCE[language], before=points,
             after=7, points=points)
    assert box.score.text() == said
    assert "100" not in box.score.text()
    assert t("ui.followup.higher", diff=100 - (followup.score_before or 0)) not in box.score.text()
    # The PDF says the same, from the same function.
    assert said in build_progress(content, followup, language, SINCE[language]).summary


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_complete_follow_up_shows_the_score_change(qtbot, make_wizard, language: str) -> None:
    wizard = make_wizard(Settings(language=language))
    content = checklist()
    followup = compare(content, _whole_home(content, "2026-09-12", 10),
                       _whole_home(content, "2026-11-02", 2))
    before, after = followup.score_before, followup.score_after
    assert before is not None and after is not None and before < after
    box = FollowUpBox(wizard.ctx)  # the summary page's box
    qtbot.addWidget(box)
    box.show_followup(followup)
    t = catalogue(language)
    assert box.score.text() == t("ui.followup.score", date=SINCE[language], before=before,
                                 after=after, change=t("ui.followup.higher", diff=after - before))
