"""The start page's "Open a saved check file…" button, with a line that says what was opened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Hook
from homecheck.ui.read_only import mark_writes
from homecheck.ui.widgets.button_status import ButtonWithStatus

if TYPE_CHECKING:
    from homecheck.ui.check_import import Opened


class OpenCheckBox(ButtonWithStatus):
    """Opens a file saved with "Save the answers" as a new check (see check_import)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.opened: Hook[Opened] = Hook()  # after a file was stored and loaded as a check
        self.last: Opened | None = None
        self.button.clicked.connect(self.open_file)
        mark_writes(ctx, self.button)  # it stores the file as a new check

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        t = self.ctx.t
        self.button.setText(t("ui.open_check.open"))
        self.button.setAccessibleName(t("ui.open_check.open_name"))
        self.button.setAccessibleDescription(t("ui.open_check.open_description"))
        if self.last is not None:
            self.tell(
                t("ui.open_check.opened", file=self.last.path.name,
                  date=self.ctx.date(self.last.date))
            )

    def forget(self) -> None:
        """Everything was deleted: no longer say what was opened."""
        self.last = None
        super().forget()

    def open_file(self) -> Opened | None:
        """Ask for a file and open it as a new check; what was opened, or None."""
        return self.open_path(None)

    def open_path(self, path: Path | None) -> Opened | None:
        """Open this check file (asked for when None) as a new check; what was opened, or None.

        A file given to the app ("Open with homecheck" in a file manager) comes in here.
        """
        # Imported here: the format reader is not needed to show the start page.
        from homecheck.ui.check_import import open_check_file, tell_left_out

        opened = open_check_file(self.ctx, self, path)
        if opened is None:
            return None
        self.last = opened
        self.retranslate()
        self.opened(opened)
        tell_left_out(self.ctx, self, opened)
        return opened
