"""The PDF renderer: assessment in, bytes out, with "Page x of y", date and client on every page."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist
from homecheck.domain.followup import FollowUp
from homecheck.report.model import ReportModel, build_report
from homecheck.report.paper import page_size
from homecheck.report.photos import PhotoSource
from homecheck.report.story import story
from homecheck.report.styles import FONT, FONT_BOLD, SMALL_SIZE, register_fonts

FOOTER_SIZE = SMALL_SIZE


class NumberedCanvas(Canvas):
    """A canvas that writes the footer after the last page, when the page count is known."""

    def __init__(self, *args: Any, model: ReportModel, margin: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._model = model
        self._margin = margin
        self._pages: list[dict[str, Any]] = []
        self._section: str | None = None  # the priority group the story is in now
        self._continued: str | None = None  # the group this page continues, if any

    def set_section(self, section: str | None) -> None:
        """Called by SectionMark flowables as they are drawn."""
        self._section = section

    def showPage(self) -> None:
        # Keep the page's state; it is written in save() once the total is known.
        self._pages.append(dict(self.__dict__))
        self._continued = self._section
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            self._draw_header()
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, _ = self._pagesize
        left, right = self._margin, width - self._margin
        y = self._margin * 0.55
        page = self._model.page_label(self._pageNumber, total)
        self.saveState()
        self.setStrokeColor(black)
        self.setLineWidth(0.8)
        self.line(left, y + FOOTER_SIZE + 4, right, y + FOOTER_SIZE + 4)
        self.setFillColor(black)
        self.setFont(FONT, FOOTER_SIZE)
        self.drawRightString(right, y, page)
        room = right - left - stringWidth(page, FONT, FOOTER_SIZE) - 16
        where = " · ".join(filter(None, (self._model.date, self._model.client)))
        self.drawString(left, y, _fit(where, room))
        self.restoreState()

    def _draw_header(self) -> None:
        if not self._continued:
            return
        width, height = self._pagesize
        text = self._model.labels["continued"].format(section=self._continued)
        self.saveState()
        self.setFillColor(black)
        self.setFont(FONT_BOLD, FOOTER_SIZE)
        text = _fit(text, width - 2 * self._margin, FONT_BOLD)
        self.drawString(self._margin, height - self._margin * 0.6, text)
        self.restoreState()


def _fit(text: str, width: float, font: str = FONT) -> str:
    """Shorten text with "…" until it fits the width (a long client label must not overprint)."""
    if stringWidth(text, font, FOOTER_SIZE) <= width:
        return text
    text = text[: int(width)]  # no glyph is narrower than 1 pt: a cheap first cut
    while text and stringWidth(text + "…", font, FOOTER_SIZE) > width:
        text = text[:-1]
    return text + "…"


class ActionListRenderer:
    """Lays out one report model on paper (pretix's renderer shape, scaled down)."""

    margin = 20 * mm
    bottom_margin = 26 * mm  # room for the footer

    def __init__(self, pagesize: tuple[float, float]) -> None:
        self.pagesize = pagesize

    def render(self, model: ReportModel) -> bytes:
        """Return the PDF of the model as bytes; the same model gives the same bytes."""
        register_fonts()
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=self.margin,
            rightMargin=self.margin,
            topMargin=self.margin,
            bottomMargin=self.bottom_margin,
            title=model.title,
            author=model.author,
            subject=model.labels["subject"],
            creator="homecheck",
            lang=model.lang_tag,
            invariant=1,  # no timestamps or random ids: identical input, identical bytes
            displayDocTitle=1,
            # Otherwise each page starts in Helvetica, a font the PDF then refers to unused.
            initialFontName=FONT,
            initialFontSize=SMALL_SIZE,
        )

        def make_canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
            return NumberedCanvas(*args, model=model, margin=self.margin, **kwargs)

        doc.build(story(model, doc.width), canvasmaker=make_canvas)
        return buffer.getvalue()


def render_pdf(
    checklist: Checklist,
    assessment: Assessment,
    language: str | None = None,
    paper: str | None = None,
    *,
    photos: PhotoSource | None = None,
    followup: FollowUp | None = None,
) -> bytes:
    """Return the printable action list of an assessment as PDF bytes.

    ``language`` is "nl" or "en" (default: the assessment's); ``paper`` is "A4" or "letter"
    (default: A4, or Letter when the locale's territory is US or CA).

    ``photos`` returns the bytes of a photo by its stored name, or None when it is missing; each
    action then shows its photos, and a short line for one that is missing or damaged. Without
    it no photos are printed. ``followup`` (homecheck.domain.followup.compare) adds "Progress
    since <date>" to the cover.
    """
    model = build_report(
        checklist, assessment, language or assessment.language, photos=photos, followup=followup
    )
    return ActionListRenderer(page_size(paper)).render(model)
