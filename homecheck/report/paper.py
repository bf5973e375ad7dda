"""Paper size: A4, or US Letter when the locale's territory is the United States or Canada."""

from __future__ import annotations

import os
from collections.abc import Mapping

# reportlab.lib.pagesizes' values, written out: choosing the paper needs no reportlab.
MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
LETTER = (612.0, 792.0)
PAPERS: dict[str, tuple[float, float]] = {"A4": A4, "letter": LETTER}
LETTER_TERRITORIES = frozenset({"US", "CA"})
# POSIX order: LC_ALL overrides LC_PAPER, which overrides LANG.
_LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")


def paper_for_locale(environ: Mapping[str, str] | None = None) -> str:
    """Return "letter" when the locale (LC_ALL, LC_PAPER, LANG) names US or CA, else "A4"."""
    env = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            # "en_US.UTF-8", "fr_CA@euro", "C" or "POSIX": the territory sits after "_".
            base = value.split(".", 1)[0].split("@", 1)[0]
            _, _, territory = base.partition("_")
            return "letter" if territory.upper() in LETTER_TERRITORIES else "A4"
    return "A4"


def page_size(paper: str | None, environ: Mapping[str, str] | None = None) -> tuple[float, float]:
    """Return the page size in points for "A4" or "letter"; None asks the locale."""
    name = paper_for_locale(environ) if paper is None else paper
    if name not in PAPERS:
        raise ValueError(f"unknown paper {paper!r} (choose A4 or letter)")
    return PAPERS[name]
