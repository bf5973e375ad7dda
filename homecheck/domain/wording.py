"""How an action and the next step are worded: one function gives an action's texts (for the
command line, the action log and the PDF), and every text about the person is worded for who
fills in (the person, or a caregiver or therapist: "your GP" / "the GP")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from homecheck.domain.actions import NEXT_STEP_HELPERS, PERSON_HELPERS, Action
from homecheck.domain.content import Checklist

if TYPE_CHECKING:
    from homecheck.i18n import Catalogue


@dataclass(frozen=True)
class ActionTexts:
    """Everything said about one action, in one language.

    ``helpers`` are helper keys (catalogue ``helper.<key>``); ``raised`` is the "higher
    because ..." line ("" when the profile did not raise it); ``until_then`` is the interim
    advice for a fix that takes time ("" when there is none).
    """

    fix: str
    why: str
    area: str
    helpers: tuple[str, ...]
    raised: str
    until_then: str


def reason_phrases(reasons: tuple[str, ...], intake: dict[str, Any], t: Catalogue,
                   role: str = "self") -> list[str]:
    """Each reason as a short phrase ("you walk with a stick"; to a caregiver or therapist
    "walks with a stick", as the line names the person once), each said once."""
    phrases: list[str] = []
    for key in reasons:
        if key == "walking_aid":
            phrase = for_role(t, f"person.reason.walking_aid.{intake.get('walking_aid')}", role)
        else:
            phrase = for_role(t, f"person.reason.{key}", role)
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases


def raised_line(reasons: tuple[str, ...], intake: dict[str, Any], t: Catalogue,
                role: str = "self") -> str:
    """ "Higher because you walk with a stick and you live alone." ("" without reasons); to a
    caregiver or therapist "Higher because the person walks with a stick and lives alone."
    """
    phrases = reason_phrases(reasons, intake, t, role)
    if not phrases:
        return ""
    joined = phrases[-1]
    if len(phrases) > 1:
        joined = f"{', '.join(phrases[:-1])} {t('person.and')} {joined}"
    return for_role(t, "person.raised", role, reasons=joined)


def _happened(action: Action, intake: dict[str, Any], t: Catalogue, role: str) -> list[str]:
    """What happened, in sentences, for the person actions that are worded for it ("You fell
    twice"; "The person fell twice" to a caregiver or therapist)."""
    sentences = []
    for key in action.basis:
        if key == "falls_past_year":
            count = intake.get("falls_past_year")
            sentences.append(
                for_role(t, "person.happened.falls_one", role)
                if count == 1
                else for_role(t, "person.happened.falls_many", role, count=count)
            )
        else:
            sentences.append(for_role(t, f"person.happened.{key}", role))
    # key_fallen says the same as a counted fall: say it once.
    if "falls_past_year" in action.basis and "key_fallen" in action.basis:
        sentences.remove(for_role(t, "person.happened.key_fallen", role))
    return sentences


def for_role(t: Catalogue, key: str, role: str, **values: object) -> str:
    """A text that depends on who fills in the check (the one way role-dependent wording is
    done): ``key`` speaks to the person filling in for themselves ("About you", "your GP");
    ``key`` + "_other", where the catalogue has it, to a caregiver or therapist, who mean the
    person ("About the person", "the GP")."""
    if role != "self" and f"{key}_other" in t:
        return t(f"{key}_other", **values)
    return t(key, **values)


def helper_names(helpers: tuple[str, ...], t: Catalogue, role: str) -> str:
    """"your GP, a physiotherapist", or "the GP, …" to a caregiver or therapist. Commas only:
    helper names hold "or" themselves ("family or friends")."""
    return ", ".join(for_role(t, f"helper.{h}", role) for h in helpers)


def next_step_texts(
    step: str, t: Catalogue, role: str, nothing_to_do: bool = False
) -> tuple[str, str]:
    """The next step in words and who can help with it, worded for who fills in. The advice
    step points to the list of things to do; with ``nothing_to_do`` it says only to keep
    moving."""
    key = f"person.next_step.{step}"
    if step == "advice" and nothing_to_do:
        key += "_nothing"
    return (
        for_role(t, key, role),
        t("person.helpers_line", helpers=helper_names(NEXT_STEP_HELPERS[step], t, role)),
    )


def person_area_title(t: Catalogue, role: str) -> str:
    """Where the person's own actions are listed: "About you" for the person filling in for
    themselves, "About the person" when a caregiver or therapist does."""
    return for_role(t, "person.area_title", role)


def action_texts(
    action: Action,
    catalogue: Catalogue,
    checklist: Checklist | None = None,
    intake: dict[str, Any] | None = None,
    role: str = "self",
) -> ActionTexts:
    """The texts of one action in the catalogue's language (the one place they are made).

    ``checklist`` defaults to the shipped one; ``intake`` (the assessment's) words the
    "higher because" line and what happened; without it those parts are left out. ``role``
    (the assessment's) words every part for who fills in: "About you" and "your GP" for the
    person, "About the person" and "the GP" when a caregiver or therapist fills in the check.
    """
    t = catalogue
    lang = t.language
    intake = intake or {}
    if action.is_person_action:
        happened = _happened(action, intake, t, role) if intake else []
        why = " ".join([*happened, for_role(t, f"action.{action.item_id}.why", role)])
        return ActionTexts(
            # To a caregiver or therapist: "the GP" (the person's), where the fix names one.
            fix=for_role(t, f"action.{action.item_id}.fix", role),
            why=why,
            area=person_area_title(t, role),
            helpers=PERSON_HELPERS[action.item_id],
            raised="",
            until_then="",
        )
    if checklist is None:
        from homecheck.domain.content import checklist as shipped

        checklist = shipped()
    item = checklist.item(action.item_id)
    raised = raised_line(action.reasons, intake, t, role) if intake else ""
    until_then = item.until_then
    # To a caregiver or therapist a text names "the GP" and "the person" where it has words
    # for them (content.Text.other); the person reads every text as written.
    return ActionTexts(
        fix=item.fix(lang, role),
        why=item.why(lang, role),
        area=checklist.area(item.area).title(lang, role),
        helpers=item.helpers,
        raised=raised,
        until_then=until_then(lang, role) if until_then is not None else "",
    )
