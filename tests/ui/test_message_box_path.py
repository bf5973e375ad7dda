"""A message that names a file (saved, could not be saved, opened): a long Windows path wraps
after its backslashes at the largest text instead of running past the edge of the screen, where
the end of the path (the file's own name) was cut off; on a small screen the message uses its
width, so that it and its buttons stay on the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from homecheck.ui.dialogs import QtDialogs
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]

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


# 200 % on a 1366x768 laptop: 683x384 logical pixels (offscreen at scale 1 with that size lays out
# the same; its "dpr" does not shrink the logical screen). One process: the screen is set at start.
SMALL_SCREEN = {"screens": [{"name": "small", "x": 0, "y": 0, "width": 683, "height": 384,
                             "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
CHILD = f"""
import json
from PySide6.QtWidgets import QApplication, QMessageBox
from homecheck.ui import theme
from homecheck.ui.dialogs import QtDialogs
app = QApplication([])
theme.apply(app, 20, False)
box = QtDialogs()._box(None, QMessageBox.Icon.Question, "Open the checklist?",
                       "The empty checklist is saved:\\n" + {PATH!r} + "\\n\\nOpen it now?")
box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
box.show()
app.processEvents()
frame, screen = box.frameGeometry(), box.screen().availableGeometry()
print(json.dumps([frame.top(), frame.bottom(), screen.top(), screen.bottom()]))
"""


def test_on_a_small_screen_the_message_and_its_buttons_stay_on_it(tmp_path: Path) -> None:
    config = tmp_path / "small.json"
    config.write_text(json.dumps(SMALL_SCREEN), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)
    top, bottom, screen_top, screen_bottom = json.loads(done.stdout.splitlines()[-1])
    assert screen_top <= top and bottom <= screen_bottom, (top, bottom, screen_bottom)
