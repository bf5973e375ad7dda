"""About you (issues 13 and 16): the profile questions, wording per role, the caregiver's Short
FES-I choice, the therapist's tests, derived key questions, "last time" and scrolling on."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget

from homecheck.domain import person, person_rules
from homecheck.domain.assessment import Assessment
from homecheck.ui.pages.base import ABOUT_ID
from tests.ui.helpers import KeyDriver, start_check


def _to_about(wizard, dialogs, role: str = "self", label: str = "Mum"):  # type: ignore[no-untyped-def]
    start_check(wizard, dialogs, role, label)
    assert wizard.currentId() == ABOUT_ID
    return wizard.about_page


def _in_view(page, widget: QWidget) -> bool:  # type: ignore[no-untyped-def]
    viewport = page.scroller.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()).center())


def test_every_yes_no_question_offers_yes_first_and_choices_keep_their_order(
    qtbot, make_wizard, dialogs
) -> None:
    wizard = make_wizard()
    page = _to_about(wizard, dialogs)
    for key, choice in page.choices.items():
        if key in person.YES_NO_KEYS:
            assert choice.values == ("yes", "no"), key
    assert page.choices["pain"].values == ("none", "sometimes", "often")
    assert page.choices["walking_aid"].values == ("none", "stick", "walker", "wheelchair")
    # Asked once: the number of falls and fear of falling stand for key questions 1 and 2.
    assert "key_fallen" not in page.choices and "key_worried" not in page.choices
    # The person fills in: no therapist's tests, no proxy question.
    assert not page.sections["tests"].isVisibleTo(page)
    assert not page.proxy_box.isVisibleTo(page)
    assert page.question_labels["lives_alone"][0].text() == "Do you live alone?"


def test_key_1_means_yes_there_is_something(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    page = _to_about(wizard, dialogs)
    page.choices["fall_injury"].focus_button().setFocus()
    keys = KeyDriver(qtbot, wizard)
    keys.press(Qt.Key.Key_1)
    assert wizard.ctx.session.assessment.intake["fall_injury"] is True


def test_caregiver_reads_the_client_label_never_you(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    page = _to_about(wizard, dialogs, "caregiver", "Mum")
    texts = [label.text() for label, _help, _earlier in page.question_labels.values()]
    texts += [help.text() for _label, help, _earlier in page.question_labels.values()]
    texts += [page.intro.text(), page.fesi_intro.text(), page.heading.text()]
    for text in texts:
        words = text.lower().replace("?", " ").replace(",", " ").replace(".", " ").split()
        assert "you" not in words and "your" not in words, text
    # The label is said at the top; the questions say "the person" (test_about_the_person.py).
    assert "Mum" in page.heading.text() and "Mum" in page.intro.text()
    assert page.question_labels["lives_alone"][0].text() == "Does the person live alone?"


def test_therapist_without_label_reads_the_person(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    page = _to_about(wizard, dialogs, "therapist", "Client 7")
    wizard.ctx.session.assessment.client = ""
    page.on_enter()
    assert page.question_labels["lives_alone"][0].text() == "Does the person live alone?"
    assert page.sections["tests"].isVisibleTo(page)


def test_therapist_enters_the_three_tests(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    page = _to_about(wizard, dialogs, "therapist", "Client 7")
    page.numbers["age"].setValue(79)
    page.choices["sex"].choose_number(1)
    page.numbers["tug_seconds"].setValue(14.2)
    page.numbers["chair_stands"].setValue(8)
    page.numbers["balance_stage"].setValue(2)
    intake = wizard.ctx.session.assessment.intake
    assert (intake["age"], intake["sex"], intake["tug_seconds"], intake["chair_stands"],
            intake["balance_stage"]) == (79, "female", 14.2, 8, 2)
    tests = person_rules.therapist_tests(intake)
    assert all(result.flag for result in tests.values())
    page.numbers["age"].setValue(17)  # below 18: the "not answered" value
    assert "age" not in intake
    page.numbers["tug_seconds"].setValue(0.9)
    assert "tug_seconds" not in intake


def test_caregiver_is_asked_to_let_the_person_answer_the_fesi(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    page = _to_about(wizard, dialogs, "caregiver", "Dad")
    intake = wizard.ctx.session.assessment.intake
    assert page.proxy_box.isVisibleTo(page)
    assert not page.fesi_box.isEnabled()  # first: who answers?
    page.proxy_choice.choose_number(2)  # I do, for the person
    assert intake["fesi_by_proxy"] is True and page.fesi_box.isEnabled()
    page.fesi_choices[0].choose_number(3)
    assert intake["fesi"][0] == 3
    page.proxy_choice.choose_number(3)  # skip after all
    assert "fesi" not in intake and "fesi_by_proxy" not in intake
    assert not page.fesi_box.isEnabled()
    page.proxy_choice.choose_number(1)  # the person answers
    assert intake["fesi_by_proxy"] is False and page.fesi_box.isEnabled()


def test_falls_and_fear_answer_the_key_questions_too(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    page = _to_about(wizard, dialogs)
    intake = wizard.ctx.session.assessment.intake
    page.numbers["falls_past_year"].setValue(3)
    assert (intake["falls_past_year"], intake["key_fallen"]) == (3, True)
    page.numbers["falls_past_year"].setValue(0)
    assert (intake["falls_past_year"], intake["key_fallen"]) == (0, False)
    page.choices["fear_of_falling"].choose_number(1)
    assert (intake["fear_of_falling"], intake["key_worried"]) == (True, True)


def test_a_key_answer_scrolls_the_next_question_into_view(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    wizard.resize(900, 520)
    page = _to_about(wizard, dialogs)
    keys = KeyDriver(qtbot, wizard)
    # Through the whole profile by keyboard, then the Short FES-I.
    page.choices["fall_injury"].focus_button().setFocus()
    for _ in range(3):  # fall_injury, long_lie, fainted
        keys.press(Qt.Key.Key_2)
        assert _in_view(page, keys.focused())
    for choice in page.fesi_choices[:-1]:
        choice.focus_button().setFocus()
        keys.press(Qt.Key.Key_1)
        focused = keys.focused()
        assert focused in page.fesi_choices[page.fesi_choices.index(choice) + 1].buttons.values()
        assert _in_view(page, focused)


def test_follow_up_shows_last_time(qtbot, make_wizard, dialogs) -> None:
    wizard = make_wizard()
    page = _to_about(wizard, dialogs)
    wizard.ctx.session.previous = Assessment(
        date="2026-05-01", intake={"lives_alone": True, "falls_past_year": 2,
                                   "fesi": [1, 2, None, None, None, None, None]})
    page.reload()
    earlier = page.question_labels["lives_alone"][2]
    assert earlier.isVisibleTo(page) and earlier.text() == "Last time (1 May 2026): Yes"
    assert page.question_labels["falls_past_year"][2].text().endswith(": 2")
    assert page.question_labels["pain"][2].text() == "Last time (1 May 2026): not answered"
    assert page.fesi_earlier[1].text().endswith("A little worried")


def test_summary_starts_with_what_to_do_now(qtbot, make_wizard, dialogs) -> None:
    from homecheck.i18n import catalogue
    from homecheck.ui.pages.base import SUMMARY_ID

    wizard = make_wizard()
    page = _to_about(wizard, dialogs)
    page.numbers["falls_past_year"].setValue(3)  # three falls, no key answers
    page.choices["fear_of_falling"].choose_number(2)  # not afraid...
    page.choices["fear_limits_activities"].choose_number(1)  # ...but fear limits: a contradiction
    wizard.go_to(SUMMARY_ID)
    summary = wizard.summary_page
    t = catalogue("en")
    now = sum(a.priority == "now" for a in wizard.ctx.session.actions())
    assert now >= 1
    expected = t("person.now_count_one") if now == 1 else t("person.now_count_many", count=now)
    assert summary.now_label.text() == expected
    assert summary.next_step.text().endswith(t("person.next_step.falls_assessment"))
    assert t("helper.gp") in summary.next_helpers.text()
    assert summary.warnings.isVisibleTo(summary)
    assert t("person.warning.limits_but_not_afraid") in summary.warnings.text()
    assert f"{t('person.short.falls_past_year')}: 3" in summary.person_lines.text()
    # The first thing on the page is what to do now; the score follows under its own name.
    body = summary.scroller.widget().layout()
    assert body.itemAt(0).widget() is summary.now_label
    assert summary.score_label.text().startswith("Checked points of the home")
