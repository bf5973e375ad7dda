"""Stored checks from before items were merged or split open on the current items."""

from __future__ import annotations

from pathlib import Path

from homecheck.domain.assessment import Answer, Assessment
from homecheck.store.db import Store


def _old_check(store: Store) -> int:
    # Written as an older homecheck did: answers under ids that are retired now.
    old = Assessment(
        areas=["bedroom", "toilet", "whole_home"],
        answers={
            "bedroom.no_phone_within_reach": Answer("hazard", note="phone downstairs"),
            "whole_home.phone_out_of_reach": Answer("ok", done="2026-01-02"),
            "toilet.none_on_bedroom_floor": Answer("hazard"),
            "whole_home.pets_underfoot": Answer("na"),
        },
    )
    return store.create_check(old)


def test_stored_check_with_retired_ids_loads_mapped(tmp_path: Path) -> None:
    store = Store(tmp_path / "homecheck.sqlite3")
    check = _old_check(store)
    loaded = store.load_check(check)
    assert loaded.answers == {
        "stairs.stairs_at_night_to_toilet": Answer("hazard"),
        "whole_home.pets_underfoot": Answer("na"),
        "whole_home.phone_out_of_reach": Answer(
            "hazard", note="phone downstairs", done="2026-01-02"
        ),
    }
    assert loaded.areas == ["bedroom", "toilet", "whole_home", "stairs"]
    store.close()


def test_mapping_is_written_back_so_later_changes_stick(tmp_path: Path) -> None:
    path = tmp_path / "homecheck.sqlite3"
    store = Store(path)
    check = _old_check(store)
    store.load_check(check)
    # The person now says the phone is fine and ticks the stairs action as done.
    store.save_answer(check, "whole_home.phone_out_of_reach", Answer("ok"))
    store.set_done(check, "stairs.stairs_at_night_to_toilet", "2026-03-04")
    store.close()
    again = Store(path).load_check(check)
    assert again.answers["whole_home.phone_out_of_reach"] == Answer("ok")
    assert again.answers["stairs.stairs_at_night_to_toilet"].done == "2026-03-04"
    rows = {
        r[0] for r in Store(path).query("SELECT item_id FROM answers WHERE check_id=?", (check,))
    }
    assert "bedroom.no_phone_within_reach" not in rows


def test_a_client_history_loads_old_checks_mapped(tmp_path: Path) -> None:
    store = Store(tmp_path / "homecheck.sqlite3")
    check = _old_check(store)
    newer = store.create_check(
        Assessment(areas=["whole_home"], answers={"whole_home.loose_rugs": Answer("ok")})
    )
    found = store.load_checks([check, newer])
    assert set(found[check].answers) == {
        "stairs.stairs_at_night_to_toilet",
        "whole_home.pets_underfoot",
        "whole_home.phone_out_of_reach",
    }
    assert found[newer].answers == {"whole_home.loose_rugs": Answer("ok")}
    assert store.load_check(check) == found[check]
    store.close()
