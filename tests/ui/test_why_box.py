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
