"""The cover's progress section: what changed since the previous check of the same home."""

from __future__ import annotations

from dataclasses import dataclass

from homecheck.domain.actions import PERSON_ACTIONS, PERSON_AREA, Action
from homecheck.domain.content import Checklist
from homecheck.domain.followup import KINDS, FollowUp
from homecheck.domain.wording import action_texts, person_area_title
from homecheck.i18n import catalogue

# Still-open and new actions are in the action list anyway: the cover names the first few.
# Fixed and not re-checked ones are nowhere else in the PDF, so they are listed in full.
SHORT_LIST = 5


@dataclass(frozen=True)
class ProgressItem:
    """One action of the comparison: where (or "About you") and what to do (or what was done)."""

    area: str
    fix: str


@dataclass(frozen=True)
class ProgressList:
    """One kind of change since the previous check: "Done or fixed (5)" and its items."""

    title: str
    hint: str  # one sentence under the title, or ""
    items: tuple[ProgressItem, ...]
    more: str  # "…and 3 more: see your action list." when the list is cut short, else ""


@dataclass(frozen=True)
class ProgressView:
    """The cover section comparing this check with the previous one."""

    heading: str
    summary: str  # "Since 12 March 2025: 5 of 8 actions done, score 54 → 81."
    lists: tuple[ProgressList, ...]
    fesi: str = ""  # "Worry about falling (Short FES-I): 14 → 11, less than last time.", or ""
    areas_heading: str = ""  # "Things to do per part of the home", or "" when no line below
    areas: tuple[str, ...] = ()  # "Kitchen: 3 then, 1 now", one line per area


def fesi_line(followup: FollowUp, language: str) -> str:
    """The change in the Short FES-I in words; "" when either check has no score.

    The score goes from 7 to 28; higher means more worry about falling (homecheck.domain.fesi).
    """
    before, after = followup.fesi_before, followup.fesi_after
    if before is None or after is None:
        return ""
    t = catalogue(language)
    change = "less" if after < before else "more" if after > before else "same"
    return t(f"report.progress.fesi_{change}", before=before, after=after)


def score_not_comparable(followup: FollowUp, language: str, since: str) -> str:
    """Why the two home scores cannot be compared, in words; "" when they can (or when it is
    not known which points they are over).

    The score is the share of *checked* points that were fine, so a check that looked at 7
    points can say 100: a score over other points than last time is no progress. The one
    place the summary page and the PDF decide this (docs/scoring.md, Follow-up); ``since`` is
    the previous check's date as shown.
    """
    checked = followup.checked
    if checked is None or checked.same:
        return ""
    t = catalogue(language)
    # Points looked at last time are missing now: this check is not finished (or leaves a part
    # of the home out). Otherwise this check looked at points the previous one did not.
    when = "now" if checked.only_before else "then"
    return t(f"report.progress.score_not_comparable_{when}", date=since, before=checked.before,
             after=checked.after, points=checked.points)


def area_lines(
    content: Checklist, followup: FollowUp, language: str, role: str = "self"
) -> tuple[str, ...]:
    """One line for the person's own actions and per part of the home: the things still to do
    then and now (they add up to all things to do); ``role`` names the person's line."""
    t = catalogue(language)
    lines = []
    for change in followup.areas:
        if change.area_id == PERSON_AREA:
            area = person_area_title(t, role)
        else:
            area = content.area(change.area_id).title(language, role)
        if change.before is None:
            lines.append(t("report.progress.area_new", area=area, after=change.after))
        elif change.after is None:
            lines.append(t("report.progress.area_not_checked", area=area, before=change.before))
        else:
            lines.append(
                t("report.progress.area", area=area, before=change.before, after=change.after)
            )
    return tuple(lines)


def progress_lists(
    content: Checklist, followup: FollowUp, language: str, role: str = "self"
) -> dict[str, tuple[ProgressItem, ...]]:
    """Each group of the comparison (``KINDS``) as the actions it holds: where, and what to do.

    The one place the summary page and the PDF get these lists from. "Still to do" and "New"
    together are the open actions of this check, person actions included (``open_counts``),
    in the order of the action list; ``role`` names the person's own actions as the list does.
    """
    t = catalogue(language)

    def item(item_id: str) -> ProgressItem:
        if item_id in PERSON_ACTIONS:
            action = Action(item_id, PERSON_AREA, "now", 3)
        else:
            found = content.item(item_id)
            action = Action(item_id, found.area, "now", found.severity)
        texts = action_texts(action, t, content, role=role)
        return ProgressItem(texts.area, texts.fix)

    return {kind: tuple(item(i) for i in getattr(followup, kind)) for kind in KINDS}


def build_progress(
    content: Checklist, followup: FollowUp, language: str, since: str, role: str = "self"
) -> ProgressView:
    """Build the progress section; ``since`` is the previous check's date as printed."""
    t = catalogue(language)
    total = followup.previous_actions
    before, after = followup.score_before, followup.score_after
    not_comparable = score_not_comparable(followup, language, since)
    if total == 0:  # "found nothing to do", and why that may be (as the summary page says)
        summary = " ".join(filter(None, (t("report.progress.nothing_before", date=since),
                                         not_comparable)))
    elif not_comparable:
        summary = " ".join((t("report.progress.summary_no_score", date=since,
                              done=len(followup.fixed), total=total), not_comparable))
    elif before is None or after is None:
        summary = t("report.progress.summary_no_score", date=since, done=len(followup.fixed),
                    total=total)
    else:
        summary = t("report.progress.summary", date=since, done=len(followup.fixed), total=total,
                    before=before, after=after)
    lists = []
    limits = {"still_open": SHORT_LIST, "new": SHORT_LIST}  # the others are printed in full
    for kind, found in progress_lists(content, followup, language, role).items():
        if not found:
            continue
        limit = limits.get(kind)
        shown = found if limit is None or len(found) <= limit else found[: limit - 1]
        lists.append(
            ProgressList(
                title=t(f"report.progress.{kind}", count=len(found)),
                hint=t("report.progress.not_rechecked_hint") if kind == "not_rechecked" else "",
                items=shown,
                more=(
                    t("report.progress.more", count=len(found) - len(shown))
                    if len(shown) < len(found)
                    else ""
                ),
            )
        )
    areas = area_lines(content, followup, language, role)
    return ProgressView(
        t("report.progress.heading", date=since),
        summary,
        tuple(lists),
        fesi=fesi_line(followup, language),
        areas_heading=t("report.progress.areas_heading") if areas else "",
        areas=areas,
    )
