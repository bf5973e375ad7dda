"""Small helpers shared by the wizard tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from homecheck.ui.wizard import HomeWizard


class KeyDriver:
    """Presses keys on whatever has keyboard focus, and counts them."""

    def __init__(self, qtbot, wizard: HomeWizard) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.wizard = wizard
        self.presses = 0

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has keyboard focus"
        assert self.wizard.isAncestorOf(widget) or widget is self.wizard
        return widget

    def press(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.focused(), key)
        self.presses += 1


def first_room(wizard: HomeWizard):  # type: ignore[no-untyped-def]
    """Go Next until a room page is shown, and return it."""
    from homecheck.ui.pages.room import RoomPage

    while not isinstance(wizard.currentPage(), RoomPage):
        wizard.next()
    return wizard.currentPage()


def choose_role(wizard: HomeWizard, role: str) -> None:
    """Pick who fills in the check on the start page."""
    wizard.start_page.role_radios[role].setChecked(True)


def start_check(wizard: HomeWizard, dialogs, role: str, label: str = "Mum") -> None:  # type: ignore[no-untyped-def]
    """Start a new check as ``role``: for a therapist or caregiver, for a client ``label``
    added to the list; the wizard then shows About you / About the person."""
    choose_role(wizard, role)
    wizard.next()
    if role != "self":
        dialogs.texts = [label]
        wizard.clients_page.client_list.add()
        wizard.next()


def finish_check_for_new_client(wizard: HomeWizard, dialogs, role: str, label: str) -> None:  # type: ignore[no-untyped-def]
    """As a therapist or caregiver: add a client, find one hazard, finish, close the store."""
    start_check(wizard, dialogs, role, label)
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.ctx.dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
    wizard.accept()
    wizard.ctx.session.close()
