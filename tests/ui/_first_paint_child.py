"""Child for the start-up test: starts as main.py does, prints what was loaded at first paint."""

from __future__ import annotations

import gc
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# What start-up leaves until after the first paint, each for a measured reason
# (docs/performance.md): module name -> why.
DEFERRED = {
    "platformdirs": "~2 ms; Linux gets the XDG folder without it",
    "homecheck.domain.person": "the start page asks nothing about the person",
    "homecheck.ui.photo_files": "no photo on the start page",
    "homecheck.ui.later_pages": "the other pages come right after the first paint",
    "homecheck.domain.scoring": "no score on the start page",
    "PySide6.QtSvg": "check marks are PNG",
}


def main() -> int:
    from homecheck import startup_gc

    startup_gc.pause()
    from PySide6 import QtCore, QtGui, QtWidgets

    from homecheck.ui.main_window import create_main_window, ensure_app

    app = ensure_app([])
    wizard = create_main_window()
    assert wizard is not None
    wizard.show()
    deadline = time.monotonic() + 10
    # HomeWizard schedules its other pages from its first paint.
    while not wizard._adding_scheduled and time.monotonic() < deadline:
        app.processEvents()
    report = {
        "loaded": sorted(name for name in DEFERRED if name in sys.modules),
        # PySide6 builds a class's enums when Python first touches it: these are the costly ones.
        "qt_namespace_built": "Qt" in QtCore.__dict__,
        "qstyle_built": "QStyle" in QtWidgets.__dict__,
        "qkeysequence_built": "QKeySequence" in QtGui.__dict__,
        "painted": wizard._adding_scheduled,
        "collector_on": gc.isenabled(),
    }
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
