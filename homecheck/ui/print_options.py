"""What the save page and the paper checklist start from: the paper size of this computer and
large print for whoever chose larger text in the app (light to import: no printing code)."""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale

from homecheck.report.paper import paper_for_locale
from homecheck.ui.settings import DEFAULT_TEXT_SIZE, Settings


def default_paper() -> str:
    """ "A4" or "letter" as the command line chooses it (LC_ALL, LC_PAPER, LANG); where none of
    those is set, as on Windows and macOS, the system's own locale (QLocale) takes LANG's place."""
    environ = dict(os.environ)
    if not environ.get("LANG"):
        environ["LANG"] = QLocale.system().name()  # e.g. "en_US", "nl_NL"
    return paper_for_locale(environ)


def large_print_default(settings: Settings) -> bool:
    """Large print on paper for a person who made the text in the app larger."""
    return settings.text_size > DEFAULT_TEXT_SIZE
