"""Page 1, the fridge page: who and when, then only what matters this week, in large print.

The "now" actions with big tick boxes and their "until then" line, the next step and who can
help, the therapist, a "Next check" line and room for three phone numbers. Every text is at
least 14 pt (FRIDGE_MIN), in large print at least its body size (16 pt) where that fits at
all. The page fits itself: it shows as many "now" actions as fit (never fewer than the first
MIN_ACTIONS), in the largest type that fits (see ``layouts``), and says how many more are on
the next pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.lib.styles import StyleSheet1
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from homecheck.report.action_views import ActionView
from homecheck.report.blocks import para
from homecheck.report.context import StoryContext
from homecheck.report.flowables import TickBox, WriteIn
from homecheck.report.styles import FONT, FRIDGE_MIN, fridge_styles

# The contract: page 1 always carries the first eight "now" actions (when there are as many).
MIN_ACTIONS = 8
SIZE_STEP = 1.0
# Points kept free at the bottom of page 1, against rounding in the layout.
FIT_MARGIN = 1.0
# Between two lines to write on side by side.
WRITE_IN_GAP = 16

_TIGHT = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


@dataclass(frozen=True)
class _Box:
    """The height of a laid-out flowable and the space platypus keeps before and after it."""

    height: float
    before: float
    after: float


def _boxes(flowables: Sequence[Flowable], width: float) -> list[_Box]:
    """Lay out each flowable at the frame's width (once: a longer list re-uses the boxes)."""
    out = []
    for flowable in flowables:
        _, height = flowable.wrap(width, 1e6)
        out.append(_Box(height, flowable.getSpaceBefore(), flowable.getSpaceAfter()))
    return out


def _stacked(boxes: Sequence[_Box]) -> float:
    """The height boxes take from the top of a frame, as platypus' Frame places them.

    No space before the first; between two, the larger of the space after the one and before
    the next (platypus overlaps them); the space after the last need not fit.
    """
    total = 0.0
    after: float | None = None
    for box in boxes:
        total += box.height + (0.0 if after is None else max(after, box.before))
        after = box.after
    return total


def _open(actions: Sequence[ActionView]) -> int:
    """How many of these actions are still to do (the "more" line counts those only)."""
    return sum(1 for action in actions if not action.done)


@dataclass(frozen=True)
class Layout:
    """How page 1 is set: the type size, and what gives way when the page is full.

    ``tight``: less room between the actions, no "tick the box" line, the write-in lines in two
    rows; ``lean``: without the next step and who can help (page 2 starts with them); ``bare``:
    the actions without their "until then" and "done on" lines (the list has them).
    """

    size: float
    tight: bool = False
    lean: bool = False
    bare: bool = False


class _Page:
    """The parts of the fridge page in one layout."""

    def __init__(self, ctx: StoryContext, layout: Layout) -> None:
        self.ctx = ctx
        self.layout = layout
        self.size = layout.size
        self.tight = layout.tight
        self.lean = layout.lean
        self.styles: StyleSheet1 = fridge_styles(layout.size)
        self.box = round(layout.size * (1.4 if layout.tight else 1.6))

    def text(self, text: str, style: str) -> Flowable:
        return para(text, style, self.styles)

    def action(self, action: ActionView) -> Flowable:
        """A big tick box with the fix beside it and, under the fix, "until then" or "done on"."""
        cells: list[Flowable] = [self.text(action.fix, "FridgeFix")]
        under = action.until_then
        if action.done:
            under = self.ctx.model.labels["fridge.done"].format(date=action.done)
        if under and not self.layout.bare:
            cells.append(self.text(under, "FridgeText"))
        column = self.box + 12
        gap = self.size * (0.3 if self.tight else 0.6)
        style = [*_TIGHT, ("BOTTOMPADDING", (0, 0), (-1, -1), gap)]
        return Table(
            [[TickBox(self.box, ticked=bool(action.done)), cells]],
            colWidths=[column, self.ctx.width - column],
            style=style,
        )

    def more(self, count: int, soon: bool) -> list[Flowable]:
        if count <= 0:
            return []
        kind = "more_soon" if soon else "more"
        key = f"fridge.{kind}_one" if count == 1 else f"fridge.{kind}_many"
        return [self.text(self.ctx.model.labels[key].format(count=count), "FridgeMore")]

    def head(self) -> list[Flowable]:
        fridge, labels = self.ctx.model.fridge, self.ctx.model.labels
        out = [self.text(fridge.who_when, "FridgeWho")]
        if fridge.now:
            out.append(self.text(labels["fridge.heading"], "FridgeTitle"))
            if not self.tight:
                out.append(self.text(labels["fridge.intro"], "FridgeText"))
        return out

    def tail(self) -> list[Flowable]:
        """Next step, therapist, and the lines to write on."""
        model, labels = self.ctx.model, self.ctx.model.labels
        fridge = model.fridge
        out: list[Flowable] = []
        if fridge.next_step and not self.lean:  # "Next step: …" and "Who can help: …"
            out.append(self.text(fridge.next_step, "FridgeHeading"))
            if fridge.next_step_helpers:
                out.append(self.text(fridge.next_step_helpers, "FridgeText"))
        if fridge.therapist:
            out.append(self.text(fridge.therapist, "FridgeHeading"))
        size = self.styles["FridgeText"].fontSize
        font = self.styles["FridgeText"].fontName

        def line(key: str) -> WriteIn:
            return WriteIn(labels[key], font, size)

        if self.tight:  # the write-in lines in two rows, without a heading
            out.append(self.side_by_side(line("fridge.next_check"), line("fridge.gp")))
            out.append(self.side_by_side(line("fridge.physio"), line("fridge.neighbour")))
        else:
            heading = self.styles["FridgeHeading"]
            out.append(WriteIn(labels["fridge.next_check"], heading.fontName, heading.fontSize,
                               line_width=self.ctx.width / 2))
            out.append(self.text(labels["fridge.phones"], "FridgeHeading"))
            out.append(self.side_by_side(line("fridge.gp"), line("fridge.physio")))
            out.append(self.side_by_side(line("fridge.neighbour")))
        return out

    def side_by_side(self, left: WriteIn, right: WriteIn | None = None) -> Table:
        """Two lines to write on side by side, each as long as the other: a long label
        ("Physiotherapist:") takes its room from its own column, so a phone number still fits.
        Alone, a line takes the left half."""
        width = self.ctx.width
        first = width / 2
        if right is not None:
            labels = [stringWidth(w.label, w.font, w.size) for w in (left, right)]
            first = (width + WRITE_IN_GAP + labels[0] - labels[1]) / 2
        return Table(
            [[left, right or ""]],
            colWidths=[first, width - first],
            style=[*_TIGHT, ("RIGHTPADDING", (0, 0), (0, -1), WRITE_IN_GAP)],
        )

    def soon_intro(self) -> list[Flowable]:
        """When nothing is "now": say so, and head the "soon" actions that follow."""
        fridge, labels = self.ctx.model.fridge, self.ctx.model.labels
        if not fridge.nothing_now:
            return []
        out = [self.text(fridge.nothing_now, "FridgeTitle")]
        if fridge.soon:
            out.append(self.text(labels["fridge.soon_heading"], "FridgeHeading"))
        return out


def _largest_fit(
    page: _Page,
    above: list[_Box],
    items: Sequence[ActionView],
    minimum: int,
    below: list[_Box],
    soon: bool,
) -> list[Flowable] | None:
    """The most actions of ``items`` (at least ``minimum``) and the "N more" line that fit
    between what is ``above`` and ``below`` them on the page; None when not even ``minimum``."""
    width = page.ctx.width
    rows = [page.action(action) for action in items]
    boxes = _boxes(rows, width)
    for count in range(len(rows), minimum - 1, -1):
        more = page.more(_open(items[count:]), soon)
        needed = _stacked([*above, *boxes[:count], *_boxes(more, width), *below])
        if needed <= page.ctx.height - FIT_MARGIN:
            return [*rows[:count], *more]
    return None


def _try(ctx: StoryContext, layout: Layout, final: bool = False) -> list[Flowable] | None:
    """Page 1 in one layout, or None when it does not fit (unless ``final``)."""
    page = _Page(ctx, layout)
    fridge, width = ctx.model.fridge, ctx.width
    head, tail = page.head(), page.tail()
    head_boxes, tail_boxes = _boxes(head, width), _boxes(tail, width)
    minimum = min(len(fridge.now), MIN_ACTIONS)
    # "Now" first; the soon list (when nothing is open now) gets what room is left.
    now_part = _largest_fit(page, head_boxes, fridge.now, minimum, tail_boxes, soon=False)
    if now_part is None:
        if not final:
            return None
        now_part = [page.action(a) for a in fridge.now[:minimum]]
        now_part += page.more(_open(fridge.now[minimum:]), soon=False)
        # The end of the page flows on to page 2: there at the size of the rest of the list.
        tail = _Page(ctx, replace(layout, size=max(layout.size, ctx.sizes.body))).tail()
    soon_part = page.soon_intro()
    if soon_part and fridge.soon:
        above = [*head_boxes, *_boxes([*now_part, *soon_part], width)]
        soon_part += _largest_fit(page, above, fridge.soon, 0, tail_boxes, soon=True) or []
    return [*head, *now_part, *soon_part, *tail]


def layouts(ctx: StoryContext) -> list[Layout]:
    """The layouts of page 1 to try, from the most generous down.

    The largest type wins: at each size first with air between the actions, then a little
    tighter, before the type steps down. Before the type goes under the body size of the rest
    of the PDF (large print: 16 pt), the next step gives way: page 2 starts with it. Normal
    print tries that at 14 pt, its smallest size. Last of all, at 14 pt, the "until then" and
    "done on" lines give way too, so that the first eight fixes stay on page 1.
    """
    floor = max(FRIDGE_MIN, ctx.sizes.body)
    steps = int((ctx.sizes.fridge - FRIDGE_MIN) / SIZE_STEP) + 1
    sizes = [ctx.sizes.fridge - n * SIZE_STEP for n in range(steps)]
    full = [Layout(size, tight) for size in sizes for tight in (False, True)]
    above = [layout for layout in full if layout.size >= floor]
    below = [layout for layout in full if layout.size < floor]
    lean = [Layout(floor, tight=True, lean=True)]
    if floor > FRIDGE_MIN:
        lean.append(Layout(FRIDGE_MIN, tight=True, lean=True))
    bare = Layout(FRIDGE_MIN, tight=True, lean=True, bare=True)
    return [*above, lean[0], *below, *lean[1:], bare]


def fridge_page(ctx: StoryContext) -> list[Flowable]:
    """The flowables of page 1, ending with the page break.

    The first of ``layouts`` that fits is used. When none fits, the end of the page flows on
    to page 2 rather than the first eight actions, and page 2 goes on below it (no page is
    left almost empty).
    """
    options = layouts(ctx)
    for layout in options:
        flowables = _try(ctx, layout)
        if flowables is not None:
            return [*flowables, PageBreak()]
    flowables = _try(ctx, options[-1], final=True)
    assert flowables is not None
    return [*flowables, Spacer(1, ctx.sizes.body * 2)]
