"""Radio buttons and check boxes whose text wraps onto more lines when the page is narrow."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)


def _text_label(button: QAbstractButton) -> QLabel:
    """The word-wrapping label that shows a button's text, inside the button."""
    label = QLabel(button)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setBuddy(button)  # the "&" in the text is the button's Alt+letter
    # Clicks on the text land on the button itself.
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    # The button may be narrower than its text on one line (a plain one may not), and as
    # high as its wrapped text (a plain one is one line high).
    policy = QSizePolicy(
        QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum, button.sizePolicy().controlType()
    )
    policy.setHeightForWidth(True)
    button.setSizePolicy(policy)
    return label


def _plain(text: str) -> str:
    """The text as read out: without the "&" that marks the Alt+letter."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class _WrappingText:
    """What WrapRadioButton and WrapCheckBox share. QRadioButton and QCheckBox keep their text
    on one line: in Dutch or at the largest text a long choice ("Een mantelzorger, voor
    iemand anders") made the page scroll sideways at 200 % scaling on a laptop.

    The button draws only its mark (round or square); its text is a word-wrapping label inside
    it. It stays one button to the keyboard (Tab, the arrow keys, Space), to screen readers
    (role, checked state, the accessible name and description set on it) and to the mouse: a
    click anywhere on it, the text included, toggles it. The label's buddy is the button, so
    the "&" in the text is its Alt+letter, as on a plain button.
    """

    label: QLabel
    _contents: QStyle.SubElement

    # The text is the label's: the button's own text would stay on one line.
    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        button = self._button()
        # Screen readers name a plain button by its text; this one's is the label's, so the
        # text is its accessible name too, until a name of its own is set.
        if button.accessibleName() in ("", _plain(self.label.text())):
            button.setAccessibleName(_plain(text))
        self.label.setText(text)
        button.updateGeometry()

    def _button(self) -> QAbstractButton:
        assert isinstance(self, QAbstractButton)
        return self

    def _bare(self) -> QSize:
        """The size of the mark alone, with padding and border (the button has no text)."""
        raise NotImplementedError

    def _margins(self) -> tuple[int, int, int, int]:
        """Left, top, right and bottom around the text, where the style places it."""
        button = self._button()
        option = QStyleOptionButton()
        option.initFrom(button)
        bare = self._bare()
        option.rect = QRect(0, 0, bare.width() + 100, bare.height())
        room = button.style().subElementRect(self._contents, option, button)
        return (
            room.left(),
            room.top(),
            option.rect.right() - room.right(),
            option.rect.bottom() - room.bottom(),
        )

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        left, top, right, bottom = self._margins()
        text = self.label.heightForWidth(max(1, width - left - right))
        return max(self._bare().height(), top + text + bottom)

    def sizeHint(self) -> QSize:
        # The text on one line, as on a plain button, where there is room for it.
        left, top, right, bottom = self._margins()
        flags = Qt.TextFlag.TextShowMnemonic | Qt.TextFlag.TextSingleLine
        text = self.label.fontMetrics().size(flags, self.label.text())
        return QSize(
            left + text.width() + right + 1,
            max(self._bare().height(), top + text.height() + bottom),
        )

    def minimumSizeHint(self) -> QSize:
        # As narrow as the longest word: the rest wraps.
        left, _top, right, _bottom = self._margins()
        return QSize(left + self.label.minimumSizeHint().width() + right, self._bare().height())

    def hitButton(self, pos: QPoint) -> bool:
        return self._button().rect().contains(pos)

    def _place_label(self) -> None:
        button = self._button()
        left, top, right, bottom = self._margins()
        self.label.setGeometry(
            left, top, max(1, button.width() - left - right), max(1, button.height() - top - bottom)
        )


class WrapRadioButton(_WrappingText, QRadioButton):
    """A radio button whose text wraps (used for every radio button in the app)."""

    _contents = QStyle.SubElement.SE_RadioButtonContents

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = _text_label(self)

    def _bare(self) -> QSize:
        return QRadioButton.sizeHint(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_label()


class WrapCheckBox(_WrappingText, QCheckBox):
    """A check box whose text wraps (used for every check box with a long text)."""

    _contents = QStyle.SubElement.SE_CheckBoxContents

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = _text_label(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_label()

    def _bare(self) -> QSize:
        return QCheckBox.sizeHint(self)
