"""The PDF renderer (pretix's invoice renderer, scaled down): report model in, bytes out.

A platypus document with named paragraph styles; a numbered canvas writes "Page x of y", the
date and the client at the bottom of every page once the page count is known.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist
from homecheck.domain.followup import FollowUp
from homecheck.report.context import COLUMN_FRAMES, COLUMN_GAP, COLUMNS_TEMPLATE, StoryContext
from homecheck.report.model import ReportModel, build_report
from homecheck.report.paper import MM, page_size
from homecheck.report.photos import PhotoSource
from homecheck.report.story import story
from homecheck.report.styles import FONT, FONT_BOLD, register_fonts, sizes

# Only the footer may sit in the bottom 8 % of a page (and only it may be small there).
FOOTER_ZONE = 0.08
# Home printers leave 3 to 5 mm at the paper's edges blank: no text is set closer than this.
PRINT_EDGE = 6 * MM


@lru_cache(maxsize=64)
def fit(text: str, width: float, font: str, size: float) -> str:
    """Shorten text with "…" until it fits the width (a long client label must not overprint).

    Cached: every page's footer asks the same, and shortening a long label is not cheap.
    """
    if stringWidth(text, font, size) <= width:
        return text
    text = text[: int(width)]  # no glyph is narrower than 1 pt: a cheap first cut
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def fit_words(text: str, width: float, font: str, size: float) -> str:
    """Shorten text with "…" after its last whole word that fits the width ("fit" when not even
    the first word does)."""
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        shorter = " ".join(words).rstrip(" ·,:;") + "…"
        if stringWidth(shorter, font, size) <= width:
            return shorter
    return fit(text, width, font, size)


class Footer:
    """The line at the bottom of every page: date and client on the left, "Page x of y" right."""

    def __init__(self, where: str, page_label: Callable[[int, int], str], size: float) -> None:
        self.where = where
        self.page_label = page_label
        self.size = size

    def draw(self, canv: Canvas, page: int, pages: int, margin: float) -> None:
        """Draw the footer of one page."""
        width, height = canv._pagesize
        left, right = margin, width - margin
        y = height * FOOTER_ZONE * 0.4
        label = self.page_label(page, pages)
        canv.saveState()
        canv.setLineWidth(0.8)
        canv.line(left, y + self.size + 4, right, y + self.size + 4)
        canv.setFont(FONT, self.size)
        canv.drawRightString(right, y, label)
        room = right - left - stringWidth(label, FONT, self.size) - 16
        canv.drawString(left, y, fit(self.where, room, FONT, self.size))
        canv.restoreState()


class NumberedCanvas(Canvas):
    """A canvas that keeps its pages until the end, then writes each page's footer.

    Only then is the number of pages known ("Page 2 of 7"); pretix does the same.
    """

    def __init__(self, *args: Any, footer: Footer, margin: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._margin = margin
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            # ReportLab's "page x of y" recipe (ActiveState 576832; pretix's invoices use it too).
            self.__dict__.update(state)
            self._footer.draw(self, number, total, self._margin)
            super().showPage()
        super().save()


@dataclass(frozen=True)
class DocumentInfo:
    """What the PDF says about itself: metadata, the footer, the "continued" header."""

    title: str
    subject: str
    author: str
    lang_tag: str
    where: str  # the footer's left part: date and client
    page_label: Callable[[int, int], str]
    continued: str  # "{section}, continued"

    @classmethod
    def of(cls, model: ReportModel) -> DocumentInfo:
        """The document information of an action list."""
        return cls(
            title=model.title,
            subject=model.labels["subject"],
            author=model.author,
            lang_tag=model.lang_tag,
            where=" · ".join(filter(None, (model.date, model.client))),
            page_label=model.page_label,
            continued=model.labels["continued"],
        )


class ActionListRenderer:
    """Lays out one report model on paper, in normal or large print."""

    margin = 14 * MM
    top_margin = 13 * MM

    def __init__(self, pagesize: tuple[float, float], large: bool = False) -> None:
        self.pagesize = pagesize
        self.large = large

    def _frame(self, name: str, left: float = 0, width: float = 0) -> Frame:
        """A text frame ``width`` wide (0: the whole width), ``left`` points right of the margin."""
        height = self.pagesize[1]
        bottom = height * FOOTER_ZONE + 6
        return Frame(
            self.margin + left,
            bottom,
            width or self.frame_width(),
            height - self.top_margin - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )

    def _header(self, state: dict[str, Any], info: DocumentInfo) -> Callable[..., None]:
        size = sizes(self.large).body

        def draw(canv: Canvas, doc: BaseDocTemplate) -> None:
            # At the start of a page: the group that ran at the end of the last one continues,
            # and the action the page starts in, if it does ("Now (this week), continued ·
            # Ask your GP for a full falls…"): its box and fix are on the page before.
            section = state.get("section")
            if not section:
                return
            width, height = self.pagesize
            text = info.continued.format(section=section)
            room = width - 2 * self.margin
            if state.get("action"):
                text = fit_words(f"{text} · {state['action']}", room, FONT_BOLD, size)
            canv.saveState()
            canv.setFont(FONT_BOLD, size)
            text = fit(text, room, FONT_BOLD, size)
            canv.drawString(self.margin, height - PRINT_EDGE - getAscent(FONT_BOLD, size), text)
            canv.restoreState()

        return draw

    def build(self, flowables: list[Flowable], info: DocumentInfo, state: dict[str, Any]) -> bytes:
        """Lay out the flowables and return the PDF bytes (same input, same bytes)."""
        register_fonts()
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.pagesize,
            title=info.title,
            author=info.author,
            subject=info.subject,
            creator="homecheck",
            lang=info.lang_tag,
            invariant=1,  # no timestamps or random ids: identical input, identical bytes
            displayDocTitle=1,
            # Otherwise each page starts in Helvetica, a font the PDF then refers to unused.
            initialFontName=FONT,
            initialFontSize=sizes(self.large).body,
        )
        header = self._header(state, info)
        column = (self.frame_width() - COLUMN_GAP) / 2
        left, right = COLUMN_FRAMES
        doc.addPageTemplates(
            [
                PageTemplate(id="page", frames=[self._frame("body")], onPage=header),
                # The advice pages (story.advice switches to it): short bullet lines, no waste.
                PageTemplate(
                    id=COLUMNS_TEMPLATE,
                    frames=[
                        self._frame(left, 0, column),
                        self._frame(right, column + COLUMN_GAP, column),
                    ],
                    onPage=header,
                ),
            ]
        )
        footer = Footer(info.where, info.page_label, sizes(self.large).footer)
        doc.build(flowables, canvasmaker=partial(NumberedCanvas, footer=footer,
                                                 margin=self.margin))
        return buffer.getvalue()

    def frame_height(self) -> float:
        """The height of the text frame."""
        return self._frame("body")._aH

    def frame_width(self) -> float:
        """The width of the text frame."""
        return self.pagesize[0] - 2 * self.margin

    def render(self, model: ReportModel) -> bytes:
        """Return the PDF of the model as bytes; the same model gives the same bytes."""
        ctx = StoryContext(model, self.frame_width(), self.large, self.frame_height())
        return self.build(story(ctx), DocumentInfo.of(model), ctx.state)


def render_pdf(
    checklist: Checklist,
    assessment: Assessment,
    language: str | None = None,
    paper: str | None = None,
    *,
    photos: PhotoSource | None = None,
    followup: FollowUp | None = None,
    large_print: bool = False,
) -> bytes:
    """Return the printable action list of an assessment as PDF bytes.

    ``language`` is "nl" or "en" (default: the assessment's); ``paper`` is "A4" or "letter"
    (default: A4, or Letter when the locale's territory is US or CA).

    ``photos`` returns the bytes of a photo by its stored name, or None when it is missing; each
    action then shows its photos, and a short line for one that is missing or damaged. Without
    it no photos are printed. ``followup`` (homecheck.domain.followup.compare) adds "Progress
    since <date>". ``large_print`` sets the whole list in larger type.
    """
    pagesize = page_size(paper)
    model = build_report(
        checklist, assessment, language or assessment.language, photos=photos, followup=followup
    )
    return ActionListRenderer(pagesize, large_print).render(model)
