"""Qt's own translations (standard buttons, file and message dialogs) for the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QObject, QTranslator

from homecheck.i18n import Catalogue, catalogue

# Qt's texts that homecheck says itself: (Qt's context, Qt's English text) -> our catalogue key.
# Qt 6 gave two labels of its file dialog an Alt letter ("&Look in:", "Files of &type:"), and
# its Dutch catalogue still only has them without one, so they stayed English; it also lacks
# "Folder" (the detail view's Type column) and asks "Wilt u ...?" where homecheck says "je".
QT_TEXTS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "ui.file_dialog.look_in",
    ("QFileDialog", "Files of &type:"): "ui.file_dialog.file_type",
    ("QAbstractFileIconProvider", "Folder"): "ui.file_dialog.folder",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"): "ui.file_dialog.replace",
    ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."):
        "ui.file_dialog.not_found",
}


class OwnQtTexts(QTranslator):
    """Answers Qt's lookups for the texts in QT_TEXTS from our catalogue; every other text
    is left to Qt's catalogue."""

    def __init__(self, t: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._texts = {source: t.raw(key) for source, key in QT_TEXTS.items()}

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) makes Qt ask the next translator; "" would be taken as the
        # translation, and every other text of Qt would be blank.
        return self._texts.get((context, source_text))

    def isEmpty(self) -> bool:
        return False  # it has texts: installing it tells every window to redo its own


_installed: list[QTranslator] = []


def install_qt_translation(language: str) -> bool:
    """Swap Qt's qtbase catalogue for this language, and our own texts for the ones it lacks;
    True when Qt's catalogue was installed.

    The old translators are removed first; installing sends LanguageChange to every widget,
    which makes QWizard redo its Back / Next / Finish texts (and an open QFileDialog its own).
    """
    app = QCoreApplication.instance()
    if app is None:
        return False
    while _installed:
        old = _installed.pop()
        app.removeTranslator(old)
        old.deleteLater()
    installed = False
    if language != "en":  # Qt's built-in strings are English already
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{language}", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            installed = True
    # Installed last, so asked first: our wording wins over Qt's for the texts in QT_TEXTS.
    own = OwnQtTexts(catalogue(language), app)
    app.installTranslator(own)
    _installed.append(own)
    # QApplication posts LanguageChange to each window; deliver it now, so that every text
    # has changed by the time the switch returns (no half-translated window).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return installed
