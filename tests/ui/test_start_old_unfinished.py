"""The start page with an own check left a year ago and a newer, finished one: checking the home
again comes first; going on with the old check is still offered (F9 of the trial)."""

from __future__ import annotations

import pytest

from homecheck.domain.content import checklist
from homecheck.session.session import Session
from homecheck.store.db import Store
from homecheck.store.paths import database_path

pytestmark = pytest.mark.gui


def _old_unfinished_and_newer_finished() -> tuple[int, int]:
    session = Session(Store(database_path()), checklist(), "en")
    try:
        session.start_new("self", "", "")
        session.set_answer(checklist().areas[0].items[0].id, "ok")
        old = session.check_id
        assert old is not None
        session.assessment.date = "2025-12-24"
        session.store.save_header(old, session.assessment)
        session.start_new("self", "", "")
        session.set_answer(checklist().areas[0].items[0].id, "hazard")
        session.finish()
        finished = session.check_id
        assert finished is not None
        return old, finished
    finally:
        session.close()


def test_the_follow_up_comes_first_and_the_old_check_is_still_offered(make_wizard) -> None:
    old, finished = _old_unfinished_and_newer_finished()
    wizard = make_wizard()
    radios = wizard.start_page.mode_radios
    assert radios["resume"].isVisible() and not radios["resume"].isChecked()
    assert radios["followup"].isChecked()
    wizard.next()
    session = wizard.ctx.session
    assert session.check_id not in (old, finished) and session.previous_id == finished
    assert old in [c.id for c in session.store.own_checks()]  # not deleted
