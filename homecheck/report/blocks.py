"""Small building blocks of the story: paragraphs of plain text, user text, label/value tables.

Every text goes through ``markup()``: reportlab's Paragraph reads mini-HTML, so a note that says
"<font size=90>" must be escaped to print as it is (pretix's ``_clean_text`` lesson).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from homecheck.report.model import Line
from homecheck.report.styles import FONT
from homecheck.report.text import chunks, clean

# Label and value cells: no room on the left, a gap before the next column, a little air.
CELL_STYLE = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # not Helvetica, even for an empty cell
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
)


# reportlab ends a line only at a space, and prints a space at its font's size. A long path
# ("C:\Users\...\Documenten\...", "/home/...", a web address) typed in a note has no space:
# reportlab would cut it anywhere ("Documente" / "n"). A space in a 0.1-point font after each of
# its separators lets it wrap after a "\" or "/" instead, and prints as nothing.
PATH_BREAK_PT = 0.1
PATH_BREAK = f'<font size="{PATH_BREAK_PT}"> </font>'
# A shorter word wraps as a whole, as before (a date such as 24/11/2026, "en/of", "C:\Jan").
LONG_PATH = 20
_WORDS_WITH_SEPARATOR = re.compile(r"(\S*[\\/]\S*)")
_AFTER_SEPARATORS = re.compile(r"(?<=[\\/])(?=[^\\/])")  # "https://" breaks after the "//"
# Dutch "'s nachts", "'s avonds": the "'s" goes to the next line with its word (a no-break space;
# "Mum's bed" has a letter before the apostrophe and is left as it is).
_APOSTROPHE_S = re.compile(r"(?<!\w)(['’]s) ")


def markup(text: str) -> str:
    """Plain text as Paragraph markup: escaped, line breaks kept, long paths breakable, and
    "'s nachts" never split over two lines."""
    pieces = _WORDS_WITH_SEPARATOR.split(clean(text))  # every other piece is such a word
    marked = [
        PATH_BREAK.join(escape(part) for part in _AFTER_SEPARATORS.split(piece))
        if n % 2 and len(piece) >= LONG_PATH else escape(piece)
        for n, piece in enumerate(pieces)
    ]
    return _APOSTROPHE_S.sub("\\1\u00a0", "".join(marked)).replace("\n", "<br/>")


def para(text: str, style: str, styles: StyleSheet1) -> Paragraph:
    """A paragraph of plain text: it is never read as markup, so it prints as it is."""
    return Paragraph(markup(text), styles[style])


def bold(text: str, style: str, styles: StyleSheet1) -> Paragraph:
    """A bold paragraph of plain text."""
    return Paragraph(f"<b>{markup(text)}</b>", styles[style])


def labelled(label: str, value: str, style: str, styles: StyleSheet1) -> Paragraph:
    """"label: value" with the label in bold."""
    return Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", styles[style])


def user_text(label: str, text: str, style: str, styles: StyleSheet1) -> list[Flowable]:
    """Long user text as several paragraphs, so it flows over pages in pieces."""
    out: list[Flowable] = []
    for n, piece in enumerate(chunks(text)):
        if n == 0 and label:
            out.append(labelled(label, piece, style, styles))
        else:
            out.append(para(piece, style, styles))
    return out


def facts(
    lines: tuple[Line, ...],
    width: float,
    styles: StyleSheet1,
    share: float = 0.42,
    colon: bool = True,
) -> Table:
    """Label and value side by side; ``share`` is the label column's part of the width."""
    end = ":" if colon else ""
    rows = [
        [para(line.label + end, "Cell", styles), bold(line.value, "Cell", styles)]
        for line in lines
    ]
    label_width = width * share
    return Table(rows, colWidths=[label_width, width - label_width], style=CELL_STYLE)
