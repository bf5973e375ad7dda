"""Fonts (the bundled DejaVu Sans) and the report's named paragraph styles, normal and large."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

from homecheck import resources

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_FILES = {FONT: "fonts/DejaVuSans.ttf", FONT_BOLD: "fonts/DejaVuSans-Bold.ttf"}
# Grey for the score bars: dark enough to read as "filled" on any printer, light enough that
# the white number on it stays readable.
BAR_GREY = 0.25


@cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans and its bold face with reportlab (once) and return their names.

    The 14 standard PDF fonts are WinAnsi only; DejaVu prints ë, é, ĳ, ø and ☐.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, resource in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resources.path(resource))))
    # <b> inside a paragraph picks the bold face; there is no italic in the report.
    for bold, italic in ((0, 0), (0, 1), (1, 0), (1, 1)):
        addMapping(FONT, bold, italic, FONT_BOLD if bold else FONT)
    return FONT, FONT_BOLD


@dataclass(frozen=True)
class Sizes:
    """The type sizes of one print size (points). Everything on the fridge page is ≥ 14 pt."""

    body: float
    detail: float  # an action's why, who and note; the advice points
    fix: float
    heading1: float
    heading2: float
    heading3: float
    title: float
    footer: float
    fridge: float  # fridge page text, and its largest try (it may step down to FRIDGE_MIN)
    box: float  # tick box side on the action list
    blank: float  # paper checklist questions (≥ 12 pt, to fill in by hand)


NORMAL = Sizes(
    body=12, detail=11.5, fix=13, heading1=20, heading2=16, heading3=13.5, title=22, footer=10,
    fridge=15, box=16, blank=12.5,
)
LARGE = Sizes(
    body=16, detail=16, fix=17, heading1=25, heading2=20, heading3=17.5, title=26, footer=13,
    fridge=18, box=20, blank=16,
)


# Nothing on the fridge page is smaller than this (the footer aside).
FRIDGE_MIN = 14


def sizes(large: bool) -> Sizes:
    """The sizes of normal or large print."""
    return LARGE if large else NORMAL


# Line spacing as a share of the type size: 1.2 for text; 1.15 for the action details and the
# advice points, short paragraphs under a bold line (the whole list a page shorter, still open).
LEADING = 1.2
TIGHT_LEADING = 1.15


def _leading(size: float, share: float = LEADING) -> float:
    return round(size * share, 1)


@cache
def stylesheet(large: bool = False) -> StyleSheet1:
    """The named styles of the report in normal or large print (never change them)."""
    register_fonts()
    s = sizes(large)
    sheet = StyleSheet1()

    def add(
        name: str, size: float, bold: bool = False, share: float = LEADING, **extra: object
    ) -> None:
        sheet.add(
            ParagraphStyle(
                name,
                fontName=FONT_BOLD if bold else FONT,
                bulletFontName=FONT_BOLD,
                bulletFontSize=size,
                fontSize=size,
                leading=_leading(size, share),
                alignment=TA_LEFT,
                # A paragraph's last line never starts a page alone (a widow): it takes the
                # line before it along.
                allowWidows=0,
                **extra,
            )
        )

    indent = s.box + 10  # action details line up with the fix text, right of the tick box
    add("Body", s.body, spaceAfter=4)
    add("Line", s.body, spaceAfter=1)  # one line of a list of short lines
    add("Cell", s.body)
    add("CellBold", s.body, bold=True)
    add("Title", s.title, bold=True, spaceAfter=8)
    add("Heading1", s.heading1, bold=True, spaceBefore=4, spaceAfter=6)
    add("Heading2", s.heading2, bold=True, spaceBefore=10, spaceAfter=4)
    add("Heading3", s.heading3, bold=True, spaceBefore=4, spaceAfter=2)
    add("AdviceHeading", s.heading3, bold=True, spaceBefore=4, spaceAfter=2, keepWithNext=1)
    add("Score", s.heading3, bold=True, spaceAfter=4)
    add("Fix", s.fix, bold=True)
    add("ActionDetail", s.detail, share=TIGHT_LEADING, leftIndent=indent, spaceBefore=0.5)
    # The next line of the same detail ("Done on: ____" under a long "Who can help: …").
    add("ActionDetailNext", s.detail, share=TIGHT_LEADING, leftIndent=indent)
    add("DoneLine", s.body, leftIndent=indent, spaceBefore=6)
    add(
        "Bullet",
        s.detail,
        share=TIGHT_LEADING,
        leftIndent=s.body * 1.4,
        bulletIndent=s.body * 0.3,
        spaceAfter=1,
    )
    add("Box", s.body, bold=True, borderWidth=1.5, borderColor=black, borderPadding=8,
        spaceBefore=14, spaceAfter=18)
    add("Header", s.footer, bold=True)
    add("Footer", s.footer)
    # The paper checklist.
    add("BlankQuestion", s.blank)
    # The answers to tick: a little smaller than the question, never under 12 pt (to fill in by
    # hand) nor, in large print, under the body size that large print promises (16 pt).
    add("BlankChoice", max(12, s.body, s.blank - 1.5))
    add("BlankHeading", s.heading2 + 2, bold=True, spaceBefore=8, spaceAfter=4)
    add("BlankSubheading", s.blank + 1, bold=True, spaceBefore=6, spaceAfter=2, keepWithNext=1)
    return sheet


@cache
def fridge_styles(size: float) -> StyleSheet1:
    """The named styles of the fridge page with its text at ``size`` (≥ FRIDGE_MIN) points."""
    register_fonts()
    sheet = StyleSheet1()
    for name, scale, bold, before, after in (
        ("FridgeWho", 1.0, True, 0, 4),
        ("FridgeTitle", 1.3, True, 0, 2),
        ("FridgeHeading", 1.15, True, 8, 2),
        ("FridgeFix", 1.0, True, 0, 0),
        ("FridgeText", 1.0, False, 0, 2),
        ("FridgeMore", 1.0, True, 2, 2),
    ):
        font_size = max(FRIDGE_MIN, size * scale)
        sheet.add(
            ParagraphStyle(
                name,
                fontName=FONT_BOLD if bold else FONT,
                bulletFontName=FONT_BOLD,
                fontSize=font_size,
                leading=round(font_size * 1.2, 1),
                spaceBefore=before,
                spaceAfter=after,
            )
        )
    return sheet
