"""Arriving on the client page, the search field and the chosen client are both in view: with
thousands of clients the search is the way in, and a short window (2x scaling on a laptop, the
largest text) scrolled the page down to the chosen row, the search field out of sight."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from homecheck.ui.pages.base import CLIENTS_ID
from homecheck.ui.settings import Settings
from tests.ui.helpers import choose_role

pytestmark = pytest.mark.gui


def _seen(page, widget: QWidget, rect: QRect | None = None) -> bool:  # type: ignore[no-untyped-def]
    """True when the rectangle (the whole widget by default) is inside the page's view."""
    viewport = page.scroller.viewport()
    rect = rect or widget.rect()
    top = widget.mapTo(viewport, rect.topLeft()).y()
    bottom = widget.mapTo(viewport, rect.bottomLeft()).y()
    return top >= 0 and bottom <= viewport.height()


def _to_the_client_page_with_40_clients(wizard) -> None:  # type: ignore[no-untyped-def]
    with wizard.ctx.session.store.transaction() as db:
        db.executemany("INSERT INTO clients (label, created) VALUES (?, '2026-01-01')",
                       [(f"Mevr. Jansen {n:02d}",) for n in range(40)])
    choose_role(wizard, "therapist")
    wizard.next()


def test_search_field_and_chosen_client_in_view_on_arrival(make_wizard) -> None:
    wizard = make_wizard(Settings(language="nl", text_size=20))
    wizard.resize(900, 480)
    _to_the_client_page_with_40_clients(wizard)
    assert wizard.currentId() == CLIENTS_ID
    page = wizard.clients_page
    client_list = page.client_list
    chosen = client_list.clients[25]
    client_list.choose(chosen.id)
    wizard.back()
    wizard.next()  # arriving again, that client chosen
    QApplication.processEvents()
    assert client_list.client_id == chosen.id
    lst = client_list.list
    assert lst.hasFocus()
    assert _seen(page, client_list.search_edit), "search field out of view"
    row = lst.visualItemRect(lst.currentItem())
    assert lst.viewport().rect().contains(row), "chosen row scrolled out of the list"
    shown = QRect(lst.viewport().mapTo(lst, row.topLeft()), row.size())
    assert _seen(page, lst, shown), "chosen row below the page's view"


@pytest.mark.parametrize("text_size", [14, 20])
def test_the_page_intro_stays_in_view_in_a_short_window(make_wizard, text_size) -> None:
    # 2x scaling on a 1366x768 laptop: 683x384 logical pixels, less the panel. The list (the
    # focused control) is taller than the view; its first line and the search field can be
    # seen from the page's top, so the page's intro stays in view too.
    wizard = make_wizard(Settings(language="nl", text_size=text_size))
    wizard.setMinimumSize(600, 300)  # as window_fit allows on a screen that small
    wizard.resize(683, 384)
    _to_the_client_page_with_40_clients(wizard)
    page = wizard.clients_page
    client_list = page.client_list
    client_list.choose(client_list.clients[25].id)
    wizard.back()
    wizard.next()
    QApplication.processEvents()
    lst = client_list.list
    assert lst.hasFocus() and not _seen(page, lst)  # the case meant
    assert page.scroller.verticalScrollBar().value() == 0, "opened scrolled past its intro"
    assert _seen(page, page.intro) and _seen(page, client_list.search_edit)
    row = lst.visualItemRect(lst.currentItem())
    shown = QRect(lst.viewport().mapTo(lst, row.topLeft()), row.size())
    assert _seen(page, lst, shown), "chosen row below the page's view"
