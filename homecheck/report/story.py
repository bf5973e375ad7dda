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

from homecheck.report.flowables import ScoreBar, TickBox
from homecheck.report.model import ActionView, Line, PersonView, PriorityGroup, ReportModel
from homecheck.report.styles import stylesheet
from homecheck.report.text import chunks, markup

BOX = 20  # tick box size in points
BOX_COLUMN = 32  # the box plus a gap; details are indented by this much to line up with the fix
BLANK_DATE = "_" * 16


def _p(text: str, style: str) -> Paragraph:
    """A paragraph of plain text: escaped here, so nothing in it is read as markup."""
    return Paragraph(markup(text), stylesheet()[style])


def _labelled(label: str, value: str, style: str = "Detail") -> Paragraph:
    return Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", stylesheet()[style])


def _user_text(label: str, text: str, indent: float = 0) -> list[Flowable]:
    """Long user text as several paragraphs, so it flows over pages instead of failing."""
    style = stylesheet()["Detail"]
    if indent:
        style = style.clone(f"Detail{int(indent)}", leftIndent=indent)
    pieces = chunks(text)
    out: list[Flowable] = []
    for n, piece in enumerate(pieces):
        prefix = f"<b>{markup(label)}:</b> " if n == 0 and label else ""
        out.append(Paragraph(prefix + markup(piece), style))
    return out


def _grid(rows: list[list[Flowable]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _facts(lines: tuple[Line, ...], width: float) -> Table:
    label_width = width * 0.42
    rows = [
        [_p(line.label + ":", "Cell"), Paragraph(f"<b>{markup(line.value)}</b>", stylesheet()["Cell"])]
        for line in lines
    ]
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
    out: list[Flowable] = [_p(labels["person.heading"], "Heading2")]
    if person.key_answers:
        block: list[Flowable] = [_p(labels["person.key_heading"], "Heading3")]
        block.append(_facts(person.key_answers, width))
        block.append(_p(person.key_summary, "Body"))
        out.append(KeepTogether(block))
    if person.fesi:
        block = [_p(labels["person.fesi_heading"], "Heading3")]
        block.extend(_p(sentence, "Body") for sentence in person.fesi)
        out.append(KeepTogether(block))
    if person.goals:
        out.append(_p(labels["person.goals"], "Heading3"))
        out.extend(_user_text("", person.goals))
    return out


def cover(model: ReportModel, width: float) -> list[Flowable]:
    """Title, who and when, the scores, the counts, the person outcome and how to read it."""
    labels = model.labels
    out: list[Flowable] = [_p(model.title, "Title"), _facts(model.facts, width)]
    out.append(_p(labels["score.heading"], "Heading2"))
    score_block: list[Flowable] = [Paragraph(f"<b>{markup(model.home_score)}</b>", stylesheet()["Body"])]
    if model.no_hazard:
        score_block.append(Paragraph(f"<b>{markup(labels['score.none_found'])}</b>", stylesheet()["Body"]))
    score_block.append(_p(labels["score.explain"], "Body"))
    score_block.extend(_score_chart(model, width))
    out.append(KeepTogether(score_block))
    out.append(
        KeepTogether([_p(labels["counts.heading"], "Heading2"), _facts(model.counts, width)])
    )
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


def _action(action: ActionView, model: ReportModel, width: float) -> list[Flowable]:
    labels = model.labels
    head = Table(
        [[TickBox(BOX, ticked=bool(action.done)), _p(action.fix, "Fix")]],
        colWidths=[BOX_COLUMN, width - BOX_COLUMN],
        hAlign="LEFT",
    )
    head.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    detail = stylesheet()["Detail"].clone("ActionDetail", leftIndent=BOX_COLUMN)
    parts: list[Flowable] = [head]
    for label, value in (
        (labels["actions.where"], action.area),
        (labels["actions.why"], action.why),
        (labels["actions.who"], action.helpers),
    ):
        if value:
            parts.append(Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", detail))
    done = action.done or BLANK_DATE
    parts.append(Paragraph(f"<b>{markup(labels['actions.done'])}:</b> {markup(done)}", detail))
    if action.note.strip():
        note = _user_text(labels["actions.note"], action.note, indent=BOX_COLUMN)
        # Keep the action whole when the note is short; a long note flows on by itself.
        if len(note) == 1:
            parts.extend(note)
            return [KeepTogether(parts), Spacer(1, 12)]
        return [KeepTogether(parts), *note, Spacer(1, 12)]
    return [KeepTogether(parts), Spacer(1, 12)]


def _priority(group: PriorityGroup, model: ReportModel, width: float) -> list[Flowable]:
    out: list[Flowable] = [
        _p(group.title, "Heading2"),
        HRFlowable(width="100%", thickness=2, color=black, spaceBefore=0, spaceAfter=6),
    ]
    for area in group.areas:
        first, *rest = [_action(a, model, width) for a in area.actions]
        # The area heading never ends a page: it travels with the first action of the area.
        out.append(KeepTogether([_p(area.title, "Heading3"), *first]))
        for flowables in rest:
            out.extend(flowables)
    return out


def actions(model: ReportModel, width: float) -> list[Flowable]:
    """The action list by priority and area, then the areas without hazards, open items, notes."""
    labels = model.labels
    out: list[Flowable] = [PageBreak(), _p(labels["actions.heading"], "Heading1")]
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
