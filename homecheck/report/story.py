"""The story: cover, action list and advice as blocks for the page engine, from the view-model."""

from __future__ import annotations

from homecheck.report.action_list import actions
from homecheck.report.blocks import bold, facts, grid, para, user_text
from homecheck.report.flowables import ScoreBar
from homecheck.report.layout import Block, Item, Keep, PageBreak, Spacer
from homecheck.report.model import PersonView, ReportModel
from homecheck.report.progress import ProgressView
from homecheck.report.styles import stylesheet
from homecheck.report.text import clean
from homecheck.report.textblock import Text


def _score_chart(model: ReportModel, width: float) -> list[Item]:
    name_width = width * 0.42
    bar_width = width - name_width - 8
    rows: list[list[Block | None]] = []
    for bar in model.bars:
        shown: Block
        if bar.score is None:
            shown = para(model.labels["score.not_checked"], "Cell")
        else:
            shown = ScoreBar(bar.score, bar_width)
        rows.append([para(bar.title, "Cell"), shown])
    if not rows:
        return []
    return [grid(rows, [name_width, width - name_width])]


def _bullet(text: str, lead: str = "") -> Text:
    """A bullet point of plain text, optionally starting with a bold "lead:"."""
    start = [(clean(lead) + ":", True)] if lead else []
    return Text([*start, (" " + clean(text), False)], stylesheet()["Bullet"], bullet="•")


def _progress(progress: ProgressView) -> list[Item]:
    """Progress since the previous check: one summary line, then what changed, by kind."""
    out: list[Item] = [
        Keep([para(progress.heading, "Heading2"), para(progress.summary, "Score")])
    ]
    for kind in progress.lists:
        lines: list[Item] = [_bullet(item.fix, item.area) for item in kind.items]
        if kind.more:
            lines.append(para(kind.more, "Body"))
        start: list[Item] = [para(kind.title, "Heading3")]
        if kind.hint:
            start.append(para(kind.hint, "Body"))
        # The title stays with its first line; a long list flows on by itself.
        out.append(Keep([*start, *lines[:1]]))
        out.extend(lines[1:])
    return out


def _person(person: PersonView, model: ReportModel, width: float) -> list[Item]:
    labels = model.labels
    blocks: list[list[Item]] = []
    if person.key_answers:
        blocks.append(
            [
                para(labels["person.key_heading"], "Heading3"),
                # The labels are questions: a wide column and no colon after the "?".
                facts(person.key_answers, width, share=0.72, colon=False),
                Spacer(6),
                para(person.key_summary, "Body"),
            ]
        )
    if person.fesi:
        blocks.append(
            [
                para(labels["person.fesi_heading"], "Heading3"),
                *(para(sentence, "Body") for sentence in person.fesi),
            ]
        )
    if person.goals:
        blocks.append([para(labels["person.goals"], "Heading3"), *user_text("", person.goals)])
    if not blocks:
        return []
    blocks[0].insert(0, para(labels["person.heading"], "Heading2"))
    return [Keep(block) for block in blocks]


def cover(model: ReportModel, width: float) -> list[Item]:
    """Title, who and when, the scores, the counts, progress, the person outcome, how to read it."""
    labels = model.labels
    # Every heading opens the Keep it heads: keep_with_next does not join a heading to a Keep
    # (as in reportlab's platypus, whose layout rules the page engine keeps).
    score_block: list[Item] = [
        para(labels["score.heading"], "Heading2"),
        para(model.home_score, "Score"),
    ]
    if model.no_hazard:
        score_block.append(bold(labels["score.none_found"]))
    score_block.append(para(labels["score.explain"], "Body"))
    score_block.extend(_score_chart(model, width))
    out: list[Item] = [
        para(model.title, "Title"),
        facts(model.facts, width),
        Keep(score_block),
        Keep([para(labels["counts.heading"], "Heading2"), facts(model.counts, width)]),
    ]
    if model.progress is not None:
        out.extend(_progress(model.progress))
    if model.person is not None:
        out.extend(_person(model.person, model, width))
    out.append(
        Keep(
            [
                para(labels["read.heading"], "Heading2"),
                para(labels["read.text"], "Body"),
                para(labels["read.disclaimer"], "Box"),
            ]
        )
    )
    return out


def advice(model: ReportModel) -> list[Item]:
    """The "what you can do yourself" page from the leaflet's advice sections."""
    labels = model.labels
    out: list[Item] = [
        PageBreak(),
        para(labels["advice.heading"], "Heading1"),
        para(labels["advice.intro"], "Body"),
    ]
    for section in model.advice:
        block: list[Item] = [para(section.title, "Heading3")]
        block.extend(_bullet(point) for point in section.points)
        out.append(Keep(block))
    return out


def story(model: ReportModel, width: float) -> list[Item]:
    """Every flowable of the report, in reading order."""
    return [*cover(model, width), *actions(model, width), *advice(model)]
