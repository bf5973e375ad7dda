"""The shipped parsed-font cache is current, gives reportlab's own font, and is never used stale."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from homecheck import resources
from homecheck.report import fontcache
from homecheck.report.styles import FONT, FONT_FILES


def _comparable(font: Any) -> dict[str, Any]:
    face = {k: v for k, v in vars(font.face).items() if k != "_pdfScale"}
    rest = {k: v for k, v in vars(font).items() if k not in ("face", "state", "encoding")}
    return {"face": face, "font": rest, "scale": font.face._pdfScale(1234)}


def test_the_shipped_cache_is_current() -> None:
    shipped = pickle.loads(resources.read_bytes(fontcache.FONT_CACHE))
    fresh = fontcache.build_font_cache(FONT_FILES)
    assert sorted(shipped) == sorted(fresh), (
        "resources/fonts/parsed-fonts.pickle is stale: run `python -m homecheck.report.fontcache`"
    )
    for resource, entry in fresh.items():
        assert shipped[resource]["reportlab"] == entry["reportlab"]
        assert shipped[resource]["checksum"] == entry["checksum"]


@pytest.mark.parametrize(("name", "resource"), sorted(FONT_FILES.items()))
def test_a_cached_font_is_the_font_reportlab_parses(name: str, resource: str) -> None:
    cached = fontcache.load_font(name, resource)
    parsed = TTFont(name, str(resources.path(resource)))
    assert type(cached) is TTFont
    assert _comparable(cached) == _comparable(parsed)
    sample = "Valgevaar één ĳ ☐ — Ærø"
    assert cached.stringWidth(sample, 13) == parsed.stringWidth(sample, 13)


def test_a_stale_entry_is_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    resource = FONT_FILES[FONT]
    entry = dict(fontcache._cache()[resource])
    entry["face"] = {**entry["face"], "charWidths": {}}  # would print every glyph 0 wide
    for key, wrong in (("checksum", "00000000-0"), ("reportlab", "0.0")):
        monkeypatch.setattr(fontcache, "_cache", lambda e={**entry, key: wrong}: {resource: e})
        font = fontcache.load_font(FONT, resource)
        assert font.face.charWidths, key


def test_a_missing_cache_falls_back_to_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fontcache, "_cache", dict)
    font = fontcache.load_font(FONT, FONT_FILES[FONT])
    assert font.stringWidth("abc", 10) > 0


def test_the_cache_holds_no_path_of_the_machine_that_made_it() -> None:
    shipped = pickle.loads(resources.read_bytes(fontcache.FONT_CACHE))
    for entry in shipped.values():
        assert "filename" not in entry["face"]
    font = fontcache.load_font(FONT, FONT_FILES[FONT])
    assert font.face.filename == str(resources.path(FONT_FILES[FONT]))
