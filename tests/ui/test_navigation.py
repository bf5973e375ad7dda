"""Skipping absent areas, Back/Next keeping answers, jumps from the side panel and the summary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.pages.base import HOME_ID, SUMMARY_ID
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui


def _visit_all(wizard) -> list[str]:  # type: ignore[no-untyped-def]
    keys = [wizard.currentPage().key]
    while wizard.currentId() != SUMMARY_ID:
        wizard.next()
        keys.append(wizard.currentPage().key)
    return keys


def test_no_stairs_and_no_garden_skips_their_pages(make_wizard) -> None:
    wizard = make_wizard()
    wizard.next()
    wizard.next()
    assert wizard.currentId() == HOME_ID
    boxes = wizard.home_page.boxes
    assert "whole_home" not in boxes  # every home has it: no way to untick it
    boxes["stairs"].setChecked(False)
    boxes["garden"].setChecked(False)
    visited = _visit_all(wizard)
    assert "area:stairs" not in visited and "area:garden" not in visited
    assert "area:kitchen" in visited and "area:whole_home" in visited
    side_keys = [key for _id, key in wizard.side._entries]
    assert "area:stairs" not in side_keys
    store = Store(database_path())
    try:
        areas = store.load_check(wizard.ctx.session.check_id).areas
    finally:
        store.close()
    assert "stairs" not in areas and "garden" not in areas and "kitchen" in areas
    # The summary scores only the areas the home has.
    assert {a.area_id for a in wizard.ctx.session.score().areas} == set(areas)


def test_back_and_next_keep_answers(make_wizard) -> None:
    wizard = make_wizard()
    for _ in range(3):
        wizard.next()
    first = wizard.currentPage()
    first.rows[0].choices.choose_number(1)
    first.rows[1].choices.choose_number(3)
    wizard.next()
    second = wizard.currentPage()
    second.rows[0].choices.choose_number(2)
    wizard.back()
    wizard.back()
    assert wizard.currentId() == HOME_ID
    wizard.next()
    assert wizard.currentPage() is first
    assert [r.choices.value() for r in first.rows[:3]] == ["hazard", "na", None]
    wizard.next()
    assert second.rows[0].choices.value() == "ok"
    assert wizard.ctx.session.answer(second.rows[0].item.id).answer == "ok"


def test_side_panel_jumps_with_the_keyboard_and_next_still_works(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    wizard.next()
    kitchen = wizard.room_pages["kitchen"]
    steps = wizard.side.steps
    row = next(n for n, (pid, _k) in enumerate(wizard.side._entries) if pid == kitchen.page_id)
    steps.setFocus()
    steps.setCurrentRow(row)
    qtbot.keyClick(steps, Qt.Key.Key_Return)
    assert wizard.currentPage() is kitchen  # Enter jumped, and did not also press Next
    # Back to an earlier area, then on: the natural order goes on from there.
    entrance = wizard.room_pages["entrance"]
    wizard.go_to(entrance.page_id)
    assert wizard.currentPage() is entrance
    wizard.next()
    assert wizard.currentPage() is wizard.room_pages["hallway"]
    visited = _visit_all(wizard)
    assert visited[-1] == "summary"


def test_side_panel_shows_progress_in_numbers(make_wizard) -> None:
    wizard = make_wizard()
    for _ in range(3):
        wizard.next()
    page = wizard.currentPage()
    row = next(n for n, (pid, _k) in enumerate(wizard.side._entries) if pid == page.page_id)
    total = len(page.rows)
    assert f"0 of {total}" in wizard.side.steps.item(row).text()
    for answer_row in page.rows:
        answer_row.choices.choose_number(2)
    text = wizard.side.steps.item(row).text()
    assert f"{total} of {total}" in text and text.startswith("✓")


def test_summary_jumps_to_an_unanswered_item_with_focus_on_it(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    for _ in range(3):
        wizard.next()
    page = wizard.currentPage()
    for row in page.rows:
        if row is not page.rows[2]:
            row.choices.choose_number(2)
    third_id = page.rows[2].item.id
    wizard.go_to(SUMMARY_ID)
    summary = wizard.summary_page
    open_ids = [summary.open_list.item(n).data(Qt.ItemDataRole.UserRole)
                for n in range(summary.open_list.count())]
    assert open_ids[0] == third_id
    assert summary.open_list.currentRow() == 0
    # The summary opens at its top (test_summary_opens_at_top.py); Tab goes to its list.
    summary.open_list.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(summary.open_list, Qt.Key.Key_Return)
    assert wizard.currentPage() is page
    assert QApplication.focusWidget() in page.rows[2].choices.buttons.values()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert wizard.ctx.session.answer(page.rows[2].item.id).answer == "hazard"


def test_language_switch_keeps_answers_and_changes_texts(make_wizard) -> None:
    wizard = make_wizard(Settings(language="en"))
    for _ in range(3):
        wizard.next()
    page = wizard.currentPage()
    assert isinstance(page, RoomPage)
    page.rows[0].choices.choose_number(1)
    next_button = wizard.button(wizard.WizardButton.NextButton)
    assert next_button.text() == "&Next >"
    english_title = page.heading.text()
    wizard.side.language_button.click()
    assert wizard.ctx.settings.language == "nl"
    assert page.heading.text() == page.area.title("nl") != english_title
    assert next_button.text() == "&Volgende >"
    assert page.rows[0].question.text().endswith(page.area.items[0].question("nl"))
    assert page.rows[0].choices.value() == "hazard"
    assert wizard.ctx.session.answer(page.rows[0].item.id).answer == "hazard"
    assert wizard.ctx.session.assessment.language == "nl"
    wizard.set_language("en")
    assert next_button.text() == "&Next >"
    assert page.heading.text() == english_title


def test_unknown_saved_page_resumes_at_about_you(make_wizard) -> None:
    wizard = make_wizard()
    wizard.next()
    wizard.ctx.session.set_current_page("area:no_such_area")
    wizard.close()
    wizard.ctx.session.store.close()
    again = make_wizard()
    again.next()
    assert again.currentPage().key == "about_you"


@pytest.mark.parametrize("role", ["therapist", "caregiver"])
def test_the_side_panel_never_says_about_you_to_someone_filling_in_for_another(
    make_wizard, role: str
) -> None:
    wizard = make_wizard()
    steps = wizard.side.steps
    texts = lambda: [steps.item(row).text() for row in range(steps.count())]  # noqa: E731
    assert "About you" in texts()
    wizard.ctx.session.set_header(role, "Mrs Jansen", "")
    assert "About you" not in texts()
    assert "About the person" in texts()
    wizard.ctx.session.set_header("self", "", "")
    assert "About you" in texts()
