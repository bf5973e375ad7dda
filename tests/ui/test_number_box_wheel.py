"""Turning the mouse wheel over a number box scrolls the page, as everywhere else on it, and
never changes the number the person gave (a stored answer changed without a word)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from homecheck.ui.pages.base import ABOUT_ID
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui


def _wheel_down(widget) -> bool:  # type: ignore[no-untyped-def]
    """Send one wheel step down; True when the widget kept it (a parent then never sees it)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_over_a_number_scrolls_the_page_and_keeps_the_answer(make_wizard) -> None:
    wizard = make_wizard(Settings(language="en", text_size=20))
    wizard.go_to(ABOUT_ID)
    page = wizard.currentPage()
    QApplication.processEvents()
    session = wizard.ctx.session
    for key, box in page.numbers.items():
        box.setFocus(Qt.FocusReason.MouseFocusReason)  # clicked into, as with its arrows
        box.setValue(box.minimum() + 3)
        given = session.assessment.intake.get(key)
        assert given is not None
        # Left to the page: Qt hands a wheel event the box did not keep on to its parents, up
        # to the page's scroll area (only for real wheel turns, so that is not tried here).
        assert not _wheel_down(box), key
        assert session.assessment.intake.get(key) == given, key
        assert box.value() == box.minimum() + 3, key
