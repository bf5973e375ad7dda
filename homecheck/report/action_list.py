"""The full action list: each action with its tick box, details, note, "done on" line and photos.

Layout rules, so that a page taken off the fridge still makes sense and little paper is wasted:

* a priority heading and an area heading always travel with the first action under them;
* the box, the fix, its details ("until then", why, who can help and the "done on" line), a
  short note and the photos (in rows of four) are kept together: a photo that moved to the
  next page on its own, above another action, was taken for a photo of that one;
* a long note flows, the photos after it, and an action too big to keep together is split
  after its fix, so that a big action never leaves half a page empty.
"""

from __future__ import annotations

from reportlab.lib.colors import black
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer, Table

from homecheck.report.action_views import ActionView, PriorityGroup
from homecheck.report.blocks import labelled, markup, para, user_text
from homecheck.report.context import StoryContext
from homecheck.report.flowables import KeepTogetherOrFlow, Photo, SectionMark, TickBox
from homecheck.report.photos import PhotoView
from homecheck.report.styles import FONT
from homecheck.report.text import chunks

BLANK_DATE = "_" * 14
# A shorter blank, taken when the long one would put "Done on" on a line of its own: still room
# for a date by hand ("24/11"), and the list a line shorter.
SHORT_BLANK_DATE = "_" * 8
NBSP = "\u00a0"
SEPARATOR = "\u2003· "  # an em space and a middle dot before "Done on"
PHOTOS_PER_ROW = 4
PHOTO_GAP = 8
# A note this short (about four printed lines) stays with its action; a longer one flows.
SHORT_NOTE_CHARS = 260
SHORT_NOTE_LINES = 4
FEW_PROBLEMS = 3
# An action that does not fit goes whole to the next page only when that leaves at most this
# share of the page empty; otherwise it is split after its fix and "until then" line.
SPLIT_ROOM = 0.2
# Space between two actions; the tick box and the bold fix mark the start of the next one.
AFTER_ACTION = 4

_TIGHT = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),  # not Helvetica, even for an empty cell
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def indent(ctx: StoryContext) -> float:
    """Where the fix text starts: right of the tick box."""
    return ctx.sizes.box + 10


def boxed(box: Flowable, text: Flowable, box_column: float, width: float) -> Table:
    """A tick box with its text beside it, hanging from the top."""
    return Table([[box, text]], colWidths=[box_column, width - box_column], style=_TIGHT)


def photo_side(ctx: StoryContext) -> float:
    """The square each thumbnail fits in: four side by side right of the box."""
    return (ctx.width - indent(ctx) - (PHOTOS_PER_ROW - 1) * PHOTO_GAP) / PHOTOS_PER_ROW


def photo_rows(photos: tuple[PhotoView, ...], ctx: StoryContext) -> list[Flowable]:
    """Rows of up to four thumbnails, lined up with the fix text (aspect ratio kept)."""
    side = photo_side(ctx)
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
    rows: list[Flowable] = []
    for start in range(0, len(images), PHOTOS_PER_ROW):
        cells = images[start : start + PHOTOS_PER_ROW]
        # Each column as wide as its picture, so portrait and landscape sit at equal gaps.
        widths = [indent(ctx)] + [image.width + PHOTO_GAP for image in cells]
        widths[-1] -= PHOTO_GAP  # none after the last: four fill the width exactly
        # From the left edge (a table narrower than the frame is centred otherwise).
        rows.append(
            Table([["", *cells]], colWidths=widths, hAlign="LEFT",
                  style=[*_TIGHT, ("TOPPADDING", (0, 0), (-1, -1), 6)])
        )
    return rows


def _details(action: ActionView, ctx: StoryContext) -> list[Flowable]:
    """The tick box with the fix beside it, "until then", why, and who can help + done on.

    The area is the heading above, so it is not repeated; who can help and the line for the
    date share one line.
    """
    styles = ctx.styles
    box = TickBox(ctx.sizes.box, ticked=bool(action.done))
    out: list[Flowable] = [boxed(box, para(action.fix, "Fix", styles), indent(ctx), ctx.width)]
    if action.until_then:  # "Until then: ..." says so itself
        out.append(para(action.until_then, "ActionDetail", styles))
    # "Why: …", and after it "Higher because you walk with a stick." in the same paragraph.
    why = " ".join(filter(None, (action.why, action.raised)))
    if why:
        out.append(labelled(ctx.label("actions.why"), why, "ActionDetail", styles))
    # No-break spaces: "Done on: ____" moves to a new line whole, never without its blank.
    done_label = markup(ctx.label("actions.done")).replace(" ", NBSP)
    dates = (markup(action.done).replace(" ", NBSP),) if action.done else (
        BLANK_DATE, SHORT_BLANK_DATE)
    done, *shorter = (f"<b>{done_label}:</b>{NBSP}{date}" for date in dates)
    style = styles["ActionDetail"]
    # Who can help and "Done on: ____" never start a page alone, far from the box they go with.
    out[-1].keepWithNext = 1
    if action.helpers:
        who = Paragraph(f"<b>{markup(ctx.label('actions.who'))}:</b> {markup(action.helpers)}",
                        style)
        # One line when "Done on: ____" fits after who can help (with the shorter blank if need
        # be); else a line of its own, so no "·" is left at the end of a line.
        for each in (done, *shorter):
            both = Paragraph(f"{who.text} {SEPARATOR} {each}", style)
            if _lines(both, ctx.width) == _lines(who, ctx.width):  # (the indent comes off)
                out.append(both)
                break
        else:
            who.keepWithNext = 1  # "Done on: ____" never starts a page alone
            out += [who, Paragraph(done, styles["ActionDetailNext"])]
    else:
        out.append(Paragraph(done, style))
    return out


def _lines(paragraph: Paragraph, width: float) -> int:
    """How many lines a paragraph takes at this width."""
    paragraph.wrap(width, 1e6)
    return len(paragraph.blPara.lines)


def action_flowables(
    action: ActionView, ctx: StoryContext, lead: list[Flowable] | None = None
) -> tuple[Flowable, list[Flowable]]:
    """Return the kept unit (``lead`` headings, box, details, short note) and what follows."""
    styles = ctx.styles
    # From its fix to its last photo the action runs: a page that starts inside it names it.
    unit: list[Flowable] = [
        *(lead or []), SectionMark(ctx.state, action.fix, "action"), *_details(action, ctx)
    ]
    after: list[Flowable] = []
    # A photo that could not be printed is said right where it would have been; a long list of
    # such lines (a photo folder that was not copied along) flows instead of being kept.
    problems = [para(p.problem, "ActionDetail", styles) for p in action.photos if p.problem]
    if len(problems) <= FEW_PROBLEMS:
        unit.extend(problems)
    else:
        after.extend(problems)
    note = user_text(ctx.label("actions.note"), action.note, "ActionDetail", styles)
    photos = photo_rows(action.photos, ctx)
    if not after and len(chunks(action.note, SHORT_NOTE_CHARS, SHORT_NOTE_LINES)) <= 1:
        if note:  # nor does a short note start a page alone
            unit[-1].keepWithNext = 1
        unit.extend(note)
        # The photos too: a photo alone at the top of the next page, above another action, is
        # taken for a photo of that one.
        unit.extend(photos)
    else:
        # A longer note flows piece by piece over the page end, the photos after it.
        after.extend(note)
        after.extend(photos)
    after += [SectionMark(ctx.state, None, "action"), Spacer(1, AFTER_ACTION)]
    # Should the action be split over a page end, its headings, the fix and "until then" stay
    # together (platypus keeps a flowable with keepWithNext with the one after it).
    core = len(lead or []) + 1 + (2 if action.until_then else 1)
    for flowable in unit[: core - 1]:
        flowable.keepWithNext = 1
    # Kept together; but rather than leave more than SPLIT_ROOM of a page empty, a big action
    # (large print) is split after its fix and "until then" line. Not one with its photos: it
    # moves to the next page whole (unless it is taller than a page), so that no photo starts a
    # page above an action it does not belong to.
    room = ctx.height if photos and photos[0] in unit else ctx.height * SPLIT_ROOM
    return KeepTogetherOrFlow(unit, room=room), after


def _priority(group: PriorityGroup, ctx: StoryContext, lead: list[Flowable]) -> list[Flowable]:
    styles = ctx.styles
    # Until the group's heading is printed, a new page is not "continued".
    out: list[Flowable] = [SectionMark(ctx.state, None)]
    # The headings (``lead``, priority, area) never end a page: they travel with the first action.
    # The group runs from right under its heading, inside that first action's kept unit: a page
    # that this action runs on to (large print splits a long one) says "<group>, continued".
    heading: list[Flowable] = [
        *lead,
        para(group.title, "Heading2", styles),
        HRFlowable(width="100%", thickness=2, color=black, spaceBefore=0, spaceAfter=4),
        SectionMark(ctx.state, group.title),
    ]
    for area in group.areas:
        for n, action in enumerate(area.actions):
            lead = [*heading, para(area.title, "Heading3", styles)] if n == 0 else []
            heading = []
            first, rest = action_flowables(action, ctx, lead)
            out.append(first)
            out.extend(rest)
    # Before the last action's trailing space: a page that this space would start is not
    # "continued".
    out.insert(len(out) - 1, SectionMark(ctx.state, None))
    return out


def actions(ctx: StoryContext) -> list[Flowable]:
    """The action list by priority and area, then the areas without hazards, open items, notes."""
    model, styles = ctx.model, ctx.styles
    lead: list[Flowable] = [
        para(ctx.label("actions.heading"), "Heading1", styles),
        para(ctx.label("actions.intro"), "Body", styles),
    ]
    out: list[Flowable] = []
    if model.no_actions:
        out.append(KeepTogether([*lead, para(model.no_actions, "Box", styles)]))
        lead = []
    for group in model.groups:
        out.extend(_priority(group, ctx, lead))
        lead = []
    out.extend(lead)
    for heading, lines in (
        (ctx.label("areas.ok_heading"), model.checked_ok),
        (ctx.label("areas.open_heading"), model.unchecked),
    ):
        if lines:
            # The heading stays with the first line, and the last line never starts a page alone.
            body = [para(line, "Line", styles) for line in lines]
            out.append(KeepTogether([para(heading, "Heading2", styles), *body[:1]]))
            out.extend(body[1:-2])
            if len(body) > 1:
                out.append(KeepTogether(body[max(1, len(body) - 2) :]))
    if model.area_notes:
        # Each part's name stays with the start of its note, the heading with the first of them.
        lead = [para(ctx.label("areas.notes_heading"), "Heading2", styles)]
        for note in model.area_notes:
            pieces = user_text("", note.value, "Body", styles)
            out.append(KeepTogether([*lead, para(note.label, "Heading3", styles), *pieces[:1]]))
            out.extend(pieces[1:])
            lead = []
    return out
