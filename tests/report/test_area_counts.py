"""One way of counting per part of the home: the score's area counts, the action list, the
PDF's area overview, the summary's area rows and the side panel agree for every area.

An item about the person (group "person", such as "Do you often have to rush to the toilet?")
is asked in its room and its action is listed under that room, so it counts in that room's
hazards, answers and open actions (docs/scoring.md); only the percentage leaves it out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homecheck.domain.actions import build_actions
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import Checklist, checklist
from homecheck.domain.followup import area_changes
from homecheck.domain.scoring import is_home_item, score_home
from homecheck.i18n import catalogue
from homecheck.report.model import build_report
from homecheck.session.views import CheckViews
from tests.domain.strategies import answers_for
from tests.report.conftest import make_assessment, pages_text, squash

CONTENT = checklist()
PERSON_ITEMS = [item.id for item in CONTENT.items() if not is_home_item(item)]


class Views(CheckViews):
    """The session's views of one check, as the summary and the side panel use them."""

    def __init__(self, content: Checklist, assessment: Assessment) -> None:
        self.checklist = content
        self.assessment = assessment
        self.previous = None


def listed_by_area(content: Checklist, assessment: Assessment) -> Counter[str]:
    """How many hazard actions the action list shows under each part of the home."""
    return Counter(
        a.area_id for a in build_actions(content, assessment) if not a.is_person_action
    )


def check_counts_agree(content: Checklist, assessment: Assessment, language: str) -> None:
    """Every place that counts per area says the same as the action list."""
    t = catalogue(language)
    views = Views(content, assessment)
    home = views.score()  # what the summary's area rows show
    listed = listed_by_area(content, assessment)
    model = build_report(content, assessment, language)
    for area in home.areas:
        title = content.area(area.area_id).title(language)
        assert area.hazards == listed[area.area_id], title
        # The side panel's "x of y answered" and the summary row's "x of y answered".
        assert views.progress(area.area_id) == (area.answered, area.total), title
        no_hazard_line = t("report.areas.ok_line", area=title)
        assert (no_hazard_line in model.checked_ok) == (
            area.hazards == 0 and area.answered > area.not_applicable
        ), title
        assert area.hazards == 0 or no_hazard_line not in model.checked_ok, title
    assert home.hazards == sum(listed.values())
    # A follow-up's open actions per area (nothing ticked done here: all of them are open).
    changes = {c.area_id: c.after for c in area_changes(content, assessment, assessment)}
    for area in home.areas:
        if listed[area.area_id]:
            assert changes[area.area_id] == listed[area.area_id]


def test_the_shipped_checklist_has_person_items_in_rooms() -> None:
    # Without them this file tests nothing special.
    assert "toilet.rushing_urge" in PERSON_ITEMS
    assert len(PERSON_ITEMS) >= 3


def test_rushing_to_the_toilet_counts_under_the_toilet_everywhere(
    content: Checklist, render: Callable[..., bytes]
) -> None:
    """The trial: "hazard" on the toilet's person item, "ok" on its other questions."""
    toilet = [item.id for item in content.area("toilet").items]
    assessment = make_assessment(
        content,
        hazards=["toilet.rushing_urge"],
        ok=[i for i in toilet if i != "toilet.rushing_urge"],
        language="nl",
    )
    check_counts_agree(content, assessment, "nl")
    area = next(a for a in score_home(content, assessment).areas if a.area_id == "toilet")
    assert (area.hazards, area.answered, area.total) == (1, len(toilet), len(toilet))
    # The PDF, read back: no "checked, no hazard found" for the toilet, and its action listed.
    text = squash("".join(pages_text(render(content, assessment, "nl"))))
    title = content.area("toilet").title("nl")
    assert squash(catalogue("nl")("report.areas.ok_line", area=title)) not in text
    assert squash(content.item("toilet.rushing_urge").fix("nl")) in text
    # The score stays the share of the home's own points that were fine.
    assert area.score == 100


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=answers_for([item.id for item in CONTENT.items()], plain=True),
    language=st.sampled_from(["nl", "en"]),
)
def test_area_counts_agree_for_any_answers(answers: dict[str, Answer], language: str) -> None:
    assessment = make_assessment(CONTENT, language=language)
    assessment.answers.update(answers)
    check_counts_agree(CONTENT, assessment, language)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answers_for(PERSON_ITEMS, plain=True))
def test_the_pdf_overview_agrees_with_the_action_list(
    answers: dict[str, Answer], content: Checklist, render: Callable[..., bytes]
) -> None:
    """Home items all fine, person items answered anyhow: the PDF read back says "no hazard
    found" for exactly the areas with no action listed."""
    home_items = [item.id for item in content.items() if is_home_item(item)]
    assessment = make_assessment(content, ok=home_items, language="en")
    assessment.answers.update(answers)
    text = squash("".join(pages_text(render(content, assessment, "en"))))
    listed = listed_by_area(content, assessment)
    t = catalogue("en")
    for area in score_home(content, assessment).areas:
        title = content.area(area.area_id).title("en")
        said_fine = squash(t("report.areas.ok_line", area=title)) in text
        assert said_fine == (listed[area.area_id] == 0), title
