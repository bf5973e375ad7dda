"""The client page's list of the chosen client's checks, a line each (date, state, who, score,
open actions), with the buttons that open or delete the chosen one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from homecheck.session.history import CheckSummary
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Trigger
from homecheck.ui.read_only import mark_writes
from homecheck.ui.widgets.flow_layout import FlowLayout
from homecheck.ui.widgets.jump_list import JumpList
from homecheck.ui.widgets.labels import plain_label

CHECK_ROLE = Qt.ItemDataRole.UserRole


class ClientChecks(QWidget):
    """Shows the checks the page gives it; the page opens or deletes the chosen one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.open_requested = Trigger()  # Open, or Enter or a double click on a check
        self.delete_requested = Trigger()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)  # as the page's own
        self.heading = plain_label(role="heading")
        self.list = JumpList(self)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.list.itemActivated.connect(lambda _item: self.open_requested())
        self.no_checks = plain_label(role="muted")
        self.open_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        row = QWidget(self)
        flow = FlowLayout(row, spacing=10)
        for button in (self.open_button, self.delete_button):
            flow.addWidget(button)
            button.setAutoDefault(False)
            theme.touch_target(button)
        self.open_button.clicked.connect(lambda: self.open_requested())
        self.delete_button.clicked.connect(lambda: self.delete_requested())
        mark_writes(ctx, self.delete_button)
        for widget in (self.heading, self.list, self.no_checks, row):
            layout.addWidget(widget)

    def retranslate(self) -> None:
        """Set the texts that do not depend on the client in the interface language."""
        t = self.ctx.t
        for button, key in ((self.open_button, "open"), (self.delete_button, "delete_check")):
            button.setText(t(f"ui.clients.{key}"))
            button.setAccessibleName(t(f"ui.clients.{key}_name"))
            button.setAccessibleDescription(t(f"ui.clients.{key}_description"))
        self.list.setAccessibleName(t("ui.clients.checks_name"))
        self.list.setAccessibleDescription(t("ui.clients.checks_description"))

    def show_checks(self, client: str | None, checks: list[CheckSummary]) -> None:
        """The checks of the client labelled ``client`` (None: nobody is chosen), the newest
        first and chosen."""
        t = self.ctx.t
        self.heading.setText(t("ui.clients.checks_heading", client=client or ""))
        self.heading.setVisible(client is not None)
        self.list.clear()
        for check in checks:
            entry = QListWidgetItem(self._check_text(check))
            entry.setData(CHECK_ROLE, check.id)
            self.list.addItem(entry)
        if checks:
            self.list.setCurrentRow(0)
        self.list.fit_rows(4)
        self.list.setVisible(bool(checks))
        self.no_checks.setText(t("ui.clients.no_checks_yet"))
        self.no_checks.setVisible(client is not None and not checks)
        self._enable()

    def chosen(self) -> int | None:
        """The id of the chosen check (None when the list is empty)."""
        entry = self.list.currentItem()
        return int(entry.data(CHECK_ROLE)) if entry is not None else None

    def _check_text(self, check: CheckSummary) -> str:
        t = self.ctx.t
        who = check.assessor or t(f"role.{check.role}")
        if check.finished:
            state = t("ui.clients.finished")
        else:
            state = t("ui.clients.unfinished", answered=self.ctx.answered(check.answered))
        score = (t("ui.clients.score", score=check.score) if check.score is not None
                 else t("ui.clients.no_score"))
        actions = t("ui.clients.open_actions", count=check.open_actions)
        return t("ui.clients.check_line", date=self.ctx.date(check.date), state=state, who=who,
                 score=score, actions=actions)

    def _enable(self) -> None:
        # The check under way is not opened again, nor deleted from under the person.
        chosen = self.chosen()
        shown = chosen is not None and chosen != self.ctx.session.check_id
        self.open_button.setVisible(shown)
        self.delete_button.setVisible(shown)
