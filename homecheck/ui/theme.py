"""Looks for older eyes: Fusion, large text, a thick focus outline, an optional high contrast."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from homecheck import resources
from homecheck.ui.settings import TEXT_SIZES

# WCAG 2.5.5 (AAA) asks for 44 px targets; a little more helps shaky hands and touch screens.
TARGET_PX = 48
SCROLL_BAR_PX = 20  # wide enough to see and to grab
STEP_BUTTON_PX = 44  # a number box's − and + buttons
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


# The style sheet is set once, for the whole application; what the person changes (contrast,
# text size) is kept in these properties of each window, which its rules select on. Setting a
# new application style sheet instead makes Qt polish every widget once for each widget above
# it: ~0.7 s with every page built, whatever the sheet says.
CONTRAST = "contrast"  # "normal" or "high"
TEXT_SIZE = "text_size"  # the text size in points, as text
# Around the text of a list's row (the side panel's steps); JumpList wraps its rows inside it.
LIST_ITEM_PADDING_PX = 6
# Points added to the text size for the larger labels.
ROLE_POINTS = {"title": 6, "heading": 2, "score": 12}


def _rules(c: Colours, high_contrast: bool) -> list[tuple[str, str]]:
    """(selectors, declarations) of the style sheet in one colour scheme."""
    return [
        ("QPushButton, QToolButton",
         f"background: {c.button}; color: {c.button_text}; border: 2px solid {c.border};"
         " border-radius: 6px; padding: 6px 14px;"),
        # Under the mouse: never the focus colour (two buttons would seem to have the focus).
        ("QPushButton:hover", f"border-color: {c.accent};" if not high_contrast
         else f"background: {c.current_row};"),
        ("QPushButton:checked",
         f"background: {c.accent}; color: {c.accent_text}; border-color: {c.accent};"),
        ('QPushButton[answer="hazard"]:checked',
         f"background: {c.hazard}; color: {c.hazard_text}; border-color: {c.hazard};"),
        ("QPushButton:disabled", f"color: {c.disabled_text}; border-style: dashed;"),
        # A chosen answer that cannot be changed (a read-only store) stays as legible as before.
        ("QPushButton:checked:disabled", f"color: {c.accent_text};"),
        ('QPushButton[kind="toggle"]:checked',
         f"background: {c.button}; color: {c.button_text}; border: 2px solid {c.text};"),
        ("QCheckBox:focus, QRadioButton:focus, QListWidget:focus, QLineEdit:focus,"
         " QPlainTextEdit:focus, QAbstractSpinBox:focus",
         f"border: 4px solid {c.focus}; outline: none;"),
        ('QPushButton:focus, QPushButton:checked:focus, QPushButton[answer="hazard"]:checked:focus,'
         ' QPushButton[kind="toggle"]:checked:focus',
         # The border is the focus mark: no second box of the style's inside it (after Tab).
         f"border: 4px solid {c.focus}; padding: 4px 12px; outline: none;"),
        ("QCheckBox, QRadioButton", "padding: 6px; border: 4px solid transparent; spacing: 12px;"),
        ("QCheckBox::indicator, QRadioButton::indicator",
         f"width: 26px; height: 26px; border: 2px solid {c.text}; background: {c.base};"),
        ("QRadioButton::indicator", "border-radius: 15px;"),
        ("QCheckBox::indicator", "border-radius: 4px;"),
        ("QCheckBox::indicator:checked, QRadioButton::indicator:checked",
         f"background: {c.accent}; border-color: {c.accent};"),
        ("QCheckBox::indicator:checked", f'image: url("{icon("tick", c.accent_text)}");'),
        ("QRadioButton::indicator:checked", f'image: url("{icon("dot", c.accent_text)}");'),
        ("QLineEdit, QPlainTextEdit, QAbstractSpinBox, QListWidget",
         f"background: {c.base}; color: {c.text}; border: 2px solid {c.border}; padding: 4px;"),
        # A number box's − and + side by side, each a button as large as the others (stacked
        # arrows were 20 × 12 px at the largest text: too small to hit for an unsteady hand).
        ("QAbstractSpinBox", f"padding-right: {2 * STEP_BUTTON_PX + 12}px;"),
        ("QAbstractSpinBox::up-button, QAbstractSpinBox::down-button",
         f"subcontrol-origin: border; subcontrol-position: center right;"
         f" width: {STEP_BUTTON_PX}px; height: {STEP_BUTTON_PX - 4}px;"
         f" background: {c.button}; border: 2px solid {c.border}; border-radius: 6px;"),
        ("QAbstractSpinBox::down-button", f"position: relative; right: {STEP_BUTTON_PX + 4}px;"),
        ("QAbstractSpinBox::up-arrow", f'image: url("{icon("plus", c.button_text)}");'),
        ("QAbstractSpinBox::down-arrow", f'image: url("{icon("minus", c.button_text)}");'),
        ("QAbstractSpinBox::up-button:off, QAbstractSpinBox::down-button:off,"
         " QAbstractSpinBox::up-button:disabled, QAbstractSpinBox::down-button:disabled",
         "border-style: dashed;"),
        # A menu (a text's right-click menu) shows where it ends, also black on black.
        ("QMenu", f"border: 2px solid {c.border};"),
        ("QListWidget::item", f"padding: {LIST_ITEM_PADDING_PX}px;"),
        ("QListWidget::item:selected", f"background: {c.accent}; color: {c.accent_text};"),
        ("QScrollBar:vertical", f"background: {c.window}; width: {SCROLL_BAR_PX}px; margin: 0;"),
        ("QScrollBar:horizontal",
         f"background: {c.window}; height: {SCROLL_BAR_PX}px; margin: 0;"),
        ("QScrollBar::handle", f"background: {c.border}; border-radius: 6px; margin: 3px;"),
        ("QScrollBar::handle:vertical", f"min-height: {TARGET_PX}px;"),
        ("QScrollBar::handle:horizontal", f"min-width: {TARGET_PX}px;"),
        ("QScrollBar::handle:hover, QScrollBar::handle:pressed", f"background: {c.text};"),
        ("QScrollBar::add-line, QScrollBar::sub-line", "width: 0; height: 0; border: none;"),
        ("QScrollBar::add-page, QScrollBar::sub-page", "background: none;"),
        ('QLabel[role="title"], QLabel[role="heading"], QLabel[role="score"]',
         "font-weight: bold;"),
        ('QLabel[role="muted"]', f"color: {c.muted_text};"),
        # A line that is a Tab stop (the summary's first line) shows focus as the controls do.
        ('QLabel[stop="true"]', "border: 4px solid transparent;"),
        ('QLabel[stop="true"]:focus', f"border: 4px solid {c.focus};"),
        ('QLabel[role="question"]', "font-weight: bold;"),
        ('QLabel[role="details"]',
         f"border-left: 6px solid {c.border}; padding: 4px 0 4px 12px; background: {c.base};"),
        ('QFrame[role="row"]', "border: 2px solid transparent; border-radius: 8px;"),
        ('QFrame[role="row"][current="true"]',
         f"border: 2px solid {c.border}; background: {c.current_row};"),
        ('QFrame[role="row"][changed="true"]',
         f"border: 4px dashed {c.accent}; background: {c.current_row};"),
        ("QScrollArea", "border: none; background: transparent;"),
        ("QScrollArea > QWidget > QWidget", "background: transparent;"),
    ]


def _css(rules: list[tuple[str, str]], scope: str = "") -> str:
    """The rules as style sheet text; with ``scope``, each applies only inside such a window."""
    lines = []
    for selectors, declarations in rules:
        scoped = ", ".join(f"{scope} {one.strip()}" if scope else one.strip()
                           for one in selectors.split(","))
        lines.append(f"{scoped} {{ {declarations} }}")
    return "\n".join(lines) + "\n"


def stylesheet() -> str:
    """The application style sheet, for every contrast and text size.

    The normal rules apply everywhere. Each rule whose colours differ in high contrast is
    repeated inside a window whose CONTRAST property is "high", which makes it win (CSS
    specificity); the larger labels' sizes follow the window's TEXT_SIZE property.
    """
    normal = _rules(NORMAL, False)
    high = [rule for rule in _rules(HIGH_CONTRAST, True) if rule not in normal]
    sizes = [
        (f'QLabel[role="{role}"]', f"font-size: {size + points}pt;", size)
        for size in TEXT_SIZES for role, points in ROLE_POINTS.items()
    ]
    return (
        _css(normal)
        + _css(high, scope=f'*[{CONTRAST}="high"]')
        + "".join(_css([(sel, decl)], scope=f'*[{TEXT_SIZE}="{size}"]')
                  for sel, decl, size in sizes)
    )


def icon(name: str, colour: str) -> str:
    """Path of a shipped indicator image for the style sheet: black for a dark ``colour``
    (the colour the mark stands for), else white."""
    shade = "black" if QColor(colour).lightness() < 128 else "white"
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
    """Apply palette, base font, contrast and text size to the whole application.

    The style is set once, when the application is made (main_window.ensure_app), and so is the
    style sheet, here; a change sets the palette and font and the two window properties the
    style sheet follows, and each window follows them (follow()).
    """
    load_fonts()
    app.setProperty(CONTRAST, "high" if high_contrast else "normal")
    app.setProperty(TEXT_SIZE, str(text_pt))
    app.setPalette(palette(high_contrast))
    app.setFont(QFont(FONT_FAMILY, text_pt))
    if not app.styleSheet():
        app.setStyleSheet(stylesheet())
        return
    for window in app.topLevelWidgets():
        follow(window)


def follow(window: QWidget) -> None:
    """Give a window the application's contrast and text size (apply() calls this for every
    window; a window without a parent window is given them when it is made).

    The style sheet's rules for a widget are worked out when it is polished, so the widgets
    polished already are polished again (QWizard and QMessageBox polish the buttons they make
    at once), each after its parent (findChildren lists them so): the font a widget gets from
    its parent is part of what it is given. The others are polished when first shown.
    """
    app = QApplication.instance()
    if app is None:
        return
    for name in (CONTRAST, TEXT_SIZE):
        window.setProperty(name, app.property(name))
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            widget.style().polish(widget)


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
