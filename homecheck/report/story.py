"""The story: overview, action list and advice as platypus flowables, from the view-model."""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
)
from reportlab.platypus.flowables import FrameSplitter

from homecheck.report.action_list import actions
from homecheck.report.blocks import CELL_STYLE, bold, facts, markup, para, user_text
from homecheck.report.context import COLUMN_FRAMES, COLUMNS_TEMPLATE, StoryContext
from homecheck.report.flowables import ColumnBalance, ScoreBar, SectionMark
from homecheck.report.fridge import fridge_page
from homecheck.report.model import PersonView
from homecheck.report.progress import ProgressView


def _score_chart(ctx: StoryContext) -> list[Flowable]:
    styles = ctx.styles
    name_width = ctx.width * 0.42
    bar_width = ctx.width - name_width - 8
    rows: list[list[Flowable]] = []
    for bar in ctx.model.bars:
        shown: Flowable
        if bar.nothing_to_do:
            shown = para(ctx.label("score.nothing_to_do"), "Cell", styles)
        elif bar.score is None:
            shown = para(ctx.label("score.not_checked"), "Cell", styles)
        else:
            shown = ScoreBar(bar.score, bar_width, ctx.sizes.body)
        rows.append([para(bar.title, "Cell", styles), shown])
    if not rows:
        return []
    return [Table(rows, colWidths=[name_width, ctx.width - name_width], style=CELL_STYLE)]


def bullet(text: str, ctx: StoryContext, lead: str = "") -> Paragraph:
    """A bullet point of plain text, optionally starting with a bold "lead:"."""
    start = f"<b>{markup(lead)}:</b> " if lead else ""
    return Paragraph(start + markup(text), ctx.styles["Bullet"], bulletText="•")


def _progress(progress: ProgressView, ctx: StoryContext) -> list[Flowable]:
    """Progress since the previous check: one summary line, then what changed, by kind."""
    styles = ctx.styles
    top = [
        para(progress.heading, "Heading2", styles),
        SectionMark(ctx.state, progress.heading),  # a page it runs on to says "…, continued"
        para(progress.summary, "Score", styles),
    ]
    if progress.fesi:
        top.append(para(progress.fesi, "Body", styles))
    out: list[Flowable] = [KeepTogether(top)]
    if progress.areas:
        # Per part of the home: the heading stays with its first line.
        areas = [bullet(line, ctx) for line in progress.areas]
        out.append(KeepTogether([para(progress.areas_heading, "Heading3", styles), areas[0]]))
        out.extend(areas[1:])
    for kind in progress.lists:
        lines: list[Flowable] = [bullet(item.fix, ctx, item.area) for item in kind.items]
        if kind.more:
            lines.append(para(kind.more, "Body", styles))
        start: list[Flowable] = [para(kind.title, "Heading3", styles)]
        if kind.hint:
            start.append(para(kind.hint, "Body", styles))
        # The title stays with its first line; a long list flows on by itself.
        out.append(KeepTogether([*start, *lines[:1]]))
        out.extend(lines[1:])
    return [*out, SectionMark(ctx.state, None)]


# The rows of a table that stay with its heading.
TABLE_START = 3


def _person(person: PersonView, ctx: StoryContext) -> list[Flowable]:
    styles = ctx.styles
    blocks: list[list[Flowable]] = []
    if person.warnings:
        blocks.append(
            [
                para(person.headings["warnings"], "Heading3", styles),
                *(para(text, "Box", styles) for text in person.warnings),
            ]
        )
    # A long table of answers flows on over the page end like text: its first rows stay with
    # the heading, the rest is a second table with the same columns.
    for key, lines, share in (("answers", person.answers, 0.55), ("tests", person.tests, 0.42)):
        if lines:
            blocks.append(
                [
                    para(person.headings[key], "Heading3", styles),
                    facts(lines[:TABLE_START], ctx.width, styles, share=share),
                ]
            )
            if lines[TABLE_START:]:
                blocks[-1].append(facts(lines[TABLE_START:], ctx.width, styles, share=share))
    if person.factors:
        blocks.append(
            [
                para(person.headings["factors"], "Heading3", styles),
                *(bullet(fix, ctx) for fix in person.factors),
            ]
        )
    if person.fesi:
        blocks.append(
            [
                para(ctx.label("person.fesi_heading"), "Heading3", styles),
                *(para(sentence, "Body", styles) for sentence in person.fesi),
            ]
        )
    if person.goals:
        blocks.append(
            [
                para(ctx.label("person.goals"), "Heading3", styles),
                *user_text("", person.goals, "Body", styles),
            ]
        )
    if not blocks:
        return []
    # Each heading stays with the part's first line (a table whole); a longer part flows on
    # over the page end, so page 2 is not left a third empty for the Short FES-I sentences.
    out: list[Flowable] = []
    heading = ctx.label("person.heading")
    # A page it runs on to says "About the person, continued".
    lead: list[Flowable] = [para(heading, "Heading2", styles), SectionMark(ctx.state, heading)]
    for block in blocks:
        out.append(KeepTogether([*lead, *block[:2]]))
        out.extend(block[2:])
        lead = []
    return [*out, SectionMark(ctx.state, None)]


def _first(ctx: StoryContext) -> list[Flowable]:
    """What to do now comes first: the count of "now" actions, the next step, who helps."""
    model, styles = ctx.model, ctx.styles
    if not model.now_line:
        return []
    return [
        KeepTogether(
            [
                para(model.now_line, "Score", styles),
                bold(model.next_step, "Body", styles),
                para(model.next_helpers, "Body", styles),
            ]
        )
    ]


def overview(ctx: StoryContext) -> list[Flowable]:
    """Title, who and when, the scores, the counts, progress, the person outcome, how to read it."""
    model, styles = ctx.model, ctx.styles
    score_block: list[Flowable] = [
        para(ctx.label("score.heading"), "Heading2", styles),
        para(model.home_score, "Score", styles),
    ]
    if model.no_hazard:
        score_block.append(bold(ctx.label("score.none_found"), "Body", styles))
    score_block.append(para(ctx.label("score.explain"), "Body", styles))
    score_block.extend(_score_chart(ctx))
    out: list[Flowable] = [
        para(model.title, "Title", styles),
        facts(model.facts, ctx.width, styles),
        *_first(ctx),
        KeepTogether(score_block),
    ]
    if model.counts:
        out.append(
            KeepTogether(
                [
                    para(ctx.label("counts.heading"), "Heading2", styles),
                    facts(model.counts, ctx.width, styles),
                ]
            )
        )
    if model.progress is not None:
        out.extend(_progress(model.progress, ctx))
    if model.person is not None:
        out.extend(_person(model.person, ctx))
    # How to use the list is on the fridge page and above the list; what it is not stays here.
    out.append(para(ctx.label("read.disclaimer"), "Box", styles))
    return out


# The advice points that stay with their section's heading at a column or page end.
ADVICE_START = 1


def advice(ctx: StoryContext) -> list[Flowable]:
    """The "what you can do yourself" pages from the leaflet's advice sections.

    A section flows on into the next column like text (its heading kept with its first point),
    so a column is not left short because the next section did not fit whole.
    """
    styles = ctx.styles
    start = [
        para(ctx.label("advice.heading"), "Heading2", styles),
        para(ctx.label("advice.intro"), "Body", styles),
    ]
    body: list[Flowable] = []
    for section in ctx.model.advice:
        points = [bullet(point, ctx) for point in section.points]
        # The heading and the intro travel with the first section; a short section stays whole
        # and the last point never goes on alone.
        lead = ADVICE_START if len(points) > ADVICE_START + 1 else len(points)
        # Should the kept start not fit a column at all (a short column at the foot of a page),
        # the section's title still goes with its first point.
        title = para(section.title, "AdviceHeading", styles)
        body.append(KeepTogether([*start, title, *points[:lead]]))
        rest = points[lead:]
        body.extend(rest[:-2])
        if rest:
            body.append(KeepTogether(rest[-2:]))
        start = []
    if start:
        body.append(KeepTogether(start))
    if ctx.large:  # large type needs the whole width: a column would hold a few words a line
        return [CondPageBreak(ctx.height / 6), *body]
    # Two columns from here on, below what is already on the page (on a new page when less
    # than a sixth of this one is left); the last page's two columns about as long.
    balance = ColumnBalance(
        body, COLUMN_FRAMES[0], margin=ctx.sizes.detail * 3, least=ctx.height / 3
    )
    return [
        FrameSplitter(COLUMNS_TEMPLATE, list(COLUMN_FRAMES), required=ctx.height / 6),
        *balance.points(),
    ]


def story(ctx: StoryContext) -> list[Flowable]:
    """Every flowable of the report, in reading order."""
    return [*fridge_page(ctx), *overview(ctx), *actions(ctx), *advice(ctx)]
