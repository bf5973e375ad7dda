"""Child for the kill -9 test: answers items through the real UI and prints each stored answer."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from homecheck.ui.main_window import create_main_window, ensure_app
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.settings import Settings
from tests.ui.fakes import FakeDialogs

KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)
VALUES = ("hazard", "ok", "na")


def main() -> int:
    app = ensure_app([])
    wizard = create_main_window(dialogs=FakeDialogs(), settings=Settings(language="en"))
    assert wizard is not None
    wizard.show()
    QTest.qWaitForWindowExposed(wizard)
    n = 0
    while wizard.next_id_after(wizard.currentId()) != -1:
        wizard.next()
        page = wizard.currentPage()
        if not isinstance(page, RoomPage):
            continue
        for row in page.rows:
            choice = n % 3
            n += 1
            # The same path as a person: a key press on the row's focused answer button.
            QTest.keyClick(row.focus_target(), KEYS[choice])
            app.processEvents()
            print(f"{wizard.ctx.session.check_id} {row.item.id} {VALUES[choice]}", flush=True)
    print("done", flush=True)
    # Wait to be killed, like a window left open.
    while True:
        time.sleep(1)


if __name__ == "__main__":
    sys.exit(main())
