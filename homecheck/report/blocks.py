"""Small building blocks of the story: paragraphs of plain text, user text and label/value grids."""

from __future__ import annotations

from homecheck.report.flowables import Grid
from homecheck.report.layout import Block
from homecheck.report.model import Line
from homecheck.report.styles import stylesheet
from homecheck.report.text import chunks, clean
from homecheck.report.textblock import Text

# Label and value cells: no room on the left, a gap before the next column, a little air.
GRID_PAD = (0.0, 8.0, 3.0, 3.0)


def para(text: str, style: str) -> Text:
    """A paragraph of plain text: it is never read as markup, so it prints as it is."""
    return Text([(clean(text), False)], stylesheet()[style])


def bold(text: str, style: str = "Body") -> Text:
    """Return a bold paragraph of plain text."""
    return Text([(clean(text), True)], stylesheet()[style])


def labelled(label: str, value: str, style: str = "Detail") -> Text:
    """Return "label: value" with the label in bold."""
    return Text([(clean(label) + ":", True), (" " + clean(value), False)], stylesheet()[style])


def user_text(label: str, text: str, style: str = "Body") -> list[Block]:
    """Long user text as several paragraphs, so it flows over pages instead of failing."""
    out: list[Block] = []
    for n, piece in enumerate(chunks(text)):
        runs = [(clean(label) + ":", True), (" " + piece, False)] if n == 0 and label else []
        out.append(Text(runs or [(piece, False)], stylesheet()[style]))
    return out


def grid(rows: list[list[Block | None]], widths: list[float]) -> Grid:
    """Rows of label and value, each cell centred on its row's height."""
    return Grid(rows, widths, GRID_PAD, middle=True)


def facts(lines: tuple[Line, ...], width: float, share: float = 0.42, colon: bool = True) -> Grid:
    """Label and value side by side; ``share`` is the label column's part of the width."""
    label_width = width * share
    end = ":" if colon else ""
    rows: list[list[Block | None]] = [
        [para(line.label + end, "Cell"), bold(line.value, "Cell")] for line in lines
    ]
    return grid(rows, [label_width, width - label_width])
