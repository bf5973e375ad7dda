"""What a home printer leaves blank: nothing of the PDF is set that close to the paper's edge."""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium
import pytest

from homecheck.domain.assessment import read_file
from homecheck.domain.content import Checklist
from homecheck.report.blank import render_blank
from homecheck.report.paper import MM
from tests.report.conftest import EXAMPLES

Render = Callable[..., bytes]

# Home printers leave 3 to 5 mm at the edges of the paper unprinted; with half a mm to spare.
UNPRINTED = 5.5 * MM


def _too_close(pdf: bytes) -> list[tuple[int, str, float]]:
    """(page, character, distance in mm) of every glyph closer than UNPRINTED to an edge."""
    out = []
    for number, page in enumerate(pdfium.PdfDocument(pdf), start=1):
        width, height = page.get_size()
        text = page.get_textpage()
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if not char.strip():
                continue
            left, bottom, right, top = text.get_charbox(index)
            distance = min(left, bottom, width - right, height - top)
            if distance < UNPRINTED:
                out.append((number, char, round(distance / MM, 1)))
    return out


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_no_text_where_a_printer_cannot_print(
    content: Checklist, render: Render, paper: str, large: bool
) -> None:
    """The "…, continued" line at the top of a page stood 3.5 mm from the edge in large print:
    a printer that leaves 4 or 5 mm blank cut it off. Every line of text, the footer and that
    top line included, keeps more than 5 mm from the paper's edges."""
    assessment = read_file(EXAMPLES / "therapist-visit.json", content)
    for pdf in (
        render(content, assessment, "nl", paper, large_print=large),
        render_blank(content, "en", None, paper, large_print=large),
    ):
        assert _too_close(pdf) == [], _too_close(pdf)[:3]
