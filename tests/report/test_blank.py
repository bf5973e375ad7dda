"""The checklist on paper: `homecheck blank -o OUT.pdf [--lang nl|en] [--areas ID,...]`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from homecheck.cli import run
from homecheck.domain.content import Checklist
from homecheck.domain.person import SECTIONS, THERAPIST_SECTIONS, person_content
from homecheck.i18n import catalogue
from homecheck.report.blank import render_blank
from homecheck.report.pdf import FOOTER_ZONE
from homecheck.report.styles import sizes
from tests.report.conftest import pages_text, squash
from tests.report.test_fridge import text_runs


def _in_order(text: str, needles: list[str]) -> None:
    """Every needle occurs in ``text``, each after the one before (whitespace ignored)."""
    where = 0
    for needle in needles:
        found = text.find(squash(needle), where)
        assert found >= 0, f"missing or out of order: {needle!r}"
        where = found + 1


def _blank(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = run(["blank", *args])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_question_in_wizard_order_with_about_you_first(
    content: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    out = tmp_path / "lijst.pdf"
    code, err = _blank(tmp_path, capsys, "-o", str(out), "--lang", language)
    assert (code, err) == (0, "")
    text = squash("".join(pages_text(out.read_bytes())))
    person = person_content()
    # The wizard's order: its sections (not the therapist's tests), key questions 1 and 2 not
    # asked again (they follow from the falls count and the fear question).
    about = [person.questions[key].text(language)
             for name, keys in SECTIONS if name not in THERAPIST_SECTIONS for key in keys]
    fesi = [item(language) for item in person.fesi_items]
    areas = [q for area in content.areas for q in
             (area.title(language), *(item.question(language) for item in area.items))]
    _in_order(text, [*about, *fesi, *areas])
    for key in ("key_fallen", "key_worried", "tug_seconds"):
        assert squash(person.questions[key].text(language)) not in text
    t = catalogue(language)
    for key in ("hazard", "ok", "na", "notes"):
        assert squash(t(f"report.blank.{key}")) in text


def test_the_default_language_is_dutch(
    content: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lijst.pdf"
    assert _blank(tmp_path, capsys, "-o", str(out))[0] == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.metadata is not None
    assert reader.metadata.title == catalogue("nl")("report.blank.title")


def test_only_the_chosen_areas_in_checklist_order_and_no_about_you(
    content: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "trap.pdf"
    # Given in another order than the checklist's; the paper follows the wizard.
    code, err = _blank(tmp_path, capsys, "-o", str(out), "--lang", "en",
                       "--areas", "bathroom, stairs")
    assert (code, err) == (0, "")
    text = squash("".join(pages_text(out.read_bytes())))
    stairs, bathroom = content.area("stairs"), content.area("bathroom")
    _in_order(text, [item.question("en") for item in (*stairs.items, *bathroom.items)])
    for area in content.areas:
        if area.id not in ("stairs", "bathroom"):
            assert squash(area.items[0].question("en")) not in text
    assert squash(catalogue("en")("report.blank.about_heading")) not in text
    assert squash(person_content().fesi_items[0]("en")) not in text


@pytest.mark.parametrize(
    "areas", ["stairs,nowhere", "", " , ", "Stairs"], ids=["unknown", "empty", "commas", "case"]
)
def test_a_bad_area_list_fails_in_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], areas: str
) -> None:
    out = tmp_path / "x.pdf"
    code, err = _blank(tmp_path, capsys, "-o", str(out), "--areas", areas)
    assert code == 2
    assert err.startswith("homecheck: error: ") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_bad_output_path_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for target in (tmp_path, tmp_path / "missing" / "x.pdf"):
        code, err = _blank(tmp_path, capsys, "-o", str(target))
        assert code == 2 and err.startswith("homecheck: error: ") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_large_enough_to_fill_in_by_hand(content: Checklist) -> None:
    pdf = render_blank(content, "nl", None, "A4")
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    for page in range(pages):
        for text, size, y in text_runs(pdf, page):
            if y > 842 * FOOTER_ZONE:
                assert size >= 12, (page, text, size)


def test_the_same_paper_twice_is_byte_identical(content: Checklist) -> None:
    assert render_blank(content, "en", ["stairs"], "letter") == render_blank(
        content, "en", ["stairs"], "letter"
    )
    box = PdfReader(io.BytesIO(render_blank(content, "en", ["stairs"], "letter"))).pages[0]
    assert round(float(box.mediabox.width)) == 612


def _headings(content: Checklist, language: str) -> set[str]:
    """Every heading of the paper checklist: parts, About you sections, areas."""
    t, person = catalogue(language), person_content()
    return {
        t("report.blank.about_heading"),
        t("report.blank.fesi_heading"),
        *(person.sections[name](language) for name, _ in SECTIONS),
        *(area.title(language) for area in content.areas),
    }


PAPERS = [
    pytest.param(language, paper, id=f"{language}-{paper}")
    for language in ("nl", "en")
    for paper in ("A4", "letter")
]


@pytest.mark.parametrize(("language", "paper"), PAPERS)
def test_areas_flow_on_without_half_empty_pages(
    content: Checklist, language: str, paper: str
) -> None:
    """An area starts below the one before; every page but the last is used to its lower part."""
    pdf = render_blank(content, language, None, paper)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    height = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)
    for page in range(pages - 1):
        body = [y for _, _, y in text_runs(pdf, page) if y > height * FOOTER_ZONE]
        assert min(body) < height * 0.35, f"page {page + 1} ends at {min(body) / height:.0%}"
    # Several areas start on a page that another area's questions began.
    starts = 0
    titles = {area.title(language) for area in content.areas}
    for page in range(pages):
        runs = [(text.strip(), y) for text, _, y in text_runs(pdf, page)]
        top = max(y for _, y in runs)
        starts += any(text in titles and y < top - 1 for text, y in runs)
    assert starts >= len(content.areas) // 2


@pytest.mark.parametrize(("language", "paper"), PAPERS)
def test_no_heading_ends_a_page_and_a_continued_part_says_so(
    content: Checklist, language: str, paper: str
) -> None:
    pdf = render_blank(content, language, None, paper)
    height = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)
    headings = _headings(content, language)
    continued = catalogue(language)("report.continued", section="")
    for page in range(len(PdfReader(io.BytesIO(pdf)).pages)):
        runs = [(text.strip(), y) for text, _, y in text_runs(pdf, page)
                if y > height * FOOTER_ZONE]
        last = min(runs, key=lambda run: run[1])[0]
        assert last not in headings, f"page {page + 1} ends with the heading {last!r}"
        first = max(runs, key=lambda run: run[1])[0]
        if page > 0:
            assert first in headings or first.endswith(continued), (page + 1, first)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_heading_of_the_paper_checklist_has_its_own_name(
    content: Checklist, language: str
) -> None:
    """A page never reads "About the person, continued" and then "About the person" again: the
    parts, the About you sections and the areas all have different names."""
    t, person = catalogue(language), person_content()
    names = [
        t("report.blank.about_heading"),
        t("report.blank.fesi_heading"),
        *(person.sections[name](language) for name, _ in SECTIONS),
        *(area.title(language) for area in content.areas),
    ]
    assert len(set(names)) == len(names), sorted(n for n in names if names.count(n) > 1)


@pytest.mark.parametrize(("language", "paper"), PAPERS)
def test_a_continued_part_is_not_followed_by_a_heading_of_the_same_name(
    content: Checklist, language: str, paper: str
) -> None:
    continued = catalogue(language)("report.continued", section="")
    for page, text in enumerate(pages_text(render_blank(content, language, None, paper)), 1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines[0].endswith(continued):
            part = lines[0][: -len(continued)]
            assert lines[1] != part, f"page {page}: {lines[0]!r}, then {lines[1]!r}"


# -- the app's choices: large print, and the About you questions with chosen areas -----------


def _question_sizes(pdf: bytes) -> list[float]:
    """The type size of every text run above the footer, on every page."""
    reader = PdfReader(io.BytesIO(pdf))
    height = float(reader.pages[0].mediabox.height)
    return [size for page in range(len(reader.pages))
            for _, size, y in text_runs(pdf, page) if y > height * FOOTER_ZONE]


@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_large_print_sets_every_line_larger(content: Checklist, paper: str) -> None:
    normal = render_blank(content, "nl", None, paper)
    large = render_blank(content, "nl", None, paper, large_print=True)
    # As large as the action list's large print (16 pt): the answers to tick too.
    assert min(_question_sizes(large)) >= sizes(True).body
    assert min(_question_sizes(large)) > min(_question_sizes(normal))
    assert len(PdfReader(io.BytesIO(large)).pages) > len(PdfReader(io.BytesIO(normal)).pages)
    text = squash("".join(pages_text(large)))
    for item in content.items():  # every question still there
        assert squash(item.question("nl")) in text, item.id
    assert large == render_blank(content, "nl", None, paper, large_print=True)


def test_about_you_with_chosen_areas_or_the_areas_alone(content: Checklist) -> None:
    t = catalogue("en")
    about, fesi = t("report.blank.about_heading"), t("report.blank.fesi_heading")
    stairs = content.area("stairs")
    with_about = squash("".join(pages_text(render_blank(content, "en", ["stairs"],
                                                        about=True))))
    _in_order(with_about, [about, fesi, stairs.title("en"), stairs.items[-1].question("en")])
    assert squash(content.area("kitchen").title("en")) not in with_about
    alone = squash("".join(pages_text(render_blank(content, "en", None, about=False))))
    assert squash(about) not in alone and squash(fesi) not in alone
    _in_order(alone, [area.title("en") for area in content.areas])
    # Without the choice, as `homecheck blank`: About you only with every area.
    assert render_blank(content, "en", ["stairs"]) == render_blank(content, "en", ["stairs"],
                                                                   about=False)
    assert render_blank(content, "en") == render_blank(content, "en", about=True)


def test_the_command_line_prints_large_too(
    content: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "groot.pdf"
    code, err = _blank(tmp_path, capsys, "-o", str(out), "--large-print", "--areas", "stairs")
    assert (code, err) == (0, "")
    assert out.read_bytes() == render_blank(content, "nl", ["stairs"], large_print=True)
    assert min(_question_sizes(out.read_bytes())) >= sizes(True).body


@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_large_print_answers_take_two_lines_at_most_and_the_short_fes_i_one_page(
    content: Checklist, language: str, paper: str
) -> None:
    """In large print four answers side by side ran to three lines each ("1 Helemaal / niet /
    bezorgd"), up against the next box, and the Short FES-I's last question went on a page of
    its own: such answers now go two to a row."""
    pdf = render_blank(content, language, (), paper, large_print=True, about=True)
    texts = pages_text(pdf)
    items = [squash(item(language)) for item in person_content().fesi_items]
    on = {n for n, text in enumerate(texts) for item in items if item in squash(text)}
    assert len(on) == 1, f"the Short FES-I is on pages {sorted(p + 1 for p in on)}"
    lines = [" ".join(line.split()) for line in texts[min(on)].splitlines()]
    levels = person_content().fesi_levels
    for level in levels:  # each answer on one line
        answer = f"{level} {levels[level](language)}"
        assert any(answer in line for line in lines), answer


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_a_line_to_write_on_without_a_label_starts_at_the_margin(
    content: Checklist, large: bool
) -> None:
    """The line under "How many times have you fallen…?" and the second line of an area's
    notes start where the text starts, not 6 pt to the right of it."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from homecheck.report.pdf import ActionListRenderer

    margin = ActionListRenderer.margin
    pdf = render_blank(content, "en", None, "A4", large_print=large)
    starts = set()
    for page in pdfium.PdfDocument(pdf):
        for obj in page.get_objects():
            if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                left, bottom, right, top = obj.get_bounds()
                if top - bottom < 2 and right - left > 100 and left < margin + 20:
                    starts.add(round(left - margin, 1))
    assert starts and all(abs(start) < 1 for start in starts), sorted(starts)
