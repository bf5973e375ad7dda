"""The full action list as printed: how an action that runs over a page end is split."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from homecheck.domain.assessment import Answer, Assessment, read_file
from homecheck.domain.content import Checklist
from homecheck.domain.followup import compare
from homecheck.i18n import catalogue
from tests.report.conftest import pages_text
from tests.report.test_every_text import EXAMPLES

Render = Callable[..., bytes]


def _follow_up(content: Checklist) -> tuple[Assessment, Assessment]:
    """The therapist visit again seven weeks later: three hazards fixed, one new."""
    before = read_file(EXAMPLES / "therapist-visit.json", content)
    after = read_file(EXAMPLES / "therapist-visit.json", content)
    after.date = "2027-01-12"
    for item_id in ("stairs.rail_full_length", "living.walking_path_blocked",
                    "bedroom.no_lamp_within_reach"):
        after.answers[item_id] = Answer("ok")
    after.answers["kitchen.slippery_floor_or_mat"] = Answer("hazard")
    return before, after


@pytest.mark.parametrize(
    ("example", "large"),
    [("follow-up", False), ("full-check.json", True), ("therapist-visit.json", True)],
)
@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_who_can_help_never_starts_a_page_alone(
    content: Checklist, render: Render, example: str, large: bool, language: str, paper: str
) -> None:
    """An action split over a page end takes at least the line above "Who can help: … · Done
    on: ____" with it: that line alone at the top of a page, its box and fix on the page
    before, is a tick box without its "done on" line."""
    t = catalogue(language)
    followup = None
    if example == "follow-up":
        before, assessment = _follow_up(content)
        followup = compare(content, before, assessment)
    else:
        assessment = read_file(EXAMPLES / example, content)
    pdf = render(content, assessment, language, paper, large_print=large, followup=followup)
    starts = (f"{t('report.actions.who')}:", f"{t('report.actions.done')}:")
    for number, text in enumerate(pages_text(pdf), start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if len(lines) > 1 and t("report.continued", section="") in lines[0]:
            assert not lines[1].startswith(starts), (number, lines[:2])
