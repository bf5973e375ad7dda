"""A4 everywhere, US Letter when the locale's territory is the United States or Canada."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4, LETTER

from homecheck.report.paper import page_size, paper_for_locale


@pytest.mark.parametrize(
    ("environ", "paper"),
    [
        ({}, "A4"),
        ({"LANG": "nl_NL.UTF-8"}, "A4"),
        ({"LANG": "en_GB.UTF-8"}, "A4"),
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "fr_CA@euro"}, "letter"),
        ({"LANG": "en_us.utf8"}, "letter"),
        ({"LANG": "C"}, "A4"),
        ({"LANG": "C.UTF-8"}, "A4"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "nl_NL.UTF-8"}, "A4"),
        ({"LANG": "nl_NL.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "letter"),
        ({"LC_PAPER": "en_US.UTF-8", "LC_ALL": "de_DE.UTF-8"}, "A4"),
        ({"LC_PAPER": "de_DE.UTF-8", "LC_ALL": "en_CA.UTF-8"}, "letter"),
        ({"LC_ALL": "", "LANG": "en_US.UTF-8"}, "letter"),
    ],
)
def test_paper_for_locale(environ: dict[str, str], paper: str) -> None:
    assert paper_for_locale(environ) == paper


def test_page_size_explicit_paper_wins_over_locale() -> None:
    assert page_size("A4", {"LANG": "en_US.UTF-8"}) == A4
    assert page_size("letter", {"LANG": "nl_NL.UTF-8"}) == LETTER
    assert page_size(None, {"LANG": "en_US.UTF-8"}) == LETTER


def test_page_size_rejects_unknown_paper() -> None:
    with pytest.raises(ValueError, match="A5"):
        page_size("A5")
