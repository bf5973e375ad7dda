"""The action list pages: each action with its tick box, details, photos, note and "done on" line.

Layout rules, so that a page taken off the fridge still makes sense and little paper is wasted:

* a priority heading and an area heading always travel with the first action under them;
* the box, the fix and its details (where, why, who) are never split, and neither is a short
  note or the first row of photos: they are one unit;
* more photo rows, a longer note and the "done on" line after it may flow on to the next page,
  so a big action does not leave half a page empty or fail to fit a page at all.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import black
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from homecheck.report.blocks import labelled, para, user_text
from homecheck.report.flowables import FramedImage, SectionMark, TickBox
from homecheck.report.model import ActionView, PriorityGroup, ReportModel
from homecheck.report.photos import PhotoView
from homecheck.report.styles import ACTION_INDENT, FONT
from homecheck.report.text import chunks

BOX = 20  # tick box size in points
BOX_COLUMN = ACTION_INDENT  # the box plus a gap; the details line up with the fix text
BLANK_DATE = "_" * 22
PHOTOS_PER_ROW = 3
PHOTO_GAP = 10
PHOTO_MAX = 6 * cm
# A note this short (about four printed lines) stays with its action; a longer one flows.
SHORT_NOTE_CHARS = 260
SHORT_NOTE_LINES = 4
AFTER_ACTION = 14
FEW_PROBLEMS = 3


def _unit(flowables: list[Flowable]) -> Flowable:
    return flowables[0] if len(flowables) == 1 else KeepTogether(flowables)


def photo_side(width: float) -> float:
    """The square each thumbnail fits in: three side by side right of the box, at most 6 cm."""
    return min(PHOTO_MAX, (width - BOX_COLUMN - (PHOTOS_PER_ROW - 1) * PHOTO_GAP) / PHOTOS_PER_ROW)


def _photo_rows(photos: tuple[PhotoView, ...], width: float) -> list[Flowable]:
    """Rows of up to three thumbnails, lined up with the fix text (aspect ratio kept)."""
    side = photo_side(width)
    images: list[FramedImage] = []
    for photo in photos:
        if photo.image is None:
            continue
        scale = side / max(photo.image.width, photo.image.height)
        images.append(
            FramedImage(
                io.BytesIO(photo.image.jpeg),
                width=photo.image.width * scale,
                height=photo.image.height * scale,
                mask=None,
            )
        )
    rows: list[Flowable] = []
    for start in range(0, len(images), PHOTOS_PER_ROW):
        cells = images[start : start + PHOTOS_PER_ROW]
        # Each column as wide as its picture, so portrait and landscape sit at equal gaps.
        table = Table(
            [["", *cells]],
            colWidths=[BOX_COLUMN] + [image.drawWidth + PHOTO_GAP for image in cells],
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "LEFT"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        rows.append(table)
    return rows


def _head(action: ActionView, model: ReportModel, width: float) -> list[Flowable]:
    """The tick box with the fix beside it, then where, why and who can help."""
    labels = model.labels
    head = Table(
        [[TickBox(BOX, ticked=bool(action.done)), para(action.fix, "Fix")]],
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
    out: list[Flowable] = [head]
    for label, value in (
        (labels["actions.where"], action.area),
        (labels["actions.why"], action.why),
        (labels["actions.who"], action.helpers),
    ):
        if value:
            out.append(labelled(label, value, "ActionDetail"))
    return out


def action_flowables(
    action: ActionView, model: ReportModel, width: float, lead: list[Flowable] | None = None
) -> tuple[Flowable, list[Flowable]]:
    """Return the first unit (``lead`` headings, box, details, first photos) and what follows."""
    labels = model.labels
    units: list[list[Flowable]] = [[*(lead or []), *_head(action, model, width)]]
    rows = _photo_rows(action.photos, width)
    if rows:
        units[0].append(rows[0])
        units.extend([row] for row in rows[1:])
    # A photo that could not be printed is said right where it would have been; a long list of
    # such lines (a photo folder that was not copied along) flows instead of being kept.
    problems = [para(p.problem, "ActionDetail") for p in action.photos if p.problem]
    if len(problems) <= FEW_PROBLEMS:
        units[-1].extend(problems)
    else:
        units.extend([line] for line in problems)
    done = labelled(labels["actions.done"], action.done or BLANK_DATE, "DoneLine")
    if len(chunks(action.note, SHORT_NOTE_CHARS, SHORT_NOTE_LINES)) <= 1:
        units[-1].extend([*user_text(labels["actions.note"], action.note, "ActionDetail"), done])
    else:
        # A longer note flows line by line over the page end; the "done on" line follows it.
        note = user_text(labels["actions.note"], action.note, "NoteFlow")
        units.extend([part] for part in [*note, done])
    first, *rest = units
    return _unit(first), [*(_unit(unit) for unit in rest), Spacer(1, AFTER_ACTION)]


def _priority(group: PriorityGroup, model: ReportModel, width: float) -> list[Flowable]:
    # The mark sits before the heading so that a page the group starts on is not "continued".
    out: list[Flowable] = [SectionMark(None)]
    # The priority and area headings never end a page: they travel with the first action.
    heading: list[Flowable] = [
        para(group.title, "Heading2"),
        HRFlowable(width="100%", thickness=2, color=black, spaceBefore=0, spaceAfter=6),
    ]
    for area in group.areas:
        for n, action in enumerate(area.actions):
            lead = [*heading, para(area.title, "Heading3")] if n == 0 else []
            heading = []
            first, rest = action_flowables(action, model, width, lead)
            out.append(first)
            if n == 0:
                out.append(SectionMark(group.title))
            out.extend(rest)
    out.append(SectionMark(None))
    return out


def actions(model: ReportModel, width: float) -> list[Flowable]:
    """The action list by priority and area, then the areas without hazards, open items, notes."""
    labels = model.labels
    out: list[Flowable] = [
        PageBreak(),
        para(labels["actions.heading"], "Heading1"),
        para(labels["actions.intro"], "Body"),
    ]
    if model.no_actions:
        out.append(para(model.no_actions, "Box"))
    for group in model.groups:
        out.extend(_priority(group, model, width))
    for heading, lines in (
        (labels["areas.ok_heading"], model.checked_ok),
        (labels["areas.open_heading"], model.unchecked),
    ):
        if lines:
            out.append(para(heading, "Heading2"))
            out.extend(para(line, "Body") for line in lines)
    if model.area_notes:
        out.append(para(labels["areas.notes_heading"], "Heading2"))
        for note in model.area_notes:
            out.append(para(note.label, "Heading3"))
            out.extend(user_text("", note.value))
    return out
