"""Key-based string catalogues (resources/i18n/<lang>/*.toml), shared by the UI and the PDF."""

from __future__ import annotations

import string
from functools import cache

from homecheck import resources

LANGUAGES: tuple[str, ...] = ("nl", "en")
DEFAULT_LANGUAGE = "nl"


class Catalogue:
    """All our own strings for one language, looked up by key."""

    def __init__(self, language: str, strings: dict[str, str]) -> None:
        self.language = language
        self._strings = strings

    def keys(self) -> set[str]:
        """Return every key in this catalogue."""
        return set(self._strings)

    def __contains__(self, key: object) -> bool:
        """True when the catalogue has this key."""
        return key in self._strings

    def raw(self, key: str) -> str:
        """Return the unformatted string for a key (KeyError when missing)."""
        return self._strings[key]

    def __call__(self, key: str, /, **values: object) -> str:
        """Return the string for a key with ``{placeholders}`` filled in."""
        text = self._strings[key]
        return text.format(**values) if values else text


def _flatten(prefix: str, table: dict[str, object], out: dict[str, str]) -> None:
    for key, value in table.items():
        full = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            _flatten(full, value, out)
        elif isinstance(value, str):
            out[full] = value
        else:
            raise ValueError(f"catalogue value for {full!r} is not text")


@cache
def catalogue(language: str) -> Catalogue:
    """Return the (cached) catalogue for a language code."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (choose from {', '.join(LANGUAGES)})")
    # One catalogue per language, kept in a few files by topic (common, ui, report) so that
    # keys stay easy to find; a key may live in one file only.
    strings: dict[str, str] = {}
    for name in resources.listdir(f"i18n/{language}"):
        if not name.endswith(".toml"):
            continue
        part: dict[str, str] = {}
        _flatten("", resources.load_toml(f"i18n/{language}/{name}"), part)
        twice = sorted(set(part) & set(strings))
        if twice:
            raise ValueError(f"i18n/{language}/{name}: keys defined twice: {', '.join(twice)}")
        strings.update(part)
    return Catalogue(language, strings)


def placeholders(text: str) -> set[str]:
    """Return the ``{name}`` placeholders used in a catalogue string."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
