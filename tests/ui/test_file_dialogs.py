"""Qt's own file dialog (Linux without a file chooser portal): the app's text size and colours,
room for the whole file name, and Dutch throughout when the app is in Dutch.

Offscreen Qt has no native dialog, so these tests see the dialog people see on such a Linux.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from homecheck.ui import theme
from homecheck.ui.dialogs import QtDialogs, file_dialog
from homecheck.ui.settings import FileKind, Settings

pytestmark = pytest.mark.gui

NAME = "Actielijst Mevr J 2026-11-24.pdf"
LISTS = FileKind.ACTION_LISTS
# Qt's English texts of the dialog that its Dutch catalogue lacked (they stayed English).
QT_ENGLISH = ("&Look in:", "Files of &type:")


def _save_dialog(parent: QWidget | None, folder: Path, name: str = NAME) -> QFileDialog:
    dialog = file_dialog(parent, "Actielijst bewaren", folder / name, "Pdf (*.pdf)", save=True)
    dialog.show()
    QApplication.processEvents()
    return dialog


def _texts(dialog: QFileDialog) -> set[str]:
    """The texts of the dialog's labels and buttons a person can see."""
    widgets = dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
    return {w.text() for w in widgets if w.isVisible() and w.text()}


def _name_fits(edit: QLineEdit) -> bool:
    """True when the field shows its whole text at once: from its start to its end the cursor
    moves as far as the text is wide (a field too narrow scrolls instead)."""
    edit.home(False)
    start = edit.cursorRect().center().x()
    edit.end(False)
    end = edit.cursorRect().center().x()
    return end - start >= edit.fontMetrics().horizontalAdvance(edit.text())


@pytest.mark.parametrize("text_pt", [14, 20])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_whole_suggested_name_shows_at_every_text_size(
    make_wizard, tmp_path: Path, language: str, text_pt: int
) -> None:
    wizard = make_wizard(Settings(language=language, text_size=text_pt))
    dialog = _save_dialog(wizard, tmp_path)
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None and edit.text() == NAME
    assert edit.font().pointSize() == text_pt  # the app's text size, not Qt's small default
    assert _name_fits(edit)
    # The back, up, new folder and view buttons: big enough to see their icons and to hit.
    buttons = [b for b in dialog.findChildren(QToolButton) if b.isVisible()]
    assert len(buttons) >= 5
    assert all(b.width() >= theme.TARGET_PX and b.height() >= theme.TARGET_PX for b in buttons)
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    dialog.close()


def test_a_long_name_gets_room_too_as_far_as_the_screen_goes(make_wizard, tmp_path: Path) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=20))
    long_name = "Actielijst Mevr. H. Jansen-de Vries, Beukenhof 12 2026-11-24.pdf"
    dialog = _save_dialog(wizard, tmp_path, long_name)
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None and _name_fits(edit)
    dialog.close()
    endless = _save_dialog(wizard, tmp_path, "x" * 300 + ".pdf")
    assert endless.width() <= endless.screen().availableGeometry().width()
    endless.close()


def test_high_contrast_reaches_the_dialog(make_wizard, tmp_path: Path) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=20, high_contrast=True))
    dialog = _save_dialog(wizard, tmp_path)
    colours = theme.HIGH_CONTRAST
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None
    assert edit.palette().color(QPalette.ColorRole.Base) == QColor(colours.base)
    assert edit.palette().color(QPalette.ColorRole.Text) == QColor(colours.text)
    save = next(b for b in dialog.findChildren(QAbstractButton) if b.text() == "Op&slaan")
    assert save.palette().color(QPalette.ColorRole.ButtonText) == QColor(colours.button_text)
    assert save.palette().color(QPalette.ColorRole.Button) == QColor(colours.button)
    dialog.close()


def test_a_dialog_without_a_parent_window_follows_the_app_too(
    make_wizard, tmp_path: Path
) -> None:
    make_wizard(Settings(language="nl", text_size=20, high_contrast=True))
    dialog = _save_dialog(None, tmp_path)
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None and edit.font().pointSize() == 20 and _name_fits(edit)
    assert edit.palette().color(QPalette.ColorRole.Base) == QColor(theme.HIGH_CONTRAST.base)
    dialog.close()


def test_the_dialog_is_all_dutch_in_dutch(make_wizard, tmp_path: Path) -> None:
    wizard = make_wizard(Settings(language="nl"))
    dialog = _save_dialog(wizard, tmp_path)
    texts = _texts(dialog)
    assert not texts & set(QT_ENGLISH), texts
    # Ours where Qt's catalogue had nothing, and Qt's own Dutch for everything else.
    assert {"&Map:", "Bestands&type:", "Bestands&naam:", "Op&slaan", "Annuleren"} <= texts
    combo = dialog.findChild(QComboBox, "fileTypeCombo")
    assert combo is not None and combo.currentText() == "Pdf (*.pdf)"
    dialog.close()
    opening = file_dialog(wizard, "Openen", tmp_path, "Foto's (*.jpg)", save=False)
    opening.show()
    assert {"&Map:", "Bestands&type:", "&Openen"} <= _texts(opening)
    opening.close()


def test_qts_questions_in_the_dialog_say_je() -> None:
    from homecheck.ui.language import install_qt_translation

    install_qt_translation("nl")
    try:
        replace = QCoreApplication.translate(
            "QFileDialog", "%1 already exists.\nDo you want to replace it?"
        )
        assert replace == "%1 bestaat al.\nWil je het vervangen?"
        # Texts we do not fill in keep Qt's own Dutch (not blank, not English).
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "Bestands&naam:"
        assert QCoreApplication.translate("QFileSystemModel", "Name") == "Naam"
        assert QCoreApplication.translate("homecheck-none", "Untouched") == "Untouched"
    finally:
        install_qt_translation("en")


def test_switching_language_retranslates_an_open_dialog_and_the_next(
    make_wizard, tmp_path: Path
) -> None:
    wizard = make_wizard(Settings(language="nl"))
    dialog = _save_dialog(wizard, tmp_path)
    wizard.set_language("en")
    QApplication.processEvents()
    texts = _texts(dialog)
    assert {"&Look in:", "File &name:", "Files of &type:"} <= texts
    assert texts & {"&Save", "Save"} and not texts & {"Op&slaan", "Opslaan"}
    dialog.close()
    wizard.set_language("nl")
    again = _save_dialog(wizard, tmp_path)
    texts = _texts(again)
    assert {"&Map:", "Bestands&naam:", "Bestands&type:"} <= texts
    assert not texts & set(QT_ENGLISH)
    again.close()


def test_the_dialog_service_returns_what_was_chosen(
    make_wizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = make_wizard(Settings(language="nl"))
    service = QtDialogs(Settings(folders={"action_lists": str(tmp_path)}))
    seen: list[QFileDialog] = []

    def accept(dialog: QFileDialog) -> int:
        seen.append(dialog)
        return QFileDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", accept)
    chosen = service.ask_save_path(wizard, "Bewaren", NAME, "Pdf (*.pdf)", kind=LISTS)
    assert chosen == tmp_path / NAME
    assert seen[0].acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert seen[0].windowTitle() == "Bewaren"
    (tmp_path / "foto.jpg").write_bytes(b"x")

    def pick(dialog: QFileDialog) -> int:
        seen.append(dialog)
        dialog.selectFile(str(tmp_path / "foto.jpg"))
        return QFileDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", pick)
    chosen = service.ask_open_path(wizard, "Kies", "Foto's (*.jpg)", kind=FileKind.PHOTOS)
    assert chosen == tmp_path / "foto.jpg"
    assert seen[1].fileMode() == QFileDialog.FileMode.ExistingFile
    monkeypatch.setattr(QFileDialog, "exec", lambda dialog: QFileDialog.DialogCode.Rejected)
    assert service.ask_save_path(wizard, "Bewaren", NAME, "Pdf (*.pdf)", kind=LISTS) is None
