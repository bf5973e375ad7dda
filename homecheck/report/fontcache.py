"""The bundled fonts as reportlab reads them, parsed ahead of time and kept in resources/."""

from __future__ import annotations

import pickle
from functools import lru_cache
from typing import Any

from homecheck import resources

# Parsing the two ~700 KB TrueType files costs about 15 ms of every report in pure Python; their
# parsed tables load from the cache in a third of that. Each entry holds the reportlab version
# and the font file's checksum: another reportlab or an edited font is simply parsed again.
# `python -m homecheck.report.fontcache` rewrites the cache; tests/report/test_fontcache.py
# fails when the shipped one is stale. It is a pickle: it ships with the code, as trusted.
FONT_CACHE = "fonts/parsed-fonts.pickle"
# The TTFont attributes that are rebuilt, not stored: the font bytes are read from the file,
# the scale is a function, the file name is where this installation keeps the font (not where
# the cache was made), and the per-document state starts empty.
_FACE_REBUILT = ("_ttf_data", "_pdfScale", "filename")
_FONT_REBUILT = ("face", "state", "fontName")


def _version() -> str:
    import reportlab

    return str(reportlab.Version)


@lru_cache(maxsize=1)
def _cache() -> dict[str, Any]:
    try:
        data = pickle.loads(resources.read_bytes(FONT_CACHE))
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return {}
    return data if isinstance(data, dict) else {}


def _entry(font: Any, raw: bytes) -> dict[str, Any]:
    return {
        "reportlab": _version(),
        "checksum": resources.checksum(raw),
        "font": {k: v for k, v in vars(font).items() if k not in _FONT_REBUILT},
        "face": {k: v for k, v in vars(font.face).items() if k not in _FACE_REBUILT},
    }


def _scale(units_per_em: int) -> Any:
    """The face's font-unit to PDF-unit function, as reportlab's parser makes it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def load_font(name: str, resource: str) -> Any:
    """Return a reportlab TTFont of a bundled font file, from the cache when it is current."""
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

    raw = resources.read_bytes(resource)
    entry = _cache().get(resource)
    if (
        not isinstance(entry, dict)
        or entry.get("reportlab") != _version()
        or entry.get("checksum") != resources.checksum(raw)
    ):
        return TTFont(name, str(resources.path(resource)))
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(entry["face"])
    face._ttf_data = raw
    face.filename = str(resources.path(resource))
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(entry["font"])
    font.fontName = name
    font.face = face
    font.state = WeakKeyDictionary()
    return font


def build_font_cache(fonts: dict[str, str]) -> dict[str, Any]:
    """Parse each bundled font (name → resource) afresh; the document written to the cache."""
    from reportlab.pdfbase.ttfonts import TTFont

    cache = {}
    for name, resource in fonts.items():
        raw = resources.read_bytes(resource)
        cache[resource] = _entry(TTFont(name, str(resources.path(resource))), raw)
    return cache


if __name__ == "__main__":
    from homecheck.report.styles import FONT_FILES

    target = resources.path(FONT_CACHE)
    target.write_bytes(pickle.dumps(build_font_cache(FONT_FILES), protocol=4))
    print(f"wrote {target}")
