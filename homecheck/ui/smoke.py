"""`homecheck --smoke-test`: start the app, wait until its first page is on screen, print a
page of the paper checklist to a PDF file through Qt's printer (pypdfium2 and QtPrintSupport
must be in the installation), quit.

For installers and build scripts (packaging/smoke.py) on machines without a person at the screen
(QT_QPA_PLATFORM=offscreen works): a version check passes even when the app cannot read its own
resources, this does not. Exit 0 once the start page has painted, 1 when it did not within the
time limit.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from homecheck.ui.main_window import create_main_window, ensure_app
from homecheck.ui.pages.base import BasePage

TIME_LIMIT_MS = 30_000


class _FirstPaint(QObject):
    """Notes the first paint of the watched page and ends the event loop."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            # exit(), not quit(): quit() closes the window, which asks "stop the check?".
            QTimer.singleShot(0, lambda: self.app.exit(0))
        return False


def _say(line: str) -> None:
    # A windowed program on Windows has no stdout at all.
    if sys.stdout is not None:
        print(line, flush=True)


def run() -> int:
    """Show the wizard, wait for the first page's first paint, close; the exit status."""
    app = ensure_app([])
    wizard = create_main_window()
    if wizard is None:
        _say("homecheck: smoke test: the data folder could not be opened")
        return 1
    page = wizard.page(wizard.startId())
    watcher = _FirstPaint(app)
    page.installEventFilter(watcher)
    wizard.show()
    QTimer.singleShot(TIME_LIMIT_MS, lambda: app.exit(1))
    app.exec()
    page.removeEventFilter(watcher)
    shown = page.heading.text() if isinstance(page, BasePage) else page.title()
    title = " ".join(shown.split())
    wizard.hide()
    wizard.ctx.session.close()
    wizard.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if not watcher.painted or not title:
        _say(f"homecheck: smoke test: no page with a title shown within {TIME_LIMIT_MS // 1000} s")
        return 1
    _say(f"homecheck: smoke test: first page shown: {title}")
    try:
        printed = _print_a_page()
    except Exception as exc:  # reported as one line, as every smoke failure
        _say(f"homecheck: smoke test: printing failed: {exc!r}")
        return 1
    _say(f"homecheck: smoke test: printed {printed} page(s) to a PDF file")
    return 0


def _print_a_page() -> int:
    """Print the first area of the paper checklist to a PDF file, as the Print button would."""
    import tempfile
    from pathlib import Path

    from PySide6.QtPrintSupport import QPrinter

    from homecheck.domain.content import checklist
    from homecheck.report.blank import render_blank
    from homecheck.ui import printing

    content = checklist()
    data = render_blank(content, "en", [content.areas[0].id], paper="A4")
    with tempfile.TemporaryDirectory(prefix="homecheck-smoke-") as folder:
        out = Path(folder) / "printed.pdf"
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printing.prepare(printer, "A4", "smoke test")
        printer.setResolution(72)
        printed = printing.print_pdf(data, printer)
        if printed < 1 or printing.page_count(out.read_bytes()) != printed:
            raise RuntimeError(f"{printed} page(s) printed, the file does not have them")
    return printed
