"""Nothing is lost: answers survive closing the window, and a kill -9 of the process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.pages.base import ABOUT_ID, START_ID
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def _go_to_first_room(wizard) -> RoomPage:  # type: ignore[no-untyped-def]
    while not isinstance(wizard.currentPage(), RoomPage):
        wizard.next()
    return wizard.currentPage()


def test_close_and_reopen_offers_resume_with_every_answer(qtbot, make_wizard, dialogs) -> None:
    first = make_wizard()
    first.start_page.client_edit.setText("Mrs Jansen <b>bold</b>")
    page = _go_to_first_room(first)
    given = {}
    for row, key in zip(page.rows[:3], (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3), strict=True):
        qtbot.keyClick(row.focus_target(), key)
        given[row.item.id] = first.ctx.session.answer(row.item.id).answer
    qtbot.keyClicks(page.rows[0].note_edit, "wobbly tile")
    noted = page.rows[0].item.id
    first.next()  # to the second area: this page is remembered
    second_area_key = first.currentPage().key
    first.ctx.session.set_intake("falls_past_year", 2)
    check_id = first.ctx.session.check_id
    dialogs.default_yes = True
    first.close()
    first.ctx.session.store.close()
    assert dialogs.named("ask_yes_no"), "closing asks 'stop for now?'"

    again = make_wizard()
    start = again.start_page
    assert start.resume_radio.isVisible() and start.resume_radio.isChecked()
    # Short radio text; the details wrap in plain text under it.
    details = start.mode_help["resume"]
    assert details.isVisible() and start.resume_radio.text() == "C&ontinue the saved check"
    assert "3 questions answered" in details.text()
    assert "Mrs Jansen <b>bold</b>" in details.text()
    assert start.resume_radio.accessibleDescription() == details.text()
    assert start.client_edit.text() == "Mrs Jansen <b>bold</b>"
    session = again.ctx.session
    assert session.check_id == check_id
    assert {k: session.answer(k).answer for k in given} == given
    assert session.answer(noted).note == "wobbly tile"
    assert session.assessment.intake["falls_past_year"] == 2
    again.next()  # leaving the start page continues where the person was
    assert again.currentPage().key == second_area_key
    # The first area's rows show the stored answers too.
    first_room = again.room_pages[page.area.id]
    first_room.ensure_built()
    assert [r.choices.value() for r in first_room.rows[:3]] == list(given.values())
    assert first_room.rows[0].note_edit.toPlainText() == "wobbly tile"


def test_resume_choice_is_not_cut_off_at_the_largest_text(qtbot, make_wizard) -> None:
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

    label = "Mevrouw Jansen-de Vries, Lange Nieuwstraat 123, 3512 PN Utrecht"
    done = make_wizard(Settings(language="nl", text_size=20))
    _go_to_first_room(done).rows[0].choices.choose_number(1)
    done.ctx.dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
    done.accept()  # a finished check: "check again", "tick off" and "delete" are offered too
    done.ctx.session.store.close()
    first = make_wizard(Settings(language="nl", text_size=20))
    first.start_page.new_radio.setChecked(True)
    first.start_page.client_edit.setText(label)
    _go_to_first_room(first).rows[0].choices.choose_number(1)
    first.close()
    first.ctx.session.store.close()

    again = make_wizard(Settings(language="nl", text_size=20))
    start = again.start_page
    assert start.resume_radio.isVisible() and start.resume_radio.isChecked()
    assert label in start.mode_help["resume"].text()
    assert start.mode_radios["review"].isVisible() and start.delete_button.isVisible()
    QApplication.processEvents()
    body, viewport = start.scroller.widget(), start.scroller.viewport()
    for button in body.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
            assert button.mapTo(body, button.rect().topRight()).x() <= viewport.width()
    for text in body.findChildren(QLabel):
        if text.isVisible() and text.wordWrap():
            assert text.height() >= text.heightForWidth(text.width()) - 1, text.text()
            assert text.mapTo(body, text.rect().topRight()).x() <= viewport.width()


def test_stop_can_be_cancelled(make_wizard, dialogs) -> None:
    wizard = make_wizard()
    dialogs.yes_no = [False]
    wizard.reject()
    assert wizard.isVisible()


def test_finish_marks_done_and_next_start_offers_nothing(make_wizard) -> None:
    wizard = make_wizard()
    wizard.next()
    assert wizard.ctx.session.check_id is not None
    wizard.ctx.dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
    wizard.accept()
    wizard.ctx.session.store.close()
    fresh = make_wizard()
    assert not fresh.start_page.resume_radio.isVisible()
    assert fresh.ctx.session.check_id is None


def test_new_check_instead_of_resuming(make_wizard) -> None:
    first = make_wizard()
    _go_to_first_room(first).rows[0].choices.choose_number(1)
    old_id = first.ctx.session.check_id
    first.close()
    first.ctx.session.store.close()
    again = make_wizard()
    again.start_page.new_radio.setChecked(True)
    again.next()
    assert again.currentId() == ABOUT_ID
    assert again.ctx.session.check_id not in (None, old_id)
    assert again.ctx.session.assessment.answers == {}
    again.back()
    assert again.currentId() == START_ID
    assert not again.start_page.new_radio.isVisible()  # decided once; going back keeps the check


@pytest.mark.slow
def test_kill_9_loses_no_printed_answer(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("_kill_child.py"))],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
        text=True,
    )
    printed: list[tuple[int, str, str]] = []
    try:
        assert child.stdout is not None
        while len(printed) < 12:
            line = child.stdout.readline()
            assert line, "the child stopped before answering"
            check, item_id, value = line.split()
            printed.append((int(check), item_id, value))
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    store = Store(database_path())
    try:
        stored = store.load_check(printed[0][0])
        info = store.unfinished_check()
    finally:
        store.close()
    for _check, item_id, value in printed:
        assert stored.answers[item_id].answer == value
    assert info is not None and info.id == printed[0][0]


@pytest.mark.parametrize(("role", "assessor"), [("caregiver", "Ann, her daughter"), ("self", "")])
def test_back_to_start_and_on_again_keeps_the_header_as_it_was(
    make_wizard, dialogs, role: str, assessor: str
) -> None:
    first = make_wizard()
    long_label = "Mevrouw de Wit-Vermeulen, Lange Voorhout 12, derde verdieping, achterkamer links"
    long_label += " (sleutel bij de buren)"
    assert len(long_label) > 80  # longer than the start page's box holds
    first.ctx.session.start_new("self", long_label, "")
    first.ctx.session.set_header(role, long_label, assessor)
    first.ctx.session.set_current_page("about_you")
    dialogs.default_yes = True
    first.close()
    first.ctx.session.store.close()

    again = make_wizard()
    assert again.start_page.resume_radio.isChecked()
    again.next()  # continue the saved check
    assert again.currentId() == ABOUT_ID
    again.go_to(START_ID)
    again.next()  # nothing changed on the start page: nothing may change in the check
    a = again.ctx.session.assessment
    assert (a.role, a.client, a.assessor) == (role, long_label, assessor)


@pytest.mark.parametrize(
    ("language", "role", "said", "not_said"),
    [
        ("en", "self", "the questions about you answered, no rooms yet", "0 questions"),
        ("nl", "self", "de vragen over jou beantwoord, nog geen kamers", "0 vragen"),
        ("en", "caregiver", "the questions about the person answered, no rooms yet",
         "0 questions"),
        ("nl", "caregiver", "de vragen over de persoon beantwoord, nog geen kamers", "0 vragen"),
    ],
)
def test_a_check_with_only_the_person_questions_answered_says_so(
    make_wizard, dialogs, language: str, role: str, said: str, not_said: str
) -> None:
    from tests.ui.helpers import choose_role

    first = make_wizard(Settings(language=language))
    choose_role(first, role)
    if role != "self":
        first.next()
        dialogs.texts = ["Mrs Smith"]
        first.clients_page.client_list.add()
    first.next()
    first.ctx.session.set_intake("falls_past_year", 1)  # About you; no room answered
    dialogs.default_yes = True
    first.close()
    first.ctx.session.store.close()
    again = make_wizard(Settings(language=language))
    details = again.start_page.mode_help["resume"].text()
    assert said in details
    assert not_said not in details
