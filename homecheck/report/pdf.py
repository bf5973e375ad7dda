"""The PDF renderer: assessment in, bytes out, with "Page x of y", date and client on every page."""

from __future__ import annotations

import io

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist
from homecheck.domain.followup import FollowUp
from homecheck.report.layout import Page, Paginator
from homecheck.report.model import ReportModel, build_report
from homecheck.report.paper import MM, page_size
from homecheck.report.photos import PhotoSource
from homecheck.report.story import story
from homecheck.report.styles import FONT, FONT_BOLD, SMALL_SIZE, register_fonts

FOOTER_SIZE = SMALL_SIZE
# reportlab's frames keep 6 pt inside the margins; the pages keep that look.
FRAME_PADDING = 6


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

    margin = 20 * MM
    bottom_margin = 26 * MM  # room for the footer

    def __init__(self, pagesize: tuple[float, float]) -> None:
        self.pagesize = pagesize

    def render(self, model: ReportModel) -> bytes:
        """Return the PDF of the model as bytes; the same model gives the same bytes."""
        register_fonts()
        width, height = self.pagesize
        text_width = width - 2 * self.margin
        pages = Paginator(
            x=self.margin + FRAME_PADDING,
            top=height - self.margin - FRAME_PADDING,
            bottom=self.bottom_margin + FRAME_PADDING,
            width=text_width - 2 * FRAME_PADDING,
        ).run(story(model, text_width))
        buffer = io.BytesIO()
        canv = Canvas(
            buffer,
            pagesize=self.pagesize,
            invariant=1,  # no timestamps or random ids: identical input, identical bytes
            lang=model.lang_tag,
            # Otherwise each page starts in Helvetica, a font the PDF then refers to unused.
            initialFontName=FONT,
            initialFontSize=SMALL_SIZE,
        )
        canv.setTitle(model.title)
        canv.setAuthor(model.author)
        canv.setSubject(model.labels["subject"])
        canv.setCreator("homecheck")
        canv.setViewerPreference("DisplayDocTitle", "true")
        for number, page in enumerate(pages, start=1):
            for block, x, y in page.placed:
                block.draw(canv, x, y)
            self._draw_footer(canv, model, number, len(pages))
            self._draw_header(canv, model, page)
            canv.showPage()
        canv.save()
        return buffer.getvalue()

    def _draw_footer(self, canv: Canvas, model: ReportModel, number: int, total: int) -> None:
        width, _ = self.pagesize
        left, right = self.margin, width - self.margin
        y = self.margin * 0.55
        page = model.page_label(number, total)
        canv.saveState()
        canv.setLineWidth(0.8)
        canv.line(left, y + FOOTER_SIZE + 4, right, y + FOOTER_SIZE + 4)
        canv.setFont(FONT, FOOTER_SIZE)
        canv.drawRightString(right, y, page)
        room = right - left - stringWidth(page, FONT, FOOTER_SIZE) - 16
        where = " · ".join(filter(None, (model.date, model.client)))
        canv.drawString(left, y, _fit(where, room))
        canv.restoreState()

    def _draw_header(self, canv: Canvas, model: ReportModel, page: Page) -> None:
        if not page.continued:
            return
        width, height = self.pagesize
        text = model.labels["continued"].format(section=page.continued)
        canv.saveState()
        canv.setFont(FONT_BOLD, FOOTER_SIZE)
        text = _fit(text, width - 2 * self.margin, FONT_BOLD)
        canv.drawString(self.margin, height - self.margin * 0.6, text)
        canv.restoreState()


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
    register_fonts()  # first: photos on a PreparedPhotos thread have time to finish meanwhile
    model = build_report(
        checklist, assessment, language or assessment.language, photos=photos, followup=followup
    )
    return ActionListRenderer(page_size(paper)).render(model)
