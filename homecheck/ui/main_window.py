"""Start-up: the application, settings, the store (recovering from damage) and the wizard."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication

from homecheck.domain.content import checklist
from homecheck.i18n import Catalogue, catalogue
from homecheck.session.session import Session
from homecheck.store.connection import CheckStopped, backup_damaged
from homecheck.store.db import Store
from homecheck.store.errors import StoreDamaged, StoreError
from homecheck.store.migrations import StoreNeedsUpgrade, StoreTooNew
from homecheck.store.paths import DataFolderError, database_path, foreign_store, writable
from homecheck.ui import theme
from homecheck.ui.context import UiContext
from homecheck.ui.dialogs import DialogService, QtDialogs
from homecheck.ui.language import install_qt_translation
from homecheck.ui.read_only import install_store_error_dialog
from homecheck.ui.settings import Settings, desktop_language, load_settings
from homecheck.ui.wizard import HomeWizard

DEFAULT_SIZE = (1180, 860)


def open_store(
    dialogs: DialogService,
    language: str,
    path: Path | None = None,
    *,
    check_integrity: bool = False,
) -> Store | None:
    """Open the store; a damaged one is moved aside (after telling the person) and replaced.

    ``check_integrity``: read the whole file first (the last run did not end cleanly), in a
    thread while a small window says so (homecheck.ui.check_progress); a store of an older
    homecheck is copied and upgraded under such a window too (crash or not), after the one
    full check that needs; the main window follows.
    Returns None only when no store can be opened at all; the person has been told why.
    """
    t = catalogue(language)
    try:
        path = path or database_path()
    except DataFolderError as exc:  # the folder cannot be made or made private
        dialogs.error(None, t("ui.damaged.title"), t("ui.damaged.cannot_open", reason=exc))
        return None
    foreign = foreign_store(path)
    if foreign is not None:  # not damaged, not ours: never moved aside
        dialogs.error(None, t("ui.damaged.title"), t("ui.damaged.cannot_open", reason=foreign))
        return None
    if path.exists() and path.is_file() and not writable(path):
        return _open_read_only(dialogs, t, path)
    try:
        if check_integrity and path.is_file():
            return _open_with_window(path, t, t("ui.checking.after_crash"))
        try:
            return Store(path, upgrade=False)  # a clean start: no window, no thread
        except StoreNeedsUpgrade:  # an older homecheck's store
            return _open_with_window(path, t, t("ui.checking.upgrading"))
    except CheckStopped:  # Ctrl-C during the check: the app is closing; nothing changed
        return None
    except StoreTooNew:
        # Not damaged: a newer homecheck's store. Left exactly as it is.
        dialogs.error(None, t("ui.damaged.title"), t("ui.damaged.too_new", path=path))
        return None
    except StoreDamaged:
        try:
            backup = backup_damaged(path)
        except OSError as exc:
            dialogs.error(None, t("ui.damaged.title"), t("ui.damaged.cannot_move", reason=exc))
            return None
        dialogs.inform(None, t("ui.damaged.title"), t("ui.damaged.moved", backup=backup))
    except StoreError as exc:
        dialogs.error(None, t("ui.damaged.title"), t("ui.damaged.cannot_open", reason=exc))
        return None
    try:
        return Store(path)
    except StoreError as exc:
        dialogs.error(None, t("ui.damaged.title"), t("ui.damaged.cannot_open", reason=exc))
        return None


def _open_with_window(path: Path, t: Catalogue, message: str) -> Store:
    """Read the whole file, and copy and upgrade an older homecheck's store, in a thread while
    a busy window says ``message``; then open it."""
    from homecheck.ui.check_progress import check_with_window

    upgraded = check_with_window(path, t, message)
    store = Store(path)
    if upgraded is not None:
        store.upgraded_from, store.upgrade_backup = upgraded
    return store


def _open_read_only(dialogs: DialogService, t: Catalogue, path: Path) -> Store | None:
    """A store that can be read but not changed (a read-only disk, a file of another user) is
    not damage: it opens read-only (the window says so) and is never moved aside, migrated or
    locked. One that would first need an upgrade gets its own message and is left as it is."""
    try:
        return Store(path, read_only=True)
    except StoreNeedsUpgrade:
        dialogs.error(None, t("ui.damaged.title"), t("ui.read_only.needs_upgrade", path=path))
    except StoreTooNew:
        dialogs.error(None, t("ui.damaged.title"), t("ui.damaged.too_new", path=path))
    except StoreError as exc:  # damaged, or not readable here: left as it is all the same
        dialogs.error(None, t("ui.damaged.title"), t("ui.read_only.cannot_read", reason=exc))
    return None


def ensure_app(argv: Sequence[str] | None = None) -> QApplication:
    """Return the QApplication, creating it (with our names) when there is none yet."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("homecheck")
    QCoreApplication.setApplicationName("homecheck")
    args = list(argv) if argv is not None else list(sys.argv)
    app = QApplication(args or ["homecheck"])
    # Fusion everywhere: the same clear controls on Windows, macOS and Linux. Set once, before
    # any style sheet: replacing the style later deletes the style-sheet proxy that existing
    # widgets still point to.
    app.setStyle(theme.STYLE)
    return app


def create_main_window(
    dialogs: DialogService | None = None,
    settings: Settings | None = None,
    store: Store | None = None,
    *,
    check_integrity: bool = False,
) -> HomeWizard | None:
    """Build the wizard with its store and settings; None when the store cannot be opened.

    Tests pass a fake ``dialogs``; everything else defaults to the real data folder
    (HOMECHECK_DATA_DIR in tests).
    """
    app = ensure_app()
    settings = settings or load_settings(
        default_language=desktop_language(QLocale.system().uiLanguages())
    )
    dialogs = dialogs or QtDialogs(settings)  # remembers folders in the settings
    theme.apply(app, settings.text_size, settings.high_contrast)
    install_qt_translation(settings.language)
    store = store or open_store(dialogs, settings.language, check_integrity=check_integrity)
    if store is None:
        return None
    content = checklist()
    session = Session(store, content, settings.language, opener=lambda: Store(database_path()))
    ctx = UiContext(session, dialogs, settings, content)
    wizard = HomeWizard(ctx)
    wizard.resize(*DEFAULT_SIZE)
    screen = app.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        wizard.resize(
            min(DEFAULT_SIZE[0], available.width()), min(DEFAULT_SIZE[1], available.height())
        )
    return wizard


def _quit_on_signals(
    app: QApplication, owner: QObject | None = None, *, shutdown: bool = False
) -> Callable[[], int | None]:
    """Let Ctrl-C in the terminal end the app at once, with exit status 130 as a shell expects;
    with ``shutdown`` also SIGTERM, what a logout or shutdown sends (exit status 143), so that
    the next start is not taken for one after a crash.

    Every answer is saved already, so the window is not asked to close (that would ask "stop
    the check?"). Python runs signal handlers only between bytecodes and Qt's event loop runs
    in C++: a timer that wakes Python a few times a second lets the handler run. Installed
    before the first message box of the start-up (a damaged store, a read-only one), whose own
    event loop app.exit() ends too; the function returned gives the exit status of the signal
    that came, or None. The waking timer lives as long as ``owner`` (default: the app).
    """
    import signal

    received: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        received.append(128 + signum)
        app.exit(received[0])

    signal.signal(signal.SIGINT, stop)
    if shutdown:
        signal.signal(signal.SIGTERM, stop)
    wake = QTimer(owner or app)
    wake.timeout.connect(lambda: None)
    wake.start(250)
    return lambda: received[0] if received else None


def tell_already_open() -> bool:
    """Say in a dialog that homecheck is already open on this computer (a second start).

    True when Ctrl-C in the terminal ended the dialog.
    """
    import signal

    from PySide6.QtWidgets import QMessageBox

    app = ensure_app()
    t = catalogue(load_settings().language)
    box = QMessageBox(QMessageBox.Icon.Information, t("ui.already_open.title"),
                      t("ui.already_open.text"))
    box.setObjectName("already_open")
    previous = signal.getsignal(signal.SIGINT)
    interrupted = _quit_on_signals(app, owner=box)
    try:
        box.exec()
    finally:
        if previous is not None:  # None: a handler not set from Python, nothing to put back
            signal.signal(signal.SIGINT, previous)
    return interrupted() is not None


def run_app(
    argv: Sequence[str] | None = None,
    *,
    check_integrity: bool = False,
    open_path: Path | None = None,
) -> int:
    """Open the wizard and run until it is closed; the exit code for the shell.

    ``check_integrity``: the last run did not end cleanly, so the store is checked in full.
    ``open_path``: a check file to open as a new check once the window shows (a file manager's
    "Open with homecheck").
    """
    app = ensure_app(argv)
    stopped = _quit_on_signals(app, shutdown=True)
    wizard = create_main_window(check_integrity=check_integrity)
    signalled = stopped()
    if signalled is not None:  # during a start-up message
        if wizard is not None:
            wizard.ctx.session.close()
        return signalled
    if wizard is None:
        return 1
    wizard.show()
    # A store that cannot be written any more (deleted by another homecheck, read-only):
    # a plain dialog instead of a traceback on stderr.
    uninstall = install_store_error_dialog(wizard)
    if open_path is not None:
        open_box = wizard.start_page.open_box
        QTimer.singleShot(0, lambda: open_box.open_path(open_path))
    code = app.exec()
    uninstall()
    wizard.ctx.session.close()
    # Delete the window while Qt and Python are both still complete: left to interpreter
    # shutdown, PySide6 6.12 can abort ("bool_dealloc") after a full check was shown.
    wizard.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del wizard
    return int(code)
