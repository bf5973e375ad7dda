"""Qt's own translations (standard buttons, file and message dialogs) for the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QTranslator

_installed: QTranslator | None = None


def install_qt_translation(language: str) -> bool:
    """Swap Qt's qtbase catalogue for this language; True when one was installed.

    The old translator is removed first; installing sends LanguageChange to every widget,
    which makes QWizard redo its Back / Next / Finish texts.
    """
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    installed = False
    if language != "en":  # Qt's built-in strings are English already
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{language}", folder):
            app.installTranslator(translator)
            _installed = translator
            installed = True
    # QApplication posts LanguageChange to each window; deliver it now, so that every text
    # has changed by the time the switch returns (no half-translated window).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return installed
