"""A number box's − and + are buttons as large as the others, side by side: stacked arrows were
20 × 12 px at the largest text, and a mouse-only person needed three clicks to hit one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSpinBox

from homecheck.ui import theme
from homecheck.ui.pages.base import ABOUT_ID
from homecheck.ui.settings import Settings
from tests.ui.helpers import start_check

pytestmark = pytest.mark.gui

UP, DOWN = QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown


def _rect(box, which):  # type: ignore[no-untyped-def]
    option = QStyleOptionSpinBox()
    box.initStyleOption(option)
    return box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, which, box)


@pytest.mark.parametrize("text_size", [11, 20])
@pytest.mark.parametrize("contrast", [False, True])
def test_minus_and_plus_are_large_and_side_by_side(make_wizard, dialogs, text_size,
                                                   contrast) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=text_size, high_contrast=contrast))
    start_check(wizard, dialogs, "therapist")  # the therapist's examination has more boxes
    wizard.go_to(ABOUT_ID)
    page = wizard.currentPage()
    QApplication.processEvents()
    shown = {key: box for key, box in page.numbers.items() if box.isVisible()}
    assert "tug_seconds" in shown and "age" in shown  # whole and decimal numbers
    for key, box in shown.items():
        up, down = _rect(box, UP), _rect(box, DOWN)
        for button in (up, down):
            assert button.width() >= theme.STEP_BUTTON_PX - 4, key
            assert button.height() >= theme.STEP_BUTTON_PX - 4, key
        assert down.right() < up.left(), key  # − left of +, on one line
        assert abs(down.center().y() - up.center().y()) <= 1, key
        assert not up.intersects(box.lineEdit().geometry()), key  # the number stays readable


def test_a_click_on_plus_and_minus_changes_the_number(make_wizard) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=20))
    wizard.go_to(ABOUT_ID)
    page = wizard.currentPage()
    QApplication.processEvents()
    key, box = next(iter(page.numbers.items()))
    page.ensure_visible(box)
    QApplication.processEvents()
    assert box.value() == -1  # not answered
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=_rect(box, UP).center())
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=_rect(box, UP).center())
    assert box.value() == 1
    assert wizard.ctx.session.assessment.intake.get(key) == 1
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=_rect(box, DOWN).center())
    assert box.value() == 0
