"""A check file given to the app (a file manager's "Open with homecheck") opens as a new check."""

from __future__ import annotations

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
