"""The summary's score per part of the home: each name and its details stay whole on their lines;
with large text the name goes above its bar instead of breaking after every other word."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from homecheck.ui.pages.base import SUMMARY_ID
from homecheck.ui.settings import Settings
from homecheck.ui.widgets.area_bars import AreaBars
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


def _lines_shown(label: QLabel) -> int:
    """How many lines the label takes at its width now (wrapped lines included)."""
    return round(label.heightForWidth(label.width()) / label.fontMetrics().lineSpacing())


def _bars(qtbot, names: list[str]) -> AreaBars:  # type: ignore[no-untyped-def]
    bars = AreaBars(high_contrast=False)
    qtbot.addWidget(bars)
    for (label, bar, number), name in zip(bars.show_rows(len(names)), names, strict=True):
        label.setText(f"{name}\n2 hazards · 7 of 7 answered")
        number.setText("60 out of 100")
        bar.set_score(60, False)
    return bars


def test_names_sit_beside_their_bars_when_they_fit_and_above_them_when_not(qtbot) -> None:
    bars = _bars(qtbot, ["Front door and outside", "Stairs"])
    wide = bars.side_by_side_width() + 40
    bars.resize(wide, 300)
    bars.show()
    qtbot.waitExposed(bars)
    QApplication.processEvents()
    assert not bars.stacked()
    for label, bar, _number in bars.rows:
        assert label.x() < bar.x() and _lines_shown(label) == 2
    bars.resize(wide * 2 // 3, 400)
    QApplication.processEvents()
    assert bars.stacked()
    for label, bar, number in bars.rows:
        assert label.geometry().bottom() < bar.y() and bar.y() <= number.geometry().bottom()
        assert _lines_shown(label) == 2  # "Front door and outside" / "2 hazards · 7 of 7 …"
        assert bar.width() >= 100
    bars.resize(wide, 300)
    QApplication.processEvents()
    assert not bars.stacked()


def test_at_the_largest_text_no_name_on_the_summary_breaks(make_wizard) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=20))
    room = first_room(wizard)
    room.rows[0].choices.choose_number(1)
    wizard.go_to(SUMMARY_ID)
    QApplication.processEvents()
    shown = [row for row in wizard.summary_page.bar_rows if row[0].isVisible()]
    assert len(shown) > 5
    for label, bar, number in shown:
        assert _lines_shown(label) == 2, label.text()  # the area's name, then its details
        assert bar.width() >= 100
        assert number.width() >= number.sizeHint().width()  # "78 van de 100" whole
