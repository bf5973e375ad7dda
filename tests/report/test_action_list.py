"""The full action list as printed: how an action that runs over a page end is split."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from homecheck.domain.assessment import read_file
from homecheck.domain.content import Checklist
from homecheck.domain.followup import compare
from homecheck.i18n import catalogue
from tests.report.conftest import EXAMPLES, follow_up, pages_text

Render = Callable[..., bytes]


@pytest.mark.parametrize(
    ("example", "large"),
    [("follow-up", False), ("full-check.json", True), ("therapist-visit.json", True)],
)
@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_who_can_help_and_a_short_note_never_start_a_page_alone(
    content: Checklist, render: Render, example: str, large: bool, language: str, paper: str
) -> None:
    """An action split over a page end takes at least the line above "Who can help: … · Done
    on: ____" with it: that line alone at the top of a page, its box and fix on the page
    before, is a tick box without its "done on" line. Nor does a short note go on alone."""
    t = catalogue(language)
    followup = None
    if example == "follow-up":
        before, assessment = follow_up(content)
        followup = compare(content, before, assessment)
    else:
        assessment = read_file(EXAMPLES / example, content)
    pdf = render(content, assessment, language, paper, large_print=large, followup=followup)
    starts = tuple(f"{t(f'report.actions.{key}')}:" for key in ("who", "done", "note"))
    for number, text in enumerate(pages_text(pdf), start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if len(lines) > 1 and t("report.continued", section="") in lines[0]:
            assert not lines[1].startswith(starts), (number, lines[:2])
