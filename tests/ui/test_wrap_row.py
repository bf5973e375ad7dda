"""The answer rows' button row: side by side when it fits, stacked (never clipped) when not."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from homecheck.ui.widgets.wrap_row import WrapRow

pytestmark = pytest.mark.gui


def _row(qtbot, texts: list[str]) -> tuple[WrapRow, list[QPushButton]]:  # type: ignore[no-untyped-def]
    row = WrapRow()
    qtbot.addWidget(row)
    buttons = []
    for text in texts:
        button = QPushButton(text, row)
        row.add(button)
        buttons.append(button)
    return row, buttons


def _inside(row: WrapRow, buttons: list[QPushButton]) -> bool:
    return all(b.geometry().right() < row.width() for b in buttons if b.isVisible())


def test_buttons_sit_side_by_side_when_they_fit_and_stack_when_not(qtbot) -> None:
    row, buttons = _row(qtbot, ["Hazard here", "All right", "Not applicable"])
    wide = row.side_by_side_width() + 40
    row.resize(wide, 200)
    row.show()
    qtbot.waitExposed(row)
    QApplication.processEvents()
    assert not row.stacked()
    assert len({b.y() for b in buttons}) == 1
    assert buttons[0].width() == buttons[0].sizeHint().width()  # no stretching
    row.resize(wide // 2, 400)
    QApplication.processEvents()
    assert row.stacked()
    assert len({b.y() for b in buttons}) == 3 and _inside(row, buttons)
    assert row.minimumSizeHint().width() < wide // 2
    row.resize(wide, 400)
    QApplication.processEvents()
    assert not row.stacked()


def test_a_button_that_appears_is_taken_into_account(qtbot) -> None:
    row, buttons = _row(qtbot, ["Why, and what can I do?", "Note", "Add a photo…"])
    buttons[2].hide()
    row.resize(row.side_by_side_width() + 5, 200)
    row.show()
    qtbot.waitExposed(row)
    QApplication.processEvents()
    assert not row.stacked()
    buttons[2].show()  # does not fit next to the others any more
    row.refit()  # what the row's owner does after showing a button
    assert row.stacked()
    QApplication.processEvents()
    assert _inside(row, buttons)


def test_focus_lower_down_a_room_scrolls_it_into_view_at_20_pt(make_wizard, qtbot) -> None:
    from PySide6.QtCore import QPoint

    from homecheck.ui.settings import Settings

    wizard = make_wizard(Settings(language="nl", text_size=20))
    room = wizard.room_pages[wizard.ctx.checklist.areas[0].id]
    wizard.go_to(room.page_id)
    for row in room.rows:  # answered rows show more buttons: at 20 pt they stack
        row.choices.choose_number(2)
    wizard.go_to(wizard.about_page.page_id)
    qtbot.wait(300)
    wizard.go_to(room.page_id)
    # No event processed after this: the scroll must already be right.
    room.rows[2].why_button.setChecked(True)
    button = room.rows[2].why_button
    button.setFocus()
    viewport = room.scroller.viewport()
    top = button.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0 and top + button.height() <= viewport.height()


def test_larger_text_while_a_room_is_shown_never_clips_a_button(make_wizard, qtbot) -> None:
    from homecheck.ui.settings import Settings
    from tests.ui.helpers import first_room

    wizard = make_wizard(Settings(language="nl"))
    page = first_room(wizard)
    page.rows[0].choices.choose_number(1)  # note and photo buttons appear too
    for _ in range(3):  # 14 -> 20 pt while the page is on screen
        wizard.side.larger_button.click()
    qtbot.wait(50)
    viewport = page.scroller.viewport().width()
    body = page.scroller.widget()
    for row in page.rows:
        for button in [*row.choices.buttons.values(), row.why_button, row.note_button]:
            if button.isVisible():
                right = button.mapTo(body, button.rect().topRight()).x()
                assert right <= viewport, button.text()


def test_buttons_that_fit_two_to_a_line_take_two_lines_not_three(qtbot) -> None:
    row, buttons = _row(qtbot, ["Hazard here", "All right", "Not applicable"])
    two = buttons[0].sizeHint().width() + 10 + buttons[1].sizeHint().width()
    row.resize(two + 5, 300)  # the first two fit side by side, the third does not
    row.show()
    qtbot.waitExposed(row)
    QApplication.processEvents()
    assert buttons[0].y() == buttons[1].y() < buttons[2].y()
    assert buttons[2].x() == buttons[0].x()  # the next line starts at the left
    assert _inside(row, buttons)
    assert row.height() >= buttons[2].geometry().bottom()


def test_answer_rows_at_20_pt_use_no_more_lines_than_needed(make_wizard, qtbot) -> None:
    from homecheck.ui.settings import Settings
    from tests.ui.helpers import first_room

    wizard = make_wizard(Settings(language="nl", text_size=20))
    page = first_room(wizard)
    for row in page.rows:
        row.choices.choose_number(1)  # answered: note and photo buttons appear too
    qtbot.wait(50)
    for row in page.rows:
        for wrap in (row.choices, row._extras):
            shown = [b for b in wrap._widgets if b.isVisible()]
            lines = sorted({b.y() for b in shown})
            # Greedy: every line but the last is full (the next button did not fit on it).
            for line in lines[:-1]:
                on_line = [b for b in shown if b.y() == line]
                after = shown[shown.index(on_line[-1]) + 1]
                used = on_line[-1].geometry().right() + 10 + after.sizeHint().width()
                assert used > wrap.width(), [b.text() for b in on_line]
            assert all(b.geometry().right() < wrap.width() for b in shown)


def _clipped(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts of shown answer-row buttons that reach past their row's right edge."""
    found = []
    for row in page.rows:
        for wrap in (row.choices, row._extras):
            for button in wrap._widgets:
                if button.isVisible() and button.geometry().right() >= wrap.width():
                    found.append(button.text())
    return found


def _lines(page) -> int:  # type: ignore[no-untyped-def]
    """How many lines of buttons the page's answer rows take."""
    return sum(len({b.y() for b in wrap._widgets if b.isVisible()})
               for row in page.rows for wrap in (row.choices, row._extras))


def test_larger_text_in_a_640_px_window_stacks_the_buttons_at_once(make_wizard, qtbot) -> None:
    from homecheck.ui.settings import Settings
    from tests.ui.helpers import first_room

    wizard = make_wizard(Settings(language="nl"))
    wizard.resize(640, 700)
    page = first_room(wizard)
    page.rows[0].choices.choose_number(1)  # Note, Photo and Clear appear
    QApplication.processEvents()
    assert not _clipped(page)
    lines_before = _lines(page)
    for _ in range(3):  # 14 -> 20 pt; the rows keep their width, the buttons grow
        wizard.side.larger_button.click()
    QApplication.processEvents()
    assert not _clipped(page)
    assert _lines(page) > lines_before



def test_choosing_an_answer_in_a_room_moves_no_button(make_wizard, qtbot) -> None:
    """At 20 pt "Gaat goed" grew by a pixel when chosen: the tick's room was its own width,
    rounded, while Qt measures the whole text."""
    from homecheck.ui.settings import Settings
    from tests.ui.helpers import first_room

    wizard = make_wizard(Settings(language="nl"))
    wizard.resize(640, 700)
    page = first_room(wizard)
    for _ in range(4):  # 14 pt, then up to 20 pt while the room is on screen
        QApplication.processEvents()
        for row in page.rows[:3]:
            before = [b.geometry() for b in row.choices.buttons.values()]
            for number in (1, 2, 3):  # the tick moves from one answer to the next
                row.choices.choose_number(number)
                QApplication.processEvents()
                assert [b.geometry() for b in row.choices.buttons.values()] == before
        wizard.side.larger_button.click()
