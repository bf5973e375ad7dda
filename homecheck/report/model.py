"""The report view-model: every text of the PDF, localised, built from the domain functions.

The actions as printed (the full list and the fridge page) are in homecheck.report.action_views,
the date in words in homecheck.report.dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from homecheck.domain import actions as acts
from homecheck.domain import person_rules, person_summary, wording
from homecheck.domain.advice import advice_sections
from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist
from homecheck.domain.followup import FollowUp
from homecheck.domain.person import person_content
from homecheck.domain.scoring import person_factors, score_home
from homecheck.i18n import Catalogue, catalogue
from homecheck.report.action_views import FridgeView, PriorityGroup, fridge_view, priority_groups
from homecheck.report.dates import format_date
from homecheck.report.photos import PhotoSource, PhotoViews
from homecheck.report.progress import ProgressView, build_progress
from homecheck.report.text import label, one_line

LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}


@dataclass(frozen=True)
class Line:
    """A label and its value (cover facts, key-question answers)."""

    label: str
    value: str


@dataclass(frozen=True)
class AreaBar:
    """One bar of the cover chart; score None means the area was not checked."""

    title: str
    score: int | None
    nothing_to_do: bool = False  # every point "does not apply": checked, nothing to do here


@dataclass(frozen=True)
class PersonView:
    """The person's part of the PDF ("About you"); empty parts are left out.

    ``answers``: the intake answers given (falls, pain, activity, fear, profile, goal);
    ``tests``: the therapist's tests with their judgement; ``warnings``: contradictory answers.
    """

    answers: tuple[Line, ...]
    fesi: tuple[str, ...]  # sentences: score, range, proration, who answered, band advice
    goals: str
    tests: tuple[Line, ...] = ()
    warnings: tuple[str, ...] = ()
    headings: dict[str, str] = field(default_factory=dict)  # answers, tests, warnings, factors
    factors: tuple[str, ...] = ()  # fixes of hazards about the person (not in the home score)


@dataclass(frozen=True)
class AdviceView:
    """One section of "what you can do yourself"."""

    title: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class ReportModel:
    """Everything the renderer prints, already in one language."""

    language: str
    lang_tag: str
    labels: dict[str, str]  # static texts: the report.* catalogue keys without "report."
    title: str
    author: str
    client: str
    date: str
    facts: tuple[Line, ...]
    home_score: str
    no_hazard: bool
    bars: tuple[AreaBar, ...]
    counts: tuple[Line, ...]  # things to do now, soon, later (none before anything is checked)
    person: PersonView | None
    groups: tuple[PriorityGroup, ...]
    no_actions: str  # said when there is no action at all, else ""
    checked_ok: tuple[str, ...]
    unchecked: tuple[str, ...]
    area_notes: tuple[Line, ...]
    advice: tuple[AdviceView, ...]
    fridge: FridgeView
    progress: ProgressView | None = field(default=None)
    # The first thing the PDF says: how many things to do now, the next step, who can help.
    now_line: str = ""
    next_step: str = ""
    next_helpers: str = ""

    def page_label(self, page: int, pages: int) -> str:
        """Return "Page x of y" in the report's language."""
        return self.labels["footer_page"].format(page=page, pages=pages)


def _count(count: int, done: int, t: Catalogue) -> str:
    """ "9 things to do", or "9 things to do (2 done)" when some are already done."""
    key = "one" if count == 1 else "many"
    if done:
        return t(f"report.counts.{key}_done", count=count, done=done)
    return t(f"report.counts.{key}", count=count)


def _person(
    content: Checklist, assessment: Assessment, lang: str, t: Catalogue
) -> PersonView | None:
    intake = assessment.intake
    role = assessment.role
    factors = tuple(item.fix(lang, role) for item in person_factors(content, assessment))
    fesi = acts.fesi_result(assessment)
    raw_goals = str(intake.get("goals") or "")
    goals = raw_goals if one_line(raw_goals) else ""  # blank or only control characters: none
    goal_label = t("person.short.goals")
    answers = tuple(
        Line(label, one_line(value))
        for label, value in person_summary.intake_lines(intake, t)
        if label != goal_label  # the goal is printed as the person wrote it, below
    )
    tests = tuple(
        Line(label, value) for label, value in person_summary.measurement_lines(intake, t)
    )
    warnings = tuple(person_summary.warning_texts(intake, t))
    if not (answers or fesi.filled_in or goals or tests or warnings or factors):
        return None
    texts = person_content()
    sentences: list[str] = []
    if fesi.filled_in:
        if fesi.total is None:
            sentences.append(wording.for_role(t, "report.person.fesi_not_scored", role))
        else:
            band = t(f"fesi_band.{fesi.band}")
            sentences.append(
                wording.for_role(t, "report.person.fesi_score", role, total=fesi.total, band=band)
            )
            sentences.append(t("report.person.fesi_range"))
            if fesi.prorated:
                sentences.append(wording.for_role(t, "report.person.fesi_prorated", role))
        if intake.get("fesi_by_proxy") is True:
            sentences.append(t("person.fesi_by_proxy"))
        sentences.append(texts.fesi_bands[fesi.band](lang, role))
    headings = {
        "answers": t("report.person.answers_heading"),
        "tests": t("person.tests_heading"),
        "warnings": t("person.warnings_heading"),
        "factors": wording.for_role(t, "person.factors_heading", role),
    }
    return PersonView(answers, tuple(sentences), goals, tests, warnings, headings, factors)


def _now_line(now: int, checked: bool, t: Catalogue) -> str:
    if now == 0:
        # Nothing answered yet is not a safe home: say so, as page 1 does.
        return t("person.now_count_none") if checked else t("report.fridge.nothing_checked")
    if now == 1:
        return t("person.now_count_one")
    return t("person.now_count_many", count=now)


def build_report(
    content: Checklist,
    assessment: Assessment,
    language: str,
    *,
    photos: PhotoSource | None = None,
    followup: FollowUp | None = None,
) -> ReportModel:
    """Build the localised view-model of the PDF for one assessment (language "nl" or "en").

    ``photos`` reads a photo by name (None when it is missing); without it no photo is printed.
    ``followup`` compares with the previous check and adds the progress section to the cover.
    """
    t = catalogue(language)
    # The static texts, unformatted; to a caregiver or therapist those with an "_other" text
    # speak of the person ("About the person", "What the person wants to achieve").
    labels = {
        k.removeprefix("report."): wording.for_role(t, k, assessment.role)
        for k in sorted(t.keys())
        if k[:7] == "report."
    }
    home = score_home(content, assessment)
    actions = acts.build_actions(content, assessment)
    date = format_date(assessment.date, t)
    client = label(assessment.client)
    assessor = label(assessment.assessor)

    facts = [
        Line(labels["cover.date"], date),
        # The PDF speaks to the person ("you"), so "filled in by: yourself", not "myself".
        Line(labels["cover.role"], t(f"report.role.{assessment.role}")),
    ]
    if client:
        facts.insert(0, Line(labels["cover.client"], client))
    if assessor:
        facts.append(Line(labels["cover.assessor"], assessor))

    counts = acts.open_counts(content, assessment)  # the one count of things to do
    step = person_rules.next_step(assessment.intake)
    step_text, next_helpers = wording.next_step_texts(
        step, t, assessment.role, nothing_to_do=not sum(counts.values())
    )
    next_step = t("person.next_step_line", step=step_text)
    done = {p: sum(1 for a in actions if a.priority == p and a.done) for p in acts.PRIORITIES}
    checked = bool(assessment.answers)
    count_lines: tuple[Line, ...] = ()
    if checked or actions:  # before anything is checked, "0 things to do" would mislead
        count_lines = tuple(
            Line(t(f"priority.{p}"), _count(counts[p], done[p], t)) for p in acts.PRIORITIES
        )

    checked_ok = []
    unchecked = []
    for area_score in home.areas:
        title = content.area(area_score.area_id).title(language, assessment.role)
        if area_score.hazards == 0 and area_score.answered > area_score.not_applicable:
            checked_ok.append(t("report.areas.ok_line", area=title))
        if area_score.unanswered:
            unchecked.append(
                t(
                    "report.areas.open_line",
                    area=title,
                    count=area_score.unanswered,
                    total=area_score.total,
                )
            )

    if not actions:
        no_actions = labels["actions.none" if home.answered else "actions.none_checked"]
    else:
        no_actions = ""
    groups = priority_groups(actions, content, assessment, t, PhotoViews(photos, t))

    return ReportModel(
        language=language,
        lang_tag=LANGUAGE_TAGS[language],
        labels=labels,
        title=labels["title"],
        author=assessor or labels["author"],
        client=client,
        date=date,
        facts=tuple(facts),
        home_score=(
            t("person.score_line", score=home.score)
            if home.score is not None
            else t("person.score_line_none")
        ),
        no_hazard=home.hazards == 0 and home.score is not None,
        bars=tuple(
            AreaBar(content.area(a.area_id).title(language, assessment.role), a.score,
                    a.nothing_to_do)
            for a in home.areas
        ),
        counts=count_lines,
        person=_person(content, assessment, language, t),
        groups=groups,
        no_actions=no_actions,
        checked_ok=tuple(checked_ok),
        unchecked=tuple(unchecked),
        area_notes=tuple(
            Line(content.area(area.id).title(language, assessment.role),
                 assessment.area_notes[area.id])
            for area in content.areas
            if assessment.area_notes.get(area.id, "").strip()
        ),
        advice=tuple(
            AdviceView(s.title(language), tuple(p(language, assessment.role) for p in s.points))
            for s in advice_sections()
        ),
        now_line=_now_line(counts["now"], checked, t),
        next_step=next_step,
        next_helpers=next_helpers,
        fridge=fridge_view(groups, assessment, client, date, assessor, t, next_step, next_helpers),
        progress=(
            None
            if followup is None
            else build_progress(content, followup, language, format_date(followup.since, t),
                                assessment.role)
        ),
    )
