"""Child for the crash-safety test: a seeded random walk through the check, one line per answer."""

from __future__ import annotations

import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from homecheck.ui.main_window import create_main_window, ensure_app
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.settings import Settings
from tests.ui.fakes import FakeDialogs

KEYS = {"hazard": Qt.Key.Key_1, "ok": Qt.Key.Key_2, "na": Qt.Key.Key_3}


def main(seed: int) -> int:
    rng = random.Random(seed)
    app = ensure_app([])
    wizard = create_main_window(dialogs=FakeDialogs(), settings=Settings(language="nl"))
    assert wizard is not None
    wizard.show()
    QTest.qWaitForWindowExposed(wizard)
    while wizard.next_id_after(wizard.currentId()) != -1:
        wizard.next()
        page = wizard.currentPage()
        if not isinstance(page, RoomPage):
            continue
        # Answer a random subset of the page, in a random order, like a person skipping about.
        rows = [row for row in page.rows if rng.random() < 0.8]
        rng.shuffle(rows)
        for row in rows:
            value = rng.choice(tuple(KEYS))
            QTest.keyClick(row.focus_target(), KEYS[value])
            if rng.random() < 0.2:
                app.processEvents()
            # The line goes out only after the key press returned: the answer was given.
            print(f"{wizard.ctx.session.check_id} {row.item.id} {value}", flush=True)
    print("done", flush=True)
    while True:  # a window left open, until the test kills it
        QTest.qWait(50)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
