"""One count of things to do everywhere (issue 15 item 5).

Varied checks of one client (answers, done ticks, the person's answers and tests, follow-ups)
are stored, then each place that says how many things are still to do is read as a person sees
it: the summary page, the client's list of checks, the fridge page and page 2 of the PDF, and
`homecheck score --json`; on a follow-up also "Still to do" and "New" since the check before
and the lines per part ("Kitchen: 3 then, 1 now"), on the summary and on page 2. Every place
must give the open actions (not ticked done), person actions included.
"""

from __future__ import annotations

import io
import json
import random
import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from homecheck import cli
from homecheck.domain import assessment as fmt
from homecheck.domain import person
from homecheck.domain.actions import PRIORITIES, build_actions
from homecheck.domain.assessment import Answer, Assessment
from homecheck.domain.wording import action_texts
from homecheck.i18n import catalogue
from homecheck.store import clients
from homecheck.ui.pages.base import CLIENTS_ID, SUMMARY_ID
from tests.ui.helpers import choose_role

pytestmark = pytest.mark.gui

CHECKS = 6


def _intake(rng: random.Random) -> dict[str, Any]:
    """About-you answers and the therapist's tests, each key given or not."""
    intake: dict[str, Any] = {}
    for key, choices in person.CHOICE_KEYS.items():
        if rng.random() < 0.7:
            intake[key] = rng.choice(choices)
    for key in person.YES_NO_KEYS:
        if rng.random() < 0.6:
            intake[key] = rng.random() < 0.4
    for key, (low, high) in {**person.COUNT_KEYS, **person.NUMBER_KEYS}.items():
        if rng.random() < 0.6:
            intake[key] = rng.randint(low, min(high, low + 30))
    if rng.random() < 0.7:
        intake["fesi"] = [rng.choice(person.FESI_LEVELS) for _ in range(person.FESI_ITEMS)]
    return intake


def _check(rng: random.Random, content, n: int) -> Assessment:  # type: ignore[no-untyped-def]
    """A finished check: some areas, every kind of answer, some actions ticked done."""
    areas = [a for a in content.area_ids() if rng.random() < 0.8] or [content.area_ids()[0]]
    answers = {}
    for item in content.items():
        roll = rng.random() if item.area in areas else 1.0
        if roll < 0.45:
            done = f"2026-0{n + 1}-1{rng.randint(0, 9)}" if rng.random() < 0.3 else None
            answers[item.id] = Answer("hazard", note=f"note {item.id}", done=done)
        elif roll < 0.75:
            answers[item.id] = Answer("ok")
        elif roll < 0.85:
            answers[item.id] = Answer("na")
    return Assessment(
        language="en", role="therapist", client="Mrs Test", assessor="Anna",
        date=f"2026-0{n + 1}-01", areas=areas, intake=_intake(rng), answers=answers,
        status="done",
    )  # fmt: skip


def _pages(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(io.BytesIO(pdf))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def _squash(text: str) -> str:
    """Without spaces, line breaks or hyphens: wrapping cannot break a comparison."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", text)


def _number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found, f"{pattern!r} not in {text!r}"
    return int(found.group(1))


def _fridge_now(page: str, assessment: Assessment, content) -> int:  # type: ignore[no-untyped-def]
    """The "now" things still to do on the fridge page: those printed without a tick, plus
    "N more things for this week are on the next pages"."""
    t = catalogue("en")
    flat = _squash(page)
    shown_open = 0
    for action in build_actions(content, assessment):
        if action.priority == "now" and not action.done:
            fix = action_texts(action, t, content, assessment.intake, assessment.role).fix
            shown_open += _squash(fix) in flat
    more = re.search(r"(\d+) more things? for this week", " ".join(page.split()))
    return shown_open + (int(more.group(1)) if more else 0)


def _page_two(page: str) -> dict[str, int]:
    """The counts of page 2: "N things to do now" at the top, and "What is there to do?"."""
    text = " ".join(page.split())
    now = (
        0
        if "Nothing that must be done this week" in text
        else _number(r"(\d+) things? to do now", text)
    )
    found = {"top": now}
    for key, label in (
        ("now", "Now (this week)"),
        ("soon", "Soon (this month)"),
        ("later", "Later"),
    ):
        found[key] = _number(re.escape(label) + r":? (\d+) things? to do", text)
    return found


def _progress(page: str) -> int:
    """The progress since the check before (page 2 on): "Still to do from last time (N)" and
    "New since then (M)", added up."""
    text = " ".join(page.split())
    assert "Progress since" in text
    found = re.search(r"Still to do from last time \((\d+)\)", text)
    new = re.search(r"New since then \((\d+)\)", text)
    return (int(found.group(1)) if found else 0) + (int(new.group(1)) if new else 0)


def _per_part_now(text: str) -> int:
    """The things to do now of the lines per part ("Kitchen: 3 then, 1 now"), added up."""
    return sum(int(n) for n in re.findall(r"(\d+) now\b", " ".join(text.split())))


def test_every_place_counts_the_same_open_actions(
    make_wizard, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wizard = make_wizard()
    content, session = wizard.ctx.checklist, wizard.ctx.session
    choose_role(wizard, "therapist")
    wizard.next()
    assert wizard.currentId() == CLIENTS_ID
    store = session.store
    client_id = clients.add_client(store, "Mrs Test")
    rng = random.Random(15)
    made: list[tuple[int, Assessment, Path]] = []
    previous_id = None
    for n in range(CHECKS):
        check = _check(rng, content, n)
        previous_id = store.create_check(check, client_id=client_id, previous_id=previous_id)
        path = tmp_path / f"check{n}.json"
        path.write_text(fmt.dumps(check), encoding="utf-8")
        made.append((previous_id, check, path))
    page = wizard.clients_page
    page.client_list.refresh()
    page.client_list.choose(client_id)
    rows = {check.id: page.checks_list.item(n).text() for n, check in enumerate(page.checks)}
    assert sorted(rows) == sorted(check_id for check_id, _, _ in made)

    seen_done = seen_person = 0
    for n, (check_id, check, path) in enumerate(made):
        # score --json
        assert cli.run(["score", "--json", str(path)]) == 0
        counts = json.loads(capsys.readouterr().out)["counts"]
        assert set(counts) == set(PRIORITIES)
        total = sum(counts.values())
        # The client's list of checks.
        assert _number(r"actions still to do: (\d+)", rows[check_id]) == total
        # The summary page.
        session.resume(check_id)
        wizard.go_to(SUMMARY_ID)
        summary = wizard.summary_page
        summary.refresh()  # already on the summary page after the first check
        now_text = summary.now_label.text()
        now = (
            0
            if now_text == "Nothing that must be done this week"
            else _number(r"(\d+) things? to do now", now_text)
        )
        assert now == counts["now"], (n, counts)
        todo = summary.counts.text()
        assert (
            _number(r"(\d+) this week", todo),
            _number(r"(\d+) this month", todo),
            _number(r"(\d+) later", todo),
        ) == (counts["now"], counts["soon"], counts["later"])
        # The summary's comparison with the check before: still to do + new.
        box = summary.followup
        assert box.isVisible() == bool(n)
        if n:
            numbers = box.counts.text()
            still = _number(r"Still to do from last time: (\d+)", numbers)
            assert still + _number(r"New: (\d+)", numbers) == total, (n, numbers, counts)
            assert _per_part_now(box.areas.text()) == total, box.areas.text()
            listed = box.lists["still_open"][1].text().count("– ")
            listed += box.lists["new"][1].text().count("– ")
            assert listed == total
        # The PDF, through `homecheck report` (a follow-up of the check before).
        out = tmp_path / f"check{n}.pdf"
        argv = ["report", str(path), "-o", str(out), "--lang", "en"]
        if n:
            argv += ["--previous", str(made[n - 1][2])]
        assert cli.run(argv) == 0
        pages = _pages(out.read_bytes())
        assert _fridge_now(pages[0], check, content) == counts["now"]
        overview = next(p for p in pages[1:] if "What is there to do?" in p)
        assert _page_two(overview) == {"top": counts["now"], **counts}
        if n:
            assert _progress(" ".join(pages[1:])) == total, (n, counts)
            assert _per_part_now(" ".join(pages[1:])) == total, (n, counts)
        actions = build_actions(content, check)
        seen_done += any(a.done for a in actions)
        seen_person += any(a.is_person_action and not a.done for a in actions)
    # The generated checks did hold what makes counts differ.
    assert seen_done and seen_person
