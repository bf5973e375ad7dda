"""The page engine: kept groups, headings with what follows, split paragraphs and grids."""

from __future__ import annotations

import pytest

from homecheck.report.flowables import Grid
from homecheck.report.layout import (
    Block,
    Item,
    Keep,
    LayoutError,
    PageBreak,
    Paginator,
    SectionMark,
    Spacer,
    measure,
)
from homecheck.report.styles import Style, register_fonts, stylesheet
from homecheck.report.textblock import Text

WIDTH = 400.0


class Box(Block):
    """A block of a fixed height with spaces around it."""

    def __init__(self, height: float, before: float = 0, after: float = 0, kwn: bool = False):
        self.height = height
        self.space_before = before
        self.space_after = after
        self.keep_with_next = kwn

    def wrap(self, width: float) -> float:
        return self.height


def _pages(story: list[Item], height: float = 100) -> list[list[Block]]:
    pages = Paginator(x=0, top=height, bottom=0, width=WIDTH).run(story)
    return [[block for block, _, _ in page.placed] for page in pages]


def test_measure_counts_the_space_between_blocks_once() -> None:
    # 10 + max(6, 4) + 10 + max(2, 8) + 10: the last block's space after is not part of it.
    items: list[Item] = [Box(10, after=6), Box(10, before=4, after=2), Box(10, before=8, after=9)]
    assert measure(items, WIDTH) == 44


def test_measure_matches_what_the_blocks_use_on_a_page() -> None:
    items: list[Item] = [Box(10, after=6), Box(10, before=4, after=2), Box(10, before=8)]
    pages = Paginator(x=0, top=100, bottom=0, width=WIDTH).run(items)
    last_y = pages[0].placed[-1][2]
    assert 100 - last_y == measure(items, WIDTH)


def test_a_kept_group_that_does_not_fit_moves_to_the_next_page_whole() -> None:
    first = Box(60, after=6)
    group = [Box(10, before=4, after=6), Box(10, after=6), Box(10, after=6)]
    pages = _pages([first, Keep(list(group))])
    assert pages == [[first], group]


def test_a_kept_group_taller_than_a_page_flows() -> None:
    group = [Box(40), Box(40), Box(40)]
    pages = _pages([Keep(list(group))])
    assert pages == [group[:2], group[2:]]


def test_a_heading_goes_to_the_next_page_with_what_follows_it() -> None:
    filler, heading, body = Box(80), Box(10, kwn=True), Box(15)
    assert _pages([filler, heading, body]) == [[filler], [heading, body]]


def test_a_heading_before_a_kept_group_is_not_joined_to_it() -> None:
    # As in platypus: keep_with_next joins plain blocks only, so a heading opens its group.
    filler, heading, group = Box(70), Box(10, kwn=True), [Box(15), Box(15)]
    assert _pages([filler, heading, Keep(list(group))]) == [[filler, heading], group]


def test_page_break_and_a_block_too_tall_for_any_page() -> None:
    a, b = Box(10), Box(10)
    assert _pages([a, PageBreak(), b]) == [[a], [b]]
    with pytest.raises(LayoutError):
        _pages([Box(150)])


def test_section_marks_name_the_group_a_page_continues() -> None:
    story: list[Item] = [SectionMark("Now"), Box(60), Box(60), SectionMark(None), Box(60)]
    pages = Paginator(x=0, top=100, bottom=0, width=WIDTH).run(story)
    assert [page.continued for page in pages] == [None, "Now", None]


def _note(lines: int, style: Style) -> Text:
    register_fonts()
    return Text([("\n".join(f"regel {n}" for n in range(lines)), False)], style)


def test_a_paragraph_splits_between_lines_over_pages() -> None:
    body = stylesheet()["Body"]  # 18 pt lines
    pages = _pages([Box(30), _note(6, body)])  # room for 3 lines under the box
    assert [len(page) for page in pages] == [2, 1]
    first, rest = pages[0][1], pages[1][0]
    assert isinstance(first, Text) and isinstance(rest, Text)
    assert first.wrap(WIDTH) == 3 * 18 and rest.wrap(WIDTH) == 3 * 18


def test_a_flowing_note_leaves_no_line_alone_on_either_page() -> None:
    note = stylesheet()["NoteFlow"]
    # Room for one line: no orphan, so the whole note moves on.
    pages = _pages([Box(75), _note(5, note)])
    assert [len(page) for page in pages] == [1, 1]
    # Room for four of five lines: no widow either, so three stay and two move.
    pages = _pages([Box(25), _note(5, note)])
    assert pages[0][1].wrap(WIDTH) == 3 * 18 and pages[1][0].wrap(WIDTH) == 2 * 18


def test_a_grid_splits_between_rows() -> None:
    rows: list[list[Block | None]] = [[Spacer(20), None] for _ in range(5)]
    grid = Grid(rows, [100, 100], (0, 0, 3, 3))
    assert grid.wrap(WIDTH) == 5 * 26
    pages = _pages([Box(40), grid])
    heights = [block.wrap(WIDTH) for page in pages for block in page]
    assert heights == [40, 2 * 26, 3 * 26]


def test_a_spacer_keeps_its_room() -> None:
    a, gap, b = Box(10), Spacer(14), Box(10)
    pages = Paginator(x=0, top=100, bottom=0, width=WIDTH).run([a, gap, b])
    assert [y for _, _, y in pages[0].placed] == [90, 76, 66]
