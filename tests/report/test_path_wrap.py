"""A long path in user text (a note, the client's label, goals) wraps after a "\\" or "/",
never in the middle of a folder's name, stays inside the frame and reads back as it was typed.
Other text wraps as before."""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm

from homecheck.domain.content import Checklist
from homecheck.report.blocks import markup
from homecheck.report.pdf import FOOTER_ZONE
from tests.report.conftest import make_assessment, squash

Render = Callable[..., bytes]
MARGIN = 14 * mm  # the renderer's left and right margin
TOP = 13 * mm  # and its top margin, above which the "continued" header stands
WINDOWS = (
    r"C:\Users\MevrouwJansendeVries\OneDrive-GemeenteUtrecht\Documenten\homecheck"
    r"\Bewaardelijsten2026\November\Actielijst_Mevr_J_2026-11-24.pdf"
)
UNIX = "/home/mevrouwjansen/Documenten/homecheck/bewaarde-lijsten/2026/november/actielijst-2026.pdf"
WEB = "https://www.veiligheid.nl/valpreventie/thuis/checklist-voor-een-veilig-huis-zonder-vallen"


def _pages(pdf: bytes) -> list[tuple[str, float, float]]:
    """(text, rightmost glyph edge, page width) of every page; the text is the frame's only,
    without the footer and the "continued" header, so a note that runs on over a page end
    reads on."""
    document = pdfium.PdfDocument(pdf)
    try:
        out = []
        for page in document:
            width, height = page.get_size()
            text = page.get_textpage()
            chars = [(text.get_text_range(i, 1), text.get_charbox(i))
                     for i in range(text.count_chars())]
            right = max((box[2] for char, box in chars if char.strip()), default=0.0)
            body = "".join(
                char for char, (_, bottom, _, top) in chars
                if not char.strip() or (bottom >= height * FOOTER_ZONE and top <= height - TOP)
            )
            out.append((body, right, width))
        return out
    finally:
        document.close()


def _breaks_inside(text: str, path: str) -> list[str]:
    """The character before each line break that falls inside ``path`` in ``text``."""
    pattern = r"\s*".join(re.escape(char) for char in path)
    found = re.search(pattern, text)
    assert found is not None, f"{path} not in the page text"
    inside = found.group(0)
    return [inside[m.start() - 1] for m in re.finditer(r"\s+", inside)]


@pytest.mark.parametrize("large_print", [False, True])
def test_a_long_path_wraps_after_a_separator_and_stays_in_the_frame(
    content: Checklist, render: Render, large_print: bool
) -> None:
    items = [item.id for item in content.items()][:4]
    # Each note starts a little further along the line, so the paths meet the edge anywhere.
    notes = {iid: "x " * (3 * n) + f"Foto in {WINDOWS} en {UNIX} of {WEB}"
             for n, iid in enumerate(items)}
    assessment = make_assessment(content, hazards=items, notes=notes)
    assessment.area_notes = {content.areas[0].id: WINDOWS}
    pages = _pages(render(content, assessment, "nl", "A4", large_print=large_print))
    text = "\n".join(page for page, _, _ in pages)
    broken = 0
    for path in (WINDOWS, UNIX, WEB):
        for start in [m.start() for m in re.finditer(re.escape(path[:12]), text)]:
            before = _breaks_inside(text[start:], path)
            assert set(before) <= {"\\", "/"}, f"{path} broken after {before}"
            broken += len(before)
    assert broken >= 8  # the paths did meet the edge of the line
    for _, right, width in pages:
        assert right <= width - MARGIN + 0.5


def test_a_path_reads_back_as_typed(content: Checklist, render: Render) -> None:
    item = content.areas[0].items[0]
    assessment = make_assessment(
        content, hazards=[item.id], notes={item.id: WINDOWS}, client=f"Mevr J {UNIX[:60]}"
    )
    text = "".join(page for page, _, _ in _pages(render(content, assessment, "en", "A4")))
    assert squash(WINDOWS) in squash(text)
    # Nothing was added between the characters of the path on one line.
    assert "Users\\MevrouwJansendeVries\\" in text


@pytest.mark.parametrize(
    "text",
    [
        "24/11/2026",  # a date
        "en/of",
        r"C:\Users\Jan",  # a short path wraps as one word, as before
        "Trap: 1/2 van de treden los",
        "<b>&amp;</b> / \\",
        "a\nb",
    ],
)
def test_other_text_is_marked_up_as_before(text: str) -> None:
    assert markup(text) == escape(text).replace("\n", "<br/>")


def test_every_separator_of_a_long_path_may_end_a_line() -> None:
    marked = markup(f"zie {WINDOWS}")
    assert marked.startswith("zie C:\\")
    assert marked.count("<font") == WINDOWS.count("\\")
    # A run of separators ("https://", "\\\\server") stays together, the break after it.
    assert markup(WEB).count("<font") == WEB.count("/") - 1
