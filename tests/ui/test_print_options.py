"""The paper size and large print the save page starts from."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from homecheck.ui import print_options
from homecheck.ui.print_options import default_paper, large_print_default
from homecheck.ui.settings import TEXT_SIZES, Settings

_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")


@pytest.mark.parametrize(
    ("environ", "system", "paper"),
    [
        ({"LC_PAPER": "en_US.UTF-8"}, "nl_NL", "letter"),  # the locale variables decide first
        ({"LANG": "nl_NL.UTF-8"}, "en_US", "A4"),
        ({"LC_ALL": "fr_CA", "LANG": "nl_NL"}, "nl_NL", "letter"),
        ({}, "en_US", "letter"),  # none set (Windows, macOS): the system's locale
        ({}, "en_CA", "letter"),
        ({}, "nl_BE", "A4"),
        ({"LANG": ""}, "en_US", "letter"),
        ({}, "C", "A4"),
    ],
)
def test_the_paper_follows_the_locale_as_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], system: str, paper: str
) -> None:
    for name in _VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(print_options.QLocale, "system", lambda: QLocale(system))
    assert default_paper() == paper


def test_large_print_for_every_text_size_above_the_smallest() -> None:
    assert [large_print_default(Settings(text_size=size)) for size in TEXT_SIZES] == [
        False,
        *[True] * (len(TEXT_SIZES) - 1),
    ]
