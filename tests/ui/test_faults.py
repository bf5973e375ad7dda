"""Faults and extreme input in the app: damaged stores, full disks, odd text, no network."""

from __future__ import annotations

import errno
import sqlite3
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from homecheck import fileio
from homecheck.domain.assessment import Assessment, read_file
from homecheck.domain.content import checklist
from homecheck.domain.textrules import MAX_NOTE
from homecheck.store.db import Store
from homecheck.store.paths import data_dir, database_path
from homecheck.ui.main_window import create_main_window
from homecheck.ui.pages.base import FINISH_ID, SUMMARY_ID
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui


def _truncated(path: Path) -> None:
    store = Store(path)
    for n in range(30):
        store.create_check(Assessment(areas=["stairs"], client=f"client {n}" * 20))
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


def _wrong_schema(path: Path) -> None:
    # (A newer homecheck's store is not damaged: tests/ui/test_store_versions.py.)
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value=? WHERE key='schema_version'", ("not a version",))
    db.commit()
    db.close()


@pytest.mark.parametrize("damage", [_truncated, _garbage, _wrong_schema])
def test_damaged_store_is_kept_as_backup_and_the_app_starts_fresh(qtbot, dialogs, damage) -> None:
    path = database_path()
    damage(path)
    damaged_bytes = path.read_bytes()
    wizard = create_main_window(dialogs=dialogs, settings=Settings(language="en"))
    assert wizard is not None
    qtbot.addWidget(wizard)
    try:
        (message,) = dialogs.named("inform")
        assert "Traceback" not in message[2] and "\n  File " not in message[2]
        (backup,) = path.parent.glob(path.name + ".damaged-*")
        assert backup.read_bytes() == damaged_bytes  # never a silent overwrite
        assert str(backup) in message[2]
        assert wizard.ctx.session.unfinished() is None  # a fresh, empty store
    finally:
        wizard.ctx.session.store.close()


def test_store_that_cannot_be_written_is_told_plainly(
    dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores folder modes, so the read-only folder is simulated where SQLite meets it.
    def read_only(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr("homecheck.store.connection.sqlite3.connect", read_only)
    assert create_main_window(dialogs=dialogs, settings=Settings(language="en")) is None
    (error,) = dialogs.named("error")
    assert "readonly" in error[2] and "Traceback" not in error[2]


def _to_finish_with_answers(make_wizard, note: str = "", label: str = ""):  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    if label:
        wizard.start_page.client_edit.setText(label)
    while not isinstance(wizard.currentPage(), RoomPage):
        wizard.next()
    while isinstance(wizard.currentPage(), RoomPage):
        for n, row in enumerate(wizard.currentPage().rows):
            wizard.ctx.session.set_answer(row.item.id, "hazard")
            if note and n == 0:  # one long note per area keeps the PDF a sane size
                wizard.ctx.session.set_note(row.item.id, note)
        wizard.next()
    assert wizard.currentId() == SUMMARY_ID
    wizard.go_to(FINISH_ID)
    return wizard


def test_disk_full_while_saving_keeps_the_old_files(
    make_wizard, dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = _to_finish_with_answers(make_wizard)
    page = wizard.finish_page
    old_pdf, old_json = tmp_path / "list.pdf", tmp_path / "check.json"
    old_pdf.write_bytes(b"old pdf")
    old_json.write_bytes(b"old json")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", disk_full)
    dialogs.save_paths = [old_pdf, old_json]
    assert page.save_pdf() is None
    assert page.save_json() is None
    monkeypatch.undo()
    errors = dialogs.named("error")
    assert len(errors) == 2 and all("No space" in e[2] for e in errors)
    assert old_pdf.read_bytes() == b"old pdf" and old_json.read_bytes() == b"old json"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "homecheck-data") == [
        "check.json",
        "list.pdf",
    ]


@pytest.mark.parametrize(
    ("note", "label"),
    [
        ("x" * MAX_NOTE, "Mevrouw " * 2_000),  # the longest note a file may hold
        ("ĳs op de stoep 🧊 — שָׁלוֹם سلام 👵🏽 \u202e reversed", "Zoë ĲSSELSTEIN 🏠"),
        ('<b>bold</b> <font size=90>big</font> </para> &amp; <img src="x">', "<i>label</i>"),
    ],
    ids=["longest-note", "unicode-rtl-emoji", "markup"],
)
def test_extreme_but_valid_input_is_kept_and_exported(
    make_wizard, dialogs, tmp_path: Path, note: str, label: str
) -> None:
    wizard = _to_finish_with_answers(make_wizard, note=note, label=label)
    session = wizard.ctx.session
    exported = session.exported()
    assert all(a.answer == "hazard" for a in exported.answers.values())
    assert sum(a.note == note for a in exported.answers.values()) == len(wizard.room_pages)
    # The start page keeps labels short (a label, not a life story); what fits is kept exactly.
    limit = wizard.start_page.client_edit.maxLength()
    assert exported.client == label[:limit].strip()
    dialogs.save_paths = [tmp_path / "list.pdf", tmp_path / "check.json"]
    pdf = wizard.finish_page.save_pdf()
    saved = wizard.finish_page.save_json()
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert saved is not None
    assert read_file(saved, checklist()).answers == exported.answers
    assert dialogs.named("error") == []


def test_full_check_and_pdf_export_never_touch_the_network(
    make_wizard, dialogs, tmp_path: Path, no_network: list[str]
) -> None:
    wizard = _to_finish_with_answers(make_wizard, note="ok")
    dialogs.save_paths = [tmp_path / "list.pdf"]
    assert wizard.finish_page.save_pdf() is not None
    assert no_network == []


def test_nothing_is_written_outside_the_data_folder_unless_saved(
    make_wizard, dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    for var in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "TMPDIR"):
        monkeypatch.setenv(var, str(home))
    data = data_dir()
    before = {p for p in tmp_path.rglob("*") if not p.is_relative_to(data)}
    wizard = _to_finish_with_answers(make_wizard, note="Mevrouw J. valt vaak", label="Mevrouw J.")
    wizard.ctx.session.set_intake("goals", "weer fietsen")
    exported = tmp_path / "chosen.pdf"
    dialogs.save_paths = [exported]
    assert wizard.finish_page.save_pdf() == exported
    after = {p for p in tmp_path.rglob("*") if not p.is_relative_to(data)}
    assert after - before == {exported}
    # Private modes: folder 0700, everything inside and the export 0600.
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for path in data.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600


def test_markup_in_user_text_is_not_interpreted_in_labels(make_wizard) -> None:
    from PySide6.QtWidgets import QLabel

    wizard = make_wizard()
    wizard.start_page.client_edit.setText("<b>Jansen</b>")
    wizard.next()
    for label in wizard.findChildren(QLabel):
        if "Jansen" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
