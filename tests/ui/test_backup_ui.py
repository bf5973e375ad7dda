"""Backup and restore from the app's "Your data" box (issue 14 item 5: reachable from the app)."""

from __future__ import annotations

import zipfile

import pytest

from homecheck.store.paths import data_dir
from homecheck.ui.pages.base import START_ID
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui


def test_backup_then_restore_on_an_empty_homecheck(make_wizard, dialogs, tmp_path) -> None:
    wizard = make_wizard()
    row = first_room(wizard).rows[0]
    row.choices.choose_number(1)
    wizard.go_to(START_ID)
    box = wizard.start_page.privacy
    box.where_button.click()
    assert box.backup_button.isVisible() and box.restore_button.isVisible()
    assert box.backup_button.accessibleName() and box.restore_button.accessibleName()
    target = tmp_path / "practice.zip"
    dialogs.save_paths = [target]
    box.backup_button.click()
    assert "homecheck.sqlite3" in zipfile.ZipFile(target).namelist()
    (made,) = dialogs.named("inform")
    assert str(target) in made[2] and "Checks: 1," in made[2]

    # Not while this homecheck holds data: nothing may be overwritten.
    dialogs.open_paths = [target]
    assert not box.restore()
    assert "Delete all data" in dialogs.named("error")[0][2]
    assert dialogs.open_paths == [target]  # not even asked for a file

    dialogs.yes_no = [True]
    assert box.delete_all()
    assert box.restore()
    assert "restored" in dialogs.named("inform")[-1][2]
    session = wizard.ctx.session
    assert session.store.count_checks() == 1
    # The start page offers the restored, unfinished check, as after a new start.
    assert wizard.start_page.resume_radio.isVisible()
    assert session.answer(row.item.id) is not None


def test_a_bad_backup_file_is_told_and_changes_nothing(make_wizard, dialogs, tmp_path) -> None:
    wizard = make_wizard()
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    dialogs.open_paths = [bad]
    assert not wizard.start_page.privacy.restore()
    (error,) = dialogs.named("error")
    assert "not restored" in error[2] and "Traceback" not in error[2]
    assert not (data_dir() / "photos").exists()
    wizard.next()  # the app goes on with an empty store
    assert wizard.ctx.session.check_id is not None


def test_a_backup_that_cannot_be_written_is_told_plainly(
    make_wizard, dialogs, tmp_path
) -> None:
    wizard = make_wizard()
    first_room(wizard).rows[0].choices.choose_number(1)
    box = wizard.start_page.privacy
    target = tmp_path / "no such folder" / "practice.zip"
    dialogs.save_paths = [target]
    assert not box.backup()
    (error,) = dialogs.named("error")
    assert "could not be made" in error[2] and "Traceback" not in error[2]
    assert "No such file or directory" in error[2]  # the system's words, not a repr
    assert not target.exists()
    assert not dialogs.named("inform")
