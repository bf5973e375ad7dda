"""The wizard by keyboard: its shortcuts, Tab from a page to the buttons, and Enter."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton, QWidget, QWizard

if TYPE_CHECKING:
    from homecheck.ui.pages.base import BasePage
    from homecheck.ui.wizard import HomeWizard

WB = QWizard.WizardButton


def add_shortcuts(wizard: HomeWizard) -> None:
    """The text-size keys, Ctrl+Z for the last answer and F1 for help, on every page."""
    # The text-size keys work on every page, from the moment the window exists.
    for sequence, slot in (
        (QKeySequence.StandardKey.ZoomIn, wizard.larger_text),
        (QKeySequence("Ctrl+="), wizard.larger_text),
        (QKeySequence.StandardKey.ZoomOut, wizard.smaller_text),
        (QKeySequence("Ctrl+0"), wizard.reset_text),
    ):
        shortcut = QShortcut(sequence, wizard)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
    # Ctrl+Z takes back the last answer change, on whatever page it was. A text box with
    # focus takes Ctrl+Z first and undoes its own typing.
    undo = QShortcut(QKeySequence.StandardKey.Undo, wizard)
    undo.activated.connect(wizard.undo_answer)
    QShortcut(QKeySequence(Qt.Key.Key_F1), wizard).activated.connect(wizard.show_help)


def chain_buttons_after(wizard: QWizard, page: BasePage) -> None:
    """Tab goes through the page first, then Back, Next or Finish and Stop."""
    # The pages build their widgets after the wizard made its buttons, which would put the
    # page's last controls (a room's area note) out of reach from the buttons.
    last = page.last_in_tab_chain()
    if last is None:
        return
    chain = [last] + [
        wizard.button(which)
        for which in (WB.BackButton, WB.NextButton, WB.FinishButton, WB.CancelButton)
    ]
    for before, after in itertools.pairwise(chain):
        QWidget.setTabOrder(before, after)


def button_for_enter(window: QWidget, event: QKeyEvent) -> QPushButton | None:
    """The button that Enter presses, as Space does: the one with keyboard focus.

    None when no button has focus: then Enter goes to the wizard's default button (Next, or
    Finish at the end). Answer buttons are the exception: they answer with their digit, and
    Enter there goes on as before, so a question skipped with Enter is never answered by
    accident."""
    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or (
        event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    ):
        return None
    focused = QApplication.focusWidget()
    if (
        isinstance(focused, QPushButton)
        and focused.isEnabled()
        and focused.property("answer") is None
        and focused.isVisible()
        and window.isAncestorOf(focused)
    ):
        return focused
    return None
