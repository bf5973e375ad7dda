"""Render every wizard page to PNG (Dutch and English, normal and largest text, high contrast,
200 % display scaling, a narrow and the smallest window).

    python docs/make_screenshots.py

The 200 % shots need a real X server, as on a desktop (offscreen does not scale faithfully):
they are made in a second run of this script on a private Xvfb (2560x1600, QT_SCALE_FACTOR=2)
when Xvfb is installed (``bash .ci/test`` installs it), else offscreen with a warning.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    # The tests' 1920x1200 screen (offscreen's own is 800x800): the window always fits its
    # screen, and the shots are 1200x860.
    SCREEN = ROOT / "tests" / "offscreen_screen.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
sys.path.insert(0, str(ROOT))
# Never touch the real data folder: the screenshots use a throw-away one.
os.environ["HOMECHECK_DATA_DIR"] = tempfile.mkdtemp(prefix="homecheck-shots-")

from PySide6.QtWidgets import QApplication  # noqa: E402

from homecheck.store import clients  # noqa: E402
from homecheck.ui.main_window import create_main_window, ensure_app  # noqa: E402
from homecheck.ui.pages.base import (  # noqa: E402
    ABOUT_ID,
    CLIENTS_ID,
    FINISH_ID,
    HOME_ID,
    START_ID,
    SUMMARY_ID,
)
from homecheck.ui.settings import Settings  # noqa: E402
from homecheck.ui.wizard import HomeWizard  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1200, 860)
PATTERN = ("ok", "ok", "hazard", "ok", "na", "ok", "hazard", "ok")


class SilentDialogs:
    """Dialogs that answer without showing anything (yes to "stop for now")."""

    def ask_yes_no(self, *args: Any) -> bool:
        return True

    def confirm_delete(self, *args: Any) -> bool:
        return False  # the screenshots never delete anything

    def ask_text(self, *args: Any) -> str | None:
        return None

    def ask_open_path(self, *args: Any, **kwargs: Any) -> Path | None:
        return None

    def ask_save_path(self, *args: Any, **kwargs: Any) -> Path | None:
        return None

    def ask_printer(self, *args: Any) -> bool:
        return False

    def inform(self, *args: Any) -> None:
        pass

    def error(self, *args: Any) -> None:
        pass

    def open_file(self, path: Path) -> bool:
        return False


def fill_in(wizard: HomeWizard, leave_open: int = 6) -> None:
    """Answer most items and a few person questions, as after a real visit."""
    session = wizard.ctx.session
    items = [item for area in wizard.ctx.checklist.areas for item in area.items]
    for n, item in enumerate(items[:-leave_open]):
        session.set_answer(item.id, PATTERN[n % len(PATTERN)])
    first = wizard.ctx.checklist.areas[0].items[2].id
    session.set_note(first, "Tegel bij de deur ligt los" if wizard.ctx.language == "nl"
                     else "Loose tile by the door")
    for key, value in (("pain", "sometimes"), ("activity_days", 3), ("falls_past_year", 1),
                       ("fear_of_falling", True), ("key_fallen", True)):
        session.set_intake(key, value)
    session.set_intake("fesi", [2, 3, 1, 3, 2, 2, 1])
    session.set_area_present("garden", False)
    for page in wizard.pages_by_id.values():
        if page.built:
            page.reload()


def build(settings: Settings, size: tuple[int, int] | None = SIZE) -> HomeWizard:
    """A wizard at ``size`` (None: the app's own size for the screen; (0, 0): its smallest)."""
    wizard = create_main_window(dialogs=SilentDialogs(), settings=settings)
    assert wizard is not None
    if size is not None:
        wizard.resize(*size)
    wizard.show()
    QApplication.processEvents()
    return wizard


def shoot(wizard: HomeWizard, page_id: int, name: str, prepare: Any = None) -> Path:
    wizard.go_to(page_id)
    if prepare is not None:
        prepare(wizard)
    for _ in range(3):
        QApplication.processEvents()
    path = OUT / f"{name}.png"
    wizard.grab().save(str(path))
    return path


def first_room(wizard: HomeWizard) -> int:
    return wizard.room_pages[wizard.ctx.checklist.areas[0].id].page_id


def open_why(wizard: HomeWizard) -> None:
    """Show the why/what-to-do text of the third question, with keyboard focus there."""
    page = wizard.currentPage()
    rows = page.rows  # type: ignore[attr-defined]
    rows[2].why_button.setChecked(True)
    rows[2].why_button.setFocus()


def shoot_help(wizard: HomeWizard, name: str) -> Path:
    """The help window (F1), beside the wizard."""
    wizard.show_help()
    window = wizard.help_window
    assert window is not None
    for _ in range(3):
        QApplication.processEvents()
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    window.close()
    return path


def finish(wizard: HomeWizard) -> None:
    wizard.finish_page.status.setText(
        wizard.ctx.t("ui.finish.saved", path="/home/anna/Documenten/homecheck-actielijst.pdf")
    )


def earlier_visits(wizard: HomeWizard) -> int:
    """A therapist's computer: three clients, one with two finished checks; returns her id."""
    session = wizard.ctx.session
    store = session.store
    template = store.load_check(session.check_id) if session.check_id else None
    jansen = clients.add_client(store, "Mrs Jansen, Kerkstraat 4")
    for label in ("Mr de Boer", "Client 14"):
        clients.add_client(store, label)
    assert template is not None
    for date, assessor in (("2026-05-14", "Anna de Vries"), ("2026-09-12", "Anna de Vries")):
        template.date, template.role, template.assessor = date, "therapist", assessor
        template.client = "Mrs Jansen, Kerkstraat 4"
        check = store.create_check(template, client_id=jansen)
        store.set_status(check, "done")
    hazards = [k for k, a in template.answers.items() if a.answer == "hazard"]
    for item_id in hazards[:2]:  # two actions ticked off between the visits
        store.set_done(check, item_id, "2026-10-01")
    return jansen


def visit_again(wizard: HomeWizard) -> None:
    """The follow-up visit: most hazards fixed, one new, a few not looked at yet."""
    session = wizard.ctx.session
    previous = session.previous
    assert previous is not None
    for n, (item_id, answer) in enumerate(previous.answers.items()):
        if n % 9 == 4:
            continue  # not re-checked (yet)
        now = "ok" if answer.answer == "hazard" and n % 3 else answer.answer
        if n == 5:
            now = "hazard"
        session.set_answer(item_id, now)
    for page in wizard.pages_by_id.values():
        if page.built:
            page.reload()


def scaled_shots() -> list[Path]:
    """200 % display scaling on a 2560x1600 screen (1280x800 logical): run with --scaled."""
    shots: list[Path] = []
    nl = build(Settings(language="nl"), size=None)  # the app's own size for this screen
    shots.append(shoot(nl, START_ID, "18-nl-200pct-start"))
    nl.next()
    fill_in(nl)
    shots.append(shoot(nl, first_room(nl), "19-nl-200pct-kamer", open_why))
    shots.append(shoot(nl, SUMMARY_ID, "20-nl-200pct-overzicht"))
    nl.close()
    return shots


def run_scaled() -> list[Path]:
    """This script again with --scaled, on a private Xvfb when there is one."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env["QT_SCALE_FACTOR"] = "2"
    command = [sys.executable, str(Path(__file__).resolve()), "--scaled"]
    if not shutil.which("Xvfb"):
        print("warning: no Xvfb: the 200 % screenshots are made offscreen", file=sys.stderr)
        env["QT_QPA_PLATFORM"] = "offscreen"
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        return [ROOT / line for line in done.stdout.split()]
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "2560x1600x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            env["DISPLAY"] = ":" + pipe.readline().strip()
        env["QT_QPA_PLATFORM"] = "xcb"
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return [ROOT / line for line in done.stdout.split()]


def main() -> int:
    ensure_app([])
    OUT.mkdir(parents=True, exist_ok=True)
    if "--scaled" in sys.argv:
        for shot in scaled_shots():
            print(shot.relative_to(ROOT))
        return 0
    for old in OUT.glob("[0-9][0-9]-*.png"):  # the report-*.png pages come from the PDF
        old.unlink()
    shots: list[Path] = []

    # Dutch, normal text: every page of a fresh check, then a filled-in one.
    nl = build(Settings(language="nl"))
    shots.append(shoot(nl, START_ID, "01-nl-start"))
    nl.next()
    fill_in(nl)
    shots.append(shoot(nl, ABOUT_ID, "02-nl-over-jou"))
    shots.append(shoot(nl, HOME_ID, "03-nl-jouw-huis"))
    shots.append(shoot(nl, first_room(nl), "04-nl-kamer", open_why))
    shots.append(shoot(nl, SUMMARY_ID, "05-nl-overzicht"))
    shots.append(shoot(nl, FINISH_ID, "06-nl-opslaan", finish))
    shots.append(shoot_help(nl, "25-nl-help"))
    nl.close()

    # English: the start page offers to resume the check above.
    en = build(Settings(language="en"))
    shots.append(shoot(en, START_ID, "07-en-start-resume"))
    en.next()
    shots.append(shoot(en, first_room(en), "08-en-room", open_why))
    shots.append(shoot(en, SUMMARY_ID, "09-en-summary"))
    en.close()

    # Largest text (20 pt), Dutch.
    big = build(Settings(language="nl", text_size=20))
    big.next()
    shots.append(shoot(big, ABOUT_ID, "10-nl-20pt-over-jou"))
    shots.append(shoot(big, first_room(big), "11-nl-20pt-kamer", open_why))
    shots.append(shoot(big, SUMMARY_ID, "12-nl-20pt-overzicht"))
    big.close()

    # High contrast, once.
    contrast = build(Settings(language="en", high_contrast=True))
    contrast.next()
    shots.append(shoot(contrast, first_room(contrast), "13-en-high-contrast", open_why))
    shots.append(shoot(contrast, SUMMARY_ID, "14-en-high-contrast-summary"))
    contrast.close()

    # A therapist on a follow-up visit: the client list, the room with last time's answers and
    # the comparison on the summary.
    visit = build(Settings(language="en"))
    jansen = earlier_visits(visit)
    visit.start_page.new_radio.setChecked(True)
    visit.start_page.role_radios["therapist"].setChecked(True)
    visit.start_page.assessor_edit.setText("Anna de Vries")
    visit.next()
    visit.clients_page.client_list.choose(jansen)
    shots.append(shoot(visit, CLIENTS_ID, "15-en-clients"))
    visit.next()
    visit_again(visit)
    visit.set_language("nl")
    shots.append(shoot(visit, first_room(visit), "16-nl-vervolg-kamer"))
    shots.append(shoot(visit, SUMMARY_ID, "17-nl-vervolg-overzicht"))
    visit.close()

    # A narrow window at the largest text: the side panel gives way; and the smallest window.
    narrow = build(Settings(language="nl", text_size=20), size=(800, 600))
    narrow.next()
    fill_in(narrow)
    shots.append(shoot(narrow, first_room(narrow), "21-nl-20pt-smal-venster-kamer", open_why))
    shots.append(shoot(narrow, ABOUT_ID, "22-nl-20pt-smal-venster-over-jou"))
    narrow.close()
    smallest = build(Settings(language="en"), size=(0, 0))
    shots.append(shoot(smallest, START_ID, "23-en-smallest-window-start"))
    smallest.next()
    shots.append(shoot(smallest, first_room(smallest), "24-en-smallest-window-room", open_why))
    smallest.close()

    shots += run_scaled()
    for shot in shots:
        print(shot.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
