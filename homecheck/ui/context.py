"""What every page needs, passed explicitly: session, dialogs, settings, content and the strings."""

from __future__ import annotations

from dataclasses import dataclass

from homecheck.domain.content import Checklist
from homecheck.domain.person import PersonContent
from homecheck.i18n import catalogue
from homecheck.ui.dialogs import DialogService
from homecheck.ui.session import Session
from homecheck.ui.settings import Settings


@dataclass
class UiContext:
    """Shared by the wizard, its pages and widgets (no widget keeps answers of its own)."""

    session: Session
    dialogs: DialogService
    settings: Settings
    checklist: Checklist
    person: PersonContent

    @property
    def language(self) -> str:
        """The interface language code ("nl" or "en")."""
        return self.settings.language

    def t(self, key: str, /, **values: object) -> str:
        """Our own string for a catalogue key, in the interface language."""
        return catalogue(self.settings.language)(key, **values)

    def hazards(self, count: int) -> str:
        """ "1 hazard" / "3 hazards" in the interface language."""
        key = "ui.count.hazards_one" if count == 1 else "ui.count.hazards_many"
        return self.t(key, count=count)
