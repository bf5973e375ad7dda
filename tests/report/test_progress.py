"""Progress since the previous check on the cover, and how many actions are already done."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from homecheck.domain.actions import build_actions, open_counts
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.content import Checklist
from homecheck.domain.followup import FollowUp, compare
from homecheck.domain.scoring import is_home_item, score_home
from homecheck.domain.wording import action_texts, for_role
from homecheck.i18n import catalogue
from homecheck.report.model import build_report
from homecheck.report.progress import (
    SHORT_LIST,
    ProgressItem,
    build_progress,
    progress_lists,
    score_not_comparable,
)
from tests.report.conftest import make_assessment, pages_text, squash

Render = Callable[..., bytes]
SINCE = {"nl": "12 maart 2025", "en": "12 March 2025"}
SUMMARY = {
    "nl": "Sinds 12 maart 2025: 5 van 8 acties gedaan, score {before} → {after}.",
    "en": "Since 12 March 2025: 5 of 8 actions done, score {before} → {after}.",
}


def _visits(content: Checklist, language: str = "nl") -> tuple[Assessment, Assessment]:
    """Eight hazards on 12 March; now 5 of them fixed, 2 still open, 1 not checked, 1 new."""
    items = [item.id for item in content.items()]
    before = make_assessment(
        content, hazards=items[:8], ok=items[8:20], date="2025-03-12", language=language
    )
    before.answers[items[4]].done = "2025-04-01"  # done by the action log, not re-checked
    now = make_assessment(
        content, ok=items[:3] + items[9:20], hazards=[*items[5:7], items[8]], language=language
    )
    now.answers[items[3]] = Answer("na")
    return before, now


def _drawn(pdf: bytes) -> bytes:
    """The page content streams, uncompressed."""
    out = b""
    for page in PdfReader(io.BytesIO(pdf)).pages:
        contents = page.get_contents()
        out += contents.get_data() if contents is not None else b""
    return out


def _cover(pdf: bytes, language: str) -> str:
    text = squash("".join(pages_text(pdf)))
    return text[: text.index(squash(catalogue(language)("report.actions.heading")))]


def test_followup_of_the_two_visits(content: Checklist) -> None:
    before, now = _visits(content)
    followup = compare(content, before, now)
    assert (len(followup.fixed), len(followup.still_open), len(followup.new)) == (5, 2, 1)
    assert len(followup.not_rechecked) == 1
    assert followup.previous_actions == 8


@pytest.mark.parametrize("language", ["nl", "en"])
def test_cover_shows_progress_with_the_right_numbers(
    content: Checklist, render: Render, language: str
) -> None:
    before, now = _visits(content, language)
    followup = compare(content, before, now)
    pdf = render(content, now, paper="A4", followup=followup)
    cover = _cover(pdf, language)
    t = catalogue(language)
    score_before = score_home(content, before).score
    score_after = score_home(content, now).score
    assert score_before is not None and score_after is not None and score_before < score_after
    # Two points of 12 March are not looked at now: the higher score is no progress.
    summary = SUMMARY[language].format(before=score_before, after=score_after)
    assert squash(summary) not in cover
    checked = followup.checked
    assert checked is not None and checked.only_before == 2 and checked.only_after == 0
    assert squash(t("report.progress.summary_no_score", date=SINCE[language], done=5, total=8)
                  + " " + t("report.progress.score_not_comparable_now", date=SINCE[language],
                            before=checked.before, after=checked.after,
                            points=checked.points)) in cover
    assert squash(t("report.progress.heading", date=SINCE[language])) in cover
    for key, count in (("fixed", 5), ("still_open", 2), ("new", 1), ("not_rechecked", 1)):
        assert squash(t(f"report.progress.{key}", count=count)) in cover, key
    items = list(content.items())
    for item in [*items[:5], items[7]]:  # fixed and not re-checked: printed nowhere else
        assert squash(item.fix(language)) in cover, item.id
    # What is still open and what is new are on the cover, with the area they are in.
    for item in (items[5], items[6], items[8]):
        area = content.area(item.area).title(language)
        assert squash(f"{area}: {item.fix(language)}") in cover


def _whole_home(content: Checklist, hazards: int, answered: int | None = None,
                **fields: Any) -> Assessment:
    """Every question answered (or the first ``answered`` points of the home): the first
    ``hazards`` points of the home hazards, the rest fine."""
    home = [item.id for item in content.items() if is_home_item(item)]
    others = [item.id for item in content.items() if not is_home_item(item)]
    ids = home[:answered] if answered is not None else home + others
    return make_assessment(content, hazards=ids[:hazards], ok=ids[hazards:], **fields)


PARTIAL = {  # the user trial: 7 points looked at now, the whole home on 12 March
    "nl": "Nog niet alles is nagekeken: de score is nog niet te vergelijken met de vorige keer. "
          "Nagekeken: deze keer 7 van de {points} punten in huis, en {points} op 12 maart 2025.",
    "en": "Not everything has been checked yet, so the score cannot be compared with last time "
          "yet. Checked: 7 of the {points} points in the home this time, and {points} on "
          "12 March 2025.",
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_partial_follow_up_says_its_score_cannot_be_compared_yet(
    content: Checklist, render: Render, language: str
) -> None:
    points = sum(1 for item in content.items() if is_home_item(item))
    before = _whole_home(content, 10, date="2025-03-12", language=language)
    now = _whole_home(content, 0, answered=7, language=language)
    followup = compare(content, before, now)
    assert followup.score_after == 100 and followup.score_before is not None
    expected = PARTIAL[language].format(points=points)
    assert score_not_comparable(followup, language, SINCE[language]) == expected
    progress = build_progress(content, followup, language, SINCE[language])
    assert expected in progress.summary and "→" not in progress.summary
    cover = _cover(render(content, now, paper="A4", followup=followup), language)
    assert squash(expected) in cover
    assert squash(f"{followup.score_before} → 100") not in cover
    # The earlier check looked at 7 points, this one at all: not comparable either.
    back = compare(content, _whole_home(content, 1, answered=7, date="2025-03-12"),
                   _whole_home(content, 10, language=language))
    said = score_not_comparable(back, language, SINCE[language])
    t = catalogue(language)
    assert said == t("report.progress.score_not_comparable_then", date=SINCE[language],
                     before=7, after=points, points=points)
    assert said in build_progress(content, back, language, SINCE[language]).summary
    # Nothing to do then, but only 7 points looked at: the PDF says so, as the summary does.
    nothing = compare(content, _whole_home(content, 0, answered=7, date="2025-03-12"),
                      _whole_home(content, 10, language=language))
    assert build_progress(content, nothing, language, SINCE[language]).summary == " ".join((
        t("report.progress.nothing_before", date=SINCE[language]),
        score_not_comparable(nothing, language, SINCE[language])))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_complete_follow_up_compares_the_scores(
    content: Checklist, render: Render, language: str
) -> None:
    before = _whole_home(content, 10, date="2025-03-12", language=language)
    now = _whole_home(content, 2, language=language)
    followup = compare(content, before, now)
    assert score_not_comparable(followup, language, SINCE[language]) == ""
    before_score, after_score = followup.score_before, followup.score_after
    assert before_score is not None and after_score is not None and before_score < after_score
    t = catalogue(language)
    expected = t("report.progress.summary", date=SINCE[language], done=len(followup.fixed),
                 total=followup.previous_actions, before=before_score, after=after_score)
    assert build_progress(content, followup, language, SINCE[language]).summary == expected
    cover = _cover(render(content, now, paper="A4", followup=followup), language)
    assert squash(expected) in cover


def test_no_followup_means_no_progress_section(content: Checklist, render: Render) -> None:
    _, now = _visits(content, "en")
    text = squash("".join(pages_text(render(content, now, paper="A4"))))
    assert squash("Progress since") not in text
    assert build_report(content, now, "en").progress is None


def test_long_lists_of_open_and_new_hazards_are_cut_short(content: Checklist) -> None:
    ids = tuple(item.id for item in content.items())
    followup = FollowUp("2025-03-12", ids[:2], ids[2:12], ids[12:30], ids[30:42], 50, 60)
    progress = build_progress(content, followup, "en", "12 March 2025")
    by_title = {kind.title: kind for kind in progress.lists}
    t = catalogue("en")
    fixed = by_title[t("report.progress.fixed", count=2)]
    still = by_title[t("report.progress.still_open", count=10)]
    new = by_title[t("report.progress.new", count=18)]
    unchecked = by_title[t("report.progress.not_rechecked", count=12)]
    assert len(fixed.items) == 2 and fixed.more == ""
    assert len(still.items) == SHORT_LIST - 1
    assert still.more == t("report.progress.more", count=10 - SHORT_LIST + 1)
    assert len(new.items) + int(bool(new.more)) == SHORT_LIST
    assert len(unchecked.items) == 12 and unchecked.hint
    assert progress.summary == "Since 12 March 2025: 2 of 24 actions done, score 50 → 60."


def test_summary_without_a_score_or_without_earlier_hazards(content: Checklist) -> None:
    ids = tuple(item.id for item in content.items())
    t = catalogue("nl")
    no_score = build_progress(content, FollowUp("x", ids[:1], (), (), (), None, 80), "nl", "1 mei")
    assert no_score.summary == t("report.progress.summary_no_score", date="1 mei", done=1, total=1)
    nothing = build_progress(content, FollowUp("x", (), (), ids[:2], (), 100, 90), "nl", "1 mei")
    assert nothing.summary == t("report.progress.nothing_before", date="1 mei")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_counts_say_how_many_are_done(content: Checklist, render: Render, language: str) -> None:
    now_items = [item for item in content.items() if item.severity == 3][:9]
    assessment = make_assessment(content, hazards=[item.id for item in now_items])
    for item in now_items[:2]:
        assessment.answers[item.id].done = "2025-11-20"
    t = catalogue(language)
    model = build_report(content, assessment, language)
    counts = {line.label: line.value for line in model.counts}
    # Things to do are the open ones: 9 "now" actions, 2 of them ticked done.
    assert counts[t("priority.now")] == t("report.counts.many_done", count=7, done=2)
    assert counts[t("priority.soon")] == t("report.counts.many", count=0)
    expected = {"nl": "7 dingen om te doen (2 gedaan)", "en": "7 things to do (2 done)"}
    assert t("report.counts.many_done", count=7, done=2) == expected[language]
    cover = _cover(render(content, assessment, language, "A4"), language)
    assert squash(expected[language]) in cover


def test_a_done_action_prints_a_ticked_box_and_its_date(content: Checklist, render: Render) -> None:
    item = content.areas[0].items[0]
    assessment = make_assessment(content, hazards=[item.id])
    assessment.answers[item.id].done = "2025-12-24"
    done = render(content, assessment, "nl", "A4")
    assessment.answers[item.id].done = None
    open_ = render(content, assessment, "nl", "A4")
    assert "Klaar op: 24 december 2025" in "".join(pages_text(done))
    assert "Klaar op: 24 december 2025" not in "".join(pages_text(open_))
    # The tick is drawn with a thicker pen (2.4 pt) than the box: it is only there when done.
    assert _drawn(done).count(b"2.4 w") > _drawn(open_).count(b"2.4 w")


# -- the change in worry about falling and per part of the home (issue 15 item 6) -----------

FESI_14 = [2, 2, 2, 2, 2, 2, 2]
FESI_11 = [1, 2, 1, 2, 1, 2, 2]
FESI_LINES = {
    ("en", "less"): "Worry about falling (Short FES-I): 14 → 11, less than last time.",
    ("en", "more"): "Worry about falling (Short FES-I): 11 → 14, more than last time.",
    ("en", "same"): "Worry about falling (Short FES-I): 14 → 14, the same as last time.",
    ("nl", "less"): "Zorgen over vallen (korte FES-I): 14 → 11, minder dan de vorige keer.",
    ("nl", "more"): "Zorgen over vallen (korte FES-I): 11 → 14, meer dan de vorige keer.",
    ("nl", "same"): "Zorgen over vallen (korte FES-I): 14 → 14, net als de vorige keer.",
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    ("before", "after", "change"),
    [(FESI_14, FESI_11, "less"), (FESI_11, FESI_14, "more"), (FESI_14, FESI_14, "same")],
)
def test_the_change_in_worry_about_falling_in_plain_words(
    content: Checklist, language: str, before: list[int], after: list[int], change: str
) -> None:
    earlier, now = _visits(content, language)
    earlier.intake["fesi"], now.intake["fesi"] = before, after
    progress = build_progress(content, compare(content, earlier, now), language, "12 maart 2025")
    assert progress.fesi == FESI_LINES[(language, change)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (None, FESI_11),  # not filled in last time
        (FESI_14, None),  # not filled in this time
        (FESI_14, [1, None, None, 2, 1, 2, 2]),  # two skipped: no score
    ],
)
def test_nothing_is_said_about_worry_when_a_score_is_missing(
    content: Checklist, before: list[int] | None, after: list[int | None] | None
) -> None:
    earlier, now = _visits(content, "en")
    for check, answers in ((earlier, before), (now, after)):
        if answers is not None:
            check.intake["fesi"] = answers
    followup = compare(content, earlier, now)
    assert build_progress(content, followup, "en", "12 March 2025").fesi == ""
    assert build_report(content, now, "en", followup=followup).progress.fesi == ""  # type: ignore[union-attr]


def _open_by_area(content: Checklist, check: Assessment) -> dict[str, int]:
    """Open hazards per area counted straight from the answers (no two share a fix here)."""
    counts: dict[str, int] = {}
    for item_id, answer in check.answers.items():
        area = content.item(item_id).area
        if answer.answer == "hazard" and not answer.done and area in check.areas:
            counts[area] = counts.get(area, 0) + 1
    return counts


def test_per_area_then_and_now(content: Checklist) -> None:
    earlier, now = _visits(content, "en")
    areas = content.area_ids()
    kitchen = next(a for a in content.areas if a.id == "kitchen")
    for item in kitchen.items[:3]:  # three hazards in the kitchen last time ...
        earlier.answers[item.id] = Answer("hazard")
    now.areas = [a for a in areas if a != "kitchen"]  # ... not checked this time
    hallway = next(a for a in content.areas if a.id == "hallway")
    now.answers[hallway.items[0].id] = Answer("hazard")  # found now only
    earlier.areas = [a for a in areas if a != "hallway"]  # the hallway was not checked then
    before, after = _open_by_area(content, earlier), _open_by_area(content, now)
    assert len({content.item(i).fix("en") for i in earlier.answers}) == len(earlier.answers)
    followup = compare(content, earlier, now)
    lines = build_progress(content, followup, "en", "12 March 2025").areas
    expected = []
    for area in content.areas:
        title = area.title("en")
        if area.id == "kitchen":
            expected.append(f"{title}: 3 then, not checked this time")
        elif area.id == "hallway":
            expected.append(f"{title}: not checked then, {after['hallway']} now")
        elif before.get(area.id) or after.get(area.id):
            expected.append(f"{title}: {before.get(area.id, 0)} then, {after.get(area.id, 0)} now")
    assert lines == tuple(expected)
    assert len(lines) >= 3
    # Each part of the home counts what its own action list counts: open actions only.
    assert sum(c.after or 0 for c in followup.areas) == sum(
        1 for a in build_actions(content, now) if not a.is_person_action and not a.done
    )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_pdf_prints_the_worry_and_area_changes(
    content: Checklist, render: Render, language: str
) -> None:
    earlier, now = _visits(content, language)
    earlier.intake["fesi"], now.intake["fesi"] = FESI_14, FESI_11
    followup = compare(content, earlier, now)
    model = build_report(content, now, language, followup=followup)
    assert model.progress is not None and model.progress.areas
    cover = _cover(render(content, now, paper="A4", followup=followup), language)
    assert squash(FESI_LINES[(language, "less")]) in cover
    t = catalogue(language)
    assert squash(t("report.progress.areas_heading")) in cover
    for line in model.progress.areas:
        assert squash(line) in cover, line


# -- "Still to do" and "New" are this check's open actions, person actions included ----------


def _person_visits(content: Checklist, role: str) -> tuple[Assessment, Assessment]:
    """One fall and little exercise then; two falls now, one hazard fixed, one found and
    already ticked done."""
    before, now = _visits(content, "en")
    items = list(content.items())
    before.intake = {"falls_past_year": 1, "activity_days": 2}
    now.intake = {"falls_past_year": 2, "activity_days": 2}
    now.answers[items[30].id] = Answer("hazard", done="2025-05-02")
    before.role = now.role = role
    return before, now


@pytest.mark.parametrize(("role", "area"), [("self", "About you"),
                                            ("therapist", "About the person")])
def test_the_lists_hold_the_actions_the_list_holds(content: Checklist, role: str,
                                                   area: str) -> None:
    before, now = _person_visits(content, role)
    followup = compare(content, before, now)
    lists = progress_lists(content, followup, "en", role)
    t = catalogue("en")
    # In the order of the action list: the falls assessment (now) leads.
    fix = for_role(t, "action.person.falls_assessment.fix", role)  # "your GP" / "the GP"
    assert lists["still_open"][0] == ProgressItem(area, fix)
    assert ProgressItem(area, t("action.person.strength_balance.fix")) in lists["still_open"]
    open_actions = [a for a in build_actions(content, now) if not a.done]
    shown = [*lists["still_open"], *lists["new"]]
    assert len(shown) == len(open_actions) == sum(open_counts(content, now).values())
    assert sorted(i.fix for i in shown) == sorted(
        action_texts(a, t, content, now.intake, role).fix for a in open_actions
    )
    done_today = content.item(list(content.items())[30].id).fix("en")
    assert done_today not in {i.fix for i in shown}  # found and ticked done: nothing to do


def test_the_pdf_counts_still_to_do_and_new_as_open_actions(content: Checklist,
                                                            render: Render) -> None:
    before, now = _person_visits(content, "therapist")
    followup = compare(content, before, now)
    total = sum(open_counts(content, now).values())
    progress = build_report(content, now, "en", followup=followup).progress
    assert progress is not None
    t = catalogue("en")
    titles = {kind.title for kind in progress.lists}
    still, new = len(followup.still_open), len(followup.new)
    assert still + new == total
    assert t("report.progress.still_open", count=still) in titles
    assert t("report.progress.new", count=new) in titles
    cover = _cover(render(content, now, paper="A4", followup=followup), "en")
    # Filled in by a therapist: "Ask the GP", the person's.
    assert squash(f"About the person: {t('action.person.falls_assessment.fix_other')}") in cover


@pytest.mark.parametrize(("role", "title"), [("self", "About you"),
                                             ("caregiver", "About the person")])
def test_the_lines_per_part_add_up_to_all_things_to_do(content: Checklist, role: str,
                                                       title: str) -> None:
    before, now = _person_visits(content, role)
    followup = compare(content, before, now)
    lines = build_progress(content, followup, "en", "12 March 2025", role).areas
    then_person = sum(1 for a in build_actions(content, before) if a.is_person_action)
    now_person = sum(1 for a in build_actions(content, now) if a.is_person_action)
    assert lines[0] == f"{title}: {then_person} then, {now_person} now"  # the person first
    now_total = sum(int(n) for n in re.findall(r"(\d+) now", " ".join(lines)))
    assert now_total == sum(open_counts(content, now).values())
    # No answer about the person this time: said so, never "0 now".
    now.intake = {}
    lines = build_progress(content, compare(content, before, now), "en", "x", role).areas
    assert lines[0] == f"{title}: {then_person} then, not checked this time"
