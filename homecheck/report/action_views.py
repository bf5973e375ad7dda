"""The actions as the PDF prints them: each with all its texts ready, grouped by priority and
area for the full list, and the fridge page's choice of them (issue 15 item 1).

homecheck.report.model builds these for the whole report; the renderers (action_list, fridge)
print them.
"""

from __future__ import annotations

from dataclasses import dataclass

from homecheck.domain import actions as acts
from homecheck.domain import wording
from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist
from homecheck.i18n import Catalogue
from homecheck.report.dates import format_date
from homecheck.report.photos import PhotoView, PhotoViews


@dataclass(frozen=True)
class ActionView:
    """One action as printed: all texts ready, user text (note) still raw."""

    fix: str
    area: str
    why: str
    helpers: str
    note: str
    done: str  # the formatted date it was done, or "" for a blank line to write on
    photos: tuple[PhotoView, ...] = ()
    until_then: str = ""  # what to do while a "now" fix waits (rails, switches), or ""
    raised: str = ""  # "Higher because you walk with a stick." when the profile raised it


@dataclass(frozen=True)
class AreaGroup:
    """The actions of one area within one priority."""

    title: str
    actions: tuple[ActionView, ...]


@dataclass(frozen=True)
class PriorityGroup:
    """All actions of one priority (now / soon / later), by area."""

    key: str
    title: str
    areas: tuple[AreaGroup, ...]


@dataclass(frozen=True)
class FridgeView:
    """Page 1, for the fridge: who and when, and only what matters this week."""

    who_when: str
    now: tuple[ActionView, ...]  # the "now" actions in list order, done ones ticked
    nothing_now: str  # said when no "now" action is open, else ""
    soon: tuple[ActionView, ...]  # shown instead when no "now" action is open, else ()
    next_step: str  # the recommended next step in words, or ""
    next_step_helpers: str
    therapist: str  # "Your therapist: …" when a therapist did the check, else ""


def action_view(
    action: acts.Action,
    content: Checklist,
    assessment: Assessment,
    t: Catalogue,
    photos: PhotoViews,
) -> ActionView:
    """One action with all its texts in the report's language, its photos and its done date."""
    answer = assessment.answers.get(action.item_id)
    texts = wording.action_texts(action, t, content, assessment.intake, assessment.role)
    fix, why, area, helpers = texts.fix, texts.why, texts.area, texts.helpers
    until_then = texts.until_then
    return ActionView(
        fix=fix,
        area=area,
        why=why,
        helpers=wording.helper_names(helpers, t, assessment.role),
        note=action.note,
        done=format_date(action.done, t) if action.done else "",
        photos=photos.views(answer.photos) if answer is not None else (),
        until_then=until_then,
        raised=texts.raised,
    )


def priority_groups(
    actions: list[acts.Action],
    content: Checklist,
    assessment: Assessment,
    t: Catalogue,
    photos: PhotoViews,
) -> tuple[PriorityGroup, ...]:
    """The actions by priority (now, soon, later), and within a priority by area."""
    groups = []
    for priority in acts.PRIORITIES:
        areas: list[AreaGroup] = []
        current: list[ActionView] = []
        current_area: str | None = None
        # build_actions sorts by priority then area, so one pass groups consecutive runs.
        for action in (a for a in actions if a.priority == priority):
            if action.area_id != current_area and current:
                areas.append(AreaGroup(current[0].area, tuple(current)))
                current = []
            current_area = action.area_id
            current.append(action_view(action, content, assessment, t, photos))
        if current:
            areas.append(AreaGroup(current[0].area, tuple(current)))
        if areas:
            groups.append(PriorityGroup(priority, t(f"priority.{priority}"), tuple(areas)))
    return tuple(groups)


def fridge_view(
    groups: tuple[PriorityGroup, ...],
    assessment: Assessment,
    client: str,
    date: str,
    assessor: str,
    t: Catalogue,
    next_step: str,
    next_helpers: str,
) -> FridgeView:
    """Page 1: the "now" actions (or, when none is open, the "soon" ones), who and when."""
    by_key = {group.key: [a for area in group.areas for a in area.actions] for group in groups}
    now, soon = by_key.get("now", []), by_key.get("soon", [])
    # Nothing left to do now (none, or all ticked done): the page says so and shows the soon list.
    nothing_now = not any(not action.done for action in now)
    return FridgeView(
        who_when=(
            t("report.fridge.who_when", who=client, date=date)
            if client
            else t("report.fridge.when", date=date)
        ),
        now=tuple(now),
        nothing_now=(
            ""
            if not nothing_now
            # Nothing answered yet is not a safe home: say so instead of "nothing to do".
            else t("report.fridge.nothing_checked")
            if not assessment.answers
            else t("report.fridge.nothing_now")
        ),
        soon=tuple(soon) if nothing_now else (),
        next_step=next_step,
        next_step_helpers=next_helpers,
        therapist=(
            t("report.fridge.therapist", name=assessor)
            if assessor and assessment.role == "therapist"
            else ""
        ),
    )
