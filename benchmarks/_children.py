"""Child processes for benchmarks/run.py: each prints one JSON line with what it measured."""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def bare_wizard(full: bool) -> None:
    """The yardstick: an empty QWizard with one label, shown."""
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

    app = QApplication([])
    wizard = QWizard()
    page = QWizardPage()
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("Hello"))
    wizard.addPage(page)
    watch = PaintWatch(page)
    wizard.show()
    painted_at = watch.wait(app)
    print(json.dumps({"painted_at": painted_at, "cpu_s": time.process_time(),
                      "rss_kib": _rss_kib()}), flush=True)


class PaintWatch:
    """Waits for the first paint of one page: the moment the frame that shows it is done.

    The event filter sits on the page alone. An application-wide filter would call into Python
    for every event of every widget (~800 events while homecheck's window first shows, ~20 us
    each), a cost that grows with the window being measured and that no real run has.
    """

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint

        class Filter(QObject):
            seen = False

            def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
                if event.type() == paint:
                    self.seen = True
                return False

        self._filter = Filter()
        self._page = page
        page.installEventFilter(self._filter)

    def wait(self, app, seconds: float = 10) -> float | None:  # type: ignore[no-untyped-def]
        """Run the event loop until the page has painted; the time when that frame was done.

        The page paints first, then its children, in the same turn of the event loop: the
        time is taken when that turn returns, so every widget of the frame has been painted.
        """
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            app.processEvents()
            if self._filter.seen:
                done = time.perf_counter()
                self._page.removeEventFilter(self._filter)
                return done
        return None


def homecheck_app(full: bool) -> None:
    """homecheck's wizard; with ``full`` also a whole check by keyboard, timing each step."""
    # Imported in the order main.py imports them: homecheck first, so that its Qt-free modules
    # load before PySide6 does (see homecheck/ui/__init__.py); test tools only when needed.
    from homecheck.ui.main_window import create_main_window, ensure_app

    app = ensure_app([])
    wizard = create_main_window()
    assert wizard is not None
    watch = PaintWatch(wizard.page(wizard.startId()))
    wizard.show()
    painted_at = watch.wait(app)
    if not full:
        print(json.dumps({"painted_at": painted_at, "cpu_s": time.process_time(),
                          "rss_kib": _rss_kib()}), flush=True)
        return

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from homecheck.ui.pages.room import RoomPage

    presses = 0

    def press(key: Qt.Key) -> float:
        # Key events sent as QTest.keyClick sends them, without loading QtTest: the yardstick
        # does not load it either, and memory is one of the figures.
        nonlocal presses
        widget = QApplication.focusWidget()
        text = "\r" if key == Qt.Key.Key_Return else chr(key.value)
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            QApplication.sendEvent(widget, event)
        presses += 1
        return time.perf_counter() - started

    def wait(seconds: float) -> None:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.005)

    # A new check of one's own home, also when the store offers a check to continue.
    start = wizard.start_page
    start.mode_radios["new"].setChecked(True)
    start.role_radios["self"].setChecked(True)
    app.processEvents()
    for _ in range(3):  # start, about you, your home: Enter on each
        press(Qt.Key.Key_Return)
        app.processEvents()
    answer_ms: list[float] = []
    switch_ms: list[float] = []
    switch_cpu_ms: list[float] = []  # the CPU time of each, whatever else the machine runs
    summary_ms: list[float] = []
    items = 0
    keys = (Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)
    while isinstance(wizard.currentPage(), RoomPage):
        page = wizard.currentPage()
        # A person reads the page before answering; the wizard builds the next page meanwhile.
        wait(0.25)
        for n, _row in enumerate(page.rows):
            answer_ms.append(1000 * press(keys[(items + n) % len(keys)]))
        items += len(page.rows)
        # Page switch: Enter on Next -> the frame that shows the next page is done. Next
        # switches the page at once; its paint waits for the event loop.
        started, cpu = time.perf_counter(), time.process_time()
        press(Qt.Key.Key_Return)
        painted_at = PaintWatch(wizard.currentPage()).wait(app, seconds=2)
        if painted_at is not None:
            # Room-to-room switches are the figure; the last one, to the summary, is kept apart.
            if isinstance(wizard.currentPage(), RoomPage):
                switch_ms.append(1000 * (painted_at - started))
                switch_cpu_ms.append(1000 * (time.process_time() - cpu))
            else:
                summary_ms.append(1000 * (painted_at - started))
    app.processEvents()
    result = {
        "shown": True,
        "rss_kib": _rss_kib(),
        "items": items,
        "presses": presses,
        "answer_ms": answer_ms,
        "switch_ms": switch_ms,
        "switch_cpu_ms": switch_cpu_ms,
        "summary_ms": summary_ms,
        "answered": len(wizard.ctx.session.assessment.answers),
    }
    print(json.dumps(result), flush=True)


def bare_reportlab() -> None:
    """The yardstick for the PDF: a one-page reportlab document."""
    import io

    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    out = io.BytesIO()
    SimpleDocTemplate(out).build([Paragraph("Hello", getSampleStyleSheet()["Normal"])])
    print(json.dumps({"bytes": len(out.getvalue())}), flush=True)


def client_list() -> None:
    """The client list of a therapist: Start → the list shown, then a name typed key by key."""
    from homecheck.ui.main_window import create_main_window, ensure_app

    app = ensure_app([])
    wizard = create_main_window()
    assert wizard is not None
    watch = PaintWatch(wizard.page(wizard.startId()))
    wizard.show()
    watch.wait(app)
    start = wizard.start_page
    start.mode_radios["new"].setChecked(True)
    start.role_radios["therapist"].setChecked(True)
    app.processEvents()
    started = time.perf_counter()
    wizard.next()
    page = wizard.currentPage()
    shown_at = PaintWatch(page).wait(app)
    shown_ms = 1000 * ((shown_at or time.perf_counter()) - started)

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    search = page.client_list.search_edit
    search.setFocus()
    app.processEvents()
    key_ms = []
    for char in "jansen 1" + "\b" * 8 + "visser":
        key = Qt.Key.Key_Backspace if char == "\b" else Qt.Key(ord(char.upper()))
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(search, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     "" if char == "\b" else char))
        app.processEvents()  # the list's update and its repaint
        key_ms.append(1000 * (time.perf_counter() - started))
    # The chosen client's earlier checks are shown once the typing pauses (not at each key):
    # from the last key until they are shown, and what showing them costs.
    typed_at = time.perf_counter()
    while page.details_timer.isActive():
        app.processEvents()
    history_after_ms = 1000 * (time.perf_counter() - typed_at)
    started = time.perf_counter()
    page._show_client()
    history_ms = 1000 * (time.perf_counter() - started)
    shown = page.client_list.list.count()
    print(json.dumps({"shown_ms": shown_ms, "key_ms": key_ms, "rows_shown": shown,
                      "text": search.text(), "history_after_ms": history_after_ms,
                      "history_ms": history_ms}), flush=True)


def reopen(path: str, _unused: str) -> None:
    """Open a saved check file as the app does, twice: the second time it is recognised."""
    from pathlib import Path

    from homecheck.domain.assessment import read_file
    from homecheck.domain.content import checklist
    from homecheck.session.importing import store_check
    from homecheck.store.db import Store
    from homecheck.store.paths import database_path

    store = Store(database_path())
    times = []
    for _ in range(2):
        started = time.perf_counter()
        check = read_file(Path(path), checklist())
        stored = store_check(store, check, Path(path), "unnamed", language="nl")
        store.load_check(stored.check_id)
        times.append(time.perf_counter() - started)
    store.close()
    print(json.dumps({"first_s": times[0], "again_s": times[1], "already": stored.already}),
          flush=True)


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "bare":
        bare_wizard(full="--full" in sys.argv)
    elif kind == "homecheck":
        homecheck_app(full="--full" in sys.argv)
    elif kind == "bare-pdf":
        bare_reportlab()
    elif kind == "clients":
        client_list()
    elif kind == "reopen":
        reopen(sys.argv[2], "")
    else:
        raise SystemExit(f"unknown child {kind}")
