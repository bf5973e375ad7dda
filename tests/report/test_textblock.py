"""Paragraph lines break where reportlab's Paragraph breaks them, and print what they are given."""

from __future__ import annotations

import io
import random

import pytest
from pypdf import PdfReader

from homecheck.report.styles import FONT, FONT_BOLD, Style, register_fonts, stylesheet
from homecheck.report.textblock import Text, break_lines

SAMPLE = (
    "de trap is steil en smal Waarom: Je voet of wielen van je rollator blijven achter rand "
    "haken. Ook kan het kleed onder je wegschuiven. Laat ledverlichting onder bovenkastjes "
    "plaatsen, zodat aanrecht goed verlicht is. één café Ærø ĳsselmeer — ☐ ok"
)


def _reportlab_lines(markup: str, style: Style, width: float) -> list[str]:
    """The lines reportlab's platypus Paragraph makes of the same text (the oracle)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import registerFontFamily
    from reportlab.platypus import Paragraph

    registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    rl_style = ParagraphStyle("x", fontName=style.font, fontSize=style.size,
                              leading=style.leading, splitLongWords=1)
    paragraph = Paragraph(markup, rl_style)
    paragraph.wrap(width, 10_000)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [" ".join(words) for _, words in lines]
    return ["".join(frag.text for frag in line.words).strip() for line in lines]


def _ours(runs: list[tuple[str, bool]], style: Style, width: float) -> list[str]:
    lines = break_lines(runs, style, width)
    return ["".join(text for text, _ in line).strip() for line, _ in lines]


@pytest.mark.parametrize("seed", range(40))
def test_lines_break_as_reportlab_breaks_them(seed: int) -> None:
    register_fonts()
    rng = random.Random(seed)
    style = stylesheet()[rng.choice(["Body", "Fix", "Heading2", "Box"])]
    width = rng.uniform(120, 440)
    words = SAMPLE.split()
    text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 60)))
    if seed % 2:
        label = rng.choice(["Waar", "Wie kan helpen", "Notitie"])
        markup = f"<b>{label}:</b> {text}"
        runs = [(label + ":", True), (" " + text, False)]
    else:
        markup, runs = text, [(text, False)]
    assert _ours(runs, style, width) == _reportlab_lines(markup, style, width)


def test_a_word_wider_than_the_line_is_cut() -> None:
    register_fonts()
    style = stylesheet()["Body"]
    lines = _ours([("kort " + "x" * 300 + " einde", False)], style, 200)
    assert lines[0].startswith("kort x") and lines[-1].endswith("einde")
    assert "".join(lines).replace(" ", "") == "kort" + "x" * 300 + "einde"
    assert _ours([("x" * 300, False)], style, 200) == _reportlab_lines("x" * 300, style, 200)


def test_a_no_break_space_holds_its_words_together() -> None:
    register_fonts()
    lines = _ours([("aaaa bbbb\u00a0cccc", False)], stylesheet()["Body"], 80)
    assert lines == ["aaaa", "bbbb\u00a0cccc"]


def test_line_breaks_in_the_text_are_kept_and_markup_is_just_text() -> None:
    register_fonts()
    text = "<b>een</b>\ntwee &amp; drie"
    assert _ours([(text, False)], stylesheet()["Body"], 400) == ["<b>een</b>", "twee &amp; drie"]


def test_an_empty_paragraph_takes_no_room() -> None:
    register_fonts()
    assert Text([("", False)], stylesheet()["Body"]).wrap(400) == 0
    assert Text([(" a ", False)], stylesheet()["Body"]).wrap(400) == 18


def test_drawn_text_reads_back_with_bold_label_and_bullet() -> None:
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    block = Text([("Waar:", True), (" de trap", False)], stylesheet()["Bullet"], bullet="•")
    block.wrap(300)
    block.draw(canvas, 50, 700)
    canvas.showPage()
    canvas.save()
    text = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert "•" in text and "Waar: de trap" in text
