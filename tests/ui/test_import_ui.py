"""Open a saved check file on the start page: a new check with its photos, or one plain error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homecheck.domain.assessment import Answer, Assessment, dumps, to_dict
from homecheck.domain.content import checklist
from homecheck.store.clients import add_client, client_of_check, list_clients
from homecheck.store.paths import data_dir
from homecheck.store.photos import photo_path
from homecheck.ui.pages.base import FINISH_ID, START_ID, SUMMARY_ID
from tests.ui.helpers import first_room
from tests.ui.test_photos_ui import _jpeg_with_gps

pytestmark = pytest.mark.gui
MISSING = "0123456789abcdef.jpg"


def _items(count: int) -> list[str]:
    return [item.id for item in checklist().items()][:count]


def _write(path: Path, assessment: Assessment) -> Path:
    path.write_text(dumps(assessment), encoding="utf-8")
    return path


def _therapist_file(path: Path, client: str) -> Path:
    first = _items(1)[0]
    visit = Assessment.new(
        checklist(), language="en", role="therapist", client=client, assessor="An",
        date="2026-11-25", answers={first: Answer("hazard", note="loose rug")},
    )
    return _write(path, visit)


def _open(wizard, dialogs, path: Path | None):  # type: ignore[no-untyped-def]
    if wizard.currentId() != START_ID:
        wizard.go_to(START_ID)
    dialogs.open_paths = [path]
    return wizard.start_page.open_box.open_file()


def test_a_saved_check_comes_back_with_notes_and_photo(
    qtbot, make_wizard, dialogs, tmp_path
) -> None:
    wizard = make_wizard()
    session = wizard.ctx.session
    room = first_room(wizard)
    for number, row in zip((1, 2, 3), room.rows, strict=False):
        row.choices.choose_number(number)
    row = room.rows[0]
    dialogs.open_paths = [_jpeg_with_gps(tmp_path / "IMG_0001.jpg")]
    row.add_photo()
    session.set_note(row.item.id, "Rug by the door – & <b>not</b> bold")
    session.set_area_note(room.area.id, "Ask about a night light.")
    wizard.go_to(FINISH_ID)
    dialogs.save_paths = [tmp_path / "visit.json"]
    path = wizard.finish_page.save_json()
    assert path == tmp_path / "visit.json" and (tmp_path / "visit.photos").is_dir()
    saved = session.exported()

    wizard.go_to(START_ID)
    dialogs.yes_no = [True]
    assert wizard.start_page.privacy.delete_all()
    assert list(data_dir().iterdir()) == []

    box = wizard.start_page.open_box
    assert box.button.isVisible() and "&" in box.button.text()
    assert box.button.height() >= 44
    assert box.button.accessibleName() and box.button.accessibleDescription()
    box.button.setFocus()
    assert QApplication.focusWidget() is box.button  # a Tab stop, reachable by keyboard
    dialogs.open_paths = [path]
    qtbot.keyClick(box.button, Qt.Key.Key_Space)

    title, filters = dialogs.named("ask_open_path")[-1][1:]
    assert title and filters == "homecheck (*.json)"
    assert not dialogs.named("error") and not dialogs.named("inform")
    opened = session.assessment
    assert session.check_id is not None and session.client_id is None
    assert opened.date == saved.date and opened.language == "en"
    assert opened.area_notes == saved.area_notes
    assert list(opened.answers) == list(saved.answers)
    for item_id, before in saved.answers.items():
        after = opened.answers[item_id]
        assert (after.answer, after.note, after.done) == (before.answer, before.note, before.done)
        assert len(after.photos) == len(before.photos)
    (name,) = opened.answers[row.item.id].photos
    assert photo_path(name, data_dir()).is_file()  # cleaned again, in the new data folder
    assert session.store.load_check(session.check_id) == opened
    assert wizard.currentId() == SUMMARY_ID
    assert "visit.json" in box.status.text().replace("\u200b", "")


def test_opening_on_the_same_computer_keeps_the_stored_photo(
    make_wizard, dialogs, tmp_path
) -> None:
    wizard = make_wizard()
    session = wizard.ctx.session
    row = first_room(wizard).rows[0]
    row.choices.choose_number(1)
    dialogs.open_paths = [_jpeg_with_gps(tmp_path / "a.jpg")]
    row.add_photo()
    name = session.answer(row.item.id).photos[0]
    first_id = session.check_id
    wizard.go_to(FINISH_ID)
    dialogs.save_paths = [tmp_path / "visit.json"]
    path = wizard.finish_page.save_json()
    opened = _open(wizard, dialogs, path)
    # The file holds the check as it is stored: that check opens, no second copy (issue 14).
    assert opened is not None and opened.check_id == first_id
    assert session.answer(row.item.id).photos == [name]  # the same picture, not a copy
    assert len(session.store.list_checks()) == 1
    session.set_answer(row.item.id, "ok")  # changed since it was saved: now a new check
    opened = _open(wizard, dialogs, path)
    assert opened is not None and opened.check_id != first_id
    reopened = session.answer(row.item.id)
    assert reopened is not None and reopened.photos == [name] and reopened.answer == "hazard"
    assert len(session.store.list_checks()) == 2


def test_a_therapist_file_goes_to_the_client_with_that_label(
    make_wizard, dialogs, tmp_path
) -> None:
    wizard = make_wizard()
    session = wizard.ctx.session
    store = session.store
    known = add_client(store, "Mrs J., Kerkstraat")

    _open(wizard, dialogs, _therapist_file(tmp_path / "a.json", "  mrs j., KERKSTRAAT "))
    assert session.client_id == known == client_of_check(store, session.check_id)
    assert session.assessment.client == "Mrs J., Kerkstraat"
    assert session.assessment.role == "therapist" and session.assessment.assessor == "An"
    assert wizard.start_page.role() == "therapist"
    assert wizard.currentId() == SUMMARY_ID
    assert len(list_clients(store)) == 1

    _open(wizard, dialogs, _therapist_file(tmp_path / "b.json", "Mr B."))
    assert session.client_id not in (None, known)
    assert {c.label for c in list_clients(store)} == {"Mrs J., Kerkstraat", "Mr B."}
    assert session.assessment.client == "Mr B."

    _open(wizard, dialogs, _therapist_file(tmp_path / "c.json", ""))
    labels = {c.id: c.label for c in list_clients(store)}
    assert labels[session.client_id] == "Opened check of 25 November 2026"
    assert session.assessment.date == "2026-11-25"
    assert not dialogs.named("error")


def test_an_own_file_goes_to_the_own_profile_in_the_interface_language(
    make_wizard, dialogs, tmp_path
) -> None:
    from homecheck.ui.settings import Settings

    wizard = make_wizard(Settings(language="nl"))
    session = wizard.ctx.session
    first = _items(1)[0]
    own = Assessment.new(checklist(), language="en", client="Mum", date="2026-01-02",
                         answers={first: Answer("ok")})
    _open(wizard, dialogs, _write(tmp_path / "own.json", own))
    assert session.client_id is None and list_clients(session.store) == []
    assert session.assessment.language == "nl" and session.assessment.client == "Mum"
    assert session.assessment.answers == {first: Answer("ok")}
    assert "own.json" in wizard.start_page.open_box.status.text().replace("\u200b", "")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON"),
        ("unknown item", "unknown item 'kitchen.no_such_item'"),
    ],
)
def test_a_broken_file_is_refused_and_changes_nothing(
    make_wizard, dialogs, tmp_path, content: str, problem: str
) -> None:
    wizard = make_wizard()
    session = wizard.ctx.session
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.go_to(START_ID)
    path = tmp_path / "visit.json"
    if content == "unknown item":
        doc = to_dict(Assessment.new(checklist(), role="therapist", client="Mr B."))
        doc["answers"] = {"kitchen.no_such_item": {"answer": "ok"}}
        content = json.dumps(doc)
    path.write_text(content, encoding="utf-8")
    checks = session.store.list_checks()
    before = (session.check_id, session.client_id, session.assessment)

    assert _open(wizard, dialogs, path) is None
    (error,) = dialogs.named("error")
    assert "visit.json" in error[2] and problem in error[2] and "Nothing was changed" in error[2]
    assert "\n" not in error[2]  # one paragraph
    assert session.store.list_checks() == checks and list_clients(session.store) == []
    assert (session.check_id, session.client_id, session.assessment) == before
    assert wizard.currentId() == START_ID
    assert not wizard.start_page.open_box.status.isVisible()


def test_many_problems_are_named_a_few_at_a_time(make_wizard, dialogs, tmp_path) -> None:
    wizard = make_wizard()
    doc = to_dict(Assessment.new(checklist()))
    doc["answers"] = {f"kitchen.nothing_{n}": {"answer": "ok"} for n in range(6)}
    path = tmp_path / "many.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    _open(wizard, dialogs, path)
    (error,) = dialogs.named("error")
    assert "nothing_2" in error[2] and "nothing_3" not in error[2]
    assert "(and 3 more)" in error[2]


def test_a_missing_photo_is_left_out_and_said(make_wizard, dialogs, tmp_path) -> None:
    wizard = make_wizard()
    session = wizard.ctx.session
    first, second = _items(2)
    visit = Assessment.new(checklist(), answers={
        first: Answer("hazard", note="step", photos=[MISSING]),
        second: Answer("ok"),
    })
    _open(wizard, dialogs, _write(tmp_path / "visit.json", visit))
    assert session.answer(first) == Answer("hazard", note="step", photos=[])
    assert session.answer(second) == Answer("ok")
    (inform,) = dialogs.named("inform")
    assert "1 photo was left out" in inform[2] and "visit.photos" in inform[2]
    assert wizard.currentId() == SUMMARY_ID


def test_photos_beside_the_file_are_cleaned_and_bad_ones_counted(
    make_wizard, dialogs, tmp_path
) -> None:
    wizard = make_wizard()
    session = wizard.ctx.session
    folder = tmp_path / "visit.photos"
    folder.mkdir()
    good, damaged = "aaaaaaaaaaaaaaaa.jpg", "bbbbbbbbbbbbbbbb.jpg"
    _jpeg_with_gps(folder / good)
    (folder / damaged).write_text("not a picture")
    first, second = _items(2)
    visit = Assessment.new(checklist(), answers={
        first: Answer("hazard", photos=[good, damaged, MISSING]),
        second: Answer("hazard", photos=[good]),
    })
    _open(wizard, dialogs, _write(tmp_path / "visit.json", visit))
    (name,) = session.answer(first).photos
    assert session.answer(second).photos == [name] and name != good  # imported once, renamed
    assert b"PhoneMaker" not in photo_path(name, data_dir()).read_bytes()
    (inform,) = dialogs.named("inform")
    assert "2 photos were left out" in inform[2]


def test_cancel_changes_nothing(make_wizard, dialogs) -> None:
    wizard = make_wizard()
    session = wizard.ctx.session
    before = (session.check_id, session.assessment, session.store.list_checks())
    assert _open(wizard, dialogs, None) is None
    assert (session.check_id, session.assessment, session.store.list_checks()) == before
    assert [c[0] for c in dialogs.calls] == ["ask_open_path"]
    assert wizard.currentId() == START_ID


@pytest.mark.parametrize("role", ["self", "therapist", "caregiver"])
def test_the_button_is_there_for_every_role(make_wizard, role: str) -> None:
    wizard = make_wizard()
    wizard.start_page.role_radios[role].setChecked(True)
    assert wizard.start_page.open_box.button.isVisible()
