"""A therapist or caregiver reads, above each room's questions and on the page that asks which
parts the home has, whose home they are filling in: the questions say "je voordeur" / "your front
door" and mean the client's. The person filling in for themselves gets no extra line, and nobody's
questions are reworded."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from homecheck.domain.assessment import Assessment
from homecheck.i18n import catalogue
from homecheck.ui.pages.base import HOME_ID, START_ID
from homecheck.ui.pages.whose import LABEL_LIMIT, client_label
from homecheck.ui.settings import Settings
from tests.ui.helpers import choose_role, first_room, start_check

pytestmark = pytest.mark.gui

LABEL = "Mrs J., Kerkstraat"


def _room(make_wizard, dialogs, language: str, role: str, label: str = LABEL):  # type: ignore[no-untyped-def]
    wizard = make_wizard(settings=Settings(language=language))
    start_check(wizard, dialogs, role, label)
    return wizard, first_room(wizard)


def _above_questions(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts shown above the first question, top to bottom."""
    body = page.scroller.widget().layout()
    lines = []
    for index in range(body.count()):
        widget = body.itemAt(index).widget()
        if widget is page.rows[0]:
            return lines
        if isinstance(widget, QLabel) and widget.isVisibleTo(page) and widget.text():
            lines.append(widget.text())
    raise AssertionError("no question on the page")


def _questions_as_written(page, language: str) -> None:  # type: ignore[no-untyped-def]
    t = catalogue(language)
    count = len(page.area.items)
    for number, row in enumerate(page.rows, start=1):
        question = row.item.question(language)
        assert row.question.text() == t("ui.room.question", number=number, count=count,
                                        question=question)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_person_gets_the_room_as_before(make_wizard, dialogs, language: str) -> None:
    _wizard, page = _room(make_wizard, dialogs, language, "self")
    t = catalogue(language)
    assert _above_questions(page) == [page.area.intro(language), t("ui.room.hint")]
    _questions_as_written(page, language)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["therapist", "caregiver"])
def test_someone_else_reads_whose_home_it_is(make_wizard, dialogs, language: str,
                                             role: str) -> None:
    _wizard, page = _room(make_wizard, dialogs, language, role)
    t = catalogue(language)
    line = t("ui.for_whom.home", who=LABEL)
    assert LABEL in line
    assert _above_questions(page) == [line, page.area.intro(language), t("ui.room.hint")]
    _questions_as_written(page, language)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_without_a_label_the_line_says_someone_else(make_wizard, dialogs, language: str) -> None:
    wizard, page = _room(make_wizard, dialogs, language, "caregiver")
    wizard.ctx.session.assessment.client = ""
    page.on_enter()
    t = catalogue(language)
    assert _above_questions(page)[0] == t("ui.for_whom.home_unnamed")


def test_the_line_follows_the_language_the_role_and_a_long_label(make_wizard, dialogs) -> None:
    label = "Mrs Johanna Jansen-de Vries, Kerkstraat 112 B, Utrecht"
    wizard, page = _room(make_wizard, dialogs, "en", "therapist", label)
    cut = "Mrs Johanna Jansen-de Vries, Kerkstraat…"  # cut after a whole word
    for language in ("en", "nl"):
        wizard.set_language(language)
        line = _above_questions(page)[0]
        assert cut in line and label not in line and "…." not in line
        assert line == catalogue(language)("ui.for_whom.home", who=cut).replace("….", "…")
    # Back to the start page: "I fill it in for myself"; the room has no line any more.
    while wizard.currentId() != START_ID:
        wizard.back()
    choose_role(wizard, "self")
    assert first_room(wizard) is page
    assert _above_questions(page) == [page.area.intro("nl"), catalogue("nl")("ui.room.hint")]


@pytest.mark.parametrize(
    ("client", "shown"),
    [("Mum", "Mum"), ("  Mrs J.,\n Kerkstraat ", "Mrs J., Kerkstraat"), ("", ""),
     ("Mevrouw Johanna Jansen-de Vries, Kerkstraat 12", "Mevrouw Johanna Jansen-de Vries…"),
     ("M" * 60, "M" * 39 + "…")],
)
def test_a_label_is_shown_on_one_line_and_cut_after_a_word(client: str, shown: str) -> None:
    assert client_label(Assessment(role="caregiver", client=client)) == shown
    assert len(shown) <= LABEL_LIMIT
    assert client_label(Assessment(role="self", client=client)) is None


def _your_home(make_wizard, dialogs, language: str, role: str, label: str = LABEL):  # type: ignore[no-untyped-def]
    wizard = make_wizard(settings=Settings(language=language))
    start_check(wizard, dialogs, role, label)
    wizard.next()  # past About you / About the person
    assert wizard.currentId() == HOME_ID
    return wizard.home_page


def _above_boxes(page) -> list[str]:  # type: ignore[no-untyped-def]
    first_box = next(iter(page.boxes.values()))
    body = page.scroller.widget().layout()
    lines = []
    for index in range(body.count()):
        widget = body.itemAt(index).widget()
        if widget is first_box:
            return lines
        if isinstance(widget, QLabel) and widget.isVisibleTo(page) and widget.text():
            lines.append(widget.text())
    raise AssertionError("no box on the page")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_person_chooses_the_parts_of_their_own_home(make_wizard, dialogs,
                                                        language: str) -> None:
    page = _your_home(make_wizard, dialogs, language, "self")
    t = catalogue(language)
    assert page.heading.text() == t("ui.home.title")
    assert _above_boxes(page) == [t("ui.home.intro")]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ["therapist", "caregiver"])
def test_someone_else_chooses_the_parts_of_the_clients_home(make_wizard, dialogs, language: str,
                                                           role: str) -> None:
    page = _your_home(make_wizard, dialogs, language, role)
    t = catalogue(language)
    assert page.heading.text() == t("ui.for_whom.home_title", who=LABEL)
    assert page.heading.text() != t("ui.home.title")
    assert _above_boxes(page) == [t("ui.for_whom.home", who=LABEL), t("ui.home.intro")]
