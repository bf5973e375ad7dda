"""Alt+letter shortcuts are unique among what a page shows (both languages)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from homecheck.ui.pages.base import CLIENTS_ID, FINISH_ID, SUMMARY_ID
from homecheck.ui.pages.room import RoomPage
from homecheck.ui.settings import Settings
from homecheck.ui.widgets.answer_row import AnswerRow
from homecheck.ui.widgets.choice import ChoiceButtons
from tests.ui.helpers import choose_role, first_room

pytestmark = pytest.mark.gui
_MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonics(wizard: QWidget) -> dict[str, list[str]]:
    """Letter -> texts of the visible buttons and labels that use it."""
    found: dict[str, list[str]] = {}
    widgets = wizard.findChildren(QAbstractButton) + wizard.findChildren(QLabel)
    for widget in widgets:
        if not widget.isVisibleTo(wizard) or _in_row(widget):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is widget.parentWidget():
            continue  # the text of a WrapRadioButton or WrapCheckBox: counted as the button
        match = _MNEMONIC.search(widget.text().replace("&&", ""))
        if match:
            found.setdefault(match.group(1).lower(), []).append(widget.text())
    return found


def _in_row(widget: QWidget) -> bool:
    # Each answer row repeats its own 1/2/3, Why and Note shortcuts on purpose, and each
    # question's choices their 1/2/3/4: Alt+key then steps from one to the next, as Qt does
    # for repeated mnemonics.
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, AnswerRow | ChoiceButtons):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("language", ["en", "nl"])
def test_start_about_home_and_room_pages_have_no_shortcut_twice(make_wizard, language: str) -> None:
    wizard = make_wizard(Settings(language=language))
    pages = [wizard.currentPage()]
    while not isinstance(wizard.currentPage(), RoomPage):
        wizard.next()
        pages.append(wizard.currentPage())
    for _page in pages:
        wizard.go_to(_page.page_id)
        twice = {k: v for k, v in _mnemonics(wizard).items() if len(v) > 1}
        assert twice == {}, f"{type(_page).__name__}: {twice}"


def _twice(wizard: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in _mnemonics(wizard).items() if len(v) > 1}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_client_page_has_no_shortcut_twice(make_wizard, dialogs, language: str) -> None:
    """A therapist's client page, with the chosen client's earlier check shown (open and delete
    buttons) and later during a check (choose another): Alt+O, Alt+T … each reach one thing."""
    wizard = make_wizard(Settings(language=language))
    choose_role(wizard, "therapist")
    wizard.next()
    page = wizard.clients_page
    dialogs.texts = ["Mrs J.", "Mr B."]
    page.client_list.add()
    wizard.next()
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.go_to(CLIENTS_ID)
    assert page.current.isVisible()
    assert _twice(wizard) == {}, "during a check"
    page.choose_another()
    page.client_list.add()  # Mr B., and a check for him
    wizard.next()
    wizard.go_to(CLIENTS_ID)
    page.choose_another()
    page.client_list.choose(next(c.id for c in page.client_list.clients if c.label == "Mrs J."))
    assert page.open_button.isVisible() and page.delete_check_button.isVisible()
    assert _twice(wizard) == {}, "choosing an earlier check"


@pytest.mark.parametrize("role", ["self", "therapist"])
@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_summary_and_save_pages_have_no_shortcut_twice(
    make_wizard, dialogs, language: str, role: str
) -> None:
    wizard = make_wizard(Settings(language=language))
    choose_role(wizard, role)
    wizard.next()
    if role != "self":
        dialogs.texts = ["Mrs J."]
        wizard.clients_page.client_list.add()
        wizard.next()
    for row in first_room(wizard).rows[:3]:
        row.choices.choose_number(1)  # hazards: the summary lists their actions
    for page_id in (SUMMARY_ID, FINISH_ID):
        wizard.go_to(page_id)
        assert wizard.currentId() == page_id
        assert _twice(wizard) == {}, type(wizard.currentPage()).__name__


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_your_home_box_has_its_own_shortcut(make_wizard, language: str) -> None:
    wizard = make_wizard(Settings(language=language))
    wizard.next()
    wizard.next()
    boxes = wizard.home_page.boxes.values()
    letters = [_MNEMONIC.search(box.text()) for box in boxes]
    assert all(letters), [box.text() for box in boxes]
    assert len({m.group(1).lower() for m in letters if m}) == len(letters)


def test_with_mnemonics_gives_each_text_its_own_free_letter() -> None:
    from homecheck.ui.widgets.labels import with_mnemonics

    # The most constrained text chooses first: "Wc" would have nothing left otherwise.
    assert with_mnemonics(["Woonkamer", "Wc"], {"c"}) == ["W&oonkamer", "&Wc"]
    texts = with_mnemonics(["Garden", "Gang", "Garage"], {"g"})
    letters = [_MNEMONIC.search(t).group(1).lower() for t in texts]  # type: ignore[union-attr]
    assert len(set(letters)) == 3 and "g" not in letters
    # An "&" in a title is shown, not read as a shortcut.
    assert with_mnemonics(["Bed & bath"], {"b", "e", "d"}) == ["Bed && b&ath"]
    assert with_mnemonics(["Ab"], {"a", "b"}) == ["Ab"]  # nothing free: no shortcut


@pytest.mark.parametrize("language", ["en", "nl"])
def test_where_is_my_data_opened_has_no_shortcut_twice(make_wizard, language: str) -> None:
    """Its buttons against the side panel's (a wide window shows both)."""
    wizard = make_wizard(Settings(language=language))
    wizard.start_page.privacy.where_button.click()
    twice = {k: v for k, v in _mnemonics(wizard).items() if len(v) > 1}
    assert twice == {}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_going_back_with_alt_never_chooses_something_on_the_start_page(
    make_wizard, language: str
) -> None:
    """Alt+Back pressed again and again ends on the start page, which has no Back button: there
    the same letter must not choose something (it chose "a therapist" in Dutch, Alt+T)."""
    from PySide6.QtWidgets import QWizard

    wizard = make_wizard(Settings(language=language))
    back = _MNEMONIC.search(wizard.button(QWizard.WizardButton.BackButton).text())
    assert back is not None
    assert back.group(1).lower() not in _mnemonics(wizard)
