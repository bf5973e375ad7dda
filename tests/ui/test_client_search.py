"""Search as you type in a long client list: a key hides and shows rows, it rebuilds nothing
and reads nothing from the store (issue 14: 127 ms per key at 10,000 clients before)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from homecheck.store import clients
from homecheck.ui.pages.base import CLIENTS_ID
from tests.ui.helpers import choose_role

pytestmark = pytest.mark.gui


def _client_page(make_wizard, labels: list[str]):  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    for label in labels:
        clients.add_client(wizard.ctx.session.store, label)
    choose_role(wizard, "therapist")
    wizard.next()
    assert wizard.currentId() == CLIENTS_ID
    return wizard.clients_page.client_list


def _shown(client_list) -> list[str]:  # type: ignore[no-untyped-def]
    rows = range(client_list.list.count())
    return sorted(client_list.list.item(n).text().split("\n")[0] for n in rows
                  if not client_list.list.isRowHidden(n))


def test_a_search_key_rebuilds_nothing_and_reads_nothing(make_wizard, qtbot) -> None:
    labels = [f"Mevr. Jansen {n:02d}" for n in range(30)] + ["Dhr. Visser", "Élise Dubois"]
    client_list = _client_page(make_wizard, labels)
    items = [client_list.list.item(n) for n in range(client_list.list.count())]
    assert len(items) == 32
    statements: list[str] = []
    client_list.ctx.session.store._db.set_trace_callback(statements.append)
    try:
        qtbot.keyClicks(client_list.search_edit, "jansen 1")
    finally:
        client_list.ctx.session.store._db.set_trace_callback(None)
    assert _shown(client_list) == [f"Mevr. Jansen {n}" for n in range(10, 20)]
    assert [c.label for c in client_list.clients] == _shown(client_list)
    # The same row objects: the list was filtered, not built again for every key...
    assert [client_list.list.item(n) for n in range(client_list.list.count())] == items
    # ...and the search did not ask the store (choosing the first match may read that
    # client's checks; nothing lists the clients again).
    assert not [s for s in statements if "FROM clients" in s]


def test_the_search_ignores_case_and_accents_are_letters(make_wizard, qtbot) -> None:
    client_list = _client_page(make_wizard, ["Élise Dubois", "Dhr. Visser", "eliza"])
    client_list.search_edit.setText("éLISE")  # (QtTest types ASCII only)
    assert _shown(client_list) == ["Élise Dubois"]
    assert client_list.client_id == client_list.clients[0].id
    client_list.search_edit.clear()
    assert len(_shown(client_list)) == 3
    qtbot.keyClicks(client_list.search_edit, "nobody")
    assert _shown(client_list) == [] and client_list.empty.isVisible()
    assert client_list.client_id is None


def test_keyboard_moves_only_over_shown_rows(make_wizard, qtbot) -> None:
    client_list = _client_page(make_wizard, ["Anna A", "Bert B", "Anna C"])
    qtbot.keyClicks(client_list.search_edit, "anna")
    first = client_list.client_id
    client_list.list.setFocus()
    qtbot.keyClick(client_list.list, Qt.Key.Key_Down)
    second = client_list.client_id
    assert {client_list.label_of(first), client_list.label_of(second)} == {"Anna A", "Anna C"}
