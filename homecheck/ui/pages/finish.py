"""Finish: the PDF action list (save, open, print), the answers as JSON, and a FHIR export."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QPushButton

from homecheck.domain.assessment import CLIENT_ROLES, dumps
from homecheck.domain.wording import for_role
from homecheck.fileio import atomic_write
from homecheck.i18n import catalogue
from homecheck.session.file_names import default_file_name
from homecheck.session.photos import copy_beside, load_photo, photos_folder
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.dialogs import wait_cursor, window_stays_open
from homecheck.ui.pages.base import FINISH_ID, BasePage
from homecheck.ui.read_only import mark_writes
from homecheck.ui.settings import FileKind
from homecheck.ui.widgets.labels import PathLabel, plain_label
from homecheck.ui.widgets.print_choices import PrintChoices


class FinishPage(BasePage):
    """Export; every write is atomic, and a failure is told in plain words."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, FINISH_ID, "finish")
        self.pdf_path: Path | None = None
        self._saved_for: int | None = None  # the check whose action list is at pdf_path
        self._saved_key: tuple[object, ...] | None = None  # what the saved PDF was made of
        self._rendered: tuple[tuple[object, ...], bytes] | None = None  # the last PDF made

    def build(self) -> None:
        layout = self.scroll_body()
        self.intro = plain_label()
        self.privacy = plain_label(role="muted")
        # How the PDF looks on paper: used by Save, Open and Print alike.
        self.print_choices = PrintChoices(self.ctx, self)
        layout.addWidget(self.intro)
        layout.addWidget(self.privacy)
        layout.addWidget(self.print_choices)
        self.save_pdf_button = QPushButton(self)
        self.open_pdf_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.save_json_button = QPushButton(self)
        self.fhir_button = QPushButton(self)
        self.status = PathLabel()  # selectable: the path saved to can be copied
        self.done_help = plain_label(role="muted")
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_json_button.clicked.connect(self.save_json)
        self.fhir_button.clicked.connect(self.export_fhir)
        for button in (
            self.save_pdf_button,
            self.open_pdf_button,
            self.print_button,
            self.save_json_button,
            self.fhir_button,
        ):
            button.setAutoDefault(False)
            theme.touch_target(button)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.done_help)
        # The own last check, finished already and opened to look at it: check the home again.
        self.followup_button = QPushButton(self)
        self.followup_button.setAutoDefault(False)
        theme.touch_target(self.followup_button)
        self.followup_button.clicked.connect(lambda: self.nav().start_page.followup_after_review())
        mark_writes(self.ctx, self.followup_button)
        layout.addWidget(self.followup_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setFinalPage(True)

    def retranslate(self) -> None:
        t = self.ctx.t
        self.set_heading(t("ui.finish.title"))
        self.print_choices.retranslate()
        pairs = (
            (self.save_pdf_button, "save_pdf"),
            (self.open_pdf_button, "open_pdf"),
            (self.print_button, "print"),
            (self.save_json_button, "save_json"),
            (self.fhir_button, "fhir"),
        )
        for button, key in pairs:
            button.setText(t(f"ui.finish.{key}"))
            button.setAccessibleName(t(f"ui.finish.{key}_name"))
            button.setAccessibleDescription(t(f"ui.finish.{key}_description"))
        self.followup_button.setText(t("ui.finish.followup_own"))
        self.followup_button.setAccessibleName(t("ui.finish.followup_own_name"))
        self.followup_button.setAccessibleDescription(t("ui.finish.followup_own_description"))
        self._show_for_whom()

    def _show_for_whom(self) -> None:
        """The texts that depend on who fills in: whose health the files hold ("your health",
        or the person's to a caregiver or therapist), and what Finish does: mark the check
        finished (or, for a check that was finished already and opened to look at it, close
        it), then the client list, or homecheck closes."""
        session = self.ctx.session
        cat, role = catalogue(self.ctx.language), session.assessment.role
        self.intro.setText(for_role(cat, "ui.finish.intro", role))
        self.privacy.setText(for_role(cat, "ui.finish.privacy", role))
        if not session.reviewing:
            self.done_help.setText(for_role(cat, "ui.finish.done_help", role))
        elif role in CLIENT_ROLES:
            self.done_help.setText(cat("ui.finish.done_help_reviewing_list"))
        else:
            self.done_help.setText(cat("ui.finish.done_help_reviewing_self"))
        own = self.wizard() is not None and self.nav().start_page.reviewing_own()
        self.followup_button.setVisible(own)

    def on_enter(self) -> None:
        self._show_for_whom()
        self.print_choices.show_size_default()
        self.save_pdf_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- print choices ---------------------------------------------------------------------

    def large_print(self) -> bool:
        """True when large print is chosen."""
        self.ensure_built()
        return self.print_choices.large_print()

    def paper(self) -> str:
        """The paper chosen: "A4" or "letter"."""
        self.ensure_built()
        return self.print_choices.paper()

    def ready_to_finish(self) -> bool:
        """Before Finish: when the action list was not saved, offer to save it now.

        True when the check may be finished (saved now, or the person chose not to).
        """
        if self.saved_pdf() is not None:
            return True
        t = self.ctx.t
        if not self.ctx.dialogs.ask_yes_no(
            self, t("ui.finish.unsaved_title"), t("ui.finish.unsaved_question")
        ):
            return True
        return self.save_pdf() is not None

    # -- actions ---------------------------------------------------------------------------

    def _file_name(self, key: str, suffix: str = "") -> str:
        """ "Actielijst Mevr J 2026-11-24.pdf": what, for whom, and the check's date."""
        a = self.ctx.session.assessment
        return default_file_name(self.ctx.t(key), a.client, a.date, suffix)

    def _tell(self, text: str) -> None:
        """Say what was done in the line under the buttons, scrolled into view (at the largest
        text it lies below the fold); a long path in it wraps after its separators."""
        self.status.set_paths_text(text)
        self.ensure_visible(self.status)

    def _write(self, path: Path, data: bytes) -> bool:
        t = self.ctx.t
        try:
            atomic_write(path, data)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            message = t("ui.finish.write_error", path=path, reason=reason)
            self.ctx.dialogs.error(self, t("ui.finish.error_title"), message)
            return False
        return True

    def _ask_path(
        self, title: str, name: str, suffix: str, filters: str, kind: FileKind
    ) -> Path | None:
        """Ask where to save (catalogue keys); the suffix is added when the person left it off."""
        t = self.ctx.t
        path = self.ctx.dialogs.ask_save_path(
            self, t(title), self._file_name(name, suffix), t(filters), kind=kind
        )
        if path is not None and path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        return path

    def _pdf_key(self) -> tuple[object, ...]:
        """What the action list is made of: the answers, the language and the print choices."""
        exported = self.ctx.session.exported()
        return (dumps(exported), self.ctx.language, self.large_print(), self.paper())

    def _pdf(self) -> tuple[tuple[object, ...], bytes] | None:
        """The action list as it should be now (made again only when something changed), with
        what it was made of; None after telling why it could not be made."""
        t, ctx = self.ctx.t, self.ctx
        key = self._pdf_key()
        if self._rendered is not None and self._rendered[0] == key:
            return self._rendered
        try:
            # Imported on demand: the report package loads reportlab, which start-up can skip.
            from homecheck.report.pdf import render_pdf

            with wait_cursor():
                data = render_pdf(
                    ctx.checklist,
                    ctx.session.exported(),
                    language=ctx.language,
                    paper=self.paper(),
                    photos=load_photo,
                    followup=ctx.session.followup(),
                    large_print=self.large_print(),
                )
        except Exception as exc:
            # Whatever goes wrong in the renderer becomes one plain message, never a traceback.
            message = t("ui.finish.pdf_error", reason=exc)
            ctx.dialogs.error(self, t("ui.finish.error_title"), message)
            return None
        self._rendered = (key, data)
        return self._rendered

    def save_pdf(self) -> Path | None:
        """Ask where, render the action list and write it; return the path when saved."""
        t = self.ctx.t
        path = self._ask_path(
            "ui.finish.save_pdf_title", "ui.finish.pdf_file_name", ".pdf", "ui.finish.pdf_filter",
            FileKind.ACTION_LISTS,
        )
        if path is None:
            return None
        made = self._pdf()
        if made is None or not self._write(path, made[1]):
            return None
        self.pdf_path, self._saved_key = path, made[0]
        self._saved_for = self.ctx.session.check_id
        self._tell(t("ui.finish.saved", path=path))
        return path

    def saved_pdf(self) -> Path | None:
        """Where the action list of the check now open was saved; None when it was not (a list
        saved for another client's check is never opened, let alone written over, for this one)."""
        if self.pdf_path is None or self._saved_for != self.ctx.session.check_id:
            return None
        return self.pdf_path

    def _pdf_or_save(self) -> Path | None:
        """The saved PDF, made again in its place when the answers or the print choices changed
        since (never a stale list); asks where to save when there is none yet."""
        path = self.saved_pdf()
        if path is None or not path.is_file():
            return self.save_pdf()
        if self._saved_key == self._pdf_key():
            return path
        made = self._pdf()
        if made is None or not self._write(path, made[1]):
            return None
        self._saved_key = made[0]
        self._tell(self.ctx.t("ui.finish.saved_again", path=path))
        return path

    def open_pdf(self) -> None:
        """Open the saved PDF in the system's viewer (saving it first if needed)."""
        path = self._pdf_or_save()
        if path is None:
            return
        if not self.ctx.dialogs.open_file(path):
            t = self.ctx.t
            message = t("ui.finish.open_error", path=path)
            self.ctx.dialogs.error(self, t("ui.finish.error_title"), message)

    def print_pdf(self) -> int:
        """Print the action list as chosen on this page through Qt's print dialog (every
        system); the number of pages printed (0 when cancelled or failed, after saying why)."""
        t, dialogs = self.ctx.t, self.ctx.dialogs
        made = self._pdf()
        if made is None:
            return 0
        # Imported on demand: printing loads QtPrintSupport and pdfium.
        from PySide6.QtPrintSupport import QPrinter

        from homecheck.ui import printing

        data = made[1]
        try:
            pages = printing.page_count(data)
        except printing.PrintError as exc:
            dialogs.error(self, t("ui.finish.error_title"), t("ui.finish.print_error", reason=exc))
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # The job's name shows in print queues, on a shared printer to others too: no client label.
        job = default_file_name(
            self.ctx.t("ui.finish.pdf_file_name"), "", self.ctx.session.assessment.date, ""
        )
        printing.prepare(printer, self.paper(), job)
        if not dialogs.ask_printer(self, printer, pages):
            return 0  # cancelled: nothing to say

        def progress(page: int, total: int) -> None:
            # A long list takes seconds: say how far it is, and keep the window painted.
            self._tell(t("ui.finish.printing", page=page, total=total))
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

        try:
            with wait_cursor(), window_stays_open(self.window()):
                printed = printing.print_pdf(data, printer, progress)
        except (printing.PrintError, OSError) as exc:
            self.status.setText("")
            dialogs.error(self, t("ui.finish.error_title"), t("ui.finish.print_error", reason=exc))
            return 0
        where = printer.printerName() or printer.outputFileName()
        key = "ui.finish.printed_one" if printed == 1 else "ui.finish.printed_many"
        self._tell(t(key, printer=where, count=printed))
        return printed

    def save_json(self) -> Path | None:
        """Save the answers in the documented JSON format; return the path when saved."""
        t, ctx = self.ctx.t, self.ctx
        path = self._ask_path(
            "ui.finish.save_json_title",
            "ui.finish.json_file_name",
            ".json",
            "ui.finish.json_filter",
            FileKind.CHECK_FILES,
        )
        if path is None:
            return None
        exported = ctx.session.exported()
        # Photos first: a JSON file that names photos it does not have beside it is worse
        # than no file at all.
        try:
            copied, missing = copy_beside(path, exported)
        except OSError as exc:
            folder = photos_folder(path)
            message = t("ui.finish.write_error", path=folder, reason=exc.strerror or str(exc))
            ctx.dialogs.error(self, t("ui.finish.error_title"), message)
            return None
        if not self._write(path, dumps(exported).encode("utf-8")):
            return None
        status = t("ui.finish.saved", path=path)
        if copied or missing:
            folder = photos_folder(path)
            status += "\n" + t("ui.finish.photos_saved", count=copied, folder=folder)
            if missing:
                status += "\n" + t("ui.finish.photos_missing", count=missing)
        self._tell(status)
        return path

    def export_fhir(self) -> Path | None:
        """Save the check as a FHIR Bundle for the care record; return the path when saved."""
        t, ctx = self.ctx.t, self.ctx
        path = self._ask_path(
            "ui.finish.fhir_title", "ui.finish.fhir_file_name", ".json", "ui.finish.fhir_filter",
            FileKind.RECORDS,
        )
        if path is None:
            return None
        try:
            # Imported on demand: only this button needs it.
            from homecheck.interop.fhir import bundle

            doc = bundle(ctx.checklist, ctx.session.exported())
        except Exception as exc:
            # Building failed: one plain message, never a traceback.
            ctx.dialogs.error(
                self, t("ui.finish.error_title"), t("ui.finish.fhir_error", reason=exc)
            )
            return None
        data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        if not self._write(path, data):
            return None
        self._tell(t("ui.finish.fhir_saved", path=path))
        return path
