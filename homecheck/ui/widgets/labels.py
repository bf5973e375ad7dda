"""Plain-text labels and the open/closed arrows, shared by every page (light to import)."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
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


# Where a long path may wrap: after a run of "\\" or "/" with a name after it, and inside a
# name after a "." or "_" between letters or digits ("wilhelmina.jansen", "homecheck_data").
_BREAKS = re.compile(r"[\\/]+(?=[^\\/])|(?<=[^\W_])[._](?=[^\W_])")
_BREAK = "\u200b"  # zero width space: a place to wrap, nothing to see


def breakable_path(path: str) -> str:
    """``path`` for the screen, able to wrap after each "\\" and "/" (and "." or "_").

    Qt wraps text at spaces, after "/" and "-", never after a "\\" (in Unicode's line
    breaking a backslash belongs to the word after it): a Windows path such as
    C:\\Users\\…\\AppData\\Local\\homecheck stayed one line, wider than the window at large
    text. Only for showing: a zero width space pasted into Explorer's address bar makes the
    path wrong (a PathLabel copies without them).
    """
    return _BREAKS.sub(lambda match: match.group() + _BREAK, path)


class _CopiesWithoutBreaks(QObject):
    """Takes the breaks out of what was just copied from its label (copied elsewhere: left)."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        QGuiApplication.clipboard().changed.connect(self._copied)

    def _copied(self, mode: QClipboard.Mode) -> None:
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text(mode)
        if _BREAK in text and self.label.hasSelectedText():
            clipboard.setText(text.replace(_BREAK, ""), mode)


def copies_without_breaks(label: QLabel) -> None:
    """What the person selects in ``label`` and copies comes without breakable_path's breaks
    (Qt copies what it shows, invisible breaks and all)."""
    _CopiesWithoutBreaks(label)


class PathLabel(QLabel):
    """A plain, word-wrapped line that says where something was saved: its paths wrap
    (breakable_path), and the person can select it with the mouse and copy it, getting the
    paths as they are."""

    def __init__(self, role: str = "") -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        if role:
            theme.set_role(self, role)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copies_without_breaks(self)

    def set_paths_text(self, text: str) -> None:
        """Show ``text``, with every path in it able to wrap."""
        self.setText(breakable_path(text))


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
