"""A screen-reader user hears where a page turn took them: the page's heading and its step
("Keuken, stap 5 van 14"), and the keyboard lands on the first thing to do there.

The page carries that text as its accessible name, which a screen reader says when the keyboard
enters the page; when the keyboard stays outside the page (on Next), the text is announced
(QAccessibleAnnouncementEvent). What Qt hands to AT-SPI is checked in test_atspi.py."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QApplication

from homecheck.ui.pages.base import CLIENTS_ID, HOME_ID, SUMMARY_ID
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.settings import Settings
from tests.ui.helpers import choose_role, first_room

pytestmark = pytest.mark.gui


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, str]]:
    """The announcements the app asks Qt to pass to screen readers: (source, message)."""
    seen: list[tuple[object, str]] = []
    real = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            seen.append((event.object(), event.message()))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return seen


def side_step(wizard) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The selected step in the side panel (counted from 1) and how many steps it lists."""
    steps = wizard.side.steps
    return steps.currentRow() + 1, steps.count()


def focus_in(page) -> bool:  # type: ignore[no-untyped-def]
    focus = QApplication.focusWidget()
    return focus is not None and page.isAncestorOf(focus)


@pytest.mark.parametrize(("language", "pattern"),
                         [("nl", "{}, stap {} van {}"), ("en", "{}, step {} of {}")])
def test_next_names_each_page_with_its_heading_and_step(make_wizard, language: str,
                                                        pattern: str) -> None:
    wizard = make_wizard(Settings(language=language))
    seen = []
    while wizard.currentId() != SUMMARY_ID:
        wizard.next()
        page = wizard.currentPage()
        step, steps = side_step(wizard)
        assert page.accessibleName() == pattern.format(page.heading.text(), step, steps)
        seen.append(page.accessibleName())
    assert len(seen) >= 5  # About you, Your home, the rooms, Summary
    assert all(not name.startswith(",") for name in seen)  # a heading on every page


def test_a_screen_reader_meets_each_page_as_a_group_with_that_name(make_wizard) -> None:
    """A named group (role Grouping, "panel" on AT-SPI) is said as the keyboard enters it;
    Orca never says the name of a plain widget ("filler")."""
    wizard = make_wizard(Settings(language="nl"))
    page = first_room(wizard)
    QAccessible.queryAccessibleInterface(page)
    gc.collect()  # Qt keeps the interface the factory made; Python's copy may go
    node = QAccessible.queryAccessibleInterface(page)
    assert node.isValid() and node.role() == QAccessible.Role.Grouping
    assert node.text(QAccessible.Text.Name) == page.accessibleName()
    assert node.text(QAccessible.Text.Name).startswith(page.heading.text() + ", stap ")
    # The question with the keyboard is inside that group.
    question = QAccessible.queryAccessibleInterface(QApplication.focusWidget())
    while question is not None and question.isValid() and question.object() is not page:
        question = question.parent()
    assert question is not None and question.object() is page
    # Only the pages: the rest keeps the roles Qt gives it.
    assert QAccessible.queryAccessibleInterface(wizard.side).role() != QAccessible.Role.Grouping


def test_the_keyboard_lands_on_the_first_open_question_and_the_room_is_named(
        make_wizard, announced) -> None:
    wizard = make_wizard(Settings(language="nl"))
    page = first_room(wizard)
    step, steps = side_step(wizard)
    assert page.accessibleName() == f"{page.heading.text()}, stap {step} van {steps}"
    assert page.heading.text() == page.area.title("nl")
    # The first question has the keyboard: a screen reader says the page's name as it enters.
    assert page.rows[0].isAncestorOf(QApplication.focusWidget())
    assert announced == []  # said with the question; an announcement would cut it off


def test_a_room_already_answered_is_announced_because_the_keyboard_stays_on_next(
        make_wizard, announced) -> None:
    wizard = make_wizard(Settings(language="en"))
    page = first_room(wizard)
    for row in page.rows:
        row.choices.choose_number(3)
    wizard.back()
    announced.clear()
    wizard.next()  # back to the answered room: the keyboard goes to Next
    assert wizard.currentPage() is page
    assert not focus_in(page)
    step, steps = side_step(wizard)
    assert announced == [(page, f"{page.area.title('en')}, step {step} of {steps}")]


def test_a_jump_from_the_side_panel_names_the_page_jumped_to(make_wizard, qtbot) -> None:
    wizard = make_wizard(Settings(language="en"))
    steps = wizard.side.steps
    steps.setFocus()
    steps.setCurrentRow(steps.count() - 2)  # Summary, by the keyboard
    qtbot.keyClick(steps, Qt.Key.Key_Return)
    assert wizard.currentId() == SUMMARY_ID
    page = wizard.currentPage()
    step, steps = side_step(wizard)
    assert step == steps - 1  # Summary, then Save and print
    assert page.accessibleName() == f"Summary, step {step} of {steps}"
    assert focus_in(page)  # the first line of the summary has the keyboard


def test_the_name_follows_the_language_and_the_number_of_steps(make_wizard) -> None:
    wizard = make_wizard(Settings(language="en"))
    wizard.next()
    wizard.next()
    assert wizard.currentId() == HOME_ID
    page = wizard.currentPage()
    step, steps = side_step(wizard)
    assert page.accessibleName() == f"{page.heading.text()}, step {step} of {steps}"
    box = next(b for b in page.boxes.values() if b.isChecked())
    box.setChecked(False)  # one part of the home less: one step less
    assert side_step(wizard) == (step, steps - 1)
    assert page.accessibleName().endswith(f"step {step} of {steps - 1}")
    wizard.set_language("nl")
    assert page.accessibleName() == f"{page.heading.text()}, stap {step} van {steps - 1}"


def test_for_a_therapist_the_first_step_is_who_for_and_about_says_whom(make_wizard,
                                                                       dialogs) -> None:
    wizard = make_wizard(Settings(language="en"))
    choose_role(wizard, "therapist")
    wizard.next()
    assert wizard.currentId() == CLIENTS_ID
    steps = side_step(wizard)[1]
    assert wizard.currentPage().accessibleName() == f"Who is this check for?, step 1 of {steps}"
    dialogs.texts = ["Mam"]
    wizard.clients_page.client_list.add()
    wizard.next()
    page = wizard.currentPage()
    assert page.heading.text() == "About Mam"
    assert page.accessibleName() == f"About Mam, step 2 of {side_step(wizard)[1]}"
    assert not isinstance(page, RoomPage)
