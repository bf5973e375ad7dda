"""The drawn flowables: a printed tick box, a bar of the score chart, a framed photo, a write-in
line, and an invisible mark that tells the page template which priority group is running."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.colors import Color, black, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.flowables import _listWrapOn

from homecheck.report.styles import BAR_GREY, FONT_BOLD


class TickBox(Flowable):
    """An empty square to tick with a pen (ticked when the action is already done).

    Drawn with canvas lines, not a form field: form fields print differently per viewer.
    """

    def __init__(self, size: float, ticked: bool = False) -> None:
        super().__init__()
        self.size = size
        self.ticked = ticked

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canv, s = self.canv, self.size
        canv.setStrokeColor(black)
        canv.setLineWidth(1.6)
        canv.rect(0, 0, s, s, stroke=1, fill=0)
        if self.ticked:
            canv.setLineWidth(2.4)
            path = canv.beginPath()
            path.moveTo(0.2 * s, 0.5 * s)
            path.lineTo(0.42 * s, 0.22 * s)
            path.lineTo(0.82 * s, 0.8 * s)
            canv.drawPath(path, stroke=1, fill=0)


class ScoreBar(Flowable):
    """A 0-100 bar: an outlined track, a dark grey fill and the number printed as text.

    The number sits inside the bar in white when it fits and beside it in black otherwise, so
    the value never depends on seeing the grey.
    """

    def __init__(self, score: int, width: float, font_size: float) -> None:
        super().__init__()
        self.score = max(0, min(100, score))
        self.width = width
        self.font_size = font_size
        self.height = font_size * 1.3

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        label = str(self.score)
        # Leave room after the track for the number when it is printed outside the bar.
        track = self.width - stringWidth("100", FONT_BOLD, self.font_size) - 8
        filled = track * self.score / 100
        text_width = stringWidth(label, FONT_BOLD, self.font_size)
        baseline = (self.height - self.font_size * 0.72) / 2
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


class Photo(Flowable):
    """A photo with a thin black frame, so a pale wall still shows where the picture ends."""

    def __init__(self, jpeg: bytes, key: str, width: float, height: float) -> None:
        super().__init__()
        self.image = _Jpeg(jpeg, key)
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.drawImage(self.image, 0, 0, self.width, self.height, mask=None)
        canv.setStrokeColor(black)
        canv.setLineWidth(0.8)
        canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)


class WriteIn(Flowable):
    """A label followed by a line to write on by hand ("Next check: ______")."""

    def __init__(self, label: str, font: str, size: float, line_width: float = 0) -> None:
        super().__init__()
        self.label = label
        self.font = font
        self.size = size
        self.line_width = line_width  # 0: to the right edge

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.9

    def draw(self) -> None:
        canv = self.canv
        canv.setFont(self.font, self.size)
        canv.setFillColor(black)
        canv.drawString(0, self.size * 0.45, self.label)
        start = stringWidth(self.label, self.font, self.size) + 6 if self.label else 0
        end = self.width if not self.line_width else min(self.width, start + self.line_width)
        canv.setStrokeColor(black)
        canv.setLineWidth(0.9)
        canv.line(start, self.size * 0.3, end, self.size * 0.3)


class SectionMark(Flowable):
    """Takes no room; tells the page template which priority group runs from here on.

    A page the group continues on repeats its name at the top, so a page taken off the fridge
    still says whether its actions are for now, soon or later. With ``key`` "action" it marks
    the action that runs from here on (None: none), which that line then names as well.
    """

    def __init__(self, state: dict[str, Any], section: str | None, key: str = "section") -> None:
        super().__init__()
        self.state = state
        self.section = section
        self.key = key

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.state[self.key] = self.section


class KeepTogetherOrFlow(KeepTogether):
    """Kept together on one page, unless that would leave more than ``room`` points empty.

    Then the flowables go on where they are, over the page end (platypus' own KeepTogether
    moves them to the next page whatever the gap). Mark what must still stay together with
    ``keepWithNext``.
    """

    def __init__(self, flowables: list[Flowable], room: float) -> None:
        super().__init__(flowables)
        self.room = room

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self._H > avail_height > self.room:  # does not fit, and leaves a large gap
            # Led by a null action as in KeepTogether.split: platypus places the first part of a
            # split at once, without looking at its keepWithNext.
            return [self.NullActionFlowable(), *self._content]
        return list(super().split(avail_width, avail_height))


class ColumnBalance:
    """The two-column pages' last page, balanced: what the ``BalancePoint`` marks share.

    ``units`` are the flowables of the columns in order, a ``BalancePoint`` before each. On the
    page where the rest fits into the two columns, the left column ends at the point where
    both columns come out about as long (the rest goes to the right one); on every other page
    the columns fill as usual. The right column must hold the rest with ``margin`` points to
    spare, so balancing never adds a page; a short end (under ``least`` of the column) stays
    in the left column.
    """

    def __init__(self, units: list[Flowable], left: str, margin: float, least: float) -> None:
        self.units = units
        self.left = left  # the left column frame's id
        self.margin = margin
        self.least = least
        self.heights: list[float] = []
        self.done = False

    def measure(self, width: float, canv: Any) -> None:
        """Each unit's height with the space around it (once; a little more than it takes)."""
        if not self.heights:
            for unit in self.units:
                # A KeepTogether measures itself as endless when asked with room to spare.
                parts = unit._content if isinstance(unit, KeepTogether) else [unit]
                _, height = _listWrapOn(parts, width, canv)
                self.heights.append(height + unit.getSpaceBefore() + unit.getSpaceAfter())

    def points(self) -> list[Flowable]:
        """The units with a balance point before each."""
        out: list[Flowable] = []
        for index, unit in enumerate(self.units):
            out += [BalancePoint(self, index), unit]
        return out


class BalancePoint(Flowable):
    """Takes no room, except at the balance point of the last page: there it takes the rest of
    the left column, so that what follows starts the right one."""

    _ZEROSIZE = 1

    def __init__(self, balance: ColumnBalance, index: int) -> None:
        super().__init__()
        self.balance = balance
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        balance, frame = self.balance, getattr(self, "_frame", None)
        if balance.done or frame is None or frame.id != balance.left:
            return 0, 0
        balance.measure(avail_width, self.canv)
        column = frame._aH
        used = column - avail_height  # in the left column so far
        rest = sum(balance.heights[self.index :])  # from here to the end
        next_unit = balance.heights[self.index]
        if (
            rest + balance.margin <= column  # the rest fits in the right column
            and used + next_unit >= rest  # one unit more and the left would be the longer
            and used + rest >= balance.least  # not a short end
        ):
            balance.done = True
            return avail_width, avail_height
        return 0, 0

    def draw(self) -> None:
        pass
