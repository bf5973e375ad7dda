"""Your data: where homecheck keeps it (shown, and opened on request), a backup of it to take
to a new computer (and back), and deleting all of it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QVBoxLayout, QWidget

from homecheck.store.paths import data_dir
from homecheck.ui import theme
from homecheck.ui.announce import announce
from homecheck.ui.context import UiContext
from homecheck.ui.hooks import Trigger
from homecheck.ui.read_only import mark_writes
from homecheck.ui.settings import FileKind
from homecheck.ui.widgets.labels import CLOSED, OPEN, breakable_path, plain_label


class PrivacyBox(QWidget):
    """Plain buttons on the start page; the folder is shown, and copied with a button."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.deleted = Trigger()  # after everything was deleted: the wizard starts afresh
        self.restored = Trigger()  # after a backup was restored: the wizard reads it
        self.heading = plain_label(role="heading")
        self.text = plain_label(role="muted")
        self.where_button = QPushButton(self)
        self.where_button.setCheckable(True)
        self.where_button.setProperty("kind", "toggle")
        self.folder_help = plain_label()
        # A path has few spaces to wrap at: shown with a break after each separator
        # (breakable_path). Not selectable, as what was selected would carry those breaks along:
        # the copy button copies the path itself.
        self.folder_path = plain_label()
        self.copy_button = QPushButton(self)
        self.copied = plain_label(role="muted")  # "copied", under the button
        self.open_button = QPushButton(self)
        self.backup_button = QPushButton(self)
        self.restore_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.status = plain_label()
        for button in (self.where_button, self.copy_button, self.open_button,
                       self.backup_button, self.restore_button, self.delete_button):
            button.setAutoDefault(False)
            theme.touch_target(button)
        self.where_button.toggled.connect(self._show_folder)
        self.copy_button.clicked.connect(self.copy_path)
        self.open_button.clicked.connect(self.open_folder)
        self.backup_button.clicked.connect(self.backup)
        self.restore_button.clicked.connect(self.restore)
        self.delete_button.clicked.connect(self.delete_all)
        mark_writes(ctx, self.restore_button, self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addWidget(self.where_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.folder_help)
        layout.addWidget(self.folder_path)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.copied)
        for button in (self.open_button, self.backup_button, self.restore_button,
                       self.delete_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        self._show_folder(False)
        self.status.setVisible(False)

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        t = self.ctx.t
        self.heading.setText(t("ui.privacy.heading"))
        self.text.setText(t("ui.privacy.text"))
        arrow = OPEN if self.where_button.isChecked() else CLOSED
        self.where_button.setText(f"{arrow} {t('ui.privacy.where')}")
        self.where_button.setAccessibleName(t("ui.privacy.where_name"))
        self.where_button.setAccessibleDescription(t("ui.privacy.where_description"))
        self.folder_help.setText(t("ui.privacy.folder_help"))
        self.folder_path.setAccessibleName(t("ui.privacy.folder_name"))
        self.copy_button.setText(t("ui.privacy.copy"))
        self.copy_button.setAccessibleName(t("ui.privacy.copy_name"))
        self.copy_button.setAccessibleDescription(t("ui.privacy.copy_description"))
        if not self.copied.isHidden():
            self.copied.setText(self._copied_text())
        self.open_button.setText(t("ui.privacy.open"))
        self.open_button.setAccessibleName(t("ui.privacy.open_name"))
        self.open_button.setAccessibleDescription(t("ui.privacy.open_description"))
        for button, key in ((self.backup_button, "backup"), (self.restore_button, "restore")):
            button.setText(t(f"ui.privacy.{key}"))
            button.setAccessibleName(t(f"ui.privacy.{key}_name"))
            button.setAccessibleDescription(t(f"ui.privacy.{key}_description"))
        self.delete_button.setText(t("ui.privacy.delete"))
        self.delete_button.setAccessibleName(t("ui.privacy.delete_name"))
        self.delete_button.setAccessibleDescription(t("ui.privacy.delete_description"))

    def _show_folder(self, shown: bool) -> None:
        if shown:
            folder = str(data_dir())
            self.folder_path.setText(breakable_path(folder))
            self.folder_path.setAccessibleDescription(folder)  # read out without the breaks
        for widget in (self.folder_help, self.folder_path, self.copy_button, self.open_button,
                       self.backup_button, self.restore_button):
            widget.setVisible(shown)
        self.copied.setVisible(False)  # said after copying, until the panel folds
        self.retranslate()
        if shown:
            # The panel opens at the bottom of the page: bring it into view once laid out.
            QTimer.singleShot(0, self._scroll_into_view)

    def _scroll_into_view(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and self.open_button.isVisible():
            parent.ensureWidgetVisible(self.open_button, 20, 20)

    def copy_path(self) -> None:
        """Put the data folder's path on the clipboard, to paste into a file manager or a
        message, and say so."""
        QGuiApplication.clipboard().setText(str(data_dir()))
        self.copied.setText(self._copied_text())
        self.copied.setVisible(True)
        announce(self.copy_button, self.copied.text())  # else a screen reader hears nothing

    def _copied_text(self) -> str:
        """ "The path is copied. Paste it with Ctrl+V." (⌘V on a Mac)."""
        paste = QKeySequence(QKeySequence.StandardKey.Paste)
        keys = paste.toString(QKeySequence.SequenceFormat.NativeText)
        return self.ctx.t("ui.privacy.copied", paste=keys)

    def open_folder(self) -> None:
        """Open the data folder in the file manager (said in words when that is not possible)."""
        folder = data_dir()
        if not self.ctx.dialogs.open_file(folder):
            t = self.ctx.t
            self.ctx.dialogs.error(
                self, t("ui.privacy.title"), t("ui.privacy.open_error", path=folder)
            )

    def backup(self) -> bool:
        """Ask where, then save the whole store with its photos in one zip; True when saved."""
        import datetime as _dt

        from homecheck.store.backup import Summary, make_backup
        from homecheck.store.db import Store
        from homecheck.store.errors import StoreError
        from homecheck.ui.check_progress import run_with_window

        t, ctx = self.ctx.t, self.ctx
        name = f"homecheck-backup-{_dt.date.today().isoformat()}.zip"
        path = ctx.dialogs.ask_save_path(
            self, t("ui.privacy.backup_title"), name, t("ui.privacy.backup_filter"),
            kind=FileKind.BACKUPS,
        )
        if path is None:
            return False
        store, folder = ctx.session.store, data_dir()

        def backup_in_thread() -> Summary:
            # Its own connection: an SQLite connection never crosses threads.
            own = Store(store.path, read_only=store.read_only)
            try:
                return make_backup(own, folder, path)
            finally:
                own.close()

        try:
            # A store deleted or replaced by another homecheck: said so, and no new, empty
            # store made by opening its path again.
            store.ensure_present()
            summary = run_with_window(backup_in_thread, t, t("ui.checking.before_backup"),
                                      parent=self.window())  # fmt: skip
        except (StoreError, OSError) as exc:
            ctx.dialogs.error(self, t("ui.privacy.title"),
                              t("ui.privacy.backup_error", reason=_reason(exc)))
            return False
        ctx.dialogs.inform(self, t("ui.privacy.title"), t(
            "ui.privacy.backup_made", path=path, checks=summary.checks,
            clients=summary.clients, photos=summary.photos))
        return True

    def restore(self) -> bool:
        """Bring back a backup into a homecheck that holds no data yet; True when restored."""
        from homecheck.store.backup import BackupError, holds_data, restore_backup
        from homecheck.store.errors import StoreError
        from homecheck.ui.check_progress import run_with_window

        t, ctx = self.ctx.t, self.ctx
        session = ctx.session
        if session.is_open and (session.store.count_checks() or holds_data(data_dir())):
            ctx.dialogs.error(self, t("ui.privacy.title"), t("ui.privacy.restore_not_empty"))
            return False
        path = ctx.dialogs.ask_open_path(
            self, t("ui.privacy.restore_title"), t("ui.privacy.backup_filter"),
            kind=FileKind.BACKUPS,
        )
        if path is None:
            return False
        session.close()  # the restored store replaces the empty one; opened again on first use
        folder = data_dir()
        try:
            summary = run_with_window(lambda: restore_backup(path, folder), t,
                                      t("ui.checking.restoring"), parent=self.window())  # fmt: skip
        except (BackupError, StoreError, OSError) as exc:
            ctx.dialogs.error(self, t("ui.privacy.title"),
                              t("ui.privacy.restore_error", reason=_reason(exc)))
            return False
        self.restored()
        ctx.dialogs.inform(self, t("ui.privacy.title"), t(
            "ui.privacy.restored", checks=summary.checks, clients=summary.clients,
            photos=summary.photos))
        return True

    def delete_all(self) -> bool:
        """Ask, then delete every check, client, photo and setting; True when deleted."""
        t, ctx = self.ctx.t, self.ctx
        checks = ctx.session.store.count_checks()
        question = t("ui.privacy.confirm", checks=checks, path=data_dir())
        if not ctx.dialogs.confirm_delete(self, t("ui.privacy.confirm_title"), question):
            return False
        try:
            ctx.session.delete_everything()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            ctx.dialogs.error(self, t("ui.privacy.title"), t("ui.privacy.delete_error",
                                                                reason=reason))
            return False
        finally:
            from homecheck.ui import photo_files  # here: the start page shows without it

            photo_files.clear_thumbnails()
        # Where files were opened and saved is the person's too: forgotten with the rest.
        ctx.settings.folders.clear()
        self.where_button.setChecked(False)
        self.deleted()
        self.status.setText(t("ui.privacy.deleted"))
        self.status.setVisible(True)
        focus = QApplication.focusWidget()
        if focus is None or not focus.isVisible():
            self.delete_button.setFocus()  # Qt.FocusReason.OtherFocusReason
        return True


def _reason(exc: Exception) -> str:
    """What went wrong, in one line: the system's words for a file error."""
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
