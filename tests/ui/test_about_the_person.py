"""About the person, filled in by a therapist or caregiver: the page says once, at the top, whom
the questions are about; the questions themselves stay short ("Does the person live alone?"),
also for a long client label, and say to a screen reader what they show. The person filling in
for themselves reads the questions as before."""

from __future__ import annotations

import pytest

from homecheck.domain.person import person_content
from homecheck.i18n import catalogue
from homecheck.ui.pages.base import ABOUT_ID
from homecheck.ui.settings import Settings
from tests.ui.helpers import start_check

pytestmark = pytest.mark.gui

LONG = "Mevrouw Johanna Jansen-de Vries, Kerkstraat 12"
SHOWN = "Mevrouw Johanna Jansen-de Vries…"  # cut after a whole word, in the heading and intro


def _about(make_wizard, dialogs, language: str, role: str, label: str = LONG):  # type: ignore[no-untyped-def]
    wizard = make_wizard(settings=Settings(language=language))
    start_check(wizard, dialogs, role, label)
    assert wizard.currentId() == ABOUT_ID
    return wizard.about_page


def _question_texts(page) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {key: (label.text(), help_label.text())
            for key, (label, help_label, _earlier) in page.question_labels.items()}


def _spoken(page, key: str) -> str:  # type: ignore[no-untyped-def]
    """What a screen reader says the answer control of a question is about."""
    widget = page.choices.get(key) or page.numbers.get(key) or page.goals
    return widget.accessibleName()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_person_reads_the_questions_as_before(make_wizard, dialogs, language: str) -> None:
    page = _about(make_wizard, dialogs, language, "self")
    content = person_content()
    assert page.heading.text() == catalogue(language)("ui.about.title")
    assert page.intro.text() == content.intro(language)
    for key, (text, help_text) in _question_texts(page).items():
        question = content.questions[key]
        assert (text, help_text) == (question.text(language), question.help(language))
        assert _spoken(page, key) == text
    assert page.fesi_intro.text() == content.fesi_intro(language)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["therapist", "caregiver"])
def test_whom_is_said_once_and_the_questions_stay_short(make_wizard, dialogs, language: str,
                                                        role: str) -> None:
    page = _about(make_wizard, dialogs, language, role)
    content = person_content()
    the_person = content.who(language)  # "de persoon" / "the person"
    # Who is meant: in the heading and the intro at the top of the page.
    assert SHOWN in page.heading.text()
    assert SHOWN in page.intro.text() and "…." not in page.intro.text()
    # The questions (and what a screen reader says of them) do not repeat the label.
    for key, (text, help_text) in _question_texts(page).items():
        question = content.questions[key]
        assert (text, help_text) == question.wording(language, the_person)
        assert "Jansen" not in text + help_text, key
        assert _spoken(page, key) == text
    assert "Jansen" not in page.fesi_intro.text()
    assert page.fesi_intro.text() == content.fesi_intro_about(language).format(who=the_person)
    if language == "en":
        assert page.question_labels["lives_alone"][0].text() == "Does the person live alone?"


def test_a_new_label_or_language_shows_at_the_top_only(make_wizard, dialogs) -> None:
    page = _about(make_wizard, dialogs, "en", "caregiver", "Mum")
    assert "Mum" in page.heading.text() and "Mum" in page.intro.text()
    wizard = page.nav()
    wizard.ctx.session.assessment.client = "Dad"
    wizard.set_language("nl")
    page.on_enter()
    assert "Dad" in page.heading.text() and "Dad" in page.intro.text()
    texts = [text + help_text for text, help_text in _question_texts(page).values()]
    assert not [text for text in texts if "Dad" in text or "Mum" in text]
    lives_alone = person_content().questions["lives_alone"]
    assert page.question_labels["lives_alone"][0].text() == lives_alone.about("nl").format(
        who="de persoon")
