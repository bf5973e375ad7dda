"""An item's "why" box: why it matters, what to do, and, where the item has one, what to do
until the fix is in place (the same line the PDF prints), in both languages."""

from __future__ import annotations

import pytest

from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


def test_the_why_box_shows_what_to_do_until_then(make_wizard) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    with_line = [row for row in room.rows if row.item.until_then is not None]
    without = [row for row in room.rows if row.item.until_then is None]
    assert with_line and without
    for row in (with_line[0], without[0]):
        row.why_button.click()
        assert row.details.isVisible()
    text = with_line[0].details.text()
    assert text.startswith("Why: ") and with_line[0].item.fix("en") in text
    assert text.endswith(with_line[0].item.until_then("en"))
    assert without[0].details.text().endswith(without[0].item.fix("en"))
    wizard.set_language("nl")
    assert with_line[0].details.text().endswith(with_line[0].item.until_then("nl"))


def test_opening_the_why_box_scrolls_its_text_into_view(make_wizard) -> None:
    wizard = make_wizard()
    wizard.resize(900, 600)  # a small window: most rows are below the fold
    room = first_room(wizard)
    scroll = room.scroller
    viewport = scroll.viewport()
    row = next(r for r in room.rows
               if r.mapTo(viewport, r.rect().bottomLeft()).y() > viewport.height())
    row.why_button.click()
    details = row.details
    assert details.isVisible() and details.height() < viewport.height()
    top = details.mapTo(viewport, details.rect().topLeft()).y()
    bottom = details.mapTo(viewport, details.rect().bottomLeft()).y()
    assert top >= 0 and bottom <= viewport.height(), (top, bottom, viewport.height())
