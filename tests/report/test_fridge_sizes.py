"""Page 1 read back with pdfium's text API: the first eight "now" fixes, nothing under 14 pt.

The contract of `homecheck report`: page 1 carries the fix text of the first 8 "now" actions in
list order (compared ignoring line breaks, hyphenation and spacing) and no text smaller than
14 pt except the footer (the bottom 8 % of the page). Checked on generated checks: no, one,
eight and twenty "now" actions, short and long fix texts, with and without "until then" lines,
filled in by the person, a caregiver or a therapist, in both languages, normal and large print,
on A4 and Letter. Large print is never smaller than normal print, and larger where there is room.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from homecheck.domain.actions import build_actions
from homecheck.domain.assessment import Assessment, read_file
from homecheck.domain.content import Area, Checklist, Item, Text, checklist
from homecheck.domain.wording import action_texts
from homecheck.i18n import catalogue
from homecheck.report.model import build_report
from homecheck.report.pdf import FOOTER_ZONE
from homecheck.report.styles import FRIDGE_MIN, sizes
from tests.report.conftest import make_assessment
from tests.report.test_every_text import EXAMPLES, plain

Render = Callable[..., bytes]
LONG = {
    "nl": "zet er een stevige leuning aan beide kanten die je de hele weg goed kunt vastpakken, "
    "ook boven aan de trap en beneden bij de laatste tree, en vraag iemand om te helpen",
    "en": "have a firm rail fitted on both sides that you can hold all the way, also at the top "
    "and past the last step at the bottom, and ask someone to help you with it",
}


@dataclass(frozen=True)
class Char:
    size: float
    bottom: float  # points from the bottom of the page


def page_chars(pdf: bytes, index: int) -> tuple[list[Char], str, float]:
    """The visible characters of one page with their font size, its plain text, its height."""
    document = pdfium.PdfDocument(pdf)
    page = document[index]
    height = page.get_height()
    text = page.get_textpage()
    chars = []
    for n in range(text.count_chars()):
        if chr(pdfium_c.FPDFText_GetUnicode(text.raw, n)).isspace():
            continue
        _, bottom, _, _ = text.get_charbox(n)
        chars.append(Char(pdfium_c.FPDFText_GetFontSize(text.raw, n), bottom))
    return chars, plain(text.get_text_range()), height


def body_sizes(pdf: bytes, index: int) -> list[float]:
    """The font sizes of every character of a page above the footer zone."""
    chars, _, height = page_chars(pdf, index)
    return [char.size for char in chars if char.bottom >= height * FOOTER_ZONE]


def generated(now: int, long: bool, until_then: bool) -> Checklist:
    """A checklist of ``now`` "now" items and three "soon" ones, in areas of up to six."""
    items = []
    for n in range(now + 3):
        area = f"area{n // 6}"
        words = {lang: f"{n + 1}: " + (LONG[lang] if long else "fix it") + "." for lang in LONG}
        interim = Text({"nl": f"Tot dan {n + 1}: loop heel rustig en doe het licht aan.",
                        "en": f"Until then {n + 1}: walk very slowly, with the light on."})
        items.append(
            Item(
                id=f"{area}.item{n}",
                area=area,
                severity=3 if n < now else 2,
                helpers=("handyman",),
                sources=(next(iter(checklist().sources)),),
                question=Text({"nl": f"Vraag {n}?", "en": f"Question {n}?"}),
                why=Text({"nl": f"Waarom {n}.", "en": f"Why {n}."}),
                fix=Text({"nl": "Oplossing " + words["nl"], "en": "Fix " + words["en"]}),
                until_then=interim if until_then and n % 2 == 0 else None,
            )
        )
    areas = []
    for a in range(-(-len(items) // 6)):
        title = Text({"nl": f"Ruimte {a}", "en": f"Room {a}"})
        own = tuple(item for item in items if item.area == f"area{a}")
        areas.append(Area(f"area{a}", title, title, True, own))
    return Checklist(areas=tuple(areas), sources=checklist().sources)


def check_of(content: Checklist, role: str, language: str) -> Assessment:
    assessor = "Anna de Vries, fysiotherapeut" if role == "therapist" else ""
    return make_assessment(
        content,
        hazards=[item.id for item in content.items()],
        role=role,
        assessor=assessor,
        language=language,
        client="Mevrouw J. van der Berg-Hoogeveen",
    )


def now_fixes(content: Checklist, assessment: Assessment, language: str) -> list[str]:
    t = catalogue(language)
    return [
        action_texts(action, t, content, assessment.intake, assessment.role).fix
        for action in build_actions(content, assessment)
        if action.priority == "now"
    ]


def assert_page_1_contract(pdf: bytes, fixes: list[str]) -> None:
    chars, text, height = page_chars(pdf, 0)
    small = [c for c in chars if c.size < FRIDGE_MIN - 0.01 and c.bottom >= height * FOOTER_ZONE]
    assert not small, f"{len(small)} characters under {FRIDGE_MIN} pt above the footer"
    where = [text.find(plain(fix)) for fix in fixes[:8]]
    assert all(n >= 0 for n in where), [f for f, n in zip(fixes, where, strict=False) if n < 0]
    assert where == sorted(where), "not in list order"


CASES = [
    pytest.param(now, long, until, role, language, paper,
                 id=f"{now}now-{'long' if long else 'short'}{'-until' if until else ''}-{role}-"
                 f"{language}-{paper}")
    for now, long, until, role, language, paper in (
        (0, False, False, "self", "nl", "A4"),
        (1, True, True, "therapist", "en", "letter"),
        (1, False, False, "caregiver", "nl", "A4"),
        (3, True, True, "self", "en", "A4"),
        (8, False, False, "therapist", "nl", "letter"),
        (8, True, True, "therapist", "nl", "A4"),
        (8, True, True, "caregiver", "en", "letter"),
        (9, True, False, "self", "nl", "letter"),
        (20, False, True, "caregiver", "en", "A4"),
        (20, True, True, "therapist", "nl", "A4"),
        (20, True, True, "self", "en", "letter"),
    )
]


@pytest.mark.parametrize(("now", "long", "until", "role", "language", "paper"), CASES)
def test_page_1_in_normal_and_large_print(
    render: Render, now: int, long: bool, until: bool, role: str, language: str, paper: str
) -> None:
    content = generated(now, long, until)
    assessment = check_of(content, role, language)
    fixes = now_fixes(content, assessment, language)
    assert len(fixes) == now
    normal = render(content, assessment, language, paper)
    large = render(content, assessment, language, paper, large_print=True)
    fridge = build_report(content, assessment, language).fridge
    t = catalogue(language)
    for pdf in (normal, large):
        assert_page_1_contract(pdf, fixes)
        # What gives way when page 1 is full is on page 2: the next step, the lines to write on.
        start = page_chars(pdf, 0)[1] + page_chars(pdf, 1)[1]
        for text in (fridge.next_step, fridge.therapist, t("report.fridge.neighbour")):
            assert plain(text) in start
        # Page 1 never runs over onto a page of its own: page 2 holds the overview.
        assert plain(t("report.title")) in page_chars(pdf, 1)[1]
    # Large print is never smaller than normal print: the type of most of page 1 and its
    # smallest type; with room to spare (a few actions) it is set larger than the normal size.
    normal_sizes, large_sizes = body_sizes(normal, 0), body_sizes(large, 0)
    assert statistics.mode(large_sizes) >= statistics.mode(normal_sizes)
    assert min(large_sizes) >= min(normal_sizes)
    if now <= 3:
        assert statistics.mode(large_sizes) > statistics.mode(normal_sizes)
        assert min(large_sizes) >= sizes(True).body


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_the_real_checklist_all_hazards(
    content: Checklist, render: Render, language: str, paper: str
) -> None:
    assessment = check_of(content, "therapist", language)
    assessment.intake = {"key_fallen": True, "key_worried": True, "fesi": [4] * 7}
    fixes = now_fixes(content, assessment, language)
    assert len(fixes) > 8
    for large in (False, True):
        assert_page_1_contract(render(content, assessment, language, paper, large_print=large),
                               fixes)


@pytest.mark.parametrize("now", [1, 20])
def test_the_rest_of_large_print_is_at_least_the_large_body_size(render: Render, now: int) -> None:
    content = generated(now, True, True)
    assessment = check_of(content, "therapist", "nl")
    pdf = render(content, assessment, "nl", "A4", large_print=True)
    for page in range(1, len(pdfium.PdfDocument(pdf))):
        assert min(body_sizes(pdf, page)) >= sizes(True).body, f"page {page + 1}"


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", ["therapist-visit.json", "therapist-visit-v2.json",
                                  "full-check.json"])
def test_the_examples_in_large_print_keep_page_1_at_the_large_size(
    content: Checklist, render: Render, name: str, language: str
) -> None:
    """Eleven "now" actions: the next step gives way (page 2 starts with it), not the type."""
    assessment = read_file(EXAMPLES / name, content)
    pdf = render(content, assessment, language, "A4", large_print=True)
    assert min(body_sizes(pdf, 0)) >= sizes(True).body
    assert_page_1_contract(pdf, now_fixes(content, assessment, language))


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_eight_long_fixes_with_until_then_and_done_lines_stay_on_page_1(
    render: Render, language: str, large: bool
) -> None:
    """The fullest page 1: "until then" and "done on" lines give way before a fix would."""
    content = generated(12, True, True)
    assessment = check_of(content, "caregiver", language)
    for item in list(content.items())[1:8:2]:
        assessment.answers[item.id].done = "2025-11-20"
    pdf = render(content, assessment, language, "A4", large_print=large)
    assert_page_1_contract(pdf, now_fixes(content, assessment, language))
    assert plain(catalogue(language)("report.title")) in page_chars(pdf, 1)[1]
