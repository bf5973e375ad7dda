"""Searching the client list by several words: "jansen beuk" finds "Mevr. H. Jansen, Beukenhof 9",
as a therapist types a name and a street, in any order, with or without the comma."""

from __future__ import annotations

import pytest

from homecheck.ui.pages.base import CLIENTS_ID
from tests.ui.helpers import choose_role

pytestmark = pytest.mark.gui

LABELS = ["Mevr. H. Jansen, Beukenhof 9", "Mevr. H. Jansen, Kerkstraat 4",
          "Dhr. P. Beuk, Dorpsweg 1", "Mevr. J. de Boer, Stationsplein 7"]


def _on_the_client_page(make_wizard):  # type: ignore[no-untyped-def]
    """A therapist on the client page of a store holding LABELS."""
    wizard = make_wizard()
    with wizard.ctx.session.store.transaction() as db:
        db.executemany("INSERT INTO clients (label, created) VALUES (?, '2026-01-01')",
                       [(label,) for label in LABELS])
    choose_role(wizard, "therapist")
    wizard.next()
    return wizard


@pytest.mark.parametrize(
    ("typed", "found"),
    [("jansen beuk", ["Mevr. H. Jansen, Beukenhof 9"]),
     ("Beukenhof  JANSEN", ["Mevr. H. Jansen, Beukenhof 9"]),
     ("jansen, beukenhof", ["Mevr. H. Jansen, Beukenhof 9"]),
     ("h. jansen", ["Mevr. H. Jansen, Beukenhof 9", "Mevr. H. Jansen, Kerkstraat 4"]),
     ("de boer", ["Mevr. J. de Boer, Stationsplein 7"]),
     ("jansen dorpsweg", [])],
)
def test_every_typed_word_is_looked_for(make_wizard, qtbot, typed: str, found: list[str]) -> None:
    wizard = _on_the_client_page(make_wizard)
    assert wizard.currentId() == CLIENTS_ID
    client_list = wizard.clients_page.client_list
    qtbot.keyClicks(client_list.search_edit, typed)
    assert sorted(info.label for info in client_list.clients) == sorted(found)
    assert client_list.empty.isVisible() == (not found)


def test_leaving_right_after_typing_shows_the_history_at_once(make_wizard, qtbot, dialogs) -> None:
    wizard = _on_the_client_page(make_wizard)
    page = wizard.clients_page
    qtbot.keyClicks(page.client_list.search_edit, "boer")
    assert page.details_timer.isActive()  # the history waits for the typing to pause
    dialogs.default_yes = True
    wizard.close()  # before it is shown: shown now, never later from a closed store
    assert not page.details_timer.isActive()
    assert page.checks_heading.text().endswith("Mevr. J. de Boer, Stationsplein 7")
    wizard.ctx.session.store.close()
    qtbot.wait(300)  # a timer left running would now read the closed store and fail the test
