"""The PDF read back: actions by priority, page numbers, metadata, languages and paper."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from homecheck.domain.actions import PRIORITY_BY_SEVERITY, build_actions
from homecheck.domain.advice import advice_sections
from homecheck.domain.assessment import Answer, Assessment, read_file
from homecheck.domain.content import Checklist
from homecheck.domain.followup import compare
from homecheck.domain.wording import action_texts, for_role
from homecheck.i18n import catalogue
from homecheck.report.pdf import FOOTER_ZONE
from homecheck.report.styles import sizes
from tests.report.conftest import (
    all_hazards,
    all_ok,
    follow_up,
    make_assessment,
    pages_text,
    squash,
)
from tests.report.test_every_text import EXAMPLES

Render = Callable[..., bytes]


@pytest.fixture(scope="module", params=["nl", "en"])
def full(request: pytest.FixtureRequest, content: Checklist, render: Render) -> tuple[str, bytes]:
    """Every item a hazard, with an intake, in one language."""
    language = request.param
    assessment = all_hazards(content, language=language, assessor="Anna de Vries", role="therapist")
    # No fall and no profile: no hazard is raised, so each stays at its severity's priority.
    assessment.intake = {"key_fallen": False, "key_worried": True, "fesi": [2] * 7}
    return language, render(content, assessment, paper="A4")


def _action_list(pages: list[str], language: str) -> str:
    """The squashed text from the action list heading on (the cover repeats priority names)."""
    text = squash("".join(pages))
    heading = squash(catalogue(language)("report.actions.heading"))
    return text[text.index(heading) :]


def test_every_hazard_fix_is_in_its_priority_group(
    full: tuple[str, bytes], content: Checklist
) -> None:
    language, pdf = full
    t = catalogue(language)
    text = _action_list(pages_text(pdf), language)
    starts = {p: text.index(squash(t(f"priority.{p}"))) for p in ("now", "soon", "later")}
    assert starts["now"] < starts["soon"] < starts["later"]
    ends = {"now": starts["soon"], "soon": starts["later"], "later": len(text)}
    for item in content.items():
        priority = PRIORITY_BY_SEVERITY[item.severity]
        fix = squash(item.fix(language, "therapist"))  # filled in by a therapist
        where = text.find(fix, starts[priority])
        assert 0 <= where < ends[priority], f"{item.id} not under {priority}"


def test_page_x_of_y_on_every_page(full: tuple[str, bytes]) -> None:
    language, pdf = full
    pages = pages_text(pdf)
    assert len(pages) > 5
    for number, text in enumerate(pages, start=1):
        label = catalogue(language)("report.footer_page", page=number, pages=len(pages))
        assert label in text, f"page {number}"


def continued_pages(pdf: bytes, language: str) -> int:
    """Check that every page of the action list a priority group runs on says so at the top (or
    starts the next group itself); return how many pages say "<group>, continued"."""
    t = catalogue(language)
    titles = [t(f"priority.{p}") for p in ("now", "soon", "later")]
    pages = pages_text(pdf)
    start = next(n for n, text in enumerate(pages) if t("report.actions.heading") in text)
    current = None
    continued = 0
    for number, text in enumerate(pages[start:], start + 1):
        lines = [line.strip() for line in text.splitlines()]
        # "<group>, continued", or "<group>, continued · <the action the page starts in>"
        starts = [line.split(" · ", 1)[0] for line in lines]
        headers = [title for title in titles if t("report.continued", section=title) in starts]
        if headers:
            continued += 1
            assert headers == [current], f"page {number}"
        elif current is not None and t("report.actions.done") + ":" in text:
            # A page with actions but no header must start the next group itself.
            later = titles[titles.index(current) + 1 :]
            assert any(title in lines for title in later), f"page {number} has no header"
        for title in titles:
            if title in lines:
                current = title
    return continued


def test_pages_a_priority_group_continues_on_say_so_at_the_top(full: tuple[str, bytes]) -> None:
    language, pdf = full
    assert continued_pages(pdf, language) >= 3


@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_page_that_a_group_s_first_action_runs_on_to_says_continued(
    content: Checklist, render: Render, language: str, paper: str
) -> None:
    """In large print the therapist visit's first action, under the group's heading, runs over
    the page end: the next page, which starts inside that action, names the group too."""
    assessment = read_file(EXAMPLES / "therapist-visit.json", content)
    pdf = render(content, assessment, language, paper, large_print=True)
    assert continued_pages(pdf, language) >= 4


def test_footer_has_date_and_client_on_every_page(full: tuple[str, bytes]) -> None:
    language, pdf = full
    date = "25 november 2025" if language == "nl" else "25 November 2025"
    for text in pages_text(pdf):
        assert date in text
        assert "Mevrouw Jansen" in text


def test_metadata_and_language(full: tuple[str, bytes]) -> None:
    language, pdf = full
    reader = PdfReader(io.BytesIO(pdf))
    t = catalogue(language)
    assert reader.metadata is not None
    assert reader.metadata.title == t("report.title")
    assert reader.metadata.subject == t("report.subject")
    assert reader.metadata.author == "Anna de Vries"
    root = reader.trailer["/Root"].get_object()
    assert isinstance(root, DictionaryObject)
    assert root["/Lang"] == {"nl": "nl-NL", "en": "en-GB"}[language]


def test_cover_has_scores_counts_person_outcome_and_disclaimer(
    full: tuple[str, bytes], content: Checklist
) -> None:
    language, pdf = full
    t = catalogue(language)
    # Page 2 (and on) holds what the old cover held, up to the action list.
    text = squash("".join(pages_text(pdf)[1:]))
    cover = text[: text.index(squash(t("report.actions.heading")))]
    for area in content.areas:  # "Hele huis en de persoon" to a therapist
        assert squash(area.title(language, "therapist")) in cover
    for needle in (
        t("person.score_line", score=0),
        t("report.counts.heading"),
        t("person.now_count_many", count=sum(i.severity == 3 for i in content.items())),
        # Filled in by a therapist: the step worded for someone who fills in for the person.
        t("person.next_step_line", step=t("person.next_step.advice_other")),
        # ... and the score and what the check is not, about the person.
        t("report.person.fesi_score_other", total=14, band=t("fesi_band.high")),
        t("report.read.disclaimer_other"),
        t("report.role.therapist"),
    ):
        assert squash(needle) in cover, needle


def test_advice_page_has_every_section(full: tuple[str, bytes]) -> None:
    language, pdf = full
    text = squash("".join(pages_text(pdf)))
    for section in advice_sections():
        assert squash(section.title(language)) in text
        for point in section.points:  # "de huisarts" to a therapist
            assert squash(point(language, "therapist")) in text


def test_only_the_bundled_fonts_are_used(full: tuple[str, bytes]) -> None:
    _, pdf = full
    fonts = set(re.findall(rb"/BaseFont /([A-Za-z0-9+\-]+)", pdf))
    assert fonts, "no fonts found"
    assert all(b"DejaVuSans" in name for name in fonts), fonts


def test_identical_input_gives_identical_bytes(content: Checklist, render: Render) -> None:
    def one() -> bytes:
        assessment = all_hazards(content)
        assessment.intake = {"key_unsteady": True, "goals": "Wandelen"}
        return render(content, assessment, language="nl", paper="A4")

    assert one() == one()


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_letter_and_large_print_are_byte_identical_too(
    content: Checklist, render: Render, large: bool
) -> None:
    """The page templates (advice columns) and the fridge page's fitting change nothing."""
    first = render(content, all_hazards(content), "en", "letter", large_print=large)
    assert first == render(content, all_hazards(content), "en", "letter", large_print=large)


def test_different_input_gives_different_bytes(content: Checklist, render: Render) -> None:
    first = render(content, all_hazards(content, client="A"), paper="A4")
    second = render(content, all_hazards(content, client="B"), paper="A4")
    assert first != second


def test_language_argument_overrides_the_assessment(content: Checklist, render: Render) -> None:
    assessment = all_hazards(content, language="nl")
    text = squash("".join(pages_text(render(content, assessment, language="en", paper="A4"))))
    assert squash(catalogue("en")("report.title")) in text
    assert squash(catalogue("nl")("report.title")) not in text


def test_no_hazard_says_so_and_still_gives_advice(content: Checklist, render: Render) -> None:
    for language in ("nl", "en"):
        t = catalogue(language)
        text = squash("".join(pages_text(render(content, all_ok(content), language, "A4"))))
        assert squash(t("report.actions.none")) in text
        assert squash(t("report.score.none_found")) in text
        assert squash(t("report.advice.heading")) in text
        assert squash(t("report.areas.ok_line", area=content.areas[0].title(language))) in text
        assert squash(t("priority.now") + ":" + t("report.counts.many", count=0)) in text


def test_done_actions_show_their_date(content: Checklist, render: Render) -> None:
    item = content.areas[0].items[0]
    assessment = make_assessment(content, hazards=[item.id])
    assessment.answers[item.id].done = "2025-12-24"
    text = "".join(pages_text(render(content, assessment, "en", "A4")))
    assert "Done on: 24 December 2025" in text


def test_unanswered_items_are_reported_per_area(content: Checklist, render: Render) -> None:
    stairs = content.area("stairs")
    assessment = make_assessment(content, ok=[stairs.items[0].id], areas=["stairs"])
    text = squash("".join(pages_text(render(content, assessment, "nl", "A4"))))
    line = catalogue("nl")(
        "report.areas.open_line", area=stairs.title("nl"), count=len(stairs.items) - 1,
        total=len(stairs.items),
    )
    assert squash(line) in text


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("letter", (612, 792))])
def test_paper_size(content: Checklist, render: Render, paper: str, size: tuple[int, int]) -> None:
    pdf = render(content, all_ok(content), "en", paper)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_paper_follows_the_locale_when_not_given(
    content: Checklist, render: Render, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    box = PdfReader(io.BytesIO(render(content, all_ok(content)))).pages[0].mediabox
    assert round(float(box.width)) == 612


def test_unknown_language_or_paper_is_refused(content: Checklist, render: Render) -> None:
    with pytest.raises(ValueError, match="language"):
        render(content, all_ok(content), language="de")
    with pytest.raises(ValueError, match="paper"):
        render(content, all_ok(content), paper="A3")


def test_an_area_answered_all_not_applicable_is_checked_with_nothing_to_do(
    content: Checklist,
) -> None:
    """Not "not checked": every point was looked at and does not apply (#16 item 6)."""
    from homecheck.report.pdf import render_pdf

    area = content.areas[-1]
    assessment = make_assessment(content, language="en")
    for item in area.items:
        assessment.answers[item.id] = Answer("na")
    text = squash("".join(pages_text(render_pdf(content, assessment, "en", "A4"))[:3]))
    t = catalogue("en")
    assert squash(t("report.score.nothing_to_do")) in text
    assert squash(t("report.score.not_checked")) in text  # the areas left open


def _column_ends(pdf: bytes, heading: str) -> tuple[float, float, float]:
    """On the last page, below the advice heading (or from the top when it is on an earlier
    page): how far down the left and the right column's text goes, and where the columns start
    (points from the bottom; a column without text ends at its start)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    page = document[len(document) - 1]
    width, height = page.get_width(), page.get_height()
    text = page.get_textpage()
    boxes = [text.get_charbox(n) for n in range(text.count_chars())]
    chars = "".join(text.get_text_range())
    top = height
    found = squash(chars).find(squash(heading))
    if found >= 0:  # the columns start below the heading's line
        visible = [n for n, char in enumerate(chars) if not char.isspace()]
        top = boxes[visible[found]][3] + 1
    lows = {"left": top, "right": top}
    for n, (left, bottom, right, upper) in enumerate(boxes):
        if chars[n : n + 1].isspace() or upper > top or bottom < height * FOOTER_ZONE:
            continue
        side = "left" if (left + right) / 2 < width / 2 else "right"
        lows[side] = min(lows[side], bottom)
    return lows["left"], lows["right"], top


@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "example", ["therapist-visit.json", "therapist-visit-v2.json", "full-check.json",
                "empty-home.json", "follow-up"]
)
def test_the_advice_s_last_page_has_two_columns_about_as_long(
    content: Checklist, render: Render, example: str, language: str, paper: str
) -> None:
    """The advice is set in two columns; where it ends, both columns come out about as long
    (within an eighth of the page) instead of a full left column beside a short or empty right
    one. Only a short end (under a third of the page) may stay in the left column alone."""
    followup = None
    if example == "follow-up":  # the therapist visit again, some hazards fixed, one new
        before, assessment = follow_up(content)
        followup = compare(content, before, assessment)
    else:
        assessment = read_file(EXAMPLES / example, content)
    pdf = render(content, assessment, language, paper, followup=followup)
    height = float(PdfReader(io.BytesIO(pdf)).pages[-1].mediabox.height)
    # "Wat de persoon kan doen" to a therapist, as the examples are filled in.
    heading = for_role(catalogue(language), "report.advice.heading", assessment.role)
    left, right, top = _column_ends(pdf, heading)
    if right < top:  # text in both columns
        assert abs(left - right) <= height / 8, (left, right)
    else:
        assert top - left < height / 3, f"only the left column, {top - left:.0f} pt long"


def _lowest_lines(pdf: bytes, index: int) -> list[tuple[str, float, bool]]:
    """The lowest line of text above the footer in the left and in the right half of a page:
    (its text, its largest type size, whether it is bold)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page = pdfium.PdfDocument(pdf)[index]
    width, height = page.get_width(), page.get_height()
    text = page.get_textpage()
    halves: dict[bool, list[tuple[float, int]]] = {False: [], True: []}
    for n in range(text.count_chars()):
        if not text.get_text_range(n, 1).strip():
            continue
        left, bottom, right, _ = text.get_charbox(n, loose=True)  # descenders or not
        if bottom >= height * FOOTER_ZONE:
            halves[(left + right) / 2 > width / 2].append((bottom, n))
    out = []
    for chars in halves.values():
        if not chars:
            continue
        low = min(bottom for bottom, _ in chars)
        line = [n for bottom, n in chars if bottom - low < 3]
        size = max(pdfium_c.FPDFText_GetFontSize(text.raw, n) for n in line)
        buffer = pdfium_c.FPDFText_GetFontInfo(text.raw, line[0], None, 0, None)
        name = pdfium_c.create_string_buffer(buffer)
        pdfium_c.FPDFText_GetFontInfo(text.raw, line[0], name, buffer, None)
        words = "".join(text.get_text_range(n, 1) for n in sorted(line))
        out.append((words, round(size, 1), b"Bold" in name.value))
    return out


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_heading_ends_a_page_or_a_column(
    content: Checklist, render: Render, language: str, paper: str, large: bool
) -> None:
    """The headings of the list, the notes per part of the home and the advice travel with
    what they head: none is the last line of a page or of the advice's left column (the
    therapist visit ended page 6 with "Notities per deel van het huis", and its English advice
    left "Keep moving" at the foot of a column)."""
    s = sizes(large)
    headings = {s.heading1, s.heading2, s.heading3, s.title}
    for name in ("therapist-visit.json", "therapist-visit-v2.json", "full-check.json"):
        pdf = render(content, read_file(EXAMPLES / name, content), language, paper,
                     large_print=large)
        for index in range(1, len(PdfReader(io.BytesIO(pdf)).pages) - 1):  # not the fridge page
            for words, size, is_bold in _lowest_lines(pdf, index):
                assert not (is_bold and size in headings), (name, index + 1, words)


def test_a_page_that_starts_inside_an_action_names_it_at_the_top(
    content: Checklist, render: Render
) -> None:
    """In large print an action can run over the page end; the next page then starts with its
    "Why", "Who can help" or note, far from its box and fix: the line at the top names the
    action too ("Now (this week), continued · Ask your GP for a full fall…"). A page that
    starts with a new part of the home does not."""
    named = 0
    for language in ("nl", "en"):
        t = catalogue(language)
        continued = t("report.continued", section="")
        assessment = read_file(EXAMPLES / "therapist-visit.json", content)
        raw_fixes = _fix_texts(content, assessment, language)
        fixes = [squash(fix) for fix in raw_fixes]
        areas = {area.title(language) for area in content.areas} | {t("report.person.heading")}
        for paper in ("A4", "letter"):
            pdf = render(content, assessment, language, paper, large_print=True)
            for text in pages_text(pdf):
                lines = [line.strip() for line in text.splitlines() if line.strip()]
                header = next((line for line in lines if continued in line), "")
                if " · " not in header:
                    continue
                named += 1
                shown = header.split(" · ", 1)[1]
                start = squash(shown.rstrip("…"))
                assert any(fix.startswith(start) for fix in fixes), header
                # Shortened after a whole word of the fix, not inside one ("fall…" of "falls").
                core = " ".join(shown.rstrip("…").split())
                assert any(raw.startswith(core) and not raw[len(core) : len(core) + 1].isalnum()
                           for raw in raw_fixes), header
                assert lines[lines.index(header) + 1] not in areas, header
    assert named >= 3


def _fix_texts(content: Checklist, assessment: Assessment, language: str) -> list[str]:
    t = catalogue(language)
    return [action_texts(action, t, content, role="therapist").fix
            for action in build_actions(content, assessment)]


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_who_can_help_and_done_on_share_a_line_or_each_have_one(
    content: Checklist, render: Render, language: str, large: bool
) -> None:
    """"Who can help: … · Done on: ____" on one line when it fits; otherwise "Done on: ____"
    on a line of its own, without a "·" left at the end of the line above it."""
    assessment = read_file(EXAMPLES / "therapist-visit.json", content)
    pdf = render(content, assessment, language, "A4", large_print=large)
    done = catalogue(language)("report.actions.done")
    lines = [line.strip() for text in pages_text(pdf) for line in text.splitlines()]
    assert not [line for line in lines if line.endswith(" ·")]
    assert any(line.startswith(f"{done}:") for line in lines)  # it did not fit somewhere
    assert any(" · " in line and f"{done}:" in line for line in lines)  # and fitted elsewhere
