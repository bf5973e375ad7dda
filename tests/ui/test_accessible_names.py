"""Every control a screen reader can reach has a name, as Qt hands it to the screen reader (the
QAccessibleInterface tree that AT-SPI, UI Automation and VoiceOver read): on every page, in Dutch
and English, for the person themselves and for a therapist, also in the states that add
controls (a hazard with photos and a note, a saved action list, a client with checks, a
follow-up). test_accessibility.py checks the widgets' own names; this reads what is spoken."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QWidget

from homecheck.ui.pages.base import FINISH_ID, SUMMARY_ID
from homecheck.ui.settings import Settings
from tests.ui.helpers import choose_role, first_room

pytestmark = pytest.mark.gui

R = QAccessible.Role
# What a person operates (scroll bars are named by what they scroll).
CONTROLS = {R.PushButton, R.CheckBox, R.RadioButton, R.EditableText, R.SpinBox, R.ComboBox,
            R.List, R.ListItem, R.Slider, R.MenuItem, R.PageTab, R.Table, R.Cell, R.Tree,
            R.TreeItem, R.Link, R.ButtonMenu, R.ButtonDropDown}


def unnamed(window: QWidget, where: str) -> list[str]:
    """The shown controls under ``window`` whose spoken name is empty or only "…"."""
    QApplication.processEvents()
    found: list[str] = []

    def walk(node: QAccessibleInterface | None, context: str) -> None:
        if node is None or not node.isValid() or node.state().invisible:
            return
        name = (node.text(QAccessible.Text.Name) or "").strip()
        if node.role() in CONTROLS and name.strip("….") == "":
            found.append(f"{where}: {node.role().name} {name!r} in {context!r}")
        for index in range(node.childCount()):
            walk(node.child(index), name or context)

    walk(QAccessible.queryAccessibleInterface(window), "")
    return found


def _photo(path: Path) -> Path:
    Image.new("RGB", (90, 60), (200, 90, 40)).save(path)
    return path


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["self", "therapist"])
def test_every_control_on_every_page_is_named_for_a_screen_reader(
        make_wizard, dialogs, tmp_path, language: str, role: str) -> None:
    wizard = make_wizard(Settings(language=language))
    choose_role(wizard, role)
    problems = unnamed(wizard, "start")
    checked = 0
    while wizard.currentId() != FINISH_ID:
        wizard.next()
        if role != "self" and not wizard.clients_page.client_list.clients:
            problems += unnamed(wizard, "no clients yet")
            dialogs.texts = ["Mam"]
            wizard.clients_page.client_list.add()
        page = wizard.currentPage()
        rows = getattr(page, "rows", [])
        if rows:  # a hazard shows its note, photo and "why" controls
            rows[0].choices.choose_number(1)
            rows[0].why_button.click()
        problems += unnamed(wizard, page.accessibleName())
        checked += 1
    room = first_room_of(wizard)
    dialogs.open_paths = [_photo(tmp_path / "a.jpg"), _photo(tmp_path / "b.jpg")]
    room.rows[0].photo_button.click()
    room.rows[0].photo_button.click()
    room.rows[0].note_button.click()
    problems += unnamed(wizard, "photos and a note")
    wizard.go_to(FINISH_ID)
    dialogs.save_paths = [tmp_path / "list.pdf"]
    wizard.finish_page.save_pdf()
    problems += unnamed(wizard, "action list saved")
    dialogs.yes_no.insert(0, True)
    wizard.accept()
    if role != "self":
        wizard.clients_page.client_list.list.setCurrentRow(0)
        problems += unnamed(wizard, "a client with a check")
    wizard.ctx.session.close()
    again = make_wizard(Settings(language=language))  # the start page offers the follow-up
    problems += unnamed(again, "start after a check")
    choose_role(again, role)
    again.next()
    if role != "self":
        again.clients_page.client_list.list.setCurrentRow(0)
        problems += unnamed(again, "client list")
        again.next()
    problems += unnamed(again, "follow-up: " + first_room(again).accessibleName())
    again.go_to(SUMMARY_ID)
    problems += unnamed(again, "follow-up summary")
    assert checked >= 14
    assert problems == []


def first_room_of(wizard):  # type: ignore[no-untyped-def]
    """The first room page (the wizard may be past it)."""
    return next(iter(wizard.room_pages.values()))
