"""Search as you type in a long client list: a key reads nothing from the store, rows are made
again only when the listed clients change, and the list never grows past SHOWN_AT_MOST rows
(issue 14: 127 ms per key and 4 s start-up at 10,000 clients before). The chosen client's
history is shown when the typing pauses, not redrawn at every key."""

from __future__ import annotations

import pytest

from homecheck.ui.pages import clients as clients_page
from homecheck.ui.pages.base import CLIENTS_ID
from homecheck.ui.widgets.client_list import SHOWN_AT_MOST
from tests.ui.helpers import choose_role, first_room

pytestmark = pytest.mark.gui


def _client_page(make_wizard, labels: list[str]):  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    store = wizard.ctx.session.store
    with store.transaction() as db:  # many clients at once (add_client commits each)
        db.executemany("INSERT INTO clients (label, created) VALUES (?, '2026-01-01')",
                       [(label,) for label in labels])
    choose_role(wizard, "therapist")
    wizard.next()
    assert wizard.currentId() == CLIENTS_ID
    return wizard.clients_page.client_list


def _listed(client_list) -> list[str]:  # type: ignore[no-untyped-def]
    return [client_list.list.item(n).text().split("\n")[0]
            for n in range(client_list.list.count())]


def test_a_search_key_reads_nothing_from_the_store(make_wizard, qtbot) -> None:
    labels = [f"Mevr. Jansen {n:02d}" for n in range(30)] + ["Dhr. Visser", "Élise Dubois"]
    client_list = _client_page(make_wizard, labels)
    statements: list[str] = []
    client_list.ctx.session.store._db.set_trace_callback(statements.append)
    try:
        qtbot.keyClicks(client_list.search_edit, "jansen 1")
    finally:
        client_list.ctx.session.store._db.set_trace_callback(None)
    assert sorted(_listed(client_list)) == [f"Mevr. Jansen {n}" for n in range(10, 20)]
    assert [c.label for c in client_list.clients] == _listed(client_list)
    # Choosing the first match may read that client's checks; nothing lists clients again.
    assert not [s for s in statements if "FROM clients" in s]


def test_rows_are_made_again_only_when_the_listed_clients_change(make_wizard, qtbot) -> None:
    client_list = _client_page(make_wizard, ["Anna de Vries", "Jan Bakker", "Anna Smit"])
    qtbot.keyClicks(client_list.search_edit, "a")  # every label has an "a": the same rows
    items = [client_list.list.item(n) for n in range(client_list.list.count())]
    assert len(items) == 3
    qtbot.keyClicks(client_list.search_edit, "n")  # "an": still all three
    assert [client_list.list.item(n) for n in range(client_list.list.count())] == items
    qtbot.keyClicks(client_list.search_edit, "na")  # "anna": two
    assert sorted(_listed(client_list)) == ["Anna Smit", "Anna de Vries"]


def test_a_long_list_shows_the_most_recent_and_the_search_finds_the_rest(
    make_wizard, qtbot
) -> None:
    labels = [f"Client {n:04d}" for n in range(SHOWN_AT_MOST + 50)]
    client_list = _client_page(make_wizard, labels)
    assert client_list.list.count() == SHOWN_AT_MOST
    assert client_list.more.isVisible()
    assert f"{SHOWN_AT_MOST}" in client_list.more.text()
    assert str(SHOWN_AT_MOST + 50) in client_list.more.text()
    listed = set(_listed(client_list))
    hidden = next(label for label in labels if label not in listed)
    qtbot.keyClicks(client_list.search_edit, hidden[-4:])
    assert _listed(client_list) == [hidden] and not client_list.more.isVisible()
    assert client_list.label_of(client_list.client_id) == hidden
    client_list.search_edit.clear()
    # The chosen client stays listed (and chosen) when the search is cleared.
    assert hidden in _listed(client_list) and client_list.list.count() == SHOWN_AT_MOST
    assert client_list.label_of(client_list.client_id) == hidden


def test_the_search_ignores_case_and_accents_are_letters(make_wizard, qtbot) -> None:
    client_list = _client_page(make_wizard, ["Élise Dubois", "Dhr. Visser", "eliza"])
    client_list.search_edit.setText("éLISE")  # (QtTest types ASCII only)
    assert _listed(client_list) == ["Élise Dubois"]
    assert client_list.client_id == client_list.clients[0].id
    client_list.search_edit.clear()
    assert len(_listed(client_list)) == 3 and not client_list.more.isVisible()
    qtbot.keyClicks(client_list.search_edit, "nobody")
    assert _listed(client_list) == [] and client_list.empty.isVisible()
    assert client_list.client_id is None


def _two_clients_with_a_finished_check(make_wizard, dialogs):  # type: ignore[no-untyped-def]
    """The client page after finishing a check for Anna Smit, then one for Jan Bakker."""
    wizard = make_wizard()
    choose_role(wizard, "therapist")
    wizard.next()
    page = wizard.clients_page
    for label in ("Anna Smit", "Jan Bakker"):
        dialogs.texts = [label]
        page.client_list.add()
        wizard.next()
        first_room(wizard).rows[0].choices.choose_number(1)
        dialogs.yes_no.insert(0, False)  # finish without saving the PDF now
        wizard.accept()
        assert wizard.currentId() == CLIENTS_ID
    page.client_list.choose(next(c.id for c in page.client_list.clients
                                 if c.label == "Jan Bakker"))
    return wizard, page


def test_fast_typing_shows_the_rows_at_once_and_the_history_when_typing_pauses(
    make_wizard, dialogs, qtbot, monkeypatch
) -> None:
    _wizard, page = _two_clients_with_a_finished_check(make_wizard, dialogs)
    client_list = page.client_list
    assert "Jan Bakker" in page.checks_heading.text()
    scored: list[int | None] = []
    real = clients_page.summaries
    monkeypatch.setattr(clients_page, "summaries",
                        lambda store, content, client_id: scored.append(client_id)
                        or real(store, content, client_id))
    qtbot.keyClicks(client_list.search_edit, "smi")
    # Every key narrows the list and moves the choice at once ...
    assert _listed(client_list) == ["Anna Smit"]
    assert client_list.label_of(client_list.client_id) == "Anna Smit"
    # ... while the chosen client's earlier checks are read and scored once, after the typing.
    assert scored == []
    qtbot.waitUntil(lambda: "Anna Smit" in page.checks_heading.text())
    assert scored == [client_list.client_id]
    assert page.base is not None and page.base.client_label == "Anna Smit"
    assert page.followup_radio.isVisible() and page.followup_radio.isChecked()
    qtbot.keyClicks(client_list.search_edit, "x")  # "smix": nobody
    qtbot.waitUntil(lambda: not page.checks_heading.isVisible())
    assert client_list.client_id is None and page.checks == [] and page.base is None


def test_next_right_after_typing_follows_up_the_typed_client(make_wizard, dialogs, qtbot) -> None:
    wizard, page = _two_clients_with_a_finished_check(make_wizard, dialogs)
    store = wizard.ctx.session.store
    anna = next(c.id for c in page.client_list.clients if c.label == "Anna Smit")
    earlier = store.list_checks(anna)[0].id
    qtbot.keyClicks(page.client_list.search_edit, "anna")
    wizard.next()  # before the history had been shown
    session = wizard.ctx.session
    assert session.client_id == anna and session.assessment.client == "Anna Smit"
    assert [c.id for c in store.list_checks(anna)][1:] == [earlier]  # a second check for Anna
    assert session.previous_id == earlier  # a follow-up of her earlier check
