"""The two bespoke drawings: a printed tick box and one bar of the area score chart."""

from __future__ import annotations

from reportlab.lib.colors import Color, black, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image

from homecheck.report.styles import BAR_GREY, FONT_BOLD, register_fonts


class SectionMark(Flowable):
    """An invisible marker that tells the canvas which priority group the story is in.

    The canvas repeats that group's name at the top of a page the group continues on, so a
    page taken off the fridge still says whether its actions are for now, soon or later.
    """

    def __init__(self, section: str | None) -> None:
        super().__init__()
        self.section = section
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        set_section = getattr(self.canv, "set_section", None)
        if set_section is not None:
            set_section(self.section)


class TickBox(Flowable):
    """An empty square to tick with a pen (ticked when the action is already done).

    Drawn with canvas lines, not a form field: form fields print differently per viewer.
    """

    def __init__(self, size: float = 20, ticked: bool = False) -> None:
        super().__init__()
        self.size = size
        self.ticked = ticked
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
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


class ScoreBar(Flowable):
    """A 0-100 bar: an outlined track, a dark grey fill and the number printed as text.

    The number sits inside the bar in white when it fits and beside it in black otherwise, so
    the value never depends on seeing the grey.
    """

    def __init__(self, score: int, width: float, height: float = 20, font_size: float = 13) -> None:
        super().__init__()
        register_fonts()
        self.score = max(0, min(100, score))
        self.width = width
        self.height = height
        self.font_size = font_size

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
        canv.saveState()
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


class FramedImage(Image):
    """A photo with a thin black frame, so a pale wall still shows where the picture ends."""

    def draw(self) -> None:
        super().draw()
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(black)
        canv.setLineWidth(0.8)
        x, y = getattr(self, "_offs_x", 0), getattr(self, "_offs_y", 0)
        canv.rect(x, y, self.drawWidth, self.drawHeight, stroke=1, fill=0)
        canv.restoreState()
