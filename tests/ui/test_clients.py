"""The client list for therapists and caregivers: add, rename, search, delete, and their checks."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from homecheck.store import clients
from homecheck.ui.pages.base import ABOUT_ID, CLIENTS_ID, START_ID
from tests.ui.helpers import choose_role, finish_check_for_new_client, first_room

pytestmark = pytest.mark.gui


def _to_client_page(make_wizard, role: str = "therapist"):  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    choose_role(wizard, role)
    wizard.next()
    assert wizard.currentId() == CLIENTS_ID
    return wizard, wizard.clients_page


def _labels(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.label for c in page.client_list.clients]


def test_self_never_meets_the_client_list_or_the_word(make_wizard) -> None:
    wizard = make_wizard()
    assert "clients" not in [key for _id, key in wizard.side._entries]
    texts = [w.text() for w in wizard.start_page.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in wizard.start_page.findChildren(QAbstractButton) if w.isVisible()]
    assert texts and not [t for t in texts if "client" in t.lower()]
    wizard.next()
    assert wizard.currentId() == ABOUT_ID
    assert wizard.ctx.session.client_id is None


def test_add_search_rename_and_a_check_for_the_chosen_client(make_wizard, dialogs) -> None:
    wizard, page = _to_client_page(make_wizard)
    assert "clients" in [key for _id, key in wizard.side._entries]
    assert page.client_list.empty.isVisible()
    dialogs.texts = ["Mrs Jansen, Kerkstraat", "Mr <b>de Boer</b> & co", "   "]
    assert page.client_list.add() is not None
    assert page.client_list.add() is not None
    assert page.client_list.add() is None  # blank: nothing added
    assert sorted(_labels(page)) == ["Mr <b>de Boer</b> & co", "Mrs Jansen, Kerkstraat"]
    entry_texts = [page.client_list.list.item(n).text() for n in range(2)]
    assert any(text.startswith("Mr <b>de Boer</b> & co\n") for text in entry_texts)
    page.client_list.search_edit.setText("jans")
    assert _labels(page) == ["Mrs Jansen, Kerkstraat"]
    jansen = page.client_list.client_id
    page.client_list.search_edit.setText("nobody")
    assert _labels(page) == [] and "nobody" in page.client_list.empty.text()
    page.client_list.search_edit.setText("")
    page.client_list.choose(jansen)
    dialogs.texts = ["Mrs J."]
    assert page.client_list.rename()
    assert page.client_list.label_of(jansen) == "Mrs J."
    assert not page.followup_radio.isVisible() and page.new_radio.isChecked()
    wizard.next()  # a new check for Mrs J.
    session = wizard.ctx.session
    assert wizard.currentId() == ABOUT_ID
    assert session.client_id == jansen and session.assessment.client == "Mrs J."
    assert session.store.list_checks(jansen)[0].id == session.check_id


def test_the_checks_of_a_client_show_date_who_score_and_open_actions(make_wizard, dialogs) -> None:
    wizard, page = _to_client_page(make_wizard)
    wizard.start_page.assessor_edit.setText("Anna")
    dialogs.texts = ["Client 14"]
    page.client_list.add()
    wizard.next()
    room = first_room(wizard)
    for row in room.rows[:3]:
        row.choices.choose_number(1)  # three hazards
    wizard.ctx.session.set_done(room.rows[0].item.id, True)
    wizard.go_to(CLIENTS_ID)
    assert page.current.isVisible() and "Client 14" in page.current.text()
    assert not page.followup_radio.isVisible()  # a check is under way: nothing to start
    text = page.checks_list.item(0).text()
    home = wizard.ctx.session.score()
    assert "Anna" in text and "not finished" in text
    assert f"score {home.score} of 100" in text and "actions still to do: 2" in text
    wizard.next()  # Next goes on with the same check, it does not start another
    assert wizard.ctx.session.store.list_checks(wizard.ctx.session.client_id)[0].answered == 3
    assert len(wizard.ctx.session.store.list_checks()) == 1


def test_delete_asks_first_and_cancel_changes_nothing(make_wizard, dialogs) -> None:
    wizard, page = _to_client_page(make_wizard)
    store = wizard.ctx.session.store
    keep = clients.add_client(store, "Keep me")
    gone = clients.add_client(store, "Delete me")
    from homecheck.domain.assessment import Assessment

    store.create_check(Assessment(areas=[], client="Delete me"), client_id=gone)
    page.client_list.refresh()
    page.client_list.choose(gone)
    dialogs.yes_no = [False]
    assert not page.client_list.delete()
    asked = dialogs.named("confirm_delete")
    assert len(asked) == 1 and "Delete me" in asked[0][2] and "cannot be undone" in asked[0][2]
    assert sorted(_labels(page)) == ["Delete me", "Keep me"]
    assert len(store.list_checks(gone)) == 1
    dialogs.yes_no = [True]
    assert page.client_list.delete()
    assert _labels(page) == ["Keep me"] and store.list_checks(gone) == []
    assert page.client_list.client_id == keep  # the list moves on to someone who is there


def test_the_client_of_the_open_check_cannot_be_deleted(make_wizard, dialogs) -> None:
    wizard, page = _to_client_page(make_wizard, role="caregiver")
    assert "people you check for" in page.client_list.list_heading.text()
    dialogs.texts = ["Mum"]
    page.client_list.add()
    wizard.next()
    wizard.back()
    assert not page.client_list.delete()
    assert dialogs.named("error") and not dialogs.named("confirm_delete")
    assert _labels(page) == ["Mum"]
    dialogs.texts = ["Mother"]
    page.client_list.rename()  # the open check gets the new label too, now and in the store
    session = wizard.ctx.session
    assert session.assessment.client == "Mother"
    assert session.store.load_check(session.check_id).client == "Mother"


def test_next_without_a_client_says_what_to_do(make_wizard, dialogs) -> None:
    wizard, page = _to_client_page(make_wizard)
    wizard.next()
    assert wizard.currentId() == CLIENTS_ID
    assert page.message.isVisible() and wizard.ctx.session.check_id is None
    wizard.back()
    assert wizard.currentId() == START_ID


def test_open_an_earlier_check_and_choose_another(make_wizard, dialogs) -> None:
    wizard, page = _to_client_page(make_wizard)
    dialogs.texts = ["A", "B"]
    page.client_list.add()
    wizard.next()
    first_check = wizard.ctx.session.check_id
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.go_to(CLIENTS_ID)
    page.choose_another()
    assert page.new_radio.isVisible()
    page.client_list.add()  # B
    wizard.next()
    assert wizard.ctx.session.check_id != first_check
    wizard.go_to(CLIENTS_ID)
    page.choose_another()
    a = next(c.id for c in page.client_list.clients if c.label == "A")
    page.client_list.choose(a)
    assert page.open_button.isVisible()
    page.open_chosen()
    session = wizard.ctx.session
    assert session.check_id == first_check and session.assessment.client == "A"
    assert session.answer(first_room(wizard).rows[0].item.id) is not None


def test_a_new_check_for_a_client_leaves_the_offered_check_alone(make_wizard, dialogs) -> None:
    wizard, page = _to_client_page(make_wizard)
    dialogs.texts = ["First"]
    page.client_list.add()
    wizard.next()
    first_room(wizard).rows[0].choices.choose_number(1)
    unfinished = wizard.ctx.session.check_id
    wizard.close()
    wizard.ctx.session.close()
    again = make_wizard()
    assert again.start_page.resume_radio.isChecked()  # the unfinished check is offered
    again.start_page.new_radio.setChecked(True)
    again.next()
    page = again.clients_page
    assert again.currentId() == CLIENTS_ID and not page.decided()  # choose, don't continue
    dialogs.texts = ["Second"]
    page.client_list.add()
    again.next()
    session = again.ctx.session
    assert session.check_id != unfinished and session.assessment.client == "Second"
    first_room(again).rows[0].choices.choose_number(2)
    assert session.store.load_check(unfinished).answers.popitem()[1].answer == "hazard"


def test_real_dialogs_ask_for_text_and_default_to_keeping_data(monkeypatch, qapp) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from homecheck.ui.dialogs import QtDialogs

    seen: list[object] = []

    def box_exec(box: QMessageBox) -> int:
        seen.append(box.defaultButton() is box.button(QMessageBox.StandardButton.No))
        seen.append(box.escapeButton() is box.button(QMessageBox.StandardButton.No))
        return int(QMessageBox.StandardButton.No.value)

    def input_exec(dialog: QInputDialog) -> int:
        seen.append(dialog.textValue())
        dialog.setTextValue("Mrs B.")
        return int(QInputDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QInputDialog, "exec", input_exec)
    assert QtDialogs().confirm_delete(None, "Delete?", "Really?") is False
    assert QtDialogs().ask_text(None, "Rename", "Name:", "Mrs A.") == "Mrs B."
    assert seen == [True, True, "Mrs A."]


def test_nothing_is_cut_off_at_the_largest_text(qtbot, make_wizard, dialogs) -> None:
    from PySide6.QtWidgets import QApplication

    from homecheck.ui.pages.base import SUMMARY_ID
    from homecheck.ui.settings import Settings

    def fits(page) -> bool:  # type: ignore[no-untyped-def]
        QApplication.processEvents()
        return page.scroller.widget().width() <= page.scroller.viewport().width()

    first = make_wizard(Settings(language="nl", text_size=20))
    long_label = "Moeder, Lange Nieuwstraat 123, 3512 PN Utrecht"
    finish_check_for_new_client(first, dialogs, "caregiver", long_label)
    wizard = make_wizard(Settings(language="nl", text_size=20))
    assert wizard.start_page.role() == "caregiver"
    wizard.start_page.role_radios["self"].setChecked(True)
    assert fits(wizard.start_page)
    choose_role(wizard, "caregiver")
    wizard.next()
    page = wizard.clients_page
    assert page.followup_radio.isVisible() and fits(page)
    wizard.next()
    assert fits(first_room(wizard))  # with "Last time" under every question
    wizard.go_to(SUMMARY_ID)
    assert wizard.summary_page.followup.isVisible() and fits(wizard.summary_page)


def test_delete_offers_to_save_a_copy_first(make_wizard, dialogs, tmp_path) -> None:
    import json

    from homecheck.domain.assessment import Answer, Assessment

    wizard, page = _to_client_page(make_wizard)
    store = wizard.ctx.session.store
    gone = clients.add_client(store, "Mrs Copy")
    item = wizard.ctx.checklist.areas[0].items[0].id
    check_id = store.create_check(
        Assessment(areas=[wizard.ctx.checklist.areas[0].id], client="Mrs Copy"), client_id=gone
    )
    store.save_answer(check_id, item, Answer("hazard", note="loose rug"))
    page.client_list.refresh()
    page.client_list.choose(gone)
    dialogs.save_copy_first = True
    dialogs.save_paths = [tmp_path / "mrs-copy"]  # the suffix is added
    dialogs.yes_no = [True]
    assert page.client_list.delete()
    assert dialogs.named("save_copy") == [("save_copy", "Save a copy first…")]
    saved = json.loads((tmp_path / "mrs-copy.json").read_text(encoding="utf-8"))
    assert saved["client"] == "Mrs Copy"
    assert store.list_checks(gone) == []
    assert "loose rug" in (tmp_path / "mrs-copy.json").read_text(encoding="utf-8")
