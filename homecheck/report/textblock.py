"""Paragraphs of plain text: words measured once, lines filled greedily, drawn as PDF text."""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from homecheck.report.layout import Block
from homecheck.report.styles import FONT_BOLD, Style

# Lines break as reportlab's Paragraph breaks them, at a fraction of its cost: spaces may
# shrink by SHRINK to fit one more word, and a word wider than the line is cut.
SHRINK = 0.05
# reportlab's word separators when the text holds a no-break space (which must not break).
_SPLIT_KEEPING_NBSP = re.compile(
    "[\t\n\x0b\x0c\r\x1c-\x1f \x85\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]+"
).split

Run = tuple[str, bool]  # a piece of text and whether it is bold
Segment = tuple[str, str]  # text and font, as drawn
# The segments of a line, and the word spacing that makes a line that took up the SHRINK
# fit exactly (0 for any other line).
Line = tuple[list[Segment], float]


def _words(text: str) -> list[str]:
    if "\xa0" in text:
        return [word for word in _SPLIT_KEEPING_NBSP(text) if word]
    return text.split()


def _cut(word: str, used: float, width: float, font: str, size: float) -> list[str]:
    """A word wider than a line, in pieces: the first fills what is left of this line."""
    pieces: list[str] = []
    current: list[str] = []
    for char in word:
        char_width = stringWidth(char, font, size)
        if used + char_width > width:
            pieces.append("".join(current))
            current, used = [], 0.0
        current.append(char)
        used += char_width
    pieces.append("".join(current))
    return pieces


def break_lines(runs: list[Run], style: Style, width: float) -> list[Line]:
    """Fill lines of at most ``width`` points; a "\\n" in the text always starts a new line."""
    size = style.size
    space: dict[str, float] = {}
    hard: list[list[tuple[str, str, bool]]] = [[]]
    for text, bold in runs:
        font = FONT_BOLD if bold else style.font
        for n, part in enumerate(text.split("\n")):
            if n:
                hard.append([])
            hard[-1].extend((word, font, True) for word in _words(part))
    lines: list[Line] = []
    for words in hard:
        line: list[tuple[str, str]] = []
        used = 0.0
        spaces = 0.0  # the width of the spaces on the line, of which SHRINK may go
        queue = words[::-1]
        while queue:
            word, font, may_cut = queue.pop()
            word_width = stringWidth(word, font, size)
            if font not in space:
                space[font] = stringWidth(" ", font, size)
            # The space before a word is set in its font (in "<b>Where:</b> hall" it is roman).
            gap = space[font] if line else 0.0
            if line and used + gap + word_width <= width + SHRINK * (spaces + gap):
                line.append((word, font))
                used += gap + word_width
                spaces += gap
            elif may_cut and word_width > width:
                # reportlab's splitLongWords: fill this line, then a line per piece.
                first, *rest = _cut(word, used + gap if line else 0.0, width, font, size)
                if first:
                    line.append((first, font))
                    used += gap + stringWidth(first, font, size)
                lines.append(_line(line, used, width))
                line, used, spaces = [], 0.0, 0.0
                queue.extend((piece, font, False) for piece in reversed(rest))
            elif line:
                lines.append(_line(line, used, width))
                line, used, spaces = [(word, font)], word_width, 0.0
            else:
                line, used = [(word, font)], word_width
        if line or not words:
            lines.append(_line(line, used, width))
    return lines


def _line(words: list[tuple[str, str]], used: float, width: float) -> Line:
    """Words joined into runs of one font; the space before a word is set in its font."""
    out: list[Segment] = []
    for word, font in words:
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + " " + word, font)
        else:
            out.append((" " + word if out else word, font))
    extra = width - used
    # As reportlab does: squeeze the spaces (no-break ones count too) of a line that is over.
    spaces = len(words) - 1 + sum(word.count("\xa0") for word, _ in words)
    return out, (extra / spaces if extra < -1e-8 and spaces > 0 else 0.0)


class Text(Block):
    """A paragraph in one style; runs may be bold (a "label:" before a value)."""

    def __init__(
        self, runs: list[Run], style: Style, bullet: str = "", lines: list[Line] | None = None
    ) -> None:
        self.runs = runs
        self.style = style
        self.bullet = bullet
        self.space_before = style.space_before
        self.space_after = style.space_after
        self.keep_with_next = style.keep_with_next
        self._lines = lines
        self._width = -1.0

    def lines(self, width: float) -> list[Line]:
        """The lines at this width (computed once per width)."""
        if self._lines is None or (self.runs and width != self._width):
            self._lines = break_lines(self.runs, self.style, width - self.style.indent)
            self._width = width
        return self._lines

    def wrap(self, width: float) -> float:
        self.width = width
        lines = self.lines(width)
        return len(lines) * self.style.leading if len(lines) > 1 or lines[0][0] else 0.0

    def split(self, width: float, avail: float) -> list[Block]:
        lines = self.lines(width)
        fit = int(avail / self.style.leading)
        if fit == 0 or (fit == 1 and not self.style.orphans):
            return []
        if len(lines) <= fit:
            return [self]
        if not self.style.widows and len(lines) == fit + 1:
            if len(lines) > 3 or (self.style.orphans and len(lines) == 3):
                fit -= 1
            else:
                return []
        return [
            Text([], self.style, self.bullet, lines[:fit]),
            Text([], self.style, "", lines[fit:]),
        ]

    def draw(self, canv: Any, x: float, y: float) -> None:
        style = self.style
        lines = self._lines or []
        height = self.wrap(self.width)
        if style.border:
            pad = style.border_padding
            canv.saveState()
            canv.setLineWidth(style.border)
            canv.rect(
                x + style.indent - pad, y - pad, self.width - style.indent + 2 * pad,
                height + 2 * pad, stroke=1, fill=0,
            )
            canv.restoreState()
        if not height:
            return
        baseline = y + height - style.size
        if self.bullet:
            bullet = canv.beginText(x + style.bullet_indent, baseline)
            bullet.setFont(FONT_BOLD, style.size)
            bullet.textOut(self.bullet)
            canv.drawText(bullet)
        text = canv.beginText(x + style.indent, baseline)
        font = style.font
        text.setFont(font, style.size, style.leading)
        for line, squeeze in lines:
            if squeeze:
                text.setWordSpace(squeeze)
            for piece, piece_font in line:
                if piece_font != font:
                    font = piece_font
                    text.setFont(font, style.size, style.leading)
                if len(line) == 1:
                    text.textLine(piece)
                else:
                    text.textOut(piece)
            if len(line) != 1:
                text.textLine()
            if squeeze:
                text.setWordSpace(0)
        canv.drawText(text)
