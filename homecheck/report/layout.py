"""The page engine: blocks stacked down a frame, kept together or split, page after page."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# The rules are reportlab platypus's, so pages look as they did: the space between blocks is
# the larger of one's space after and the next one's space before; a kept group that does not
# fit starts a new page and then flows; a heading with keep_with_next travels with what follows.
# Platypus itself is not used: importing it alone took longer than this whole layout does.
FUZZ = 1e-6  # reportlab's tolerance when deciding whether something fits


class LayoutError(Exception):
    """A block is too tall for an empty page and cannot be split."""


class Block:
    """Something with a height at a given width that can draw itself on a canvas."""

    space_before: float = 0
    space_after: float = 0
    keep_with_next: bool = False

    def wrap(self, width: float) -> float:
        """Return the height at this width (blocks cache what they compute)."""
        raise NotImplementedError

    def split(self, width: float, avail: float) -> list[Block]:
        """Return the block as parts of which the first fits ``avail``, or [] if it cannot."""
        return []

    def draw(self, canv: Any, x: float, y: float) -> None:
        """Draw with the bottom left corner at (x, y)."""


class Spacer(Block):
    """Fixed empty room."""

    def __init__(self, height: float) -> None:
        self.height = height

    def wrap(self, width: float) -> float:
        return self.height


class SectionMark(Block):
    """Takes no room; tells the pages which priority group the story is in from here on.

    A page the group continues on repeats its name at the top, so a page taken off the fridge
    still says whether its actions are for now, soon or later.
    """

    def __init__(self, section: str | None) -> None:
        self.section = section

    def wrap(self, width: float) -> float:
        return 0


class PageBreak:
    """Start a new page here."""


@dataclass
class Keep:
    """Blocks that go on one page: if they do not fit the rest of this one, a new page starts.

    Taller than a page, they flow (and split) like any other blocks.
    """

    items: list[Item]


Item = Block | Keep | PageBreak


@dataclass
class Page:
    """What goes on one page: blocks with their positions, and the group it continues."""

    continued: str | None
    placed: list[tuple[Block, float, float]] = field(default_factory=list)


def _space_before(item: Item) -> float:
    if isinstance(item, Keep):
        return _space_before(item.items[0]) if item.items else 0
    return item.space_before if isinstance(item, Block) else 0


def _space_after(item: Item) -> float:
    if isinstance(item, Keep):
        return _space_after(item.items[-1]) if item.items else 0
    return item.space_after if isinstance(item, Block) else 0


def measure(items: list[Item], width: float) -> float:
    """The height of blocks stacked without a page end (as the first thing on a page)."""
    total = 0.0
    after = 0.0
    first = True
    for item in items:
        if isinstance(item, PageBreak):
            continue
        height = measure(item.items, width) if isinstance(item, Keep) else item.wrap(width)
        if height <= FUZZ:
            continue
        total += height
        if not first:
            total += max(_space_before(item) - after, 0)
        first = False
        after = _space_after(item)
        total += after
    return total - after


class Paginator:
    """Places a story in a frame of the given geometry, page by page."""

    def __init__(self, x: float, top: float, bottom: float, width: float) -> None:
        self.x, self.top, self.bottom, self.width = x, top, bottom, width
        self.pages: list[Page] = []
        self._section: str | None = None
        self._start()

    def _start(self) -> None:
        self.page = Page(self._section)
        self.y = self.top
        self.at_top = True
        self.after = 0.0  # the space after the last block, which the next one's space overlaps

    def new_page(self) -> None:
        self.pages.append(self.page)
        self._start()

    def _gap(self, item: Item) -> float:
        return 0.0 if self.at_top else max(_space_before(item) - self.after, 0)

    def _fit(self, block: Block) -> bool:
        """Place the block if it fits below what is on the page."""
        gap = self._gap(block)
        mark = isinstance(block, SectionMark)
        if self.y - self.bottom - gap <= 0 and not mark:
            return False
        height = block.wrap(self.width)
        y = self.y - gap - height
        if y < self.bottom - FUZZ:
            return False
        self.page.placed.append((block, self.x, y))
        if isinstance(block, SectionMark):
            self._section = block.section
            self.after = 0.0  # as in platypus: a mark ends the overlap of spaces
        else:
            y -= block.space_after
            self.after = block.space_after
        if y != self.y:
            self.at_top = False
        self.y = y
        return True

    def run(self, story: Iterable[Item]) -> list[Page]:
        """Lay out the whole story and return its pages."""
        queue: deque[Item] = deque(story)
        while queue:
            item = queue.popleft()
            if isinstance(item, Block) and item.keep_with_next:
                item = self._with_next(item, queue)
            if isinstance(item, PageBreak):
                self.new_page()
            elif isinstance(item, Keep):
                avail = self.y - self.bottom - self._gap(item)
                if not self.at_top and measure(item.items, self.width) > avail:
                    self.new_page()
                queue.extendleft(reversed(item.items))
            elif not self._fit(item):
                self._split(item, queue)
        self.pages.append(self.page)
        return self.pages

    def _split(self, block: Block, queue: deque[Item]) -> None:
        """Place the part of a block that fits, or move it to a new page."""
        avail = self.y - self.bottom - self._gap(block)
        parts = block.split(self.width, avail) if avail > 0 else []
        if parts:
            if not self._fit(parts[0]):
                raise LayoutError(f"{type(block).__name__} split part does not fit")
            queue.extendleft(reversed(parts[1:]))
        elif self.at_top:
            raise LayoutError(f"{type(block).__name__} is too tall for a page")
        else:
            self.new_page()
            queue.appendleft(block)

    @staticmethod
    def _with_next(block: Block, queue: deque[Item]) -> Item:
        """A heading and what follows it as one Keep (a Keep after it is left alone)."""
        group: list[Item] = [block]
        while queue and isinstance(queue[0], Block) and queue[0].keep_with_next:
            group.append(queue.popleft())
        if queue and isinstance(queue[0], Block):
            group.append(queue.popleft())
        if len(group) == 1:
            return block
        for member in group[:-1]:
            assert isinstance(member, Block)
            member.keep_with_next = False  # grouped once only, as platypus does
        return Keep(group)
