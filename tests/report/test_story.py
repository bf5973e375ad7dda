"""The story's parts on paper: a page that a part of page 2 runs on to says so at the top."""

from __future__ import annotations

from collections.abc import Callable

from homecheck.domain.assessment import read_file
from homecheck.domain.content import Checklist
from homecheck.domain.followup import compare
from homecheck.i18n import catalogue
from tests.report.conftest import EXAMPLES, follow_up, pages_text

Render = Callable[..., bytes]


def _first_lines(pdf: bytes) -> list[str]:
    """The first line of every page from page 2 on (the top line, when there is one)."""
    return [text.splitlines()[0].strip() for text in pages_text(pdf)[1:] if text.strip()]


def test_a_page_the_person_part_runs_on_to_says_continued(
    content: Checklist, render: Render
) -> None:
    """"About the person" can run over the page end in the middle of its answers ("Slecht
    zien: Nee" at the top of page 3): that page then starts with "Over de persoon, vervolg",
    as a page that a group of actions runs on to does."""
    named = 0
    for language in ("nl", "en"):
        t = catalogue(language)
        heading = t("report.person.heading_other")
        starts = {t("report.continued", section=heading), heading, t("report.actions.heading")}
        assessment = read_file(EXAMPLES / "therapist-visit-v2.json", content)
        for paper in ("A4", "letter"):
            third = _first_lines(render(content, assessment, language, paper))[1]
            assert third in starts, (language, paper, third)
            named += third == t("report.continued", section=heading)
    assert named >= 2


def test_a_page_the_progress_runs_on_to_says_continued(
    content: Checklist, render: Render
) -> None:
    """The progress since last time can run on to page 3 ("Done or fixed (3)" at its top):
    that page starts with "Progress since 24 November 2026, continued"."""
    before, after = follow_up(content)
    followup = compare(content, before, after)
    t = catalogue("en")
    pdf = render(content, after, "en", "A4", followup=followup)
    heading = t("report.progress.heading", date="24 November 2026")
    assert _first_lines(pdf)[1] == t("report.continued", section=heading)
