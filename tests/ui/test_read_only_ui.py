"""Issue 17: a store that can only be read opens read-only, with a banner; a store deleted by
another homecheck while the window is open gives a plain dialog, never a lost answer.

The permission cases at their real failure point (as the unprivileged user nobody) are in
tests/ui/test_startup_failures.py; here the window is given a store opened read-only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import checklist
from homecheck.store import clients
from homecheck.store.db import Store
from homecheck.store.errors import StoreReadOnly
from homecheck.store.paths import data_dir, database_path, delete_all_data
from homecheck.ui.main_window import create_main_window
from homecheck.ui.pages.base import FINISH_ID, SUMMARY_ID
from homecheck.ui.read_only import install_store_error_dialog
from homecheck.ui.settings import Settings
from homecheck.ui.wizard import HomeWizard
from tests.ui.fakes import FakeDialogs
from tests.ui.helpers import first_room

ITEM = "stairs.rail_both_sides"


def _filled_store(own_check: bool) -> None:
    store = Store(database_path())
    if own_check:
        own = store.create_check(Assessment.new(
            checklist(), answers={ITEM: Answer("hazard", note="loose rail")}))  # fmt: skip
        store.set_current_page(own, "area:stairs")
    client = clients.add_client(store, "Mrs J. de Vries")
    store.create_check(Assessment.new(checklist(), role="therapist", client="Mrs J. de Vries",
                                      answers={ITEM: Answer("hazard")}),
                       client_id=client, status="done")  # fmt: skip
    store.close()


@pytest.fixture
def read_only_wizard(qtbot, dialogs: FakeDialogs, request) -> Iterator[HomeWizard]:  # type: ignore[no-untyped-def]
    _filled_store(own_check=getattr(request, "param", True))
    before = database_path().read_bytes()
    store = Store(database_path(), read_only=True)
    wizard = create_main_window(dialogs=dialogs, settings=Settings(language="en"), store=store)
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.resize(1100, 800)
    wizard.show()
    qtbot.waitExposed(wizard)
    yield wizard
    dialogs.default_yes = True
    wizard.close()
    wizard.ctx.session.close()
    assert database_path().read_bytes() == before  # looked at, nothing changed


def test_the_banner_says_you_can_look_but_not_change(read_only_wizard: HomeWizard) -> None:
    banner = read_only_wizard.start_page.banner
    assert banner.isVisible()
    assert banner.title.text() == "You can look, but not change anything."
    assert "Ask whoever looks after this computer" in banner.reason.text()
    assert not banner.save_button.isVisible()  # only when the store was deleted elsewhere
    # Dutch, the default language, says it in plain Dutch.
    read_only_wizard.set_language("nl")
    assert banner.title.text() == "Je kunt kijken, maar niets veranderen."


def test_every_control_that_writes_is_locked_and_looking_still_works(
    read_only_wizard: HomeWizard, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    wizard = read_only_wizard
    start = wizard.start_page
    assert not start.privacy.delete_button.isEnabled()
    assert not start.privacy.restore_button.isEnabled()
    assert start.privacy.backup_button.isEnabled()  # a copy can still be made
    assert not start.open_box.button.isEnabled()  # opening a file stores it
    assert not start.new_radio.isVisibleTo(wizard)  # nothing new can be started
    assert start.client_edit.isReadOnly() and start.assessor_edit.isReadOnly()
    room = first_room(wizard)  # the unfinished check is shown where it was left
    assert room.banner.isVisible()
    row = next(r for r in room.rows if r.item.id == ITEM)
    assert all(not b.isEnabled() for b in row.choices.buttons.values())
    assert row.choices.buttons["hazard"].isChecked()
    assert not row.clear_button.isEnabled() and not row.photo_button.isEnabled()
    assert row.note_edit.isReadOnly() and row.note_edit.text() == "loose rail"
    assert room.note_edit.isReadOnly()
    wizard.about_page.ensure_built()
    assert wizard.about_page.goals.isReadOnly()
    wizard.home_page.ensure_built()
    assert not any(box.isEnabled() for box in wizard.home_page.boxes.values())
    # Looking at the summary and saving the action list as a PDF still work.
    wizard.go_to(SUMMARY_ID)
    wizard.go_to(FINISH_ID)
    pdf = tmp_path / "list.pdf"
    dialogs.save_paths = [pdf]
    wizard.finish_page.save_pdf_button.click()
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_write_that_gets_through_is_refused_with_the_same_message(
    read_only_wizard: HomeWizard, dialogs: FakeDialogs
) -> None:
    session = read_only_wizard.ctx.session
    with pytest.raises(StoreReadOnly):
        session.set_answer(ITEM, "ok")
    assert session.answer(ITEM) == Answer("hazard", note="loose rail")  # nothing changed
    uninstall = install_store_error_dialog(read_only_wizard)
    try:
        row = next(r for r in first_room(read_only_wizard).rows if r.item.id == ITEM)
        row.choices.buttons["ok"].setEnabled(True)  # a control the lock missed
        row.choices.buttons["ok"].click()  # a Qt slot: the error goes to sys.excepthook
    finally:
        uninstall()
    (call,) = dialogs.named("inform")
    assert call[1] == "You can look, but not change anything."
    assert session.answer(ITEM) == Answer("hazard", note="loose rail")
    assert row.choices.buttons["hazard"].isChecked()  # the screen shows what is stored


@pytest.mark.parametrize("read_only_wizard", [False], indirect=True)  # only a client's check
def test_a_therapist_browses_clients_but_starts_nothing(
    read_only_wizard: HomeWizard, dialogs: FakeDialogs
) -> None:
    wizard = read_only_wizard
    wizard.start_page.role_radios["therapist"].setChecked(True)
    wizard.next()
    page = wizard.clients_page
    assert page.banner.isVisible()
    listed = page.client_list
    assert not listed.add_button.isEnabled()
    listed.list.setCurrentRow(0)
    assert listed.client_id is not None
    assert not listed.rename_button.isEnabled() and not listed.delete_button.isEnabled()
    wizard.next()  # a new check for this client cannot be stored
    assert wizard.currentPage() is page
    assert page.message.text() == "You can look, but not change anything."
    # Their finished check opens at its summary, to look at; its action ticks are locked.
    page.checks_list.setCurrentRow(0)
    assert not page.delete_check_button.isEnabled()
    page.open_chosen()
    assert wizard.currentId() == SUMMARY_ID
    assert wizard.ctx.session.assessment.client == "Mrs J. de Vries"
    boxes = [row.box for row in wizard.summary_page.action_log.rows if row.isVisible()]
    assert boxes and not any(box.isEnabled() for box in boxes)


def test_deleting_everything_in_another_window_gives_a_dialog_and_keeps_the_answers(
    make_wizard, dialogs: FakeDialogs, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    room.rows[0].choices.buttons["hazard"].click()
    # Another homecheck (another process on the same data folder) deletes all data.
    delete_all_data()
    assert not database_path().exists()
    saved = tmp_path / "kept.json"
    dialogs.save_paths = [saved]
    dialogs.yes_no = [True]  # "Save this check as a file now?"
    uninstall = install_store_error_dialog(wizard)
    try:
        room.rows[1].choices.buttons["ok"].click()  # a Qt slot; before: a traceback only
        room.rows[2].choices.buttons["na"].click()  # now locked: nothing more happens
    finally:
        uninstall()
    (question,) = dialogs.named("ask_yes_no")
    assert question[1] == "Your saved checks were deleted"
    assert dialogs.named("ask_save_path")
    kept = json.loads(saved.read_text(encoding="utf-8"))
    answers = {k: v["answer"] for k, v in kept["answers"].items()}
    assert answers == {room.rows[0].item.id: "hazard", room.rows[1].item.id: "ok"}
    assert room.banner.isVisible() and room.banner.save_button.isVisible()
    assert "deleted in another homecheck window" in room.banner.reason.text()
    assert not room.rows[2].choices.buttons["na"].isEnabled()
    assert not database_path().exists()  # nothing written into a new store behind its back
    assert not (data_dir() / "photos").exists()
    QApplication.processEvents()


def test_adding_a_client_after_everything_was_deleted_elsewhere_gives_the_dialog(
    make_wizard, dialogs: FakeDialogs, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    # A second path to the store: the client list writes through the store, not the session.
    wizard = make_wizard()
    wizard.start_page.role_radios["therapist"].setChecked(True)
    wizard.next()
    listed = wizard.clients_page.client_list
    delete_all_data()  # another homecheck deletes everything
    dialogs.texts = ["Mevrouw K."]
    dialogs.yes_no = [False]  # not now: the banner keeps the button for later
    uninstall = install_store_error_dialog(wizard)
    try:
        listed.add_button.click()  # a Qt slot; before: a traceback only
    finally:
        uninstall()
    (question,) = dialogs.named("ask_yes_no")
    assert question[1] == "Your saved checks were deleted"
    banner = wizard.clients_page.banner
    assert banner.isVisible() and banner.save_button.isVisible()
    assert not listed.add_button.isEnabled()
    saved = tmp_path / "later.json"
    dialogs.save_paths = [saved]
    banner.save_button.click()
    assert saved.is_file()
    assert not database_path().exists()


def test_adding_a_photo_after_everything_was_deleted_elsewhere_writes_nothing(
    make_wizard, dialogs: FakeDialogs, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    wizard = make_wizard()
    row = first_room(wizard).rows[0]
    row.choices.buttons["hazard"].click()
    delete_all_data()  # another homecheck deletes everything
    picture = tmp_path / "rug.png"
    Image.new("RGB", (40, 30), (200, 10, 10)).save(picture)
    dialogs.open_paths = [picture]
    dialogs.yes_no = [False]
    uninstall = install_store_error_dialog(wizard)
    try:
        row.photo_button.click()
    finally:
        uninstall()
    assert dialogs.named("ask_yes_no")[0][1] == "Your saved checks were deleted"
    assert dialogs.named("ask_open_path") == []  # not even asked for a file
    assert not (data_dir() / "photos").exists()  # before: a photo in a folder made again
    assert row.ctx.session.answer(row.item.id).answer == "hazard"  # still on screen


def test_no_banner_while_the_store_can_be_written_then_on_every_page_once_it_is_gone(
    make_wizard, dialogs: FakeDialogs  # type: ignore[no-untyped-def]
) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    shown = [p for p in (wizard.start_page, room) if p.banner is not None and p.banner.isVisible()]
    assert shown == []
    wizard.set_language("nl")
    delete_all_data()  # another homecheck deletes everything
    dialogs.yes_no = [False]  # not now: the banner keeps the button for later
    uninstall = install_store_error_dialog(wizard)
    try:
        room.rows[0].choices.buttons["hazard"].click()
    finally:
        uninstall()
    # A page not built before shows it too, in the language chosen.
    wizard.go_to(SUMMARY_ID)
    summary = wizard.summary_page
    banner = summary.banner
    assert banner is not None and banner.isVisible() and banner.save_button.isVisible()
    assert banner.title.text() == "Je kunt kijken, maar niets veranderen."
    assert room.banner is not None and room.banner.isVisibleTo(room)
