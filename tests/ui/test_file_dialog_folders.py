"""Each kind of file dialog starts where the person expects: the folder they last used for that
kind (photos, check files, action lists, backups), else the system's Pictures or Documents
folder, else home. Qt's own dialog (offscreen has no native one); exec is replaced by a hand
that looks where the dialog starts and then chooses, or cancels."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from homecheck.store.paths import data_dir
from homecheck.ui.check_import import open_check_file
from homecheck.ui.dialogs import QtDialogs
from homecheck.ui.main_window import create_main_window
from homecheck.ui.settings import FileKind, Settings, load_settings, settings_path
from homecheck.ui.widgets.photo_import import ask_and_import

pytestmark = pytest.mark.gui

PDF = "Actielijst Mevr J 2026-11-24.pdf"
BACKUP = "homecheck-backup-2026-11-24.zip"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own: Qt finds Documents and Pictures there (XDG defaults)."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


@dataclass
class Hand:
    """Stands in for the person at Qt's file dialog: notes where it starts, then chooses the
    next path queued (None: Cancel, after wandering to another folder)."""

    choices: list[Path | None] = field(default_factory=list)
    started: list[Path] = field(default_factory=list)  # save: the folder and the name

    def exec(self, dialog: QFileDialog) -> int:
        if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
            self.started.append(Path(dialog.selectedFiles()[0]))
        else:
            self.started.append(Path(dialog.directory().absolutePath()))
        choice = self.choices.pop(0)
        if choice is None:
            dialog.setDirectory(str(Path(dialog.directory().absolutePath()).parent))
            return QFileDialog.DialogCode.Rejected
        dialog.selectFile(str(choice))
        return QFileDialog.DialogCode.Accepted


@pytest.fixture
def hand(monkeypatch: pytest.MonkeyPatch, qapp) -> Hand:  # type: ignore[no-untyped-def]
    person = Hand()
    monkeypatch.setattr(QFileDialog, "exec", lambda dialog: person.exec(dialog))
    return person


def _file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    return path


def test_each_kind_starts_in_the_folder_last_used_for_it(home: Path, hand: Hand) -> None:
    (home / "Documents").mkdir()
    (home / "Pictures").mkdir()
    camera, lists, stick = home / "DCIM" / "Camera", home / "Lijsten", home / "usb"
    dialogs = QtDialogs(Settings())
    # First time: photos from Pictures, every other kind from Documents.
    hand.choices = [_file(camera / "gang.jpg"), None, lists / PDF, stick / BACKUP]
    assert dialogs.ask_open_path(None, "Foto", "*.jpg", kind=FileKind.PHOTOS) == camera / "gang.jpg"
    assert dialogs.ask_open_path(None, "Check", "*.json", kind=FileKind.CHECK_FILES) is None
    lists.mkdir()
    assert dialogs.ask_save_path(None, "Pdf", PDF, "*.pdf", kind=FileKind.ACTION_LISTS)
    stick.mkdir()
    assert dialogs.ask_save_path(None, "Backup", BACKUP, "*.zip", kind=FileKind.BACKUPS)
    assert hand.started == [home / "Pictures", home / "Documents", home / "Documents" / PDF,
                            home / "Documents" / BACKUP]
    # Next time each kind starts where it went last, with the name suggested in that folder;
    # after a restart too (the folders are kept with the settings).
    again = QtDialogs(load_settings())
    hand.started.clear()
    hand.choices = [None, None, None, None, None]
    again.ask_open_path(None, "Foto", "*.jpg", kind=FileKind.PHOTOS)
    again.ask_save_path(None, "Pdf", "Papieren checklist.pdf", "*.pdf",
                        kind=FileKind.ACTION_LISTS)  # fmt: skip
    again.ask_save_path(None, "Backup", BACKUP, "*.zip", kind=FileKind.BACKUPS)
    again.ask_open_path(None, "Backup", "*.zip", kind=FileKind.BACKUPS)
    again.ask_save_path(None, "Check", "check.json", "*.json", kind=FileKind.CHECK_FILES)
    assert hand.started == [camera, lists / "Papieren checklist.pdf", stick / BACKUP, stick,
                            home / "Documents" / "check.json"]


def test_a_folder_that_is_gone_falls_back_quietly(home: Path, hand: Hand) -> None:
    stick = home / "usb" / "Foto's"
    stick.mkdir(parents=True)
    settings = Settings(folders={"photos": str(stick), "backups": str(stick), "action_lists": "x"})
    dialogs = QtDialogs(settings)
    shutil.rmtree(home / "usb")  # the USB stick was taken out
    hand.choices = [None, None, None]
    dialogs.ask_open_path(None, "Foto", "*.jpg", kind=FileKind.PHOTOS)
    dialogs.ask_open_path(None, "Backup", "*.zip", kind=FileKind.BACKUPS)
    (home / "Documents").mkdir()
    dialogs.ask_save_path(None, "Pdf", PDF, "*.pdf", kind=FileKind.ACTION_LISTS)
    # No Pictures or Documents folder: home; a remembered name that is no folder: Documents.
    assert hand.started == [home, home, home / "Documents" / PDF]


def test_nothing_is_remembered_when_cancelled(home: Path, hand: Hand) -> None:
    (home / "Documents").mkdir()
    dialogs = QtDialogs(Settings())
    hand.choices = [None, None]
    assert dialogs.ask_save_path(None, "Pdf", PDF, "*.pdf", kind=FileKind.ACTION_LISTS) is None
    assert dialogs.ask_open_path(None, "Foto", "*.jpg", kind=FileKind.PHOTOS) is None
    assert dialogs.settings.folders == {}
    assert not settings_path().exists()


def test_a_data_folder_that_cannot_be_written_still_saves(home: Path, hand: Hand) -> None:
    """A read-only store: the action list and the backup are saved all the same; the folder
    is remembered until the app closes."""
    settings_path().mkdir()  # the settings file cannot be written
    lists = home / "Lijsten"
    lists.mkdir()
    dialogs = QtDialogs(Settings())
    hand.choices = [lists / PDF, None]
    assert dialogs.ask_save_path(None, "Pdf", PDF, "*.pdf", kind=FileKind.ACTION_LISTS) == (
        lists / PDF
    )
    dialogs.ask_save_path(None, "Pdf", PDF, "*.pdf", kind=FileKind.ACTION_LISTS)
    assert hand.started[-1] == lists / PDF


def test_the_folders_are_kept_with_the_other_settings(home: Path, hand: Hand) -> None:
    camera = home / "Camera"
    dialogs = QtDialogs(Settings(language="nl", text_size=20))
    hand.choices = [_file(camera / "trap.jpg")]
    dialogs.ask_open_path(None, "Foto", "*.jpg", kind=FileKind.PHOTOS)
    raw = json.loads(settings_path().read_text(encoding="utf-8"))
    assert raw["folders"] == {"photos": str(camera)} and raw["text_size"] == 20
    # Whatever else is in the file (an unknown kind, a number) is left out when read.
    raw["folders"] = {"photos": str(camera), "nonsense": "/x", "backups": 3}
    settings_path().write_text(json.dumps(raw), encoding="utf-8")
    assert load_settings().folders == {"photos": str(camera)}


def test_the_app_remembers_in_its_own_settings(home: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(language="en")
    wizard = create_main_window(settings=settings)
    assert wizard is not None
    qtbot.addWidget(wizard)
    try:
        dialogs = wizard.ctx.dialogs
        assert isinstance(dialogs, QtDialogs) and dialogs.settings is wizard.ctx.settings
    finally:
        wizard.ctx.session.store.close()


def test_every_file_dialog_says_its_kind(make_wizard, dialogs, home: Path) -> None:
    wizard = make_wizard()
    ctx = wizard.ctx
    ask_and_import(ctx, wizard)
    open_check_file(ctx, wizard)
    wizard.start_page.paper_box.save()
    wizard.start_page.privacy.backup()
    wizard.start_page.privacy.restore()
    finish = wizard.finish_page
    finish.ensure_built()
    finish.save_pdf()
    finish.save_json()
    finish.export_fhir()
    assert dialogs.kinds == [
        FileKind.PHOTOS, FileKind.CHECK_FILES, FileKind.ACTION_LISTS, FileKind.BACKUPS,
        FileKind.BACKUPS, FileKind.ACTION_LISTS, FileKind.CHECK_FILES, FileKind.RECORDS,
    ]


def test_delete_all_data_forgets_the_folders(make_wizard, dialogs, home: Path) -> None:
    wizard = make_wizard(Settings(language="en", folders={"photos": str(home)}))
    dialogs.default_yes = True
    assert wizard.start_page.privacy.delete_all()
    assert wizard.ctx.settings.folders == {}
    assert not (data_dir() / "settings.json").exists()
