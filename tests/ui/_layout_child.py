"""Child for tests/ui/test_layout_fit.py: the wizard on a real X server, every page checked.

Run on Xvfb with the xcb platform (offscreen cannot scale faithfully), one configuration per
process, because QT_SCALE_FACTOR counts only before the application exists:

    QT_SCALE_FACTOR=2 python tests/ui/_layout_child.py OUT.json --text 14 --size 0x0

``--size WxH`` resizes the window (logical pixels); ``0x0`` keeps the app's own size for the
screen; ``min`` asks for the smallest window the app allows. Every page is shown in turn (with
its longest texts opened); on each, every visible label must show all of its text (wrapped
lines included) and every button its whole text, inside what encloses it. Problems go to OUT
as JSON lines the test reports.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QListWidget,
    QWidget,
)

from homecheck.domain.assessment import Assessment
from homecheck.domain.content import checklist
from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.main_window import create_main_window, ensure_app
from homecheck.ui.settings import Settings
from homecheck.ui.wizard import WB, HomeWizard
from tests.ui.fakes import FakeDialogs

SLACK = 1  # px of rounding


def settle() -> None:
    """Let layouts and posted events run until nothing is pending."""
    for _ in range(4):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    return f"{type(widget).__name__} {text[:60]!r}"


def clipped_by(widget: QWidget, window: QWidget) -> str:
    """Which ancestor cuts the widget off ("" when it is whole or can be scrolled to)."""
    rect = widget.rect()
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None and child is not window:
        area = rect.translated(child.mapTo(parent, QPoint(0, 0)))
        scroll = parent.parentWidget()
        if isinstance(scroll, QAbstractScrollArea) and scroll.viewport() is parent:
            # A scroll area cuts nothing off that it can scroll to; the vertical direction
            # always scrolls, the horizontal one only when its bar is allowed.
            scrolls_sideways = scroll.horizontalScrollBarPolicy().name != "ScrollBarAlwaysOff"
            body = parent
            if not scrolls_sideways and area.right() > body.width() - 1 + SLACK:
                return f"{describe(scroll)} (right edge {area.right()} > {body.width() - 1})"
            return ""  # the rest is the scroll area's own business: checked as a widget
        outside = QRect(parent.rect()).adjusted(-SLACK, -SLACK, SLACK, SLACK)
        if not outside.contains(area):
            return f"{type(parent).__name__} {parent.objectName()!r} {parent.size().toTuple()}"
        rect, child, parent = area, parent, parent.parentWidget()
    return ""


def label_problem(label: QLabel) -> str:
    text = label.text()
    if label.buddy() is not None:  # "&" marks the Alt+letter, shown underlined
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text.strip() or not label.pixmap().isNull():
        return ""
    metrics = QFontMetrics(label.font())
    room = label.contentsRect()
    margin = label.margin() * 2 + max(label.indent(), 0)
    width = room.width() - margin
    if label.wordWrap():
        if label.height() + SLACK < label.heightForWidth(label.width()):
            return f"wraps to {label.heightForWidth(label.width())} px, is {label.height()} high"
        # Qt wraps at spaces, and in a path after a "/".
        longest = max(re.split(r"\s+|(?<=/)(?=\w)", text), key=metrics.horizontalAdvance)
        needed = metrics.horizontalAdvance(longest)
        if needed > width + SLACK:
            return f"the word {longest!r} is wider ({needed} px) than {width}"
        return ""
    lines = text.split("\n")
    widest = max(metrics.horizontalAdvance(line) for line in lines)
    if widest > width + SLACK:
        return f"text {widest} px wide in {width}"
    if metrics.height() * len(lines) > room.height() + SLACK:
        return f"text {metrics.height() * len(lines)} px high in {room.height()}"
    return ""


def button_problem(button: QAbstractButton) -> str:
    if not button.text().strip():
        return ""
    if button.hasHeightForWidth():  # its text wraps (WrapRadioButton, WrapCheckBox)
        if button.width() + SLACK < button.minimumSizeHint().width():
            return f"{button.width()} px wide, its longest word needs more"
        needed = button.heightForWidth(button.width())
        if button.height() + SLACK < needed:
            return f"{button.height()} px high, its text needs {needed}"
        return ""
    hint = button.sizeHint()
    if button.width() + SLACK < hint.width():
        return f"{button.width()} px wide, its text needs {hint.width()}"
    if button.height() + SLACK < min(hint.height(), button.maximumHeight()):
        return f"{button.height()} px high, its text needs {hint.height()}"
    return ""


def list_problems(view: QListWidget) -> list[str]:
    found = []
    viewport = view.viewport().width()
    for row in range(view.count()):
        item = view.item(row)
        rect = view.visualItemRect(item)
        if rect.isEmpty():
            continue
        metrics = QFontMetrics(view.font())
        longest = max(item.text().split() or [""], key=metrics.horizontalAdvance)
        # 2 x 6 px item padding (theme) + the frame of the delegate.
        room = min(rect.width(), viewport - rect.x()) - 12 - 2
        if metrics.horizontalAdvance(longest) > room + SLACK:
            found.append(f"item {item.text()!r}: the word {longest!r} is wider than {room}")
        if rect.height() + SLACK < view.sizeHintForRow(row):
            found.append(f"item {item.text()!r}: {rect.height()} px high of "
                         f"{view.sizeHintForRow(row)}")
    return found


def check_window(window: QWidget, where: str) -> list[dict[str, str]]:
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        found: list[str] = []
        if isinstance(widget, QLabel):
            found.append(label_problem(widget))
        elif isinstance(widget, QAbstractButton):
            found.append(button_problem(widget))
        elif isinstance(widget, QListWidget):
            found.extend(list_problems(widget))
        if isinstance(widget, (QLabel, QAbstractButton, QListWidget)):
            cut = clipped_by(widget, window)
            if cut:
                found.append(f"cut off by {cut}")
        for problem in found:
            if problem:
                problems.append({"page": where, "widget": describe(widget), "problem": problem})
    return problems


def too_wide(scroll: QAbstractScrollArea) -> str:
    """What makes a scroll area scroll sideways: the innermost widgets whose right edge, at
    their smallest, is beyond its viewport (less the page's margin)."""
    body = scroll.widget() or scroll.viewport()
    room = scroll.viewport().width()
    if body.layout() is not None:  # the margin on the right side of the page
        room -= body.layout().contentsMargins().right()

    def right(widget: QWidget) -> int:
        return widget.mapTo(body, QPoint(0, 0)).x() + widget.minimumSizeHint().width()

    wide = [w for w in body.findChildren(QWidget) if w.isVisible() and right(w) > room]
    innermost = [w for w in wide
                 if not any(other is not w and w.isAncestorOf(other) for other in wide)]
    found = "; ".join(f"{describe(w)} needs {right(w)} px" for w in innermost)
    return f"{found or 'the page'} in {room} (the page needs {body.minimumSizeHint().width()})"


def off_screen(wizard: HomeWizard, where: str) -> list[dict[str, str]]:
    """The window and its Back/Next/Finish/Stop buttons, wherever they are not all on the
    screen (its available part: without task bars)."""
    available = wizard.screen().availableGeometry()
    problems = []
    if not available.contains(wizard.frameGeometry()):
        problems.append({"page": where, "widget": "the window",
                         "problem": f"{wizard.frameGeometry().getRect()} is not inside the "
                                    f"screen's {available.getRect()}"})
    for which in (WB.BackButton, WB.NextButton, WB.FinishButton, WB.CancelButton):
        button = wizard.button(which)
        if not button.isVisible():
            continue
        place = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        inside = wizard.rect().contains(QRect(button.mapTo(wizard, QPoint(0, 0)), button.size()))
        if not inside or not available.contains(place):
            problems.append({"page": where, "widget": describe(button),
                             "problem": f"at {place.getRect()}, not all of it on the screen "
                                        f"{available.getRect()}"})
    return problems


def read_only_store() -> Store:
    """A store with a check of the person's own, opened read-only (as a read-only disk would)."""
    store = Store(database_path())
    check = store.create_check(Assessment.new(checklist()))
    store.set_current_page(check, "about_you")
    store.close()
    return Store(database_path(), read_only=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--text", type=int, default=14)
    parser.add_argument("--size", default="0x0")
    parser.add_argument("--language", default="nl")
    parser.add_argument("--shots", default="", help="save a picture of each page here")
    parser.add_argument("--read-only", action="store_true",
                        help="a store that can only be read: the banner on every page")
    args = parser.parse_args(argv[1:])
    app = ensure_app([])
    wizard = create_main_window(
        dialogs=FakeDialogs(), settings=Settings(language=args.language, text_size=args.text),
        store=read_only_store() if args.read_only else None,
    )
    assert wizard is not None
    if args.size == "min":
        wizard.resize(1, 1)  # Qt keeps it at the window's minimum size
    elif args.size != "0x0":
        width, height = (int(n) for n in args.size.split("x"))
        wizard.resize(width, height)
    wizard.show()
    settle()
    available = wizard.screen().availableGeometry()
    report = {
        "available": list(available.getRect()),
        "frame": list(wizard.frameGeometry().getRect()),
        "size": list(wizard.size().toTuple()),
        "minimum": list(wizard.minimumSize().toTuple()),
        "scale": os.environ.get("QT_SCALE_FACTOR", "1"),
        "ratio": wizard.devicePixelRatio(),
        "screen": list(app.primaryScreen().size().toTuple()),
        "side_width": wizard.side.width(),
        "pages": [],
        "sideways": [],  # pages that need scrolling sideways
        "problems": [],
        "read_only": wizard.ctx.session.read_only,
    }
    while True:
        page = wizard.currentPage()
        # The longest texts too: every "why" and note opened on a room.
        for button in page.findChildren(QAbstractButton):
            if button.isCheckable() and button.property("kind") == "toggle" and button.isVisible():
                button.setChecked(True)
        settle()
        where = type(page).__name__ + ":" + page.title()
        report["pages"].append(where)
        if args.shots:
            wizard.grab().save(os.path.join(args.shots, f"{len(report['pages']):02d}.png"))
        report["problems"].extend(check_window(wizard, where))
        report["problems"].extend(off_screen(wizard, where))
        for scroll in page.findChildren(QAbstractScrollArea):
            if scroll.isVisible() and scroll.horizontalScrollBar().isVisible():
                report["sideways"].append(f"{where}: {too_wide(scroll)}")
        if wizard.next_id_after(wizard.currentId()) == -1:
            break
        wizard.next()
        settle()
    with open(args.out, "w", encoding="utf-8") as file:
        json.dump(report, file, indent=1)
    wizard.ctx.session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
