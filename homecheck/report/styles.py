"""Fonts (the bundled DejaVu Sans, registered once per process) and the named paragraph styles."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from homecheck import resources

FONT = "HomecheckSans"
FONT_BOLD = "HomecheckSans-Bold"
# Older eyes: body text 13 pt (the brief asks for at least 12), headings clearly larger.
BODY_SIZE = 13
SMALL_SIZE = 12
LEADING = 18
# Action details start where the fix text starts, right of the tick box.
ACTION_INDENT = 32
# Grey for the bars: dark enough to read as "filled" on any printer, light enough that the
# white number on it stays readable.
BAR_GREY = 0.25


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans and its bold face with reportlab (once) and return their names.

    The 14 standard PDF fonts are WinAnsi only; DejaVu prints ë, é, ĳ, ø and ☐.
    """
    pdfmetrics.registerFont(TTFont(FONT, str(resources.path("fonts/DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resources.path("fonts/DejaVuSans-Bold.ttf"))))
    # A family, so <b> inside a Paragraph picks the bold file instead of Helvetica-Bold.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    return FONT, FONT_BOLD


@lru_cache(maxsize=1)
def stylesheet() -> StyleSheet1:
    """Return the named styles of the report (built once; the styles are never changed)."""
    register_fonts()
    sheet = StyleSheet1()
    base = {"fontName": FONT, "textColor": black, "splitLongWords": 1}
    sheet.add(ParagraphStyle("Body", fontSize=BODY_SIZE, leading=LEADING, spaceAfter=6, **base))
    sheet.add(
        ParagraphStyle(
            "Title", fontName=FONT_BOLD, fontSize=26, leading=32, spaceAfter=14,
            textColor=black, splitLongWords=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Heading1", fontName=FONT_BOLD, fontSize=22, leading=28, spaceBefore=6,
            spaceAfter=10, textColor=black, keepWithNext=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Heading2", fontName=FONT_BOLD, fontSize=19, leading=24, spaceBefore=14,
            spaceAfter=6, textColor=black, keepWithNext=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Heading3", fontName=FONT_BOLD, fontSize=16, leading=21, spaceBefore=10,
            spaceAfter=4, textColor=black, keepWithNext=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Score", fontName=FONT_BOLD, fontSize=18, leading=24, spaceAfter=6,
            textColor=black, splitLongWords=1,
        )
    )
    sheet.add(ParagraphStyle("Cell", fontSize=BODY_SIZE, leading=LEADING, **base))
    sheet.add(
        ParagraphStyle(
            "Fix", fontName=FONT_BOLD, fontSize=14, leading=19, textColor=black, splitLongWords=1
        )
    )
    sheet.add(
        ParagraphStyle("Detail", fontSize=BODY_SIZE, leading=LEADING, spaceBefore=2, **base)
    )
    sheet.add(
        ParagraphStyle(
            "ActionDetail", fontSize=BODY_SIZE, leading=LEADING, spaceBefore=2,
            leftIndent=ACTION_INDENT, **base,
        )
    )
    # A longer note flows over a page end, but never leaves one line alone on either page.
    sheet.add(
        ParagraphStyle(
            "NoteFlow", fontSize=BODY_SIZE, leading=LEADING, spaceBefore=2,
            leftIndent=ACTION_INDENT, allowWidows=0, allowOrphans=0, **base,
        )
    )
    # Room above the "done on" line to write a date by hand.
    sheet.add(
        ParagraphStyle(
            "DoneLine", fontSize=BODY_SIZE, leading=LEADING, spaceBefore=10,
            leftIndent=ACTION_INDENT, **base,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Bullet", fontSize=BODY_SIZE, leading=LEADING, leftIndent=22, bulletIndent=4,
            spaceAfter=4, bulletFontName=FONT_BOLD, bulletFontSize=BODY_SIZE, **base,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Box", fontName=FONT_BOLD, fontSize=BODY_SIZE, leading=LEADING, borderWidth=1.5,
            borderColor=black, borderPadding=8, spaceBefore=14, spaceAfter=10,
            textColor=black, splitLongWords=1,
        )
    )
    return sheet
