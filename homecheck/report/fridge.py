"""Page 1, the fridge page: who and when, then only what matters this week, in large print.

The "now" actions with big tick boxes and their "until then" line, the next step and who can
help, the therapist, a "Next check" line and room for three phone numbers. Every text is at
least 14 pt (FRIDGE_MIN), in large print at least its body size (16 pt) where that fits at
all. The page fits itself: it shows as many "now" actions as fit (never fewer than the first
MIN_ACTIONS), in the largest type that fits (see ``_attempts``), and says how many more are on
the next pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from homecheck.report.blocks import para
from homecheck.report.context import StoryContext
from homecheck.report.flowables import TickBox, WriteIn
from homecheck.report.model import ActionView
from homecheck.report.styles import FONT, FRIDGE_MIN, fridge_styles

# The contract: page 1 always carries the first eight "now" actions (when there are as many).
MIN_ACTIONS = 8
SIZE_STEP = 1.0

_TIGHT = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def _height(flowables: Sequence[Flowable], width: float) -> float:
    """The height of flowables stacked in a frame (spaces counted in full: an upper bound)."""
    total = 0.0
    for flowable in flowables:
        _, height = flowable.wrap(width, 1e6)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _open(actions: Sequence[ActionView]) -> int:
    """How many of these actions are still to do (the "more" line counts those only)."""
    return sum(1 for action in actions if not action.done)


class _Page:
    """The parts of the fridge page at one type size."""

    def __init__(
        self, ctx: StoryContext, size: float, tight: bool = False, lean: bool = False
    ) -> None:
        self.ctx = ctx
        self.size = size
        self.tight = tight  # less room between actions, no "tick the box" line
        self.lean = lean  # without the next step (page 2 starts with it)
        self.styles: StyleSheet1 = fridge_styles(size)
        self.box = round(size * (1.4 if tight else 1.6))

    def text(self, text: str, style: str) -> Flowable:
        return para(text, style, self.styles)

    def action(self, action: ActionView) -> Flowable:
        """A big tick box with the fix beside it and, under the fix, "until then" or "done on"."""
        cells: list[Flowable] = [self.text(action.fix, "FridgeFix")]
        if action.done:
            label = self.ctx.model.labels["fridge.done"].format(date=action.done)
            cells.append(self.text(label, "FridgeText"))
        elif action.until_then:
            cells.append(self.text(action.until_then, "FridgeText"))
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

        half = self.ctx.width / 2
        rows: list[list[Flowable | str]]
        if self.tight:  # the write-in lines in two rows, without a heading
            rows = [
                [line("fridge.next_check"), line("fridge.gp")],
                [line("fridge.physio"), line("fridge.neighbour")],
            ]
        else:
            heading = self.styles["FridgeHeading"]
            out.append(WriteIn(labels["fridge.next_check"], heading.fontName, heading.fontSize,
                               line_width=half))
            out.append(self.text(labels["fridge.phones"], "FridgeHeading"))
            rows = [
                [line("fridge.gp"), line("fridge.physio")],
                [line("fridge.neighbour"), ""],
            ]
        out.append(
            Table(
                rows,
                colWidths=[half, half],
                style=[*_TIGHT, ("RIGHTPADDING", (0, 0), (0, -1), 16)],
            )
        )
        return out

    def soon_part(self, count: int | None) -> list[Flowable]:
        """When nothing is "now": say so, then the first ``count`` "soon" actions."""
        fridge, labels = self.ctx.model.fridge, self.ctx.model.labels
        if not fridge.nothing_now:
            return []
        out = [self.text(fridge.nothing_now, "FridgeTitle")]
        if fridge.soon:
            shown = fridge.soon if count is None else fridge.soon[:count]
            out.append(self.text(labels["fridge.soon_heading"], "FridgeHeading"))
            out.extend(self.action(action) for action in shown)
            out.extend(self.more(_open(fridge.soon[len(shown):]), soon=True))
        return out


def _largest_fit(
    page: _Page, fixed: float, items: Sequence[ActionView], minimum: int, soon: bool
) -> tuple[int, list[Flowable]] | None:
    """The most actions of ``items`` (at least ``minimum``) that fit beside ``fixed`` points."""
    rows = [page.action(action) for action in items]
    heights = [_height([row], page.ctx.width) for row in rows]
    for count in range(len(rows), minimum - 1, -1):
        more = page.more(_open(items[count:]), soon)
        total = fixed + sum(heights[:count]) + _height(more, page.ctx.width)
        if total <= page.ctx.height:
            return count, [*rows[:count], *more]
    return None


def _try(
    ctx: StoryContext, size: float, tight: bool, final: bool = False, lean: bool = False
) -> list[Flowable] | None:
    """Page 1 at one size and spacing, or None when it does not fit (unless ``final``)."""
    page = _Page(ctx, size, tight, lean)
    fridge = ctx.model.fridge
    head, tail = page.head(), page.tail()
    fixed = _height([*head, *tail], ctx.width)
    minimum = min(len(fridge.now), MIN_ACTIONS)
    # "Now" first; the soon list (when nothing is open now) gets what room is left.
    found = _largest_fit(page, fixed, fridge.now, minimum, soon=False)
    if found is None:
        if not final:
            return None
        found = minimum, [page.action(a) for a in fridge.now[:minimum]] + page.more(
            _open(fridge.now[minimum:]), soon=False
        )
        # The end of the page flows on to page 2: there at the size of the rest of the list.
        tail = _Page(ctx, max(size, ctx.sizes.body), tight, lean).tail()
    _, now_part = found
    soon_part: list[Flowable] = []
    if fridge.nothing_now:
        used = fixed + _height(now_part, ctx.width)
        intro = page.soon_part(0)
        rest = _largest_fit(page, used + _height(intro, ctx.width), fridge.soon, 0, soon=True)
        soon_part = page.soon_part(rest[0] if rest else 0)
    return [*head, *now_part, *soon_part, *tail]


def _attempts(ctx: StoryContext) -> list[tuple[float, bool, bool]]:
    """The (size, tight, lean) layouts of page 1 to try, from the most generous down.

    The largest type wins: at each size first with air between the actions, then a little
    tighter, before the type steps down. Before the type goes under the body size of the rest
    of the PDF (large print: 16 pt), the next step and who can help give way: page 2 starts
    with them. Normal print tries that at 14 pt, its smallest size.
    """
    floor = max(FRIDGE_MIN, ctx.sizes.body)
    steps = int((ctx.sizes.fridge - FRIDGE_MIN) / SIZE_STEP) + 1
    full = [
        (ctx.sizes.fridge - n * SIZE_STEP, tight, False)
        for n in range(steps)
        for tight in (False, True)
    ]
    lean = [(floor, True, True)]
    if floor > FRIDGE_MIN:
        lean.append((FRIDGE_MIN, True, True))
    above = [attempt for attempt in full if attempt[0] >= floor]
    below = [attempt for attempt in full if attempt[0] < floor]
    return [*above, lean[0], *below, *lean[1:]]


def fridge_page(ctx: StoryContext) -> list[Flowable]:
    """The flowables of page 1, ending with the page break.

    The first layout of ``_attempts`` that fits is used. When none fits, the end of the page
    flows on to page 2 rather than the first eight actions, and page 2 goes on below it (no
    page is left almost empty).
    """
    for size, tight, lean in _attempts(ctx):
        flowables = _try(ctx, size, tight, lean=lean)
        if flowables is not None:
            return [*flowables, PageBreak()]
    flowables = _try(ctx, FRIDGE_MIN, tight=True, final=True)
    assert flowables is not None
    return [*flowables, Spacer(1, ctx.sizes.body * 2)]
