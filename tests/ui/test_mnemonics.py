"""Alt+letter shortcuts are unique among what a page shows (both languages)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from homecheck.ui.pages.room import RoomPage
from homecheck.ui.settings import Settings
from homecheck.ui.widgets.answer_row import AnswerRow

pytestmark = pytest.mark.gui
_MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonics(wizard: QWidget) -> dict[str, list[str]]:
    """Letter -> texts of the visible buttons and labels that use it."""
    found: dict[str, list[str]] = {}
    widgets = wizard.findChildren(QAbstractButton) + wizard.findChildren(QLabel)
    for widget in widgets:
        if not widget.isVisibleTo(wizard) or _in_row(widget):
            continue
        match = _MNEMONIC.search(widget.text().replace("&&", ""))
        if match:
            found.setdefault(match.group(1).lower(), []).append(widget.text())
    return found


def _in_row(widget: QWidget) -> bool:
    # Each answer row repeats its own 1/2/3, Why and Note shortcuts on purpose: Alt+letter
    # then steps from row to row, as Qt does for repeated mnemonics.
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, AnswerRow):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("language", ["en", "nl"])
def test_start_and_room_pages_have_no_shortcut_twice(make_wizard, language: str) -> None:
    wizard = make_wizard(Settings(language=language))
    pages = [wizard.currentPage()]
    while not isinstance(wizard.currentPage(), RoomPage):
        wizard.next()
    pages.append(wizard.currentPage())
    for _page in pages:
        wizard.go_to(_page.page_id)
        twice = {k: v for k, v in _mnemonics(wizard).items() if len(v) > 1}
        assert twice == {}, f"{type(_page).__name__}: {twice}"
