"""Who is addressed in the checklist's own texts: a caregiver or therapist who fills in the check
never reads "your GP", "je huisarts", "jezelf" or "Whole home and you" where the resident is
meant; the person filling in for themselves reads every text as written."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from homecheck.domain.actions import NEXT_STEP_HELPERS, PERSON_ACTIONS, PERSON_AREA, Action
from homecheck.domain.advice import advice_sections
from homecheck.domain.content import HELPERS, Checklist, checklist
from homecheck.domain.wording import action_texts, for_role, helper_names, next_step_texts
from homecheck.i18n import catalogue

# Someone who helps the person, named as the reader's own ("je huisarts", "your GP").
_HELPERS_NL = ("huisarts|apotheker|fysiotherapeut|oefentherapeut|ergotherapeut|therapeut|"
               "opticien|oogarts|podotherapeut|alarmcentrale|gemeente")
_HELPERS_EN = ("GP|doctor|pharmacist|physiotherapist|therapist|optician|eye doctor|podiatrist|"
               "alarm service|municipality|council")
# The person's own body, medicines, aids and fear: meant in the texts about the person (group
# "person" and the person's own actions).
_BODY_NL = "ogen|voeten|voetklachten|medicijnen|bril|stok|rollator|angst"
_BODY_EN = "eyes|feet|medicines|glasses|walking stick|walker|fear"
HELPER = {
    "nl": re.compile(rf"\b(je|jouw)\s+({_HELPERS_NL})\b", re.I),
    "en": re.compile(rf"\byour\s+({_HELPERS_EN})\b", re.I),
}
BODY = {
    "nl": re.compile(rf"\b(je|jouw)\s+({_BODY_NL})\b", re.I),
    "en": re.compile(rf"\byour\s+({_BODY_EN})\b", re.I),
}
# Names of whom a part of the home or a helper is: the reader, where the person is meant. (In a
# sentence, "Moet je het toch zelf doen?" may well speak to a caregiver too.)
SELF = {
    "nl": re.compile(r"\b(jezelf|jijzelf|jou|jij|je zelf)\b", re.I),
    "en": re.compile(r"\b(yourself|you)\b", re.I),
}
# What each kind of text must not say: every text names helpers; texts about the person also
# name the person's body, medicines and aids; names (titles, helper lists) also the reader.
# (A "why" explains in general, "Als je slechter ziet, …": it is a "text" also about the person.)
CHECKS = {"text": (HELPER,), "person": (HELPER, BODY), "name": (HELPER, SELF)}
OTHERS = ("caregiver", "therapist")
LANGUAGES = ("nl", "en")


def _item_actions(content: Checklist) -> Iterator[Action]:
    for item in content.items():
        yield Action(item.id, item.area, "soon", item.severity, reasons=("walking_aid",))
    for item_id in PERSON_ACTIONS:
        yield Action(item_id, PERSON_AREA, "now", 3, basis=("falls_past_year",))


def _said(role: str, language: str) -> Iterator[tuple[str, str, str]]:
    """Every checklist text as a caregiver or therapist sees it (room page, action list,
    summary, PDF): (where, text, kind of text: see CHECKS)."""
    content = checklist()
    t = catalogue(language)
    intake = {"walking_aid": "stick", "falls_past_year": 2}
    for area in content.areas:
        yield f"{area.id} title", area.title(language, role), "name"
        yield f"{area.id} intro", area.intro(language, role), "text"
        for item in area.items:
            about_person = "person" if "person" in item.groups else "text"
            # The room page's "why" box.
            yield f"{item.id} why", item.why(language, role), "text"
            yield f"{item.id} fix", item.fix(language, role), about_person
            if item.until_then is not None:
                yield f"{item.id} until", item.until_then(language, role), about_person
    for action in _item_actions(content):
        texts = action_texts(action, t, content, intake, role)
        person = action.is_person_action or "person" in content.item(action.item_id).groups
        kind = "person" if person else "text"
        for part in ("fix", "raised", "until_then"):
            yield f"{action.item_id} {part}", getattr(texts, part), kind
        yield f"{action.item_id} why", texts.why, "text"
        yield f"{action.item_id} area", texts.area, "name"
        yield f"{action.item_id} helpers", helper_names(texts.helpers, t, role), "name"
    yield "every helper", helper_names(HELPERS, t, role), "name"
    for step in NEXT_STEP_HELPERS:
        for nothing in (False, True):
            for text in next_step_texts(step, t, role, nothing_to_do=nothing):
                yield f"next step {step}", text, "person"
    # The PDF's advice pages: "Wat de persoon kan doen", not "Wat je zelf kunt doen".
    yield "advice heading", for_role(t, "report.advice.heading", role), "name"
    yield "advice intro", for_role(t, "report.advice.intro", role), "name"
    for section in advice_sections():
        yield f"advice {section.id}", section.title(language, role), "text"
        for number, point in enumerate(section.points):
            yield f"advice {section.id} {number}", point(language, role), "text"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", OTHERS)
def test_a_caregiver_or_therapist_never_reads_your_gp_for_the_persons(
    role: str, language: str
) -> None:
    wrong = []
    said = list(_said(role, language))
    assert len(said) > 500  # every item, twice over, and the rest
    for where, text, kind in said:
        for words in CHECKS[kind]:
            for each in words[language].finditer(text):
                wrong.append(f"{where}: {each.group(0)!r} in {text!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_person_herself_reads_every_text_as_written(language: str) -> None:
    """For "self" nothing changes: the role-less text is the one shown."""
    content = checklist()
    for area in content.areas:
        assert area.title(language, "self") == area.title(language)
        for item in area.items:
            for text in (item.why, item.fix, item.until_then):
                if text is not None:
                    assert text(language, "self") == text(language) == text.by_language[language]
    for section in advice_sections():
        for point in section.points:
            assert point(language, "self") == point.by_language[language]
    whole = {"nl": "Hele huis en jijzelf", "en": "Whole home and you"}[language]
    assert content.area("whole_home").title(language) == whole
    assert helper_names(("self",), catalogue(language), "self") == {
        "nl": "jezelf", "en": "yourself"}[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", OTHERS)
def test_the_whole_home_speaks_of_the_person(role: str, language: str) -> None:
    content = checklist()
    said = {"nl": ("Hele huis en de persoon", "de persoon"),
            "en": ("Whole home and the person", "the person")}[language]
    whole = content.area("whole_home")
    assert whole.title(language, role) == said[0]
    assert said[1] in whole.intro(language, role)
    assert not SELF[language].search(whole.intro(language, role)), whole.intro(language, role)
    assert helper_names(("self",), catalogue(language), role) == said[1]


def test_a_text_for_others_is_checked_like_the_text_itself() -> None:
    """A variant for a caregiver or therapist needs every language and nothing else."""
    from homecheck.domain.content import ContentError, text_from

    both = {"nl": "Vraag je huisarts.", "en": "Ask your GP."}
    text = text_from({**both, "other": {"nl": "Vraag de huisarts.", "en": "Ask the GP."}}, "x")
    assert text("nl", "caregiver") == "Vraag de huisarts."
    assert text("en", "therapist") == "Ask the GP."
    assert text("en", "self") == text("en") == "Ask your GP."
    assert text_from(both, "x")("nl", "caregiver") == "Vraag je huisarts."
    with pytest.raises(ContentError, match="x other: missing text for en"):
        text_from({**both, "other": {"nl": "Vraag de huisarts."}}, "x")
    with pytest.raises(ContentError, match="x: unknown language"):
        text_from({**both, "fr": "Demandez"}, "x")
