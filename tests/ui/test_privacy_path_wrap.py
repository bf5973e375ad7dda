"""'Where is my data?': a long Windows path wraps after its backslashes at the largest text in a
narrow window, and what the person copies is the path itself, without invisible characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel

from homecheck.ui.settings import Settings
from homecheck.ui.widgets import privacy_box

pytestmark = pytest.mark.gui

ZWSP = "\u200b"
# The data folder of homecheck installed from the Microsoft Store, for a long user name.
LONG = (
    r"C:\Users\wilhelmina.vandenbergjansen\AppData\Local\Packages"
    r"\homecheck.HomeCheck_8wekyb3d8bbwe\LocalCache\Local\homecheck"
)


def _lines(label: QLabel, width: int) -> list[str]:
    """The label's text as Qt breaks it into lines ``width`` pixels wide."""
    text = label.text()
    layout = QTextLayout(text, label.font())
    option = QTextOption(label.alignment())
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_long_windows_path_wraps_after_its_separators(
    make_wizard, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setattr(privacy_box, "data_dir", lambda: Path(LONG))
    wizard = make_wizard(Settings(language=language, text_size=20))
    wizard.resize(640, 450)
    page, box = wizard.start_page, wizard.start_page.privacy
    box.where_button.click()
    QApplication.processEvents()
    label = box.folder_path
    assert label.isVisible()
    # Neither wider than the window nor cut: the path never makes the page wider than its
    # view (the page may be wider for other reasons: this is about the path), and the label is
    # as tall as its lines need.
    assert wizard.width() <= 640
    room = page.scroller.viewport().width() - (box.width() - label.width())
    assert label.minimumSizeHint().width() <= room
    assert label.height() >= label.heightForWidth(label.width())
    # In that room: several lines, each ending after a "\" (or a "." or "_" inside a long
    # name) and its invisible break, each fitting.
    lines = _lines(label, room)
    assert len(lines) >= 3, lines
    assert all(line.endswith(ZWSP) and line[-2] in "\\._" for line in lines[:-1]), lines
    metrics = label.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= room for line in lines), lines
    assert "".join(lines).replace(ZWSP, "") == LONG


def test_copying_the_path_gives_the_path_itself(
    make_wizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(privacy_box, "data_dir", lambda: Path(LONG))
    wizard = make_wizard(Settings(language="nl", text_size=20))
    box = wizard.start_page.privacy
    box.where_button.click()
    # The path shown cannot be selected (its breaks would be copied along); a button copies.
    assert not box.folder_path.textInteractionFlags() & (
        privacy_box.Qt.TextInteractionFlag.TextSelectableByMouse
        | privacy_box.Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    assert box.copy_button.isVisible() and box.copy_button.accessibleName()
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("iets anders")
    box.copy_button.click()
    assert clipboard.text() == LONG
    assert box.copied.isVisible() and "Ctrl+V" in box.copied.text()
    # A screen reader gets the path without the breaks too.
    assert box.folder_path.accessibleDescription() == LONG
    box.where_button.click()  # folded away: the note about copying goes with it
    assert not box.copied.isVisible()
