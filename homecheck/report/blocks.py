"""Small building blocks of the story: escaped paragraphs, user text and label/value grids."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from homecheck.report.model import Line
from homecheck.report.styles import FONT, stylesheet
from homecheck.report.text import chunks, markup


def para(text: str, style: str) -> Paragraph:
    """A paragraph of plain text: escaped here, so nothing in it is read as markup."""
    return Paragraph(markup(text), stylesheet()[style])


def bold(text: str, style: str = "Body") -> Paragraph:
    """Return a bold paragraph of plain (escaped) text."""
    return Paragraph(f"<b>{markup(text)}</b>", stylesheet()[style])


def labelled(label: str, value: str, style: str = "Detail") -> Paragraph:
    """Return "label: value" with the label in bold; both are escaped."""
    return Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", stylesheet()[style])


def user_text(label: str, text: str, style: str = "Body") -> list[Flowable]:
    """Long user text as several paragraphs, so it flows over pages instead of failing."""
    out: list[Flowable] = []
    for n, piece in enumerate(chunks(text)):
        prefix = f"<b>{markup(label)}:</b> " if n == 0 and label else ""
        out.append(Paragraph(prefix + markup(piece), stylesheet()[style]))
    return out


def grid(rows: list[list[Flowable]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # Tables set a cell font even around flowables; not Helvetica, so none is used.
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def facts(lines: tuple[Line, ...], width: float, share: float = 0.42, colon: bool = True) -> Table:
    """Label and value side by side; ``share`` is the label column's part of the width."""
    label_width = width * share
    end = ":" if colon else ""
    rows = [[para(line.label + end, "Cell"), bold(line.value, "Cell")] for line in lines]
    return grid(rows, [label_width, width - label_width])
