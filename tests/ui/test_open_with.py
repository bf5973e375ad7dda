"""A check file given to the app (a file manager's "Open with homecheck") opens as a new check."""

from __future__ import annotations

import os

import pytest

from homecheck.domain.assessment import Answer, Assessment, dumps
from homecheck.domain.content import checklist

pytestmark = pytest.mark.gui


def test_a_given_file_opens_without_asking(make_wizard, dialogs, tmp_path) -> None:
    first = next(checklist().items()).id
    visit = Assessment.new(
        checklist(),
        language="en",
        role="therapist",
        client="Mrs Jansen",
        assessor="An",
        date="2026-11-25",
        answers={first: Answer("hazard", note="loose rug")},
    )
    path = tmp_path / "visit.json"
    path.write_text(dumps(visit), encoding="utf-8")
    wizard = make_wizard()
    opened = wizard.start_page.open_box.open_path(path)
    assert opened is not None and opened.path == path
    assert not [call for call in dialogs.calls if call[0] == "ask_open_path"]
    assert wizard.ctx.session.answer(first).note == "loose rug"
    assert not dialogs.named("error")


def test_a_given_file_that_is_not_a_check_gives_one_plain_error(
    make_wizard, dialogs, tmp_path
) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    wizard = make_wizard()
    assert wizard.start_page.open_box.open_path(path) is None
    assert len(dialogs.named("error")) == 1


def test_the_app_program_passes_a_given_file_on_under_the_lock(monkeypatch, tmp_path) -> None:
    from homecheck import app
    from homecheck.store.lock import holder
    from homecheck.store.paths import data_dir
    from homecheck.ui import main_window

    seen: list[dict[str, object]] = []

    def fake_run_app(**kwargs: object) -> int:
        seen.append({**kwargs, "held": holder(data_dir())})
        return 0

    monkeypatch.setattr(main_window, "run_app", fake_run_app)
    given = tmp_path / "visit.json"
    assert app.gui_main([str(given)]) == 0
    assert seen == [{"check_integrity": False, "open_path": given, "held": os.getpid()}]
