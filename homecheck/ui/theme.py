"""Looks for older eyes: Fusion, large text, a thick focus outline, an optional high contrast."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from homecheck import resources

# WCAG 2.5.5 (AAA) asks for 44 px targets; a little more helps shaky hands and touch screens.
TARGET_PX = 48
SCROLL_BAR_PX = 20  # wide enough to see and to grab
FONT_FAMILY = "DejaVu Sans"
STYLE = "fusion"
WIZARD_NAME = "homecheck-wizard"


class Colours(NamedTuple):
    """One colour scheme; every text/background pair is chosen for its contrast ratio."""

    window: str
    text: str
    base: str
    button: str
    button_text: str
    border: str
    accent: str  # background of a chosen answer
    accent_text: str
    hazard: str  # background of a chosen "hazard here"
    hazard_text: str
    focus: str
    current_row: str
    muted_text: str
    disabled_text: str
    bar_fill: str
    bar_track: str


NORMAL = Colours(
    window="#f4f3ef",
    text="#1a1a1a",
    base="#ffffff",
    button="#ffffff",
    button_text="#111111",
    border="#5c5c5c",
    accent="#0b4f9c",
    accent_text="#ffffff",
    hazard="#a11d1d",
    hazard_text="#ffffff",
    focus="#c25100",
    current_row="#e6eef8",
    muted_text="#3d3d3d",
    disabled_text="#5a5a5a",
    bar_fill="#0b4f9c",
    bar_track="#d6d6d0",
)

HIGH_CONTRAST = Colours(
    window="#000000",
    text="#ffffff",
    base="#000000",
    button="#000000",
    button_text="#ffffff",
    border="#ffffff",
    accent="#ffff00",
    accent_text="#000000",
    hazard="#ffff00",
    hazard_text="#000000",
    focus="#00ffff",
    current_row="#1a1a1a",
    muted_text="#ffffff",
    disabled_text="#c8c8c8",
    bar_fill="#ffff00",
    bar_track="#ffffff",
)


def colours(high_contrast: bool) -> Colours:
    """Return the scheme in use."""
    return HIGH_CONTRAST if high_contrast else NORMAL


def palette(high_contrast: bool) -> QPalette:
    """A complete palette, so nothing depends on the desktop's own theme."""
    c = colours(high_contrast)
    pal = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: c.window,
        role.WindowText: c.text,
        role.Base: c.base,
        role.AlternateBase: c.window,
        role.Text: c.text,
        role.Button: c.button,
        role.ButtonText: c.button_text,
        role.Highlight: c.accent,
        role.HighlightedText: c.accent_text,
        role.ToolTipBase: c.base,
        role.ToolTipText: c.text,
        role.PlaceholderText: c.muted_text,
        role.Link: c.accent if not high_contrast else c.focus,
        role.BrightText: c.text,
    }
    for r, value in pairs.items():
        pal.setColor(r, QColor(value))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, QColor(c.disabled_text))
    return pal


def stylesheet(text_pt: int, high_contrast: bool) -> str:
    """The application style sheet; sizes follow the chosen text size."""
    c = colours(high_contrast)
    title_pt = text_pt + 6
    heading_pt = text_pt + 2
    return f"""
QPushButton, QToolButton {{
    background: {c.button}; color: {c.button_text};
    border: 2px solid {c.border}; border-radius: 6px; padding: 6px 14px;
}}
QPushButton:hover {{ border-color: {c.accent if not high_contrast else c.focus}; }}
QPushButton:checked {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent}; }}
QPushButton[answer="hazard"]:checked {{
    background: {c.hazard}; color: {c.hazard_text}; border-color: {c.hazard};
}}
QPushButton:disabled {{ color: {c.disabled_text}; border-style: dashed; }}
QPushButton[kind="toggle"]:checked {{
    background: {c.button}; color: {c.button_text}; border: 2px solid {c.text};
}}
QCheckBox:focus, QRadioButton:focus, QListWidget:focus,
QLineEdit:focus, QPlainTextEdit:focus, QSpinBox:focus {{
    border: 4px solid {c.focus};
}}
QPushButton:focus, QPushButton:checked:focus, QPushButton[answer="hazard"]:checked:focus,
QPushButton[kind="toggle"]:checked:focus {{
    border: 4px solid {c.focus}; padding: 4px 12px;
}}
QCheckBox, QRadioButton {{ padding: 6px; border: 4px solid transparent; spacing: 12px; }}
QCheckBox::indicator, QRadioButton::indicator {{
    width: 26px; height: 26px; border: 2px solid {c.text}; background: {c.base};
}}
QRadioButton::indicator {{ border-radius: 15px; }}
QCheckBox::indicator {{ border-radius: 4px; }}
QCheckBox::indicator:checked, QRadioButton::indicator:checked {{
    background: {c.accent}; border-color: {c.accent};
}}
QCheckBox::indicator:checked {{ image: url("{icon('tick', c.accent_text)}"); }}
QRadioButton::indicator:checked {{ image: url("{icon('dot', c.accent_text)}"); }}
QLineEdit, QPlainTextEdit, QSpinBox, QListWidget {{
    background: {c.base}; color: {c.text}; border: 2px solid {c.border}; padding: 4px;
}}
QSpinBox::up-button, QSpinBox::down-button {{ width: 36px; }}
QListWidget::item {{ padding: 6px; }}
QListWidget::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
QScrollBar:vertical {{ background: {c.window}; width: {SCROLL_BAR_PX}px; margin: 0; }}
QScrollBar:horizontal {{ background: {c.window}; height: {SCROLL_BAR_PX}px; margin: 0; }}
QScrollBar::handle {{ background: {c.border}; border-radius: 6px; margin: 3px; }}
QScrollBar::handle:vertical {{ min-height: {TARGET_PX}px; }}
QScrollBar::handle:horizontal {{ min-width: {TARGET_PX}px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {c.text}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QLabel[role="title"] {{ font-size: {title_pt}pt; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {heading_pt}pt; font-weight: bold; }}
QLabel[role="score"] {{ font-size: {title_pt + 6}pt; font-weight: bold; }}
QLabel[role="muted"] {{ color: {c.muted_text}; }}
QLabel[role="question"] {{ font-weight: bold; }}
QLabel[role="details"] {{
    border-left: 6px solid {c.border}; padding: 4px 0 4px 12px; background: {c.base};
}}
QFrame[role="row"] {{ border: 2px solid transparent; border-radius: 8px; }}
QFrame[role="row"][current="true"] {{
    border: 2px solid {c.border}; background: {c.current_row};
}}
QFrame[role="row"][changed="true"] {{
    border: 4px dashed {c.accent}; background: {c.current_row};
}}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
"""


def icon(name: str, colour: str) -> str:
    """Path of a shipped indicator image (white or black) for the style sheet."""
    shade = "black" if colour.lower() in ("#000000", "#000", "black") else "white"
    # PNG (made from the SVG by docs/make_icons.py): SVG would load Qt's SVG module at start-up.
    return resources.path(f"ui/{name}-{shade}.png").as_posix()


_fonts_loaded = False


FONT_STYLES = frozenset({"Book", "Bold"})  # DejaVu's names for regular and bold


def needs_shipped_fonts(has_family: bool, styles: list[str]) -> bool:
    """True unless the computer has DejaVu Sans itself, regular and bold."""
    return not (has_family and set(styles) >= FONT_STYLES)


def load_fonts() -> bool:
    """Make DejaVu Sans available once, so text looks the same on every computer.

    The computer's own copy when it has one (Debian and Ubuntu ship the same files we do);
    otherwise the shipped fonts are registered. Asking fills Qt's font list, which the first
    paint would do anyway; registering files the system already has cost ~1.5 ms of start-up.
    Returns True when the shipped fonts were registered.
    """
    global _fonts_loaded
    if _fonts_loaded:
        return False
    _fonts_loaded = True
    family = FONT_FAMILY
    if not needs_shipped_fonts(QFontDatabase.hasFamily(family), QFontDatabase.styles(family)):
        return False
    for name in ("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf"):
        path = resources.path(name)
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))
    return True


def apply(app: QApplication, text_pt: int, high_contrast: bool) -> None:
    """Apply palette, base font and style sheet to the whole application (the style is set
    once, when the application is made: main_window.ensure_app)."""
    load_fonts()
    app.setPalette(palette(high_contrast))
    app.setFont(QFont(FONT_FAMILY, text_pt))
    app.setStyleSheet(stylesheet(text_pt, high_contrast))


def set_role(widget: QWidget, role: str) -> None:
    """Tag a widget for the style sheet (heading, score, muted, question, details, row)."""
    widget.setProperty("role", role)


def refresh_style(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def touch_target(widget: QWidget) -> None:
    """Make a control at least TARGET_PX high, whatever the text size."""
    widget.setMinimumHeight(TARGET_PX)
