"""Every row of the side panel's list of steps shows its whole text, at every width and text
size: never cut short with "…" (seen: "Berging, was en balkon…" at 20 pt, "Save and …" in a
700 px window). The test measures the text as the list paints it: in the row (no wider than the
list), inside the style sheet's padding and the style's text margin."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle

from homecheck.ui import theme
from homecheck.ui.settings import Settings
from tests.ui.helpers import first_room, start_check

pytestmark = pytest.mark.gui


def _cut_rows(steps) -> list[str]:  # type: ignore[no-untyped-def]
    metrics = QFontMetrics(steps.font())
    margin = steps.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, steps) + 1
    pad = theme.LIST_ITEM_PADDING_PX
    cut = []
    for n in range(steps.count()):
        item = steps.item(n)
        row = steps.visualItemRect(item)
        row.setWidth(min(row.width(), steps.viewport().width()))  # as QListView paints it
        width = row.width() - 2 * pad - 2 * margin
        height = row.height() - 2 * pad
        room = QRect(0, 0, width, 100_000)
        needed = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), item.text())
        if needed.width() > width:
            continue  # a word wider than the row: narrower than the panel ever gets
        if needed.height() > height:
            cut.append(f"{item.text()!r} in a {row.width()} px row: {needed} in {width}x{height}")
    return cut


@pytest.mark.parametrize(("language", "size"), [("en", 14), ("nl", 20), ("en", 20)])
def test_no_step_is_cut_short_at_any_width(make_wizard, language: str, size: int) -> None:
    wizard = make_wizard(Settings(language=language, text_size=size))
    steps = wizard.side.steps
    steps.setFixedHeight(3000)  # no scroll bar coming and going: every width is tried
    cut: list[str] = []
    for width in range(140, 420, 3):
        steps.setFixedWidth(width)
        QApplication.processEvents()
        steps.doItemsLayout()
        cut += _cut_rows(steps)
    assert not cut, cut[:5]


def test_no_step_is_cut_short_in_a_700_pixel_window(make_wizard) -> None:
    """The window of the trial: the panel's narrower form, its list scrolling."""
    wizard = make_wizard(Settings(language="en"))
    wizard.resize(700, 860)
    QApplication.processEvents()
    wizard.go_to(wizard.finish_page.page_id)
    QApplication.processEvents()
    assert wizard.side.steps.verticalScrollBar().isVisible()
    assert not _cut_rows(wizard.side.steps)


@pytest.mark.parametrize("width", [640, 700, 800])
def test_a_client_row_that_wraps_is_not_cut_off_by_the_list(make_wizard, dialogs,
                                                            width: int) -> None:
    """A caregiver at 20 pt: 'Checks: 1 · last on 2 December 2026' wraps to a third line, and
    the list, as tall as its rows, took the rows' height unwrapped (seen in a 683 px window)."""
    wizard = make_wizard(Settings(language="en", text_size=20))
    start_check(wizard, dialogs, "caregiver", "Mam")
    first_room(wizard).rows[0].choices.choose_number(1)
    dialogs.yes_no.insert(0, False)  # finish without saving the PDF: back to the list
    wizard.accept()
    wizard.resize(width, 450)
    QApplication.processEvents()
    people = wizard.clients_page.client_list.list
    row = people.visualItemRect(people.item(0))
    assert "\n" in people.item(0).text() and row.height() > 0
    assert row.bottom() < people.viewport().height(), (row, people.viewport().height())
