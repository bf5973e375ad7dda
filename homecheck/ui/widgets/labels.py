"""Plain-text labels and the open/closed arrows, shared by every page (light to import)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from homecheck.ui import theme

OPEN = "▾"
CLOSED = "▸"


def plain_label(text: str = "", role: str = "") -> QLabel:
    """A word-wrapped label that never interprets its text as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if role:
        theme.set_role(label, role)
    return label


_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics_outside(window: QWidget | None, page: QWidget) -> set[str]:
    """The Alt+letter shortcuts the window's visible buttons and labels use outside a page."""
    taken: set[str] = set()
    if window is None:
        return taken
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if page.isAncestorOf(widget) or not widget.isVisibleTo(window):
            continue
        match = _MNEMONIC.search(widget.text().replace("&&", ""))
        if match:
            taken.add(match.group(1).lower())
    return taken


def with_mnemonics(texts: list[str], taken: set[str]) -> list[str]:
    """The texts, each with its own Alt+letter shortcut that is not in ``taken`` (if any is left).

    The text with the fewest free letters chooses first, so that short titles are not left
    without one. Plain text: an "&" in it is doubled, so Qt shows it instead of a shortcut.
    """
    used = set(taken)
    result = [text.replace("&", "&&") for text in texts]

    def free(text: str) -> list[int]:
        return [i for i, char in enumerate(text) if char.isalnum() and char.lower() not in used
                and text[i - 1: i] != "&"]

    def choices(n: int) -> int:
        return len({result[n][i].lower() for i in free(result[n])})

    waiting = set(range(len(texts)))
    while waiting:
        index = min(waiting, key=lambda n: (choices(n), n))
        waiting.discard(index)
        places = free(result[index])
        if places:
            at = places[0]
            used.add(result[index][at].lower())
            result[index] = result[index][:at] + "&" + result[index][at:]
    return result
