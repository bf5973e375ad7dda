"""The app and store versions: a newer homecheck's store gets its own message and is not touched;
an older one is upgraded and opens with its checks."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from homecheck.domain.assessment import Answer, Assessment
from homecheck.store.db import Store
from homecheck.store.migrations import SCHEMA_VERSION
from homecheck.store.paths import database_path
from homecheck.ui.main_window import create_main_window
from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui

FIXTURE = Path(__file__).parents[1] / "store" / "fixtures" / "v1"


@pytest.mark.parametrize(
    ("after_crash", "damaged_inside"), [(False, False), (True, False), (True, True)]
)
def test_a_newer_homecheck_store_is_told_and_left_alone(
    dialogs, after_crash: bool, damaged_inside: bool
) -> None:
    path = database_path()
    store = Store(path)
    for n in range(20):
        answers = {"stairs.rail_both_sides": Answer("hazard", note=f"note {n} " * 300)}
        store.create_check(Assessment(areas=["stairs"], answers=answers))
    store.close()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    raw.commit()
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    if damaged_inside:  # a newer homecheck's store is not this homecheck's to judge
        data = bytearray(path.read_bytes())
        data[6 * page_size : 9 * page_size] = b"\x5a" * (3 * page_size)
        path.write_bytes(bytes(data))
    before = path.read_bytes()
    settings = Settings(language="en")
    wizard = create_main_window(dialogs=dialogs, settings=settings, check_integrity=after_crash)
    assert wizard is None
    (error,) = dialogs.named("error")
    assert "newer version of homecheck" in error[2] and str(path) in error[2]
    assert not dialogs.named("inform")  # not "damaged, put aside"
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_an_older_store_opens_upgraded_with_its_checks(qtbot, dialogs) -> None:
    path = database_path()
    shutil.copy(FIXTURE / "homecheck.sqlite3", path)
    shutil.copytree(FIXTURE / "photos", path.parent / "photos")
    wizard = create_main_window(dialogs=dialogs, settings=Settings(language="nl"))
    assert wizard is not None
    qtbot.addWidget(wizard)
    try:
        assert not dialogs.named("error") and not dialogs.named("inform")
        store = wizard.ctx.session.store
        assert store.upgraded_from == 1 and store.count_checks() == 3
        assert len(list(path.parent.glob(path.name + ".version-1-*"))) == 1
    finally:
        wizard.ctx.session.store.close()
