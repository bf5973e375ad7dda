"""The start page's "Empty checklist on paper" button: every question with boxes, as a PDF to
print and fill in with a pen while walking through the home (the answers are typed in later)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from homecheck.fileio import atomic_write
from homecheck.session.file_names import default_file_name
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.print_options import default_paper
from homecheck.ui.widgets.labels import plain_label


class PaperChecklistBox(QWidget):
    """Saves the paper checklist (report.blank) where the person says, then offers to open it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.button = QPushButton(self)
        self.button.setAutoDefault(False)
        theme.touch_target(self.button)
        self.button.clicked.connect(self.save)
        self.status = plain_label(role="muted")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        self.saved: Path | None = None

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        t = self.ctx.t
        self.button.setText(t("ui.paper_checklist.button"))
        self.button.setAccessibleName(t("ui.paper_checklist.button_name"))
        self.button.setAccessibleDescription(t("ui.paper_checklist.button_description"))
        self.button.setToolTip(t("ui.paper_checklist.button_description"))
        if self.saved is not None:
            self.status.setText(t("ui.paper_checklist.saved", path=self.saved))

    def save(self) -> Path | None:
        """Ask where, write the paper checklist there and offer to open it; the path when saved."""
        # Imported here: the start page shows without the report package (reportlab).
        from homecheck.report.blank import render_blank
        from homecheck.ui.pages.finish import default_folder  # where every save dialog starts

        t, dialogs = self.ctx.t, self.ctx.dialogs
        today = _dt.date.today().isoformat()
        name = default_file_name(t("ui.paper_checklist.file_name"), "", today, ".pdf")
        path = dialogs.ask_save_path(
            self,
            t("ui.paper_checklist.save_title"),
            default_folder() / name,
            t("ui.finish.pdf_filter"),
        )
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = render_blank(self.ctx.checklist, self.ctx.language, paper=default_paper())
            atomic_write(path, data)
        except OSError as exc:
            message = t("ui.finish.write_error", path=path, reason=exc.strerror or str(exc))
            dialogs.error(self, t("ui.finish.error_title"), message)
            return None
        except Exception as exc:
            # Whatever goes wrong in the renderer becomes one plain message, never a traceback.
            message = t("ui.paper_checklist.error", reason=exc)
            dialogs.error(self, t("ui.finish.error_title"), message)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.saved = path
        self.retranslate()
        self.status.setVisible(True)
        question = t("ui.paper_checklist.open_question", path=path)
        wanted = dialogs.ask_yes_no(self, t("ui.paper_checklist.open_title"), question)
        if wanted and not dialogs.open_file(path):
            message = t("ui.finish.open_error", path=path)
            dialogs.error(self, t("ui.finish.error_title"), message)
        return path
