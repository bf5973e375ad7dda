"""The shipped TOML cache matches the TOML files, and a stale entry is never used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from homecheck import resources


def test_shipped_cache_is_current() -> None:
    shipped = json.loads(resources.read_text(resources.TOML_CACHE))
    assert shipped == resources.build_toml_cache(), (
        "resources/toml-cache.json is stale: run `python -m homecheck.resources`"
    )


def test_a_changed_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.toml").write_text('x = "new"\n', encoding="utf-8")
    stale = {"a.toml": {"checksum": "00000000-0", "data": {"x": "old"}}}
    (tmp_path / resources.TOML_CACHE).write_text(json.dumps(stale), encoding="utf-8")
    monkeypatch.setattr(resources, "root", lambda: tmp_path)
    resources._toml_cache.cache_clear()
    try:
        assert resources.load_toml("a.toml") == {"x": "new"}
        fresh = resources.build_toml_cache()
        (tmp_path / resources.TOML_CACHE).write_text(json.dumps(fresh), encoding="utf-8")
        resources._toml_cache.cache_clear()
        (tmp_path / "a.toml").write_text('x = "newer"\n', encoding="utf-8")
        assert resources.load_toml("a.toml") == {"x": "newer"}
    finally:
        resources._toml_cache.cache_clear()


def test_a_broken_cache_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.toml").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / resources.TOML_CACHE).write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(resources, "root", lambda: tmp_path)
    resources._toml_cache.cache_clear()
    try:
        assert resources.load_toml("a.toml") == {"x": 1}
    finally:
        resources._toml_cache.cache_clear()
