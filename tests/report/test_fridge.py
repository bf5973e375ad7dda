"""Page 1, the fridge page: the "now" actions in large print, and the compact list after it."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader

from homecheck.domain.actions import build_actions
from homecheck.domain.assessment import Assessment, read_file
from homecheck.domain.content import Checklist
from homecheck.domain.wording import for_role
from homecheck.i18n import catalogue
from homecheck.report.model import build_report
from homecheck.report.paper import MM
from homecheck.report.pdf import FOOTER_ZONE
from tests.report.conftest import (
    all_hazards,
    all_ok,
    make_assessment,
    pages_text,
    squash,
    synthetic_checklist,
)

Render = Callable[..., bytes]
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"


def text_runs(pdf: bytes, page: int) -> list[tuple[str, float, float]]:
    """(text, size in points, baseline height from the bottom) of every text run on a page."""
    runs: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = (abs(tm[0] * tm[3]) * abs(cm[0] * cm[3])) ** 0.5
            runs.append((text, size * scale, cm[5] + tm[5] * cm[3]))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return runs


def page_height(pdf: bytes) -> float:
    return float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)


def now_fixes(content: Checklist, assessment: Assessment, language: str) -> list[str]:
    t = catalogue(language)
    out = []
    for action in build_actions(content, assessment):
        if action.priority != "now":
            continue
        if action.is_person_action:
            out.append(for_role(t, f"action.{action.item_id}.fix", assessment.role))
        else:
            out.append(content.item(action.item_id).fix(language))
    return out


def assert_small_text_only_in_the_footer(pdf: bytes) -> None:
    bottom = page_height(pdf) * FOOTER_ZONE
    for text, size, y in text_runs(pdf, 0):
        if size < 14 - 1e-6:
            assert y < bottom, f"{text!r} is {size} pt at {y:.0f} pt, above the footer zone"


CASES = [
    pytest.param(language, paper, large, id=f"{language}-{paper}-{'large' if large else 'normal'}")
    for language in ("nl", "en")
    for paper in ("A4", "letter")
    for large in (False, True)
]


@pytest.mark.parametrize(("language", "paper", "large"), CASES)
def test_page_1_has_the_first_eight_now_fixes_and_nothing_under_14_pt(
    content: Checklist, render: Render, language: str, paper: str, large: bool
) -> None:
    assessment = all_hazards(content, language=language, role="therapist", assessor="A. de Vries")
    assessment.intake = {"key_fallen": True, "fesi": [4] * 7}
    pdf = render(content, assessment, language, paper, large_print=large)
    first = squash(pages_text(pdf)[0])
    fixes = [squash(fix) for fix in now_fixes(content, assessment, language)]
    assert len(fixes) > 8
    where = [first.find(fix) for fix in fixes[:8]]
    assert all(n >= 0 for n in where), [f for f, n in zip(fixes, where, strict=True) if n < 0]
    assert where == sorted(where), "not in list order"
    assert_small_text_only_in_the_footer(pdf)
    t = catalogue(language)
    shown = sum(1 for fix in fixes if fix in first)
    more = len(fixes) - shown
    assert squash(t("report.fridge.more_many", count=more)) in first
    for key in ("next_check", "gp", "physio", "neighbour"):
        assert squash(t(f"report.fridge.{key}")) in first
    assert squash(t("report.fridge.therapist", name="A. de Vries")) in first


def test_until_then_lines_are_on_the_fridge_page(content: Checklist, render: Render) -> None:
    interim = [item for item in content.items() if item.severity == 3 and item.until_then]
    assert interim, "the checklist has until-then lines"
    assessment = make_assessment(content, hazards=[item.id for item in interim[:4]])
    first = squash(pages_text(render(content, assessment, "nl", "A4"))[0])
    for item in interim[:4]:
        assert item.until_then is not None
        assert squash(item.fix("nl")) in first
        assert squash(item.until_then("nl")) in first
    assert squash(catalogue("nl")("report.fridge.more_one", count=1)) not in first


def test_two_hundred_now_actions_still_give_a_fridge_page(render: Render) -> None:
    big = synthetic_checklist(200)
    assessment = make_assessment(
        big, hazards=[i.id for i in big.items() if i.severity == 3], client="X" * 300
    )
    pdf = render(big, assessment, "en", "A4", large_print=True)
    first = squash(pages_text(pdf)[0])
    fixes = [squash(fix) for fix in now_fixes(big, assessment, "en")]
    assert all(fix in first for fix in fixes[:8])
    assert_small_text_only_in_the_footer(pdf)


def test_nothing_now_says_so_and_shows_the_soon_list(content: Checklist, render: Render) -> None:
    soon = [item for item in content.items() if item.severity == 2][:3]
    assessment = make_assessment(content, hazards=[item.id for item in soon], language="en")
    first = squash(pages_text(render(content, assessment, "en", "A4"))[0])
    t = catalogue("en")
    assert squash(t("report.fridge.nothing_now")) in first
    assert squash(t("report.fridge.soon_heading")) in first
    for item in soon:
        assert squash(item.fix("en")) in first
    assert squash(t("report.fridge.heading")) not in first


def test_now_actions_all_done_are_ticked_and_the_soon_list_follows(
    content: Checklist, render: Render
) -> None:
    now = next(item for item in content.items() if item.severity == 3)
    soon = next(item for item in content.items() if item.severity == 2)
    assessment = make_assessment(content, hazards=[now.id, soon.id], language="en")
    assessment.answers[now.id].done = "2025-11-20"
    first = squash(pages_text(render(content, assessment, "en", "A4"))[0])
    t = catalogue("en")
    assert squash(now.fix("en")) in first
    assert squash(t("report.fridge.done", date="20 November 2025")) in first
    assert squash(t("report.fridge.nothing_now")) in first
    assert squash(soon.fix("en")) in first


def test_a_home_without_hazards_has_a_fridge_page_too(content: Checklist, render: Render) -> None:
    pdf = render(content, all_ok(content, role="self"), "nl", "A4")
    first = squash(pages_text(pdf)[0])
    t = catalogue("nl")
    assert squash(t("report.fridge.nothing_now")) in first
    assert squash(t("report.fridge.phones")) in first
    assert squash(t("report.fridge.therapist", name="")) not in first
    assert_small_text_only_in_the_footer(pdf)


def test_who_and_when_open_the_page(content: Checklist, render: Render) -> None:
    assessment = all_hazards(content, client="Mevr J", date="2026-11-24", language="nl")
    first = pages_text(render(content, assessment, "nl", "A4"))[0]
    assert first.splitlines()[0] == "Mevr J · check van 24 november 2026"
    own = all_hazards(content, client="", date="2026-11-24", language="en")
    first = pages_text(render(content, own, "en", "A4"))[0]
    assert first.splitlines()[0] == "Check of 24 November 2026"


def test_page_2_starts_with_what_the_old_cover_held(content: Checklist, render: Render) -> None:
    assessment = all_hazards(content, language="en")
    second = squash(pages_text(render(content, assessment, "en", "A4"))[1])
    t = catalogue("en")
    assert second.startswith(squash(t("report.title")))
    assert squash(t("report.score.heading")) in second
    assert squash(t("report.counts.heading")) in second


@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", ["therapist-visit.json", "therapist-visit-v2.json"])
def test_the_therapist_visit_example_fits_in_seven_pages(
    content: Checklist, render: Render, language: str, name: str, paper: str
) -> None:
    """Advice pages included, on A4 and on Letter (6.5 % shorter) alike."""
    assessment = read_file(EXAMPLES / name, content)
    pdf = render(content, assessment, language, paper)
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 7


@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("name", ["therapist-visit.json", "full-check.json"])
def test_no_half_empty_pages_in_the_list(
    content: Checklist, render: Render, name: str, paper: str
) -> None:
    """Every page but the fridge page and the last is filled at least down to its lower half."""
    assessment = read_file(EXAMPLES / name, content)
    pdf = render(content, assessment, None, paper)
    height = page_height(pdf)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    for page in range(1, pages - 1):
        body = [y for text, size, y in text_runs(pdf, page) if y > height * FOOTER_ZONE]
        assert min(body) < height * 0.35, f"page {page + 1} ends at {min(body) / height:.0%}"


def test_large_print_sets_the_whole_list_larger(content: Checklist, render: Render) -> None:
    assessment = all_hazards(content, language="en")
    normal = render(content, assessment, "en", "A4")
    large = render(content, assessment, "en", "A4", large_print=True)
    for pdf, smallest in ((normal, 11.5), (large, 16)):
        for page in range(1, 4):
            sizes = [size for _, size, y in text_runs(pdf, page) if y > 842 * FOOTER_ZONE]
            assert min(sizes) >= smallest, (page, min(sizes))
    assert len(PdfReader(io.BytesIO(large)).pages) > len(PdfReader(io.BytesIO(normal)).pages)


def test_a_check_with_nothing_answered_does_not_say_nothing_needs_doing(
    content: Checklist, render: Render
) -> None:
    """An empty check is not a safe home: page 1 asks to go through the questions first."""
    empty = read_file(EXAMPLES / "empty-home.json", content)
    assert not empty.answers
    first = squash(pages_text(render(content, empty, "nl", "A4"))[0])
    t = catalogue("nl")
    assert squash(t("report.fridge.nothing_checked")) in first
    assert squash(t("report.fridge.nothing_now")) not in first


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", ["therapist-visit.json", "therapist-visit-v2.json"])
def test_about_you_flows_on_so_page_2_is_used_to_its_end(
    content: Checklist, render: Render, name: str, language: str
) -> None:
    """A long table of answers or the Short FES-I sentences do not jump whole to page 3."""
    assessment = read_file(EXAMPLES / name, content)
    pdf = render(content, assessment, language, "A4")
    height = page_height(pdf)
    body = [y for _, _, y in text_runs(pdf, 1) if y > height * FOOTER_ZONE]
    assert min(body) < height * 0.2, f"page 2 ends at {min(body) / height:.0%}"


def _last_lines(pdf: bytes) -> list[str]:
    """The lowest line of text above the footer on every page."""
    height = page_height(pdf)
    out = []
    for page in range(len(PdfReader(io.BytesIO(pdf)).pages)):
        runs = [(y, text.strip()) for text, _, y in text_runs(pdf, page)
                if y > height * FOOTER_ZONE and text.strip()]
        lowest = min(y for y, _ in runs)
        out.append(" ".join(text for y, text in runs if abs(y - lowest) < 1))
    return out


@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("name", ["therapist-visit.json", "full-check.json"])
def test_no_heading_ends_a_page_and_large_print_leaves_no_big_gaps(
    content: Checklist, render: Render, name: str, large: bool, paper: str
) -> None:
    """A big action rather splits after its fix and "until then" than leaves a fifth of a page
    empty; the headings above it never stay behind at the bottom of a page."""
    assessment = read_file(EXAMPLES / name, content)
    language = assessment.language
    pdf = render(content, assessment, language, paper, large_print=large)
    model = build_report(content, assessment, language)
    headings = {catalogue(language)("report.actions.heading")}
    for group in model.groups:
        headings.add(group.title)
        headings.update(area.title for area in group.areas)
    for number, line in enumerate(_last_lines(pdf), start=1):
        assert line not in headings, f"page {number} ends with the heading {line!r}"
    height = page_height(pdf)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    for page in range(2, pages - 1):  # the list pages (page 2 ends before the list starts)
        body = [y for _, _, y in text_runs(pdf, page) if y > height * FOOTER_ZONE]
        assert min(body) < height * 0.3, f"page {page + 1} ends at {min(body) / height:.0%}"



def _write_in_lines(pdf: bytes, labels: list[str]) -> dict[str, float]:
    """The length in mm of the line printed right after each label on page 1."""
    page = pdfium.PdfDocument(pdf)[0]
    rules = []  # horizontal lines: (left, y, right)
    for obj in page.get_objects():
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            if top - bottom < 2 and right - left > 10:
                rules.append((left, (top + bottom) / 2, right))
    text = page.get_textpage()
    out = {}
    for label in labels:
        found = text.search(label, match_case=True).get_next()
        assert found is not None, label
        start, count = found
        _, bottom, right, top = text.get_charbox(start + count - 1)
        after = [r for r in rules if right < r[0] < right + 12 and bottom - 6 < r[1] < top]
        assert after, label
        out[label] = (after[0][2] - after[0][0]) / MM
    return out


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", ["full-check.json", "therapist-visit.json", "empty-home.json"])
def test_a_phone_number_fits_on_its_line(
    content: Checklist, render: Render, name: str, language: str, paper: str, large: bool
) -> None:
    """Page 1 has room for three phone numbers: each line (GP, physiotherapist, neighbour) is
    long enough for ten handwritten digits, 40 mm. "Physiotherapist:" left 35 mm in a
    half-width column while "GP:" had 80 mm."""
    assessment = read_file(EXAMPLES / name, content)
    pdf = render(content, assessment, language, paper, large_print=large)
    t = catalogue(language)
    phones = [t(f"report.fridge.{key}") for key in ("gp", "physio", "neighbour")]
    for label, length in _write_in_lines(pdf, phones).items():
        assert length >= 40, (label, round(length))
