"""Texts people read: the desktop's language, unique Alt letters, plurals, refused numbers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from homecheck.ui.settings import Settings, desktop_language, load_settings
from tests.ui.helpers import first_room

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("names", "expected"),
    [(["en-GB", "nl-NL"], "en"), (["nl-BE"], "nl"), (["en_US"], "en"), (["de-DE", "en-US"], "en"),
     (["fr-FR"], "nl"), ([], "nl")],
)
def test_desktop_language_is_the_first_one_homecheck_speaks(
    names: list[str], expected: str
) -> None:
    assert desktop_language(names) == expected


def test_a_first_start_takes_the_default_language_given(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json", default_language="en").language == "en"
    (tmp_path / "s.json").write_text(json.dumps({"language": "nl"}), encoding="utf-8")
    # A language chosen before always wins over the desktop's.
    assert load_settings(tmp_path / "s.json", default_language="en").language == "nl"


@pytest.mark.parametrize(("lang_env", "expected"), [("en_GB.UTF-8", "en"), ("nl_NL.UTF-8", "nl")])
def test_the_app_starts_in_the_desktops_language(
    tmp_path: Path, lang_env: str, expected: str
) -> None:
    code = (
        "from homecheck.ui.main_window import create_main_window, ensure_app\n"
        "ensure_app(['homecheck'])\n"
        "w = create_main_window()\n"
        "print(w.ctx.settings.language)\n"
        "w.ctx.session.close()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=lang_env, LANGUAGE=lang_env.split(".")[0], QT_QPA_PLATFORM="offscreen",
               HOMECHECK_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.split()[-1] == expected


_MNEMONIC = re.compile(r"&([^&\s])")


def _clashes(wizard) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    """Alt letters that two different visible texts share (answer digits repeat per question
    on purpose, like the same button on every row)."""
    found: dict[str, set[str]] = {}
    for widget in wizard.findChildren(QAbstractButton) + wizard.findChildren(QLabel):
        if not widget.isVisibleTo(wizard):
            continue
        text = widget.text().replace("&&", "")
        match = _MNEMONIC.search(text)
        if match and not match.group(1).isdigit():
            found.setdefault(match.group(1).lower(), set()).add(text)
    return {letter: texts for letter, texts in found.items() if len(texts) > 1}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_has_unique_alt_letters(make_wizard, language: str) -> None:
    wizard = make_wizard(Settings(language=language))
    seen = []
    for page_id in wizard.page_order():
        wizard.go_to(page_id)
        page = wizard.currentPage()
        for row in getattr(page, "rows", []):
            row.choices.choose_number(1)  # answered rows show all their buttons
        seen.append(page.key)
        assert _clashes(wizard) == {}, page.key
    assert "finish" in seen and any(key.startswith("area:") for key in seen)


def test_counts_are_singular_for_one(make_wizard) -> None:
    wizard = make_wizard()
    first_room(wizard).rows[0].choices.choose_number(1)
    wizard.ctx.dialogs.default_yes = True
    wizard.close()
    wizard.ctx.session.close()
    again = make_wizard()
    text = again.start_page.mode_help["resume"].text()
    assert "1 question answered" in text and "1 questions" not in text
    assert again.ctx.answered(2) == "2 questions answered"


def test_a_refused_number_is_explained(make_wizard, qtbot) -> None:
    wizard = make_wizard()
    wizard.next()
    box = wizard.about_page.numbers["activity_days"]  # 0 to 7 days
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClick(box, Qt.Key.Key_9)
    assert box.answer() is None
    assert box.problem.isVisible()
    assert "0" in box.problem.text() and "7" in box.problem.text()
    qtbot.keyClick(box, Qt.Key.Key_5)
    assert box.answer() == 5 and not box.problem.isVisible()


def test_an_all_not_applicable_area_is_checked_with_nothing_to_do(make_wizard) -> None:
    wizard = make_wizard()
    room = first_room(wizard)
    for row in room.rows:
        row.choices.choose_number(3)  # does not apply
    area = room.area.id
    step = next(wizard.side.steps.item(n).text() for n, (_i, key)
                in enumerate(wizard.side._entries) if key == f"area:{area}")
    assert "nothing to do" in step
    wizard.go_to(wizard.summary_page.page_id)
    title = room.area.title("en")
    shown = [(label.text(), number.text()) for label, _bar, number in wizard.summary_page.bar_rows
             if label.isVisible() and title in label.text()]
    assert shown and shown[0][1] == "checked, nothing to do"
