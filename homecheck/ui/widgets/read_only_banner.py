"""The banner at the top of every page while nothing can be changed (homecheck.ui.read_only)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Trigger
from homecheck.ui.widgets.labels import plain_label


class ReadOnlyBanner(QFrame):
    """ "You can look, but not change anything", the reason, and what to do. Hidden until the
    store turns out to be read-only (at start-up, or deleted by another homecheck).

    The reason and the save button are one widget, ``details``, which a short page (200 %
    scaling on a laptop) puts at the top of its scroll body: only the title stays above it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("read_only_banner")
        self.save_requested = Trigger()  # "Save this check as a file" (store deleted elsewhere)
        self.title = plain_label(role="question")
        self.reason = plain_label(role="details")
        self.save_button = QPushButton(self)
        self.save_button.setAutoDefault(False)
        theme.touch_target(self.save_button)
        self.save_button.clicked.connect(lambda: self.save_requested())
        self.details = QWidget(self)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.reason)
        details.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        self.refresh()

    def refresh(self) -> None:
        """Show or hide the banner as the session is now; texts in the interface language."""
        session, t = self.ctx.session, self.ctx.t
        self.save_button.setText(t("ui.read_only.save_as_file"))
        self.save_button.setAccessibleName(t("ui.read_only.save_as_file").rstrip("…"))
        self.save_button.setAccessibleDescription(t("ui.read_only.save_as_file_description"))
        shown = session.read_only
        self.setVisible(shown)
        self.details.setVisible(shown)  # also where it is not inside the banner
        if not shown:
            return
        from homecheck.ui.read_only import banner_texts

        title, reason = banner_texts(self.ctx)
        self.title.setText(title)
        self.reason.setText(reason)
        self.setAccessibleName(title)
        self.setAccessibleDescription(reason)
        self.save_button.setVisible(session.store_gone)
