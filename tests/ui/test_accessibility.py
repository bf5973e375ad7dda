"""Accessible names everywhere, 44 px targets at every text size, and 7:1 high contrast."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from homecheck.ui import theme
from homecheck.ui.pages.base import SUMMARY_ID
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.settings import TEXT_SIZES, Settings

pytestmark = pytest.mark.gui
INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox,
               QAbstractSpinBox, QAbstractItemView)


def luminance(colour: str | QColor) -> float:
    """WCAG 2 relative luminance."""
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: str | QColor, b: str | QColor) -> float:
    """WCAG 2 contrast ratio (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def interactive_widgets(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE):
            continue
        # A spin box's inner line edit is part of the spin box, which carries the name.
        if isinstance(widget.parentWidget(), QAbstractSpinBox):
            continue
        found.append(widget)
    return found


def test_every_control_on_every_page_has_a_name_and_description(make_wizard) -> None:
    wizard = make_wizard()
    for page in wizard.pages_by_id.values():
        page.ensure_built()
    wizard.summary_page.refresh()
    checked = 0
    for page in [*wizard.pages_by_id.values(), wizard.side]:
        for widget in interactive_widgets(page):
            where = f"{type(page).__name__}: {type(widget).__name__} {widget.objectName()!r}"
            assert widget.accessibleName().strip(), where
            assert widget.accessibleDescription().strip(), where
            checked += 1
    for which in (wizard.WizardButton.BackButton, wizard.WizardButton.NextButton,
                  wizard.WizardButton.CancelButton, wizard.WizardButton.FinishButton):
        assert wizard.button(which).accessibleName().strip()
    assert checked > 300  # 80 items x 3 answers alone


@pytest.mark.parametrize("size", [TEXT_SIZES[0], TEXT_SIZES[-1]])
def test_targets_are_44px_and_nothing_is_clipped(qtbot, make_wizard, size: int) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=size))
    for _ in range(3):
        wizard.next()
    page = wizard.currentPage()
    assert isinstance(page, RoomPage)
    page.rows[0].why_button.click()  # the longest texts shown too
    page.rows[0].choices.choose_number(1)
    qtbot.waitUntil(lambda: page.rows[0].note_button.isVisible())
    QApplication.processEvents()
    viewport = page.scroller.viewport().width()
    body = page.scroller.widget()
    for row in page.rows:
        for button in [*row.choices.buttons.values(), row.why_button]:
            assert button.height() >= 44, (size, button.text(), button.height())
            right = button.mapTo(body, button.rect().topRight()).x()
            assert right <= viewport, (size, button.text())
        for label in body.findChildren(QLabel):
            if label.isVisible() and label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()
    for widget in interactive_widgets(wizard):
        if widget.isVisible() and isinstance(widget, QAbstractButton):
            assert widget.height() >= 44, (size, widget.text())
    assert QApplication.font().pointSize() == size


def test_text_size_steps_from_14_to_20_pt_with_the_keyboard(qtbot, make_wizard) -> None:
    from PySide6.QtCore import Qt

    wizard = make_wizard()
    assert QApplication.font().pointSize() == 14
    target = QApplication.focusWidget()
    for _ in range(5):
        qtbot.keyClick(target, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == 20 == wizard.ctx.settings.text_size
    qtbot.keyClick(target, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == 18
    qtbot.keyClick(target, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == 14


def test_high_contrast_palette_reaches_7_to_1(make_wizard) -> None:
    wizard = make_wizard()
    wizard.side.contrast_button.click()
    assert wizard.ctx.settings.high_contrast
    pal = QApplication.palette()
    role = QPalette.ColorRole
    for fg, bg in ((role.WindowText, role.Window), (role.Text, role.Base),
                   (role.ButtonText, role.Button), (role.HighlightedText, role.Highlight),
                   (role.PlaceholderText, role.Base), (role.ToolTipText, role.ToolTipBase)):
        assert contrast(pal.color(fg), pal.color(bg)) >= 7, (fg, bg)
    disabled = pal.color(QPalette.ColorGroup.Disabled, role.WindowText)
    assert contrast(disabled, pal.color(role.Window)) >= 7
    c = theme.HIGH_CONTRAST
    for fg, bg in ((c.accent_text, c.accent), (c.hazard_text, c.hazard), (c.muted_text, c.window),
                   (c.disabled_text, c.window), (c.text, c.current_row)):
        assert contrast(fg, bg) >= 7, (fg, bg)
    wizard.side.contrast_button.click()
    assert not wizard.ctx.settings.high_contrast
    assert QApplication.palette().color(role.Window) == QColor(theme.NORMAL.window)


def test_normal_colours_meet_aa_and_focus_is_visible() -> None:
    c = theme.NORMAL
    for fg, bg in ((c.text, c.window), (c.text, c.base), (c.button_text, c.button),
                   (c.accent_text, c.accent), (c.hazard_text, c.hazard), (c.muted_text, c.window),
                   (c.disabled_text, c.window), (c.text, c.current_row)):
        assert contrast(fg, bg) >= 4.5, (fg, bg)
    # WCAG 1.4.11: the focus outline stands out (3:1) against the page and a chosen answer.
    for bg in (c.window, c.base, c.current_row):
        assert contrast(c.focus, bg) >= 3, bg
    assert "4px solid" in theme.stylesheet()


def test_user_text_is_never_rich_text(make_wizard) -> None:
    wizard = make_wizard()
    for page in wizard.pages_by_id.values():
        page.ensure_built()
    wizard.go_to(SUMMARY_ID)
    for page in wizard.pages_by_id.values():
        for label in page.findChildren(QLabel):
            assert label.textFormat() == label.textFormat().PlainText, label.text()


@pytest.mark.parametrize(
    ("has_family", "styles", "needed"),
    [
        (True, ["Book", "Bold", "Oblique"], False),  # the system's DejaVu Sans will do
        (True, ["Book"], True),  # no bold: ours, so headings are really bold
        (False, [], True),
        (True, [], True),
    ],
)
def test_shipped_fonts_only_when_the_computer_lacks_dejavu(
    has_family: bool, styles: list[str], needed: bool
) -> None:
    assert theme.needs_shipped_fonts(has_family, styles) is needed


def test_the_interface_font_is_dejavu_sans_regular_and_bold(make_wizard) -> None:
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

    make_wizard()
    assert QFontDatabase.hasFamily(theme.FONT_FAMILY)
    for bold in (False, True):
        font = QFont(theme.FONT_FAMILY, 14)
        font.setBold(bold)
        info = QFontInfo(font)
        assert (info.family(), info.bold()) == (theme.FONT_FAMILY, bold)


@pytest.mark.parametrize("run", range(20))
def test_ctrl_plus_right_after_start_makes_text_larger(qtbot, make_wizard, run: int) -> None:
    """The text-size keys exist with the window: nothing is added after the first paint."""
    from PySide6.QtCore import Qt

    wizard = make_wizard(show=False)
    wizard.show()
    wizard.activateWindow()
    # The first moment the window takes keys: the first key a person can press.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=2000)
    before = wizard.ctx.settings.text_size
    qtbot.keyClick(wizard, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert wizard.ctx.settings.text_size > before
    assert QApplication.font().pointSize() == wizard.ctx.settings.text_size
