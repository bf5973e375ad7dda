"""The save page speaks to whoever fills in: the person reads about 'your health' and 'your
therapist'; a caregiver or therapist reads about the person's health, not their own."""

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


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["therapist", "caregiver"])
def test_someone_else_reads_about_the_persons_health(
    make_wizard, dialogs, language: str, role: str
) -> None:
    wizard = make_wizard(Settings(language=language))
    start_check(wizard, dialogs, role, "Mam")
    wizard.go_to(FINISH_ID)
    texts = _texts(wizard)
    assert not any(words in texts.lower() for words in OWN[language]), texts
    assert wizard.finish_page.privacy.text() == catalogue(language)("ui.finish.privacy_other")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_person_reads_about_her_own_health_also_after_a_role_change(
    make_wizard, dialogs, language: str
) -> None:
    wizard = make_wizard(Settings(language=language))
    start_check(wizard, dialogs, "caregiver", "Mam")
    wizard.go_to(FINISH_ID)
    wizard.go_to(START_ID)
    choose_role(wizard, "self")
    wizard.go_to(FINISH_ID)
    t = catalogue(language)
    assert _texts(wizard) == t("ui.finish.intro") + " " + t("ui.finish.privacy")
    assert all(words in _texts(wizard).lower() for words in OWN[language])


CLOSES = {"nl": "homecheck sluit", "en": "homecheck closes"}
THE_LIST = {"nl": "uit de lijst", "en": "from the list"}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["self", "caregiver"])
def test_the_save_page_says_what_finish_does_next(
    make_wizard, dialogs, language: str, role: str
) -> None:
    # Finish closes homecheck for the person (the window goes: she is told so beforehand);
    # a caregiver or therapist goes back to the list of people.
    wizard = make_wizard(Settings(language=language))
    start_check(wizard, dialogs, role, "Mam")
    wizard.go_to(FINISH_ID)
    help_text = wizard.finish_page.done_help.text()
    if role == "self":
        assert CLOSES[language] in help_text and THE_LIST[language] not in help_text
    else:
        assert THE_LIST[language] in help_text and CLOSES[language] not in help_text
