"""Where the person is, for screen readers: a page's heading and its step, said on a page turn.

A page turn moves keyboard focus to the page's first open question, and a screen reader says
that question. What it does not say by itself is which page this is. Two plain Qt means:

- Each page is a named group: role Grouping (given to the page class by an accessibility
  factory, QAccessible.installFactory) and the accessible name "Kitchen, step 5 of 14". When
  the keyboard enters a named group, screen readers say the group's name before the control, in
  the same utterance: Orca 43 said "Keuken, stap 7 van 15 panel. Hier is gevaar check box not
  checked." A page left a plain widget is a "filler" on AT-SPI, whose name Orca never says.
- When the keyboard stays outside the page (Next keeps focus on a room already answered, the
  client already chosen), no group is entered and nothing would be said: then the place is
  announced (QAccessibleAnnouncementEvent: AT-SPI's object:announcement, UI Automation's
  notification, VoiceOver's announcement; Orca reads it from version 45 on). Not on every turn,
  because a screen reader speaks an announcement at once and cuts off the question it is saying.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QApplication, QWidget

from homecheck.ui.pages.base import BasePage

_installed = False


def install() -> None:
    """Make every wizard page a group for screen readers (once per application, before the
    pages are shown: Qt keeps the accessible interface it made first)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_group_for_page)
        _installed = True


def _group_for_page(_class_name: str, widget: QObject) -> QAccessibleInterface | None:
    if isinstance(widget, BasePage):
        return QAccessibleWidget(widget, QAccessible.Role.Grouping)
    return None  # everything else as Qt makes it


def where(t: Callable[..., str], heading: str, step: int, steps: int) -> str:
    """ "Keuken, stap 5 van 14" (the start page, step 0, is not a step: its heading alone)."""
    if step <= 0:
        return heading
    return t("ui.where.page", heading=heading, step=step, steps=steps)


def name_page(page: QWidget, text: str) -> None:
    """Give the page the name a screen reader says when the keyboard enters it."""
    if page.accessibleName() != text:
        page.setAccessibleName(text)


def page_turned(page: QWidget, text: str) -> None:
    """The page is shown and has put keyboard focus in place: make sure its place is heard."""
    name_page(page, text)
    focus = QApplication.focusWidget()
    # Not while the window opens: a screen reader says the window's title and focus then.
    if page.isVisible() and (focus is None or not page.isAncestorOf(focus)):
        announce(page, text)


def announce(source: QWidget, text: str) -> None:
    """Ask screen readers to say ``text`` (does nothing when no screen reader listens)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(source, text))
