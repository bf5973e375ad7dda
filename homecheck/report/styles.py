"""Fonts (the bundled DejaVu Sans, registered once per process) and the named text styles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

FONT = "HomecheckSans"
FONT_BOLD = "HomecheckSans-Bold"
FONT_FILES = {FONT: "fonts/DejaVuSans.ttf", FONT_BOLD: "fonts/DejaVuSans-Bold.ttf"}
# Older eyes: body text 13 pt (the brief asks for at least 12), headings clearly larger.
BODY_SIZE = 13
SMALL_SIZE = 12
LEADING = 18
# Action details start where the fix text starts, right of the tick box.
ACTION_INDENT = 32
# Grey for the bars: dark enough to read as "filled" on any printer, light enough that the
# white number on it stays readable.
BAR_GREY = 0.25


@dataclass(frozen=True)
class Style:
    """How a block of text is set: font, size, line height, indent and the space around it.

    ``widows``/``orphans`` allow one line of a paragraph alone at the top/bottom of a page;
    ``border`` draws a box ``border_padding`` outside the text.
    """

    name: str
    font: str = FONT
    size: float = BODY_SIZE
    leading: float = LEADING
    space_before: float = 0
    space_after: float = 0
    indent: float = 0
    keep_with_next: bool = False
    widows: bool = True
    orphans: bool = False
    bullet_indent: float = 0
    border: float = 0
    border_padding: float = 0


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans and its bold face with reportlab (once) and return their names.

    The 14 standard PDF fonts are WinAnsi only; DejaVu prints ë, é, ĳ, ø and ☐.
    """
    from reportlab.pdfbase import pdfmetrics

    from homecheck.report.fontcache import load_font

    for name, resource in FONT_FILES.items():
        pdfmetrics.registerFont(load_font(name, resource))
    return FONT, FONT_BOLD


_STYLES = (
    Style("Body", space_after=6),
    Style("Title", font=FONT_BOLD, size=26, leading=32, space_after=14),
    Style("Heading1", font=FONT_BOLD, size=22, leading=28, space_before=6, space_after=10,
          keep_with_next=True),
    Style("Heading2", font=FONT_BOLD, size=19, leading=24, space_before=14, space_after=6,
          keep_with_next=True),
    Style("Heading3", font=FONT_BOLD, size=16, leading=21, space_before=10, space_after=4,
          keep_with_next=True),
    Style("Score", font=FONT_BOLD, size=18, leading=24, space_after=6),
    Style("Cell"),
    Style("Fix", font=FONT_BOLD, size=14, leading=19),
    Style("Detail", space_before=2),
    Style("ActionDetail", space_before=2, indent=ACTION_INDENT),
    # A longer note flows over a page end, but never leaves one line alone on either page.
    Style("NoteFlow", space_before=2, indent=ACTION_INDENT, widows=False),
    # Room above the "done on" line to write a date by hand.
    Style("DoneLine", space_before=10, indent=ACTION_INDENT),
    Style("Bullet", indent=22, bullet_indent=4, space_after=4),
    Style("Box", font=FONT_BOLD, border=1.5, border_padding=8, space_before=14, space_after=10),
)


def stylesheet() -> dict[str, Style]:
    """Return the named styles of the report (the styles are never changed)."""
    return _SHEET


_SHEET = {style.name: style for style in _STYLES}
