"""The client list: search as you type, add, rename and delete (with confirmation)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from homecheck.domain.textrules import MAX_LABEL
from homecheck.store import clients
from homecheck.store.clients import ClientInfo
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Hook
from homecheck.ui.read_only import mark_writes
from homecheck.ui.widgets.flow_layout import FlowLayout
from homecheck.ui.widgets.jump_list import JumpList
from homecheck.ui.widgets.labels import plain_label

CLIENT_ROLE = Qt.ItemDataRole.UserRole
# A list of 10,000 clients is not read by scrolling: it shows the most recent ones, and typing
# part of a name finds any other. Keeps the list (and each search key) as fast with ten years of
# clients as with ten.
SHOWN_AT_MOST = 100


class ClientList(QWidget):
    """Shows the store's clients; the chosen one is ``client_id`` (None when none is chosen)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: Hook[int | None] = Hook()  # the chosen client changed
        # Typing in the search chose another client (the first match): fired at every such key,
        # so a listener that does more than remember the choice waits for the typing to pause.
        self.narrowed: Hook[int | None] = Hook()
        self.activated: Hook[int] = Hook()  # Enter or double-click on a client
        self.client_id: int | None = None
        self.clients: list[ClientInfo] = []  # every client the search matches, in order
        self._rows: list[ClientInfo] = []  # the ones listed (at most SHOWN_AT_MOST of them)
        self._all: list[ClientInfo] = []  # every client, read once per change
        self._folded: list[str] = []  # their labels, casefolded once, for the search
        self._texts: dict[int, str] = {}  # a listed client's row text, made when first listed
        self.role = "therapist"  # wording of the list heading: clients, or the people you help
        self.search_label = plain_label()
        self.search_edit = QLineEdit(self)
        self.search_edit.setMaxLength(MAX_LABEL)
        self.search_label.setBuddy(self.search_edit)
        self.list_heading = plain_label(role="heading")
        self.list = JumpList(self)
        self.list_heading.setBuddy(self.list)
        self.empty = plain_label(role="muted")
        self.more = plain_label(role="muted")  # "the 100 most recent of 10,000 ..."
        self.add_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        buttons = QWidget(self)
        flow = FlowLayout(buttons, spacing=10)
        for button in (self.add_button, self.rename_button, self.delete_button):
            button.setAutoDefault(False)
            theme.touch_target(button)
            flow.addWidget(button)
        self.search_edit.textChanged.connect(lambda _text: self._search(typed=True))
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.itemActivated.connect(self._activated)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        mark_writes(ctx, self.add_button, self.rename_button, self.delete_button)
        search = QHBoxLayout()
        search.addWidget(self.search_label)
        search.addWidget(self.search_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.list_heading)
        layout.addLayout(search)
        layout.addWidget(self.list)
        layout.addWidget(self.more)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

    def retranslate(self) -> None:
        """Set every text in the interface language (the list itself too)."""
        t = self.ctx.t
        self.search_label.setText(t("ui.clients.search"))
        self.search_edit.setAccessibleName(t("ui.clients.search_name"))
        self.search_edit.setAccessibleDescription(t("ui.clients.search_description"))
        heading = "ui.clients.list_caregiver" if self.role == "caregiver" else "ui.clients.list"
        self.list_heading.setText(t(heading))
        self.list.setAccessibleName(t(f"{heading}_name"))
        self.list.setAccessibleDescription(t("ui.clients.list_description"))
        for button, key in ((self.add_button, "add"), (self.rename_button, "rename"),
                            (self.delete_button, "delete")):
            button.setText(t(f"ui.clients.{key}"))
            button.setAccessibleName(t(f"ui.clients.{key}_name"))
            button.setAccessibleDescription(t(f"ui.clients.{key}_description"))
        self.refresh()

    # -- the list --------------------------------------------------------------------------

    def refresh(self, keep: int | None = None) -> None:
        """Read the clients again (after a change) and list those the search matches."""
        self._all = clients.list_clients(self.ctx.session.store)  # one query
        self._folded = [info.label.strip().casefold() for info in self._all]
        self._texts = {}
        self._rows = []
        keep = self.client_id if keep is None else keep
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self._search(keep)

    def _row_text(self, info: ClientInfo) -> str:
        text = self._texts.get(info.id)
        if text is None:
            t = self.ctx.t
            if info.checks and info.last_date:
                when = t("ui.clients.checks", count=info.checks, date=self.ctx.date(info.last_date))
            else:
                when = t("ui.clients.no_checks")
            text = self._texts[info.id] = f"{info.label}\n{when}"  # a list item is plain text
        return text

    def _search(self, keep: int | None = None, *, typed: bool = False) -> None:
        """List the clients whose label contains the search text (ignoring case); when none
        does, those whose label contains every typed word: "jansen beuk" finds
        "Mevr. H. Jansen, Beukenhof 9", while "jansen 1" still lists only "Jansen 1…".

        A key reads nothing from the store; the rows are made again only when the listed
        clients change, and there are never more than SHOWN_AT_MOST of them.
        """
        search = self.search_edit.text()
        wanted = search.strip().casefold()
        self.clients = [info for info, label in zip(self._all, self._folded, strict=True)
                        if wanted in label]
        words = wanted.split()
        if not self.clients and len(words) > 1:
            self.clients = [info for info, label in zip(self._all, self._folded, strict=True)
                            if all(word in label for word in words)]
        keep = self.client_id if keep is None else keep
        listed = self.clients[:SHOWN_AT_MOST]
        if keep not in [info.id for info in listed]:
            kept = [info for info in self.clients if info.id == keep]
            if kept:  # the chosen client stays in view even when older than the ones listed
                listed = [*listed[: SHOWN_AT_MOST - 1], kept[0]]
        if [info.id for info in listed] != [info.id for info in self._rows]:
            self.list.blockSignals(True)
            self.list.clear()
            for info in listed:
                entry = QListWidgetItem(self._row_text(info))
                entry.setData(CLIENT_ROLE, info.id)
                self.list.addItem(entry)
            self.list.blockSignals(False)
            self._rows = listed
        ids = [info.id for info in listed]
        # Typing a name narrows the list; the first match is then the natural choice.
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.list.fit_rows(5)
        self.list.setVisible(bool(ids))
        self.empty.setVisible(not ids)
        hidden = len(self.clients) - len(listed)
        self.more.setVisible(hidden > 0)
        if hidden > 0:
            self.more.setText(self.ctx.t("ui.clients.more", shown=len(listed),
                                         total=len(self.clients)))
        if not ids:
            key = "ui.clients.none_found" if search.strip() else "ui.clients.empty"
            self.empty.setText(self.ctx.t(key, search=search.strip()))
        self._row_changed(row, typed=typed)

    def forget(self) -> None:
        """Show an empty list without reading the store (after everything was deleted)."""
        self.client_id = None
        self.clients = []
        self._all, self._folded, self._rows, self._texts = [], [], [], {}
        self.more.setVisible(False)
        self.list.clear()
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)

    def _row_changed(self, row: int, *, typed: bool = False) -> None:
        chosen = self._rows[row].id if 0 <= row < len(self._rows) else None
        changeable = chosen is not None and not self.ctx.session.read_only
        self.rename_button.setEnabled(changeable)
        self.delete_button.setEnabled(changeable)
        if chosen != self.client_id:
            self.client_id = chosen
            (self.narrowed if typed else self.chosen)(chosen)

    def _activated(self, entry: QListWidgetItem) -> None:
        self.activated(int(entry.data(CLIENT_ROLE)))

    def label_of(self, client_id: int | None) -> str:
        """The label of a listed client ("" when not listed)."""
        return next((c.label for c in self.clients if c.id == client_id), "")

    def choose(self, client_id: int) -> None:
        """Show and choose one client (the search is cleared when it hides them)."""
        self.refresh(keep=client_id)
        if self.client_id != client_id:
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.refresh(keep=client_id)

    # -- changes ---------------------------------------------------------------------------

    def add(self) -> int | None:
        """Ask for a label and add a client; return the new id (None when cancelled)."""
        t = self.ctx.t
        label = self.ctx.dialogs.ask_text(
            self, t("ui.clients.add_title"), t("ui.clients.label_prompt"), ""
        )
        if label is None or not label.strip():
            return None
        new_id = clients.add_client(self.ctx.session.store, label)
        self.choose(new_id)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        return new_id

    def rename(self) -> bool:
        """Ask for a new label for the chosen client; True when renamed."""
        t, session = self.ctx.t, self.ctx.session
        if self.client_id is None:
            return False
        old = self.label_of(self.client_id)
        label = self.ctx.dialogs.ask_text(
            self, t("ui.clients.rename_title"), t("ui.clients.label_prompt"), old
        )
        if label is None or not label.strip() or label.strip() == old:
            return False
        clients.rename_client(session.store, self.client_id, label)
        if session.client_id == self.client_id and session.check_id is not None:
            # The open check carries the label too; without this the next save would undo it.
            a = session.assessment
            session.set_header(a.role, label.strip(), a.assessor)
        self.refresh()
        return True

    def delete(self) -> bool:
        """Delete the chosen client with all their checks, after a clear question."""
        t, session, dialogs = self.ctx.t, self.ctx.session, self.ctx.dialogs
        client_id = self.client_id
        if client_id is None:
            return False
        label = self.label_of(client_id)
        if session.client_id == client_id and session.check_id is not None:
            dialogs.error(self, t("ui.clients.delete_title"), t("ui.clients.delete_open",
                                                                 client=label))
            return False
        checks = session.store.list_checks(client_id)
        question = t("ui.clients.delete_question", client=label, checks=len(checks))
        from homecheck.ui.check_copy import save_check_copy

        if not dialogs.confirm_delete(
            self, t("ui.clients.delete_title"), question,
            save_copy=lambda: all(
                save_check_copy(self.ctx, self, c.id, c.date) for c in checks
            ),
            save_label=t("ui.clients.save_copy_first"),
        ):
            return False
        from homecheck.session.photos import referenced
        from homecheck.ui import photo_files  # here: the window shows without it

        photos = [p for c in checks for p in referenced(session.store.load_check(c.id))]
        clients.delete_client(session.store, client_id)
        photo_files.forget_unused(session.store, photos)
        self.client_id = None
        self.refresh()
        return True
