"""A message that names a file (saved, could not be saved, opened): a long Windows path wraps
after its backslashes at the largest text instead of running past the edge of the screen, where
the end of the path (the file's own name) was cut off."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from homecheck.ui.dialogs import QtDialogs
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui

PATH = (
    r"C:\Users\wilhelmina.vandenbergjansen\AppData\Local\Packages"
    r"\homecheck.HomeCheck_8wekyb3d8bbwe\LocalCache\Documents\Fysiotherapie"
    r"\Actielijsten_van_de_huisbezoeken\Lege checklist 2026-12-02.pdf"
)


def test_a_long_path_in_a_message_wraps_within_the_screen(make_wizard) -> None:
    wizard = make_wizard(Settings(language="en", text_size=20))
    box = QtDialogs()._box(wizard, QMessageBox.Icon.Question, "Open the checklist?",
                           f"The empty checklist is saved:\n{PATH}\n\nOpen it now, to print it?")
    box.show()
    QApplication.processEvents()
    label = box.findChild(QLabel, "qt_msgbox_label")
    screen = box.screen().availableGeometry()
    assert box.frameGeometry().width() <= screen.width()
    assert label.minimumSizeHint().width() <= label.width(), "the path is cut off"
    # Selected and copied (the text can be selected): the path as it is, without the breaks.
    label.setSelection(0, len(label.text()))
    label.setFocus()
    QTest.keySequence(label, QKeySequence.StandardKey.Copy)
    copied = QGuiApplication.clipboard().text()
    assert PATH in copied and "\u200b" not in copied
    box.close()
