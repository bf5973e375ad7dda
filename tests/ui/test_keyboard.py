"""A whole check done with the keyboard only: one key per item plus a few per page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homecheck.domain.assessment import ANSWERS
from homecheck.domain.content import checklist
from homecheck.domain.scoring import score_home
from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.pages.base import ABOUT_ID, HOME_ID, SUMMARY_ID
from homecheck.ui.pages.room import RoomPage
from tests.ui.helpers import KeyDriver

pytestmark = pytest.mark.gui

KEYS = {1: Qt.Key.Key_1, 2: Qt.Key.Key_2, 3: Qt.Key.Key_3}


def planned_answer(n: int) -> int:
    """A varied but fixed pattern of answers: mostly fine, some hazards, a few n/a."""
    return (1, 2, 2, 3, 2, 1, 2)[n % 7]


def test_full_check_by_keyboard_only(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    keys = KeyDriver(qtbot, wizard)
    pages = 0

    keys.press(Qt.Key.Key_Return)  # start page: "myself", new check
    assert wizard.currentId() == ABOUT_ID
    keys.press(Qt.Key.Key_Return)  # about you: all optional
    assert wizard.currentId() == HOME_ID
    keys.press(Qt.Key.Key_Return)  # your home: every part ticked
    pages += 3

    expected: dict[str, str] = {}
    n = 0
    while isinstance(wizard.currentPage(), RoomPage):
        page = wizard.currentPage()
        pages += 1
        for item in page.area.items:
            choice = planned_answer(n)
            n += 1
            keys.press(KEYS[choice])
            expected[item.id] = ANSWERS[choice - 1]
        # After the last item focus is on Next, so Enter goes on.
        assert keys.focused() is wizard.button(wizard.WizardButton.NextButton)
        keys.press(Qt.Key.Key_Return)
    assert wizard.currentId() == SUMMARY_ID

    content = checklist()
    item_count = sum(len(area.items) for area in content.areas)
    assert len(expected) == item_count
    assert keys.presses <= item_count + 3 * pages

    # What the store holds, read back through a second connection.
    session = wizard.ctx.session
    store = Store(database_path())
    try:
        stored = store.load_check(session.check_id)
    finally:
        store.close()
    assert {k: a.answer for k, a in stored.answers.items()} == expected
    home = score_home(content, stored)
    assert home.unanswered == 0
    assert session.score() == home
    assert str(home.score) in wizard.summary_page.score_label.text()


def test_each_answer_key_stores_and_moves_focus_to_the_next_row(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    for _ in range(3):
        wizard.next()
    page = wizard.currentPage()
    assert isinstance(page, RoomPage)
    keys = KeyDriver(qtbot, wizard)
    # Timing lives in benchmarks/run.py (noisy machines); here only the behaviour is checked.
    for row, following in zip(page.rows, page.rows[1:], strict=False):
        assert keys.focused() in row.choices.buttons.values()
        keys.press(Qt.Key.Key_2)
        assert wizard.ctx.session.answer(row.item.id).answer == "ok"
        assert keys.focused() in following.choices.buttons.values()


def test_digit_on_the_why_button_still_answers_its_row(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    for _ in range(3):
        wizard.next()
    row = wizard.currentPage().rows[0]
    row.why_button.setFocus()
    qtbot.keyClick(row.why_button, Qt.Key.Key_3)
    assert wizard.ctx.session.answer(row.item.id).answer == "na"
    qtbot.keyClick(row.why_button, Qt.Key.Key_Space)
    assert row.details.isVisible()
    assert row.item.why("en") in row.details.text()


def test_about_you_by_keyboard_with_fesi_scored_on_the_spot(qtbot, make_wizard) -> None:
    from homecheck.domain.fesi import score_short_fesi

    wizard = make_wizard()
    wizard.next()
    page = wizard.about_page
    keys = KeyDriver(qtbot, wizard)
    assert keys.focused() in page.choices["pain"].buttons.values()
    keys.press(Qt.Key.Key_3)  # pain: often
    assert keys.focused() is page.numbers["activity_days"]
    keys.press(Qt.Key.Key_4)
    keys.press(Qt.Key.Key_Return)  # Enter moves on, it does not leave the page
    assert wizard.currentPage() is page
    assert keys.focused() in page.choices["key_unsteady"].buttons.values()
    keys.press(Qt.Key.Key_2)
    assert keys.focused() is page.numbers["falls_past_year"]
    keys.press(Qt.Key.Key_2)
    keys.press(Qt.Key.Key_Return)
    assert keys.focused() in page.choices["fall_injury"].buttons.values()
    intake = wizard.ctx.session.assessment.intake
    assert intake["pain"] == "often" and intake["activity_days"] == 4
    assert intake["falls_past_year"] == 2
    assert intake["key_fallen"] is True  # asked once, derived from the count
    for choice in page.fesi_choices:
        choice.focus_button().setFocus()
        keys.press(Qt.Key.Key_3)
    expected = score_short_fesi([3] * 7)
    assert intake["fesi"] == [3] * 7
    assert str(expected.total) in page.fesi_result.text()
    assert wizard.ctx.t(f"fesi_band.{expected.band}") in page.fesi_result.text()
    assert keys.focused() is wizard.button(wizard.WizardButton.NextButton)
    stored = Store(database_path())
    try:
        assert stored.load_check(wizard.ctx.session.check_id).intake["fesi"] == [3] * 7
    finally:
        stored.close()


def test_tab_goes_from_the_first_pages_last_control_to_the_buttons(qtbot, make_wizard) -> None:
    # On the page shown at start, and on the next one: the page first, then Back, Next, Stop.
    wizard = make_wizard()
    back = wizard.button(wizard.WizardButton.BackButton)
    for page in (wizard.start_page, wizard.about_page):
        assert wizard.currentPage() is page
        first = back if back.isVisible() else wizard.button(wizard.WizardButton.NextButton)
        first.setFocus()
        qtbot.keyClick(first, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        last = QApplication.focusWidget()
        assert last is not None and page.isAncestorOf(last)
        qtbot.keyClick(last, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is first
        wizard.next()


def test_enter_in_the_seconds_box_takes_the_time_and_moves_on(qtbot, make_wizard, dialogs) -> None:
    """The therapist's TUG time: Enter keeps the typed seconds and goes to the next control,
    it does not press Next."""
    from tests.ui.helpers import start_check

    wizard = make_wizard()
    start_check(wizard, dialogs, "therapist")
    page = wizard.about_page
    box = page.numbers["tug_seconds"]
    page.show_question_of(box)
    box.setFocus()
    keys = KeyDriver(qtbot, wizard)
    assert keys.focused() is box
    box.lineEdit().setText("14")  # typed, not yet taken
    keys.press(Qt.Key.Key_Return)
    assert wizard.currentPage() is page and keys.focused() is not box
    assert box.answer() == 14
