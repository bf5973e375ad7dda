"""Looking without changing: the banner's text and the controls that write.

A store that can be read but not written opens read-only (homecheck.ui.main_window), and a
store deleted by another homecheck becomes read-only the moment a write finds it gone. Then
every control that would change something is locked — disabled, or for text boxes made
read-only so the text can still be read and copied — and the banner at the top of each page
says why. Browsing clients and checks, saving a PDF and saving the check as a file still work.
The session refuses every write as well (homecheck.session.store_guard), so a control that was
missed is refused with the same message instead of changing anything.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from homecheck.store.paths import read_only_reason
from homecheck.ui.context import UiContext

if TYPE_CHECKING:
    from homecheck.ui.wizard import HomeWizard

WRITES = "writes"  # the property that marks a control which changes what is stored


def mark_writes(ctx: UiContext, *widgets: QWidget) -> None:
    """Mark controls that change what is stored; locked at once when nothing can be changed."""
    for widget in widgets:
        widget.setProperty(WRITES, True)
        if ctx.session.read_only:
            _lock(widget, True)


def lock_writes(root: QWidget, locked: bool = True) -> None:
    """Lock (or unlock) every marked control inside ``root``."""
    for widget in root.findChildren(QWidget):
        if widget.property(WRITES):
            _lock(widget, locked)


def mark_inputs(ctx: UiContext, root: QWidget) -> None:
    """Mark every input inside ``root`` (a page that is one form: about you, your home)."""
    inputs = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit)
    mark_writes(ctx, *[w for w in root.findChildren(QWidget) if isinstance(w, inputs)])


def _lock(widget: QWidget, locked: bool) -> None:
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        widget.setReadOnly(locked)  # still readable, selectable and reachable by Tab
    else:
        widget.setEnabled(not locked)


def banner_texts(ctx: UiContext) -> tuple[str, str]:
    """(title, reason and what to do) of the read-only banner and of every refusal."""
    t, session = ctx.t, ctx.session
    if session.store_gone:
        reason = t("ui.read_only.reason_gone")
    else:
        reason = t(f"ui.read_only.reason_{read_only_reason(session.store.path)}")
    return t("ui.read_only.banner"), reason


def install_store_error_dialog(wizard: HomeWizard) -> Callable[[], None]:
    """Show a store that became unwritable in the middle of the work as a plain dialog.

    A write refused because the store is read-only or was deleted by another homecheck
    raises StoreReadOnly or StoreGone wherever it happens, mostly inside a Qt slot, where
    PySide6 passes it to ``sys.excepthook``: that would print a traceback and the person would
    see nothing. Here it becomes a dialog (the answers on screen kept, an offer to save them
    as a file); anything else goes to the previous hook. Returns the function that puts the
    previous hook back.
    """
    from homecheck.store.errors import StoreGone, StoreReadOnly

    previous = sys.excepthook
    told_gone = False  # the store was deleted elsewhere and the person was told

    def store_problem(error: StoreGone | StoreReadOnly) -> None:
        # Say so plainly, keep the answers on screen, offer to save them as a file.
        nonlocal told_gone
        t, dialogs = wizard.ctx.t, wizard.ctx.dialogs
        if isinstance(error, StoreGone) and not told_gone:
            told_gone = True
            show_read_only(wizard)
            if dialogs.ask_yes_no(wizard, t("ui.read_only.gone_title"),
                                  t("ui.read_only.gone_question")):  # fmt: skip
                wizard.save_as_file()
            return
        title, reason = banner_texts(wizard.ctx)
        dialogs.inform(wizard, title, reason)
        show_read_only(wizard)
        # The control that was refused may show the change: show what is stored again.
        for page in wizard.pages_by_id.values():
            if page.built:
                page.reload()

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, (StoreGone, StoreReadOnly)) and isValid(wizard):
            store_problem(error)
            return
        previous(kind, error, tb)

    sys.excepthook = hook

    def uninstall() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return uninstall


def show_read_only(wizard: HomeWizard) -> None:
    """Nothing can be saved any more: the banner on every page, every control that would
    change something locked (pages not built yet lock theirs when they are built)."""
    for page in wizard.pages_by_id.values():
        page.refresh_banner()
    lock_writes(wizard)
