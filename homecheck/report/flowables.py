"""The drawn blocks: a printed tick box, a bar of the score chart, a framed photo, and rows."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color, black, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from homecheck.report.layout import Block
from homecheck.report.styles import BAR_GREY, FONT_BOLD


class TickBox(Block):
    """An empty square to tick with a pen (ticked when the action is already done).

    Drawn with canvas lines, not a form field: form fields print differently per viewer.
    """

    def __init__(self, size: float = 20, ticked: bool = False) -> None:
        self.size = size
        self.ticked = ticked

    def wrap(self, width: float) -> float:
        return self.size

    def draw(self, canv: Any, x: float, y: float) -> None:
        canv.saveState()
        canv.translate(x, y)
        canv.setStrokeColor(black)
        canv.setLineWidth(1.6)
        canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        if self.ticked:
            s = self.size
            canv.setLineWidth(2.4)
            path = canv.beginPath()
            path.moveTo(0.2 * s, 0.5 * s)
            path.lineTo(0.42 * s, 0.22 * s)
            path.lineTo(0.82 * s, 0.8 * s)
            canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()


class ScoreBar(Block):
    """A 0-100 bar: an outlined track, a dark grey fill and the number printed as text.

    The number sits inside the bar in white when it fits and beside it in black otherwise, so
    the value never depends on seeing the grey.
    """

    def __init__(self, score: int, width: float, height: float = 20, font_size: float = 13) -> None:
        self.score = max(0, min(100, score))
        self.width = width
        self.height = height
        self.font_size = font_size

    def wrap(self, width: float) -> float:
        return self.height

    def draw(self, canv: Any, x: float, y: float) -> None:
        label = str(self.score)
        # Leave room after the track for the number when it is printed outside the bar.
        track = self.width - stringWidth("100", FONT_BOLD, self.font_size) - 8
        filled = track * self.score / 100
        text_width = stringWidth(label, FONT_BOLD, self.font_size)
        baseline = (self.height - self.font_size * 0.72) / 2
        canv.saveState()
        canv.translate(x, y)
        canv.setStrokeColor(black)
        canv.setLineWidth(0.8)
        canv.rect(0, 0, track, self.height, stroke=1, fill=0)
        if filled > 0:
            canv.setFillColor(Color(BAR_GREY, BAR_GREY, BAR_GREY))
            canv.rect(0, 0, filled, self.height, stroke=0, fill=1)
        canv.setFont(FONT_BOLD, self.font_size)
        if filled >= text_width + 10:
            canv.setFillColor(white)
            canv.drawRightString(filled - 5, baseline, label)
        else:
            canv.setFillColor(black)
            canv.drawString(filled + 5, baseline, label)
        canv.restoreState()


class _Jpeg:
    """A JPEG as reportlab's image loader takes it: embedded as it is, never decoded again.

    (An ImageReader would decode every photo once more only to name it in the PDF.)
    """

    def __init__(self, data: bytes, key: str) -> None:
        self._data = data
        self._key = key

    def jpeg_fh(self) -> io.BytesIO:
        return io.BytesIO(self._data)

    def __str__(self) -> str:
        return self._key  # names the image in the PDF; the same photo is stored once


class Photo(Block):
    """A photo with a thin black frame, so a pale wall still shows where the picture ends."""

    def __init__(self, jpeg: bytes, key: str, width: float, height: float) -> None:
        self.image = _Jpeg(jpeg, key)
        self.width = width
        self.height = height

    def wrap(self, width: float) -> float:
        return self.height

    def draw(self, canv: Any, x: float, y: float) -> None:
        canv.drawImage(self.image, x, y, self.width, self.height, mask=None)
        canv.saveState()
        canv.setStrokeColor(black)
        canv.setLineWidth(0.8)
        canv.rect(x, y, self.width, self.height, stroke=1, fill=0)
        canv.restoreState()


class Rule(Block):
    """A horizontal line across the frame (under a priority heading)."""

    def __init__(self, thickness: float, space_after: float = 0) -> None:
        self.thickness = thickness
        self.space_after = space_after

    def wrap(self, width: float) -> float:
        self.width = width
        return self.thickness

    def draw(self, canv: Any, x: float, y: float) -> None:
        canv.saveState()
        canv.setLineWidth(self.thickness)
        canv.setLineCap(1)
        canv.setStrokeColor(black)
        canv.line(x, y, x + self.width, y)
        canv.restoreState()


class Grid(Block):
    """Rows of cells in fixed columns (label and value, box and fix, a row of photos).

    ``pad`` is (left, right, top, bottom) inside every cell; ``middle`` centres each cell in
    its row's height, otherwise cells hang from the top. A grid splits between rows.
    """

    def __init__(
        self,
        rows: Sequence[Sequence[Block | None]],
        widths: Sequence[float],
        pad: tuple[float, float, float, float],
        middle: bool = False,
    ) -> None:
        self.rows = rows
        self.widths = widths
        self.pad = pad
        self.middle = middle
        self._heights: list[float] | None = None

    def _row_heights(self) -> list[float]:
        if self._heights is None:
            left, right, top, bottom = self.pad
            self._heights = []
            for row in self.rows:
                cells = zip(row, self.widths, strict=True)
                tallest = max((c.wrap(w - left - right) for c, w in cells if c), default=0.0)
                self._heights.append(tallest + top + bottom)
        return self._heights

    def wrap(self, width: float) -> float:
        return sum(self._row_heights())

    def split(self, width: float, avail: float) -> list[Block]:
        heights = self._row_heights()
        used = 0.0
        n = 0
        while n < len(heights) and used + heights[n] <= avail:
            used += heights[n]
            n += 1
        if n == len(heights):
            return [self]
        if n == 0:
            return []
        head = Grid(self.rows[:n], self.widths, self.pad, self.middle)
        tail = Grid(self.rows[n:], self.widths, self.pad, self.middle)
        return [head, tail]

    def draw(self, canv: Any, x: float, y: float) -> None:
        left, right, top, bottom = self.pad
        row_top = y + self.wrap(0)
        for row, row_height in zip(self.rows, self._row_heights(), strict=True):
            col = x
            for cell, width in zip(row, self.widths, strict=True):
                if cell is not None:
                    height = cell.wrap(width - left - right)
                    if self.middle:
                        cell_y = row_top - row_height + (row_height + bottom - top - height) / 2
                    else:
                        cell_y = row_top - top - height
                    cell.draw(canv, col + left, cell_y)
                col += width
            row_top -= row_height
