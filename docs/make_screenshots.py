"""Render every wizard page to PNG (Dutch and English, normal and largest text, high contrast)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Never touch the real data folder: the screenshots use a throw-away one.
os.environ["HOMECHECK_DATA_DIR"] = tempfile.mkdtemp(prefix="homecheck-shots-")

from PySide6.QtWidgets import QApplication  # noqa: E402

from homecheck.store import clients  # noqa: E402
from homecheck.ui.dialogs import PrintChoice  # noqa: E402
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

    def ask_open_path(self, *args: Any) -> Path | None:
        return None

    def ask_save_path(self, *args: Any) -> Path | None:
        return None

    def ask_printer(self, *args: Any) -> PrintChoice | None:
        return None

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


def build(settings: Settings) -> HomeWizard:
    wizard = create_main_window(dialogs=SilentDialogs(), settings=settings)
    assert wizard is not None
    wizard.resize(*SIZE)
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


def main() -> int:
    ensure_app([])
    OUT.mkdir(parents=True, exist_ok=True)
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

    for shot in shots:
        print(shot.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
