"""What every page needs, passed explicitly: session, dialogs, settings, content and the strings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt

from homecheck.domain.content import Checklist
from homecheck.i18n import catalogue
from homecheck.session.session import Session
from homecheck.ui.dialogs import DialogService
from homecheck.ui.settings import Settings

if TYPE_CHECKING:
    from homecheck.domain.person import PersonContent

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def long_date(iso: str, language: str) -> str:
    """A date such as "25 november 2025" in the interface language (ISO text if unreadable)."""
    date = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    if not date.isValid():
        return iso
    return QLocale(_LOCALES[language]).toString(date, "d MMMM yyyy")


@dataclass
class UiContext:
    """Shared by the wizard, its pages and widgets (no widget keeps answers of its own)."""

    session: Session
    dialogs: DialogService
    settings: Settings
    checklist: Checklist

    @property
    def person(self) -> PersonContent:
        """The questions about the person; read when first asked for (not by the start page)."""
        from homecheck.domain.person import person_content

        return person_content()  # read once, then cached

    @property
    def language(self) -> str:
        """The interface language code ("nl" or "en")."""
        return self.settings.language

    def t(self, key: str, /, **values: object) -> str:
        """Our own string for a catalogue key, in the interface language."""
        return catalogue(self.settings.language)(key, **values)

    def hazards(self, count: int) -> str:
        """ "1 hazard" / "3 hazards" in the interface language."""
        return self.plural("ui.count.hazards", count)

    def answered(self, count: int) -> str:
        """ "1 question answered" / "3 questions answered" in the interface language."""
        return self.plural("ui.count.answered", count)

    def plural(self, key: str, count: int) -> str:
        """The text of ``key``_one for 1 and ``key``_many otherwise (Dutch and English agree)."""
        return self.t(f"{key}_one" if count == 1 else f"{key}_many", count=count)

    def date(self, iso: str) -> str:
        """A stored ISO date written out in the interface language."""
        return long_date(iso, self.settings.language)
