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
    fix: float
    heading1: float
    heading2: float
    heading3: float
    title: float
    footer: float
    fridge: float  # fridge page text
    fridge_fix: float  # the "now" actions on the fridge page
    fridge_heading: float
    box: float  # tick box side on the action list
    fridge_box: float  # tick box side on the fridge page
    blank: float  # paper checklist questions (≥ 12 pt, to fill in by hand)


NORMAL = Sizes(
    body=12, fix=13, heading1=20, heading2=16, heading3=13.5, title=22, footer=10,
    fridge=14, fridge_fix=15, fridge_heading=19, box=16, fridge_box=24, blank=12.5,
)
LARGE = Sizes(
    body=16, fix=17, heading1=25, heading2=20, heading3=17.5, title=26, footer=13,
    fridge=16, fridge_fix=17, fridge_heading=21, box=20, fridge_box=26, blank=16,
)


def sizes(large: bool) -> Sizes:
    """The sizes of normal or large print."""
    return LARGE if large else NORMAL


def _leading(size: float) -> float:
    return round(size * 1.25, 1)


@cache
def stylesheet(large: bool = False) -> StyleSheet1:
    """The named styles of the report in normal or large print (never change them)."""
    register_fonts()
    s = sizes(large)
    sheet = StyleSheet1()

    def add(name: str, size: float, bold: bool = False, **extra: object) -> None:
        sheet.add(
            ParagraphStyle(
                name,
                fontName=FONT_BOLD if bold else FONT,
                bulletFontName=FONT_BOLD,
                fontSize=size,
                leading=_leading(size),
                alignment=TA_LEFT,
                **extra,
            )
        )

    indent = s.box + 10  # action details line up with the fix text, right of the tick box
    add("Body", s.body, spaceAfter=4)
    add("Cell", s.body)
    add("CellBold", s.body, bold=True)
    add("Title", s.title, bold=True, spaceAfter=8)
    add("Heading1", s.heading1, bold=True, spaceBefore=4, spaceAfter=6)
    add("Heading2", s.heading2, bold=True, spaceBefore=10, spaceAfter=4)
    add("Heading3", s.heading3, bold=True, spaceBefore=6, spaceAfter=2)
    add("Score", s.heading3, bold=True, spaceAfter=4)
    add("Fix", s.fix, bold=True)
    add("ActionDetail", s.body, leftIndent=indent, spaceBefore=1)
    add("DoneLine", s.body, leftIndent=indent, spaceBefore=6)
    add("Bullet", s.body, leftIndent=s.body * 1.6, bulletIndent=s.body * 0.3, spaceAfter=2)
    add("Box", s.body, bold=True, borderWidth=1.5, borderColor=black, borderPadding=8,
        spaceBefore=12, spaceAfter=10)
    add("Header", s.footer, bold=True)
    add("Footer", s.footer)
    # The fridge page: large by itself.
    add("FridgeWho", s.fridge, bold=True, spaceAfter=2)
    add("FridgeTitle", s.fridge_heading + 3, bold=True, spaceAfter=6)
    add("FridgeHeading", s.fridge_heading, bold=True, spaceBefore=8, spaceAfter=4)
    add("FridgeFix", s.fridge_fix, bold=True)
    add("FridgeText", s.fridge)
    add("FridgeUntil", s.fridge, spaceBefore=1)
    add("FridgeMore", s.fridge, bold=True, spaceBefore=4)
    add("FridgeLine", s.fridge, spaceBefore=6)
    # The paper checklist.
    add("BlankQuestion", s.blank)
    add("BlankChoice", max(12, s.blank - 1.5))
    add("BlankHeading", s.heading2 + 2, bold=True, spaceBefore=8, spaceAfter=4)
    return sheet
