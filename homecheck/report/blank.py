"""The checklist on paper: every question in wizard order, three boxes and a line for notes.

Walk through the home with a pen, type the answers in afterwards: the order is the wizard's
(About you, then each area), so typing them in is one key per question.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from homecheck.domain.content import Area, Checklist
from homecheck.domain.person import SECTIONS, THERAPIST_SECTIONS, person_content
from homecheck.i18n import Catalogue, catalogue
from homecheck.report.blocks import markup, para
from homecheck.report.flowables import SectionMark, TickBox, WriteIn
from homecheck.report.model import LANGUAGE_TAGS
from homecheck.report.paper import page_size
from homecheck.report.pdf import ActionListRenderer, DocumentInfo
from homecheck.report.styles import FONT, sizes, stylesheet

_TIGHT = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


# Room after each answer, so that a long one never runs into the next box.
CHOICE_GAP = 6


class UnknownArea(ValueError):
    """An area id that the checklist does not have."""


class _Sheet:
    """The flowables of the paper checklist in one language."""

    def __init__(self, language: str, width: float, large: bool = False) -> None:
        self.language = language
        self.state: dict[str, Any] = {}  # the part that runs on a page, for its header
        self.t: Catalogue = catalogue(language)
        self.width = width
        self.styles: StyleSheet1 = stylesheet(large)
        self.size = sizes(large).blank
        self.box = round(self.size * 1.3)

    def text(self, text: str, style: str) -> Paragraph:
        return para(text, style, self.styles)

    def line(self, label: str, width: float = 0) -> WriteIn:
        return WriteIn(label, FONT, self.size, line_width=width)

    def choices(self, labels: Sequence[str]) -> Table:
        """A box before each answer, side by side; two to a row when one answer would take
        more than two lines beside the others (the Short FES-I and the walking aid in large
        print: "1 Helemaal / niet / bezorgd" ran up to the next box)."""
        per_row = max(len(labels), 3)
        if per_row > 2 and any(self._lines(label, self.width / per_row) > 2 for label in labels):
            per_row = 2
        column = self.width / per_row
        cells = min(per_row, len(labels))  # answers in a row
        rows: list[list[Flowable | str]] = []
        for start in range(0, len(labels), cells):
            row: list[Flowable | str] = []
            for label in labels[start : start + cells]:
                row += [TickBox(self.box), self.text(label, "BlankChoice")]
            rows.append(row + [""] * (2 * cells - len(row)))
        widths = [self.box + 6, column - self.box - 6] * cells
        style = [*_TIGHT, ("RIGHTPADDING", (0, 0), (-1, -1), CHOICE_GAP)]
        return Table(rows, colWidths=widths, style=style, hAlign="LEFT")

    def _lines(self, label: str, column: float) -> int:
        """How many lines an answer takes in a column this wide (its box included)."""
        text = self.text(label, "BlankChoice")
        text.wrap(column - self.box - 6 - CHOICE_GAP, 1e6)
        return len(text.blPara.lines)

    def question(
        self, number: int, text: str, answers: Sequence[str], notes: bool = True
    ) -> list[Flowable]:
        """"3. Question?", its boxes (or a line to write on) and a line for notes."""
        parts: list[Flowable] = [
            Paragraph(f"<b>{number}.</b> {markup(text)}", self.styles["BlankQuestion"])
        ]
        if answers:
            parts.append(self.choices(answers))
            if notes:
                parts.append(self.line(self.t("report.blank.notes")))
        else:
            parts.append(self.line(""))
        parts.append(Spacer(1, 6))
        return parts

    def section(
        self,
        title: str,
        heading: Sequence[Flowable],
        questions: Sequence[list[Flowable]],
        tail: Sequence[Flowable] = (),
    ) -> list[Flowable]:
        """The questions of one part (About you, an area), each kept together on a page.

        The ``heading`` travels with the first question and the ``tail`` (the area's notes lines)
        with the last, so no heading ends a page and no notes line starts one alone; a page the
        part continues on says "<title>, continued" at the top (until ``end()``). One
        KeepTogether per question: a KeepTogether inside another never fits on a page (it
        measures itself as endless), which put every area on a new page.
        """
        kept = [list(parts) for parts in questions] or [[]]
        kept[0][:0] = heading
        kept[-1].extend(tail)
        out: list[Flowable] = [KeepTogether(kept[0]), SectionMark(self.state, title)]
        out.extend(KeepTogether(parts) for parts in kept[1:])
        return out

    def end(self) -> Flowable:
        """The end of a part: the page after it does not say "continued"."""
        return SectionMark(self.state, None)

    def header(self) -> list[Flowable]:
        t = self.t
        half = self.width / 2
        lines = Table(
            [[self.line(t("report.blank.who")), self.line(t("report.blank.date"))],
             [self.line(t("report.blank.by")), ""]],
            colWidths=[half, half],
            style=[*_TIGHT, ("RIGHTPADDING", (0, 0), (0, -1), 16)],
        )
        return [
            self.text(t("report.blank.title"), "Title"),
            self.text(t("report.blank.intro"), "Body"),
            lines,
        ]

    def about(self) -> list[Flowable]:
        """The About you questions and the Short FES-I, as the wizard asks them."""
        t, lang = self.t, self.language
        content = person_content()
        about_title = t("report.blank.about_heading")
        heading: list[Flowable] = [
            self.text(about_title, "BlankHeading"),
            self.text(t("report.blank.about_intro"), "Body"),
        ]
        # The wizard's sections in its order, so typing the answers in is one key per question.
        # Key questions 1 and 2 follow from the falls count and the fear question (not asked);
        # the therapist's tests are not for the person to fill in.
        out: list[Flowable] = []
        number = 0
        for name, keys in SECTIONS:
            if name in THERAPIST_SECTIONS:
                continue
            heading.append(self.text(content.sections[name](lang), "BlankSubheading"))
            questions = []
            for key in keys:
                number += 1
                question = content.questions[key]
                answers = [option(lang) for option in question.options.values()]
                questions.append(self.question(number, question.text(lang), answers, False))
            out += self.section(about_title, heading, questions)
            heading = []
        fesi_title = t("report.blank.fesi_heading")
        heading = [
            self.text(fesi_title, "BlankHeading"),
            self.text(content.fesi_intro(lang), "Body"),
        ]
        levels = [f"{level} {content.fesi_levels[level](lang)}" for level in content.fesi_levels]
        questions = [
            self.question(number, item(lang), levels, False)
            for number, item in enumerate(content.fesi_items, start=1)
        ]
        return [*out, self.end(), *self.section(fesi_title, heading, questions), self.end()]

    def area(self, area: Area) -> list[Flowable]:
        """An area's questions, then two lines for notes about it."""
        t, lang = self.t, self.language
        answers = [t("report.blank.hazard"), t("report.blank.ok"), t("report.blank.na")]
        title = area.title(lang)
        questions = [
            self.question(number, item.question(lang), answers)
            for number, item in enumerate(area.items, start=1)
        ]
        notes = [self.line(t("report.blank.area_note")), self.line(""), Spacer(1, 8)]
        heading = [self.text(title, "BlankHeading")]
        return [*self.section(title, heading, questions, notes), self.end()]


def chosen_areas(checklist: Checklist, area_ids: Sequence[str] | None) -> list[Area]:
    """The areas to print, in checklist order; every id must exist (UnknownArea otherwise)."""
    if area_ids is None:
        return list(checklist.areas)
    known = set(checklist.area_ids())
    unknown = [area_id for area_id in area_ids if area_id not in known]
    if unknown:
        raise UnknownArea(
            f"unknown area {', '.join(unknown)} (choose from {', '.join(checklist.area_ids())})"
        )
    wanted = set(area_ids)
    return [area for area in checklist.areas if area.id in wanted]


def render_blank(
    checklist: Checklist,
    language: str,
    area_ids: Sequence[str] | None = None,
    paper: str | None = None,
    large_print: bool = False,
    about: bool | None = None,
) -> bytes:
    """Return the paper checklist as PDF bytes.

    ``area_ids`` None prints every area; otherwise only the questions of those areas (UnknownArea
    for an id the checklist lacks). ``about`` adds the About you questions with the Short FES-I
    first; None: only when every area is printed (``area_ids`` None), as `homecheck blank` does.
    ``large_print`` sets every line in larger type, as the action list's large print.
    """
    areas = chosen_areas(checklist, area_ids)
    renderer = ActionListRenderer(page_size(paper), large_print)
    sheet = _Sheet(language, renderer.frame_width(), large_print)
    story: list[Flowable] = sheet.header()
    if about is None:
        about = area_ids is None
    if about:
        story += sheet.about()
    for area in areas:
        story += sheet.area(area)
    t = sheet.t
    info = DocumentInfo(
        title=t("report.blank.title"),
        subject=t("report.blank.subject"),
        author=t("report.author"),
        lang_tag=LANGUAGE_TAGS[language],
        where=t("report.blank.title"),
        page_label=lambda page, pages: t("report.footer_page", page=page, pages=pages),
        continued=t("report.continued"),
    )
    return renderer.build(story, info, sheet.state)
