"""Your data: where it is (plain text, copied with a button), deleting all of it, notes per
room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from homecheck.domain.assessment import loads
from homecheck.domain.content import checklist
from homecheck.store.paths import data_dir
from homecheck.ui.pages.base import ABOUT_ID, FINISH_ID, START_ID
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


def test_where_is_my_data_shows_the_folder_and_opens_it(make_wizard, dialogs) -> None:
    wizard = make_wizard()
    box = wizard.start_page.privacy
    assert box.where_button.isVisible() and box.delete_button.isVisible()
    assert not box.folder_path.isVisible()
    box.where_button.click()
    # Shown with invisible breaks after its separators (test_privacy_path_wrap.py).
    assert box.folder_path.isVisible()
    assert box.folder_path.text().replace("\u200b", "") == str(data_dir())
    assert box.folder_path.textFormat() == Qt.TextFormat.PlainText
    box.open_button.click()
    assert dialogs.opened == [data_dir()]
    dialogs.open_result = False
    box.open_folder()
    assert str(data_dir()) in dialogs.named("error")[0][2]


def test_delete_all_asks_and_cancel_keeps_everything(make_wizard, dialogs) -> None:
    wizard = make_wizard()
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.go_to(START_ID)
    before = sorted(p.name for p in data_dir().iterdir())
    dialogs.yes_no = [False]
    assert not wizard.start_page.privacy.delete_all()
    question = dialogs.named("confirm_delete")[0][2]
    assert "cannot be undone" in question and "Saved checks: 1" in question
    assert sorted(p.name for p in data_dir().iterdir()) == before
    assert wizard.ctx.session.check_id is not None


def test_delete_all_empties_the_folder_and_the_app_goes_on(make_wizard, dialogs, tmp_path) -> None:
    from PIL import Image

    wizard = make_wizard()
    room = first_room(wizard)
    row = room.rows[0]
    row.choices.choose_number(1)
    Image.new("RGB", (40, 30)).save(tmp_path / "p.jpg")
    dialogs.open_paths = [tmp_path / "p.jpg"]
    row.add_photo()
    wizard.side.larger_button.click()  # writes settings.json
    assert (data_dir() / "photos").is_dir() and (data_dir() / "settings.json").is_file()
    wizard.go_to(START_ID)
    dialogs.yes_no = [True]
    assert wizard.start_page.privacy.delete_all()
    assert list(data_dir().iterdir()) == []
    assert wizard.currentId() == START_ID and wizard.ctx.session.check_id is None
    assert not wizard.start_page.resume_radio.isVisible()
    assert wizard.start_page.privacy.status.isVisible()
    assert list(data_dir().iterdir()) == []  # showing the start page wrote nothing
    # the room pages show the empty check
    row = room.row_for(row.item.id)
    assert row is not None and row.choices.value() is None
    wizard.next()
    assert wizard.currentId() == ABOUT_ID and wizard.ctx.session.check_id is not None
    first_room(wizard).rows[0].choices.choose_number(2)
    assert wizard.ctx.session.store.list_checks()[0].answered == 1


def test_area_note_is_plain_text_of_any_length(make_wizard, dialogs, tmp_path) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    assert room.note_edit.accessibleName() and room.note_edit.accessibleDescription()
    note = "<b>Not bold</b> & {braces} \"quotes\" 🏠 tab\there\n" + "long " * 2000
    room.note_edit.setPlainText(note)
    session = wizard.ctx.session
    assert session.assessment.area_notes[room.area.id] == note
    assert session.store.load_check(session.check_id).area_notes[room.area.id] == note
    wizard.ctx.session.set_area_present("garden", False)
    wizard.room_pages["garden"].ensure_built()
    wizard.room_pages["garden"].note_edit.setPlainText("for a garden the home lacks")
    wizard.go_to(FINISH_ID)
    dialogs.save_paths = [tmp_path / "notes.json"]
    path = wizard.finish_page.save_json()
    again = loads(path.read_text(encoding="utf-8"), checklist())  # valid: no note of "garden"
    assert again.area_notes == {room.area.id: note}
    room.note_edit.setPlainText("")
    assert room.area.id not in session.store.load_check(session.check_id).area_notes


def _own_check(make_wizard, dialogs, tmp_path, colour: int, finish: bool = True):  # type: ignore[no-untyped-def]
    """A check of the own profile (a follow-up when there is an earlier one) with one photo."""
    from PIL import Image

    wizard = make_wizard()
    room = first_room(wizard)
    row = room.rows[0]
    row.choices.choose_number(1)
    picture = tmp_path / f"photo-{colour}.png"
    Image.new("RGB", (40, 30), (colour, 0, 0)).save(picture)
    dialogs.open_paths = [picture]
    row.add_photo()
    session = wizard.ctx.session
    made = session.check_id, session.answer(row.item.id).photos[0]
    if finish:
        wizard.ctx.dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
        wizard.accept()
    else:
        wizard.close()
    session.close()
    return made


def test_own_checks_can_be_deleted_one_by_one_on_the_start_page(
    make_wizard, dialogs, tmp_path
) -> None:
    from homecheck.store.photos import photo_path

    first, first_photo = _own_check(make_wizard, dialogs, tmp_path, 10)
    second, second_photo = _own_check(make_wizard, dialogs, tmp_path, 200)
    unfinished, _ = _own_check(make_wizard, dialogs, tmp_path, 90, finish=False)
    wizard = make_wizard()
    start, session = wizard.start_page, wizard.ctx.session
    assert start.resume_radio.isChecked() and session.check_id == unfinished
    assert session.previous_id == second  # the unfinished check follows up the last one
    button = start.delete_button
    assert button.isVisible() and start.base is not None and start.base.id == second
    date = wizard.ctx.date(start.base.date)
    assert date in button.accessibleDescription()

    dialogs.yes_no = [False]
    assert not start.delete_last()
    assert session.store.load_check(second) and photo_path(second_photo, data_dir()).exists()
    assert dialogs.named("confirm_delete")[0][2].startswith(f"Delete the check of {date}")

    button.click()  # yes: the fake's default
    with pytest.raises(KeyError):
        session.store.load_check(second)
    assert not photo_path(second_photo, data_dir()).exists()
    assert photo_path(first_photo, data_dir()).exists()
    assert session.previous_id is None and session.followup() is None
    assert start.deleted_note.isVisible() and date in start.deleted_note.text()
    assert start.base is not None and start.base.id == first and button.isVisible()
    assert start.resume_radio.isChecked()

    button.click()
    assert start.base is None and not button.isVisible()
    assert not start.mode_radios["review"].isVisible()
    assert not photo_path(first_photo, data_dir()).exists()
    assert [c.id for c in session.store.list_checks()] == [unfinished]
    assert start.resume_radio.hasFocus()
    wizard.next()  # the unfinished check goes on as before
    assert session.check_id == unfinished and wizard.currentId() != START_ID


def test_the_delete_button_is_only_for_ones_own_finished_checks(make_wizard) -> None:
    wizard = make_wizard()
    assert not wizard.start_page.delete_button.isVisible()  # nothing finished yet
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.ctx.dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
    wizard.accept()
    wizard.ctx.session.close()
    again = make_wizard()
    start = again.start_page
    assert start.delete_button.isVisible()
    start.role_radios["therapist"].setChecked(True)  # the client page deletes their checks
    assert not start.delete_button.isVisible() and not start.delete_last()
    start.role_radios["self"].setChecked(True)
    assert start.delete_button.isVisible()
    again.next()  # decided: going Back shows no delete button any more
    again.back()
    assert not start.delete_button.isVisible()


def test_deleting_the_last_check_can_save_a_copy_first(make_wizard, dialogs, tmp_path) -> None:
    import json

    made, _photo = _own_check(make_wizard, dialogs, tmp_path, 10)
    wizard = make_wizard()
    start = wizard.start_page
    assert start.base is not None and start.base.id == made
    dialogs.save_copy_first = True
    dialogs.save_paths = [tmp_path / "copy.json"]
    assert start.delete_last()
    saved = json.loads((tmp_path / "copy.json").read_text(encoding="utf-8"))
    assert saved["answers"]  # the answers are in the copy
    assert any((tmp_path / "copy.photos").iterdir())  # and the photo beside it
    with pytest.raises(KeyError):
        wizard.ctx.session.store.load_check(made)
