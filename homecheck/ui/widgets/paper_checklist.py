"""The start page's "Empty checklist on paper" button: every question with boxes, as a PDF to
print and fill in with a pen while walking through the home (the answers are typed in later).

The button first opens a small window with the choices `homecheck blank` has: normal or large
print, A4 or Letter (the save page's own choices, preselected the same way), and which parts go
on paper (the About you questions and each part of the home, all ticked)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from homecheck.fileio import atomic_write
from homecheck.session.file_names import default_file_name
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.print_options import default_paper, large_print_default
from homecheck.ui.settings import FileKind
from homecheck.ui.widgets.button_status import ButtonWithStatus
from homecheck.ui.widgets.labels import plain_label
from homecheck.ui.widgets.print_choices import PrintChoices
from homecheck.ui.widgets.wrap_buttons import WrapCheckBox


@dataclass(frozen=True)
class PaperOptions:
    """What goes on paper and how (report.blank.render_blank's options)."""

    large_print: bool
    paper: str  # "A4" or "letter"
    about: bool  # the About you questions and the Short FES-I first
    area_ids: tuple[str, ...]  # the parts of the home, in checklist order


class PaperChecklistDialog(QDialog):
    """The choices for the paper checklist; Save (Enter) or Cancel (Escape).

    Kept by the button for the session, so a second checklist starts from the same choices.
    Save is off while no part is ticked, and a line says why.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.intro = plain_label()
        self.print_choices = PrintChoices(ctx, self)
        self.parts_heading = plain_label(role="heading")
        self.about_box = WrapCheckBox(self)
        self.area_boxes = {area.id: WrapCheckBox(self) for area in ctx.checklist.areas}
        self.tick_button = QPushButton(self)
        self.tick_button.setAutoDefault(False)
        self.tick_button.clicked.connect(self._tick_all_or_none)
        self.nothing = plain_label(role="muted")
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(4, 4, 16, 4)
        inner.setSpacing(12)
        inner.addWidget(self.intro)
        inner.addWidget(self.print_choices)
        inner.addWidget(self.parts_heading)
        for box in self.part_boxes():
            box.setChecked(True)
            box.toggled.connect(self._parts_changed)
            theme.touch_target(box)
            inner.addWidget(box)
        theme.touch_target(self.tick_button)
        inner.addWidget(self.tick_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.nothing)
        inner.addStretch(1)
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab goes from choice to choice, not to the frame around them (it scrolls to each).
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroller.setWidget(body)
        self.scroller, self.body = scroller, body
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setDefault(True)  # Enter saves, wherever the focus is
        for button in (self.save_button, self.cancel_button):
            theme.touch_target(button)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.buttons)
        self._parts_changed()

    def part_boxes(self) -> list[WrapCheckBox]:
        """The check boxes of the parts, in the order they are printed."""
        return [self.about_box, *self.area_boxes.values()]

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        t, lang = self.ctx.t, self.ctx.language
        self.setWindowTitle(t("ui.paper_checklist.dialog_title"))
        self.intro.setText(t("ui.paper_checklist.dialog_intro"))
        self.print_choices.retranslate()
        self.parts_heading.setText(t("ui.paper_checklist.parts_heading"))
        self.about_box.setText(t("ui.paper_checklist.about"))
        self.about_box.setAccessibleName(t("ui.paper_checklist.about_name"))
        self.about_box.setAccessibleDescription(t("ui.paper_checklist.about_description"))
        for area in self.ctx.checklist.areas:
            box = self.area_boxes[area.id]
            box.setText(area.title(lang))
            box.setAccessibleName(area.title(lang))
            box.setAccessibleDescription(t("ui.paper_checklist.area_description"))
        self.nothing.setText(t("ui.paper_checklist.nothing_ticked"))
        self.save_button.setText(t("ui.paper_checklist.save"))
        self.save_button.setAccessibleName(t("ui.paper_checklist.save_name"))
        self.save_button.setAccessibleDescription(t("ui.paper_checklist.save_description"))
        self.cancel_button.setText(t("ui.paper_checklist.cancel"))  # also Escape
        self.cancel_button.setAccessibleName(t("ui.paper_checklist.cancel"))
        self._name_tick_button()

    def prepare(self) -> None:
        """Before showing: texts of now, the print size following the text size (until chosen),
        and the focus on Save (on the first part when none is ticked)."""
        self.retranslate()
        self.print_choices.show_size_default()
        self.scroller.verticalScrollBar().setValue(0)
        self._fit_screen()
        first = self.save_button if self.save_button.isEnabled() else self.about_box
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_screen(self) -> None:
        """As tall as the choices need, but never taller than the screen it opens on."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        hint = self.sizeHint()
        body = self.body.sizeHint()
        width = min(max(hint.width(), body.width() + 40, 560), screen.width() - 40)
        height = min(body.height() + self.buttons.sizeHint().height() + 48, screen.height() - 60)
        self.resize(width, height)

    def options(self) -> PaperOptions:
        """The choices as they stand."""
        return PaperOptions(
            large_print=self.print_choices.large_print(),
            paper=self.print_choices.paper(),
            about=self.about_box.isChecked(),
            area_ids=tuple(a for a, box in self.area_boxes.items() if box.isChecked()),
        )

    def _parts_changed(self) -> None:
        ticked = any(box.isChecked() for box in self.part_boxes())
        self.save_button.setEnabled(ticked)
        self.nothing.setVisible(not ticked)
        self._name_tick_button()

    def _all_ticked(self) -> bool:
        return all(box.isChecked() for box in self.part_boxes())

    def _name_tick_button(self) -> None:
        t = self.ctx.t
        key = "untick_all" if self._all_ticked() else "tick_all"
        self.tick_button.setText(t(f"ui.paper_checklist.{key}"))
        self.tick_button.setAccessibleName(t(f"ui.paper_checklist.{key}_name"))
        self.tick_button.setAccessibleDescription(t("ui.paper_checklist.tick_description"))

    def _tick_all_or_none(self) -> None:
        ticked = not self._all_ticked()
        for box in self.part_boxes():
            box.setChecked(ticked)


class PaperChecklistBox(ButtonWithStatus):
    """Asks what goes on paper, saves the paper checklist (report.blank) where the person says,
    then offers to open it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.button.clicked.connect(self.choose)
        self.dialog: PaperChecklistDialog | None = None  # made when first asked for
        self.saved: Path | None = None

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        t = self.ctx.t
        self.button.setText(t("ui.paper_checklist.button"))
        self.button.setAccessibleName(t("ui.paper_checklist.button_name"))
        self.button.setAccessibleDescription(t("ui.paper_checklist.button_description"))
        self.button.setToolTip(t("ui.paper_checklist.button_description"))
        if self.saved is not None:
            self.tell(t("ui.paper_checklist.saved", path=self.saved))
        if self.dialog is not None:
            self.dialog.retranslate()

    def choose(self) -> PaperChecklistDialog:
        """Open the choices (window-modal); Save there goes on to ``save``."""
        if self.dialog is None:
            self.dialog = PaperChecklistDialog(self.ctx, self.window())
            self.dialog.accepted.connect(self._chosen)
        self.dialog.prepare()
        self.dialog.open()
        return self.dialog

    def _chosen(self) -> None:
        if self.dialog is not None:
            self.save(self.dialog.options())

    def default_options(self) -> PaperOptions:
        """Everything on paper, in the print size and on the paper the save page starts from."""
        return PaperOptions(
            large_print=large_print_default(self.ctx.settings),
            paper=default_paper(),
            about=True,
            area_ids=tuple(self.ctx.checklist.area_ids()),
        )

    def save(self, options: PaperOptions | None = None) -> Path | None:
        """Ask where, write the paper checklist there and offer to open it; the path when saved.

        ``options`` None: everything, as ``default_options``.
        """
        # Imported here: the start page shows without the report package (reportlab).
        from homecheck.report.blank import render_blank

        options = options or self.default_options()
        t, dialogs = self.ctx.t, self.ctx.dialogs
        today = _dt.date.today().isoformat()
        name = default_file_name(t("ui.paper_checklist.file_name"), "", today, ".pdf")
        path = dialogs.ask_save_path(
            self,
            t("ui.paper_checklist.save_title"),
            name,
            t("ui.finish.pdf_filter"),
            kind=FileKind.ACTION_LISTS,
        )
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = render_blank(
                self.ctx.checklist,
                self.ctx.language,
                options.area_ids,
                paper=options.paper,
                large_print=options.large_print,
                about=options.about,
            )
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
        question = t("ui.paper_checklist.open_question", path=path)
        wanted = dialogs.ask_yes_no(self, t("ui.paper_checklist.open_title"), question)
        if wanted and not dialogs.open_file(path):
            message = t("ui.finish.open_error", path=path)
            dialogs.error(self, t("ui.finish.error_title"), message)
        return path
