"""The action list pages: each action with its tick box, details, photos, note and "done on" line.

Layout rules, so that a page taken off the fridge still makes sense and little paper is wasted:

* a priority heading and an area heading always travel with the first action under them;
* the box, the fix and its details (where, why, who) are never split, and neither is a short
  note or the first row of photos: they are one unit;
* more photo rows, a longer note and the "done on" line after it may flow on to the next page,
  so a big action does not leave half a page empty or fail to fit a page at all.
"""

from __future__ import annotations

from homecheck.report.blocks import labelled, para, user_text
from homecheck.report.flowables import Grid, Photo, Rule, TickBox
from homecheck.report.layout import Item, Keep, PageBreak, SectionMark, Spacer
from homecheck.report.model import ActionView, PriorityGroup, ReportModel
from homecheck.report.photos import PhotoView
from homecheck.report.styles import ACTION_INDENT
from homecheck.report.text import chunks

BOX = 20  # tick box size in points
BOX_COLUMN = ACTION_INDENT  # the box plus a gap; the details line up with the fix text
BLANK_DATE = "_" * 22
PHOTOS_PER_ROW = 3
PHOTO_GAP = 10
PHOTO_MAX = 6 * (72 / 2.54)  # 6 cm
# A note this short (about four printed lines) stays with its action; a longer one flows.
SHORT_NOTE_CHARS = 260
SHORT_NOTE_LINES = 4
AFTER_ACTION = 14
FEW_PROBLEMS = 3


# Box and fix: the fix hangs from the top of its row, 2 pt above what follows.
HEAD_PAD = (0.0, 0.0, 0.0, 2.0)
# Photos: 8 pt above each row, the gap between pictures is in the column widths.
PHOTO_PAD = (0.0, 0.0, 8.0, 0.0)


def _unit(blocks: list[Item]) -> Item:
    return blocks[0] if len(blocks) == 1 else Keep(blocks)


def photo_side(width: float) -> float:
    """The square each thumbnail fits in: three side by side right of the box, at most 6 cm."""
    return min(PHOTO_MAX, (width - BOX_COLUMN - (PHOTOS_PER_ROW - 1) * PHOTO_GAP) / PHOTOS_PER_ROW)


def _photo_rows(photos: tuple[PhotoView, ...], width: float) -> list[Item]:
    """Rows of up to three thumbnails, lined up with the fix text (aspect ratio kept)."""
    side = photo_side(width)
    images: list[Photo] = []
    for photo in photos:
        if photo.image is None:
            continue
        scale = side / max(photo.image.width, photo.image.height)
        images.append(
            Photo(
                photo.image.jpeg,
                photo.name,
                width=photo.image.width * scale,
                height=photo.image.height * scale,
            )
        )
    rows: list[Item] = []
    for start in range(0, len(images), PHOTOS_PER_ROW):
        cells = images[start : start + PHOTOS_PER_ROW]
        # Each column as wide as its picture, so portrait and landscape sit at equal gaps.
        widths = [BOX_COLUMN] + [image.width + PHOTO_GAP for image in cells]
        rows.append(Grid([[None, *cells]], widths, PHOTO_PAD))
    return rows


def _head(action: ActionView, model: ReportModel, width: float) -> list[Item]:
    """The tick box with the fix beside it, then where, why and who can help."""
    labels = model.labels
    head = Grid(
        [[TickBox(BOX, ticked=bool(action.done)), para(action.fix, "Fix")]],
        [BOX_COLUMN, width - BOX_COLUMN],
        HEAD_PAD,
    )
    out: list[Item] = [head]
    for label, value in (
        (labels["actions.where"], action.area),
        (labels["actions.why"], action.why),
        (labels["actions.who"], action.helpers),
    ):
        if value:
            out.append(labelled(label, value, "ActionDetail"))
    return out


def action_flowables(
    action: ActionView, model: ReportModel, width: float, lead: list[Item] | None = None
) -> tuple[Item, list[Item]]:
    """Return the first unit (``lead`` headings, box, details, first photos) and what follows."""
    labels = model.labels
    units: list[list[Item]] = [[*(lead or []), *_head(action, model, width)]]
    rows = _photo_rows(action.photos, width)
    if rows:
        units[0].append(rows[0])
        units.extend([row] for row in rows[1:])
    # A photo that could not be printed is said right where it would have been; a long list of
    # such lines (a photo folder that was not copied along) flows instead of being kept.
    problems: list[Item] = [para(p.problem, "ActionDetail") for p in action.photos if p.problem]
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
    return _unit(first), [*(_unit(unit) for unit in rest), Spacer(AFTER_ACTION)]


def _priority(group: PriorityGroup, model: ReportModel, width: float) -> list[Item]:
    # The mark sits before the heading so that a page the group starts on is not "continued".
    out: list[Item] = [SectionMark(None)]
    # The priority and area headings never end a page: they travel with the first action.
    heading: list[Item] = [para(group.title, "Heading2"), Rule(2, space_after=6)]
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


def actions(model: ReportModel, width: float) -> list[Item]:
    """The action list by priority and area, then the areas without hazards, open items, notes."""
    labels = model.labels
    out: list[Item] = [
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
