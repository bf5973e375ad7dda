"""Where the person is, for screen readers: a page's heading and its step, said on a page turn.

A page turn moves keyboard focus to the page's first open question, and a screen reader says
that question. What it does not say by itself is which page this is. Two plain Qt means:

- The page (a container) gets the accessible name "Kitchen, step 5 of 14". Screen readers (Orca,
  NVDA) say the names of the containers the keyboard enters before the control itself, so the
  person hears the place first, then the question, in one utterance; "where am I" finds it too.
- When the keyboard stays outside the page (Next keeps focus on a room already answered, the
  client already chosen), no container is entered and nothing would be said: then the place is
  announced (QAccessibleAnnouncementEvent: AT-SPI's object:announcement, UI Automation's
  notification, VoiceOver's announcement). Not always, because a screen reader speaks an
  announcement at once and would cut off the question it is saying.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QWidget


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
