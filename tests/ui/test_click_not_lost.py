"""A click on a control in view is never lost: focus that comes with a mouse press does not scroll
the page under the pointer (the release would land elsewhere and the click would not count)."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui


def _click_where_it_is(widget: QWidget, pos: QPoint) -> None:
    """Press on the widget, then release where the pointer still is on the screen, over
    whatever is there by then (the page may have moved under it)."""
    global_pos = widget.mapToGlobal(pos)
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    QApplication.processEvents()
    target = QApplication.widgetAt(global_pos) or widget
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       target.mapFromGlobal(global_pos))
    QApplication.processEvents()


def test_a_click_on_a_radio_in_view_checks_it(make_wizard, dialogs) -> None:
    first = make_wizard(Settings(language="nl", text_size=20))
    first.next()
    first.ctx.session.set_intake("falls_past_year", 2)  # a check to continue: the "Je check" block
    dialogs.default_yes = True
    first.close()
    first.ctx.session.store.close()
    wizard = make_wizard(Settings(language="nl", text_size=20))
    wizard.resize(900, 520)
    QApplication.processEvents()
    start = wizard.start_page
    radio = start.new_radio
    assert start.resume_radio.isChecked() and not radio.isChecked()
    heading = start.modes.heading
    bar = start.scroller.verticalScrollBar()
    # Scrolled so that the radio is in view and its block's heading just above the view.
    bar.setValue(heading.mapTo(start.scroller.widget(), QPoint(0, 0)).y() + heading.height() + 5)
    QApplication.processEvents()
    assert start._in_view(radio)
    before = bar.value()
    _click_where_it_is(radio, QPoint(20, radio.height() // 2))
    assert radio.isChecked(), f"page scrolled {before} -> {bar.value()} on the press"


@pytest.mark.parametrize("n", [1, 2, 3])
def test_a_click_on_an_answer_in_view_answers(make_wizard, dialogs, n: int) -> None:
    """The same in a room, the core of the check: question n's first line just above the view,
    its 'In orde' button in view. Fails on main: 'scroll 452 -> 382', no answer."""
    from tests.ui.helpers import first_room, start_check

    wizard = make_wizard(Settings(language="nl", text_size=20))
    wizard.resize(900, 600)
    start_check(wizard, dialogs, "self")
    page = first_room(wizard)
    while wizard.currentPage() is not page:
        wizard.next()
    QApplication.processEvents()
    row = page.rows[n]
    button = list(row.choices.buttons.values())[1]
    bar = page.scroller.verticalScrollBar()
    bar.setValue(row.mapTo(page.scroller.widget(), QPoint(0, 0)).y() + 30)
    QApplication.processEvents()
    assert page._in_view(button)
    before = bar.value()
    _click_where_it_is(button, button.rect().center())
    answer = wizard.ctx.session.answer(row.item.id)
    assert answer is not None and answer.answer, f"scroll {before} -> {bar.value()}, no answer"
