"""The save page speaks to whoever fills in: the person reads about 'your health' and 'your
therapist', and that Finish closes homecheck; a caregiver or therapist reads about the person's
health, not their own, and that Finish goes back to the list."""

from __future__ import annotations

import pytest

from homecheck.i18n import catalogue
from homecheck.ui.pages.base import FINISH_ID, START_ID
from homecheck.ui.settings import Settings
from tests.ui.helpers import choose_role, start_check

pytestmark = pytest.mark.gui

OWN = {"nl": ("je gezondheid", "je therapeut"), "en": ("your health", "your therapist")}


def _texts(wizard) -> str:  # type: ignore[no-untyped-def]
    page = wizard.finish_page
    return page.intro.text() + " " + page.privacy.text()


def _on_the_save_page(make_wizard, dialogs, language: str, role: str):  # type: ignore[no-untyped-def]
    """A wizard on the save page of a new check by ``role``, for "Mam" when not the person's."""
    wizard = make_wizard(Settings(language=language))
    start_check(wizard, dialogs, role, "Mam")
    wizard.go_to(FINISH_ID)
    return wizard


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_person_reads_about_her_own_health_also_after_a_role_change(
    make_wizard, dialogs, language: str
) -> None:
    wizard = _on_the_save_page(make_wizard, dialogs, language, "caregiver")
    wizard.go_to(START_ID)
    choose_role(wizard, "self")
    wizard.go_to(FINISH_ID)
    t = catalogue(language)
    assert _texts(wizard) == t("ui.finish.intro") + " " + t("ui.finish.privacy")
    assert all(words in _texts(wizard).lower() for words in OWN[language])


CLOSES = {"nl": "homecheck sluit", "en": "homecheck closes"}
THE_LIST = {"nl": "uit de lijst", "en": "from the list"}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["self", "therapist", "caregiver"])
def test_the_save_page_speaks_to_whoever_fills_in(
    make_wizard, dialogs, language: str, role: str
) -> None:
    wizard = _on_the_save_page(make_wizard, dialogs, language, role)
    texts, help_text = _texts(wizard).lower(), wizard.finish_page.done_help.text()
    if role == "self":
        # Her own health; Finish closes homecheck (the window goes: she is told so beforehand).
        assert all(words in texts for words in OWN[language]), texts
        assert CLOSES[language] in help_text and THE_LIST[language] not in help_text
    else:
        # The person's health; Finish goes back to the list of people.
        assert not any(words in texts for words in OWN[language]), texts
        privacy = wizard.finish_page.privacy.text()
        assert privacy == catalogue(language)("ui.finish.privacy_other")
        assert THE_LIST[language] in help_text and CLOSES[language] not in help_text
