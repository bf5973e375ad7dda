"""The story: cover, action list and advice as reportlab flowables, from the view-model."""

from __future__ import annotations

from reportlab.lib.colors import black
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from homecheck.report.flowables import ScoreBar, SectionMark, TickBox
from homecheck.report.model import ActionView, Line, PersonView, PriorityGroup, ReportModel
from homecheck.report.styles import ACTION_INDENT, FONT, stylesheet
from homecheck.report.text import chunks, markup

BOX = 20  # tick box size in points
BOX_COLUMN = ACTION_INDENT  # the box plus a gap; the details line up with the fix text
BLANK_DATE = "_" * 22


def _p(text: str, style: str) -> Paragraph:
    """A paragraph of plain text: escaped here, so nothing in it is read as markup."""
    return Paragraph(markup(text), stylesheet()[style])


def _bold(text: str, style: str = "Body") -> Paragraph:
    """Return a bold paragraph of plain (escaped) text."""
    return Paragraph(f"<b>{markup(text)}</b>", stylesheet()[style])


def _labelled(label: str, value: str, style: str = "Detail") -> Paragraph:
    """Return "label: value" with the label in bold; both are escaped."""
    return Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", stylesheet()[style])


def _user_text(label: str, text: str, style: str = "Body") -> list[Flowable]:
    """Long user text as several paragraphs, so it flows over pages instead of failing."""
    out: list[Flowable] = []
    for n, piece in enumerate(chunks(text)):
        prefix = f"<b>{markup(label)}:</b> " if n == 0 and label else ""
        out.append(Paragraph(prefix + markup(piece), stylesheet()[style]))
    return out


def _grid(rows: list[list[Flowable]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # Tables set a cell font even around flowables; not Helvetica, so none is used.
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _facts(lines: tuple[Line, ...], width: float, share: float = 0.42, colon: bool = True) -> Table:
    """Label and value side by side; ``share`` is the label column's part of the width."""
    label_width = width * share
    end = ":" if colon else ""
    rows = [[_p(line.label + end, "Cell"), _bold(line.value, "Cell")] for line in lines]
    return _grid(rows, [label_width, width - label_width])


def _score_chart(model: ReportModel, width: float) -> list[Flowable]:
    name_width = width * 0.42
    bar_width = width - name_width - 8
    rows: list[list[Flowable]] = []
    for bar in model.bars:
        shown: Flowable
        if bar.score is None:
            shown = _p(model.labels["score.not_checked"], "Cell")
        else:
            shown = ScoreBar(bar.score, bar_width)
        rows.append([_p(bar.title, "Cell"), shown])
    if not rows:
        return []
    return [_grid(rows, [name_width, width - name_width])]


def _person(person: PersonView, model: ReportModel, width: float) -> list[Flowable]:
    labels = model.labels
    blocks: list[list[Flowable]] = []
    if person.key_answers:
        blocks.append(
            [
                _p(labels["person.key_heading"], "Heading3"),
                # The labels are questions: a wide column and no colon after the "?".
                _facts(person.key_answers, width, share=0.72, colon=False),
                Spacer(1, 6),
                _p(person.key_summary, "Body"),
            ]
        )
    if person.fesi:
        blocks.append(
            [
                _p(labels["person.fesi_heading"], "Heading3"),
                *(_p(sentence, "Body") for sentence in person.fesi),
            ]
        )
    if person.goals:
        blocks.append([_p(labels["person.goals"], "Heading3"), *_user_text("", person.goals)])
    if not blocks:
        return []
    blocks[0].insert(0, _p(labels["person.heading"], "Heading2"))
    return [KeepTogether(block) for block in blocks]


def cover(model: ReportModel, width: float) -> list[Flowable]:
    """Title, who and when, the scores, the counts, the person outcome and how to read it."""
    labels = model.labels
    # Every heading opens the KeepTogether it heads: reportlab's keepWithNext does not join a
    # heading to a KeepTogether, and a KeepTogether inside another always breaks the page.
    score_block: list[Flowable] = [
        _p(labels["score.heading"], "Heading2"),
        _p(model.home_score, "Score"),
    ]
    if model.no_hazard:
        score_block.append(_bold(labels["score.none_found"]))
    score_block.append(_p(labels["score.explain"], "Body"))
    score_block.extend(_score_chart(model, width))
    out: list[Flowable] = [
        _p(model.title, "Title"),
        _facts(model.facts, width),
        KeepTogether(score_block),
        KeepTogether([_p(labels["counts.heading"], "Heading2"), _facts(model.counts, width)]),
    ]
    if model.person is not None:
        out.extend(_person(model.person, model, width))
    out.append(
        KeepTogether(
            [
                _p(labels["read.heading"], "Heading2"),
                _p(labels["read.text"], "Body"),
                _p(labels["read.disclaimer"], "Box"),
            ]
        )
    )
    return out


def _action(
    action: ActionView, model: ReportModel, width: float
) -> tuple[list[Flowable], list[Flowable]]:
    """Return the parts to keep together (box, fix, details) and what may flow (a long note)."""
    labels = model.labels
    head = Table(
        [[TickBox(BOX, ticked=bool(action.done)), _p(action.fix, "Fix")]],
        colWidths=[BOX_COLUMN, width - BOX_COLUMN],
        hAlign="LEFT",
    )
    head.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    keep: list[Flowable] = [head]
    for label, value in (
        (labels["actions.where"], action.area),
        (labels["actions.why"], action.why),
        (labels["actions.who"], action.helpers),
    ):
        if value:
            keep.append(_labelled(label, value, "ActionDetail"))
    done = _labelled(labels["actions.done"], action.done or BLANK_DATE, "DoneLine")
    note = _user_text(labels["actions.note"], action.note, "ActionDetail")
    # A short note stays with its action; a long one flows on over the pages by itself, and
    # the "done on" line then follows the note's end.
    if len(note) <= 1:
        return [*keep, *note, done], [Spacer(1, 14)]
    return keep, [*note, done, Spacer(1, 14)]


def _priority(group: PriorityGroup, model: ReportModel, width: float) -> list[Flowable]:
    # The mark sits before the heading so that a page the group starts on is not "continued".
    out: list[Flowable] = [SectionMark(None)]
    # The priority and area headings never end a page: they travel with the first action.
    heading: list[Flowable] = [
        _p(group.title, "Heading2"),
        HRFlowable(width="100%", thickness=2, color=black, spaceBefore=0, spaceAfter=6),
    ]
    for area in group.areas:
        for n, action in enumerate(area.actions):
            keep, flow = _action(action, model, width)
            if n == 0:
                keep = [*heading, _p(area.title, "Heading3"), *keep]
                heading = []
            out.append(KeepTogether(keep))
            if n == 0:
                out.append(SectionMark(group.title))
            out.extend(flow)
    out.append(SectionMark(None))
    return out


def actions(model: ReportModel, width: float) -> list[Flowable]:
    """The action list by priority and area, then the areas without hazards, open items, notes."""
    labels = model.labels
    out: list[Flowable] = [
        PageBreak(),
        _p(labels["actions.heading"], "Heading1"),
        _p(labels["actions.intro"], "Body"),
    ]
    if model.no_actions:
        out.append(_p(model.no_actions, "Box"))
    for group in model.groups:
        out.extend(_priority(group, model, width))
    for heading, lines in (
        (labels["areas.ok_heading"], model.checked_ok),
        (labels["areas.open_heading"], model.unchecked),
    ):
        if lines:
            out.append(_p(heading, "Heading2"))
            out.extend(_p(line, "Body") for line in lines)
    if model.area_notes:
        out.append(_p(labels["areas.notes_heading"], "Heading2"))
        for note in model.area_notes:
            out.append(_p(note.label, "Heading3"))
            out.extend(_user_text("", note.value))
    return out


def advice(model: ReportModel) -> list[Flowable]:
    """The "what you can do yourself" page from the leaflet's advice sections."""
    labels = model.labels
    out: list[Flowable] = [
        PageBreak(),
        _p(labels["advice.heading"], "Heading1"),
        _p(labels["advice.intro"], "Body"),
    ]
    for section in model.advice:
        block: list[Flowable] = [_p(section.title, "Heading3")]
        block.extend(
            Paragraph(markup(point), stylesheet()["Bullet"], bulletText="•")
            for point in section.points
        )
        out.append(KeepTogether(block))
    return out


def story(model: ReportModel, width: float) -> list[Flowable]:
    """Every flowable of the report, in reading order."""
    return [*cover(model, width), *actions(model, width), *advice(model)]
