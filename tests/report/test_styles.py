"""The report's named styles: how their paragraphs break over a page end."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from homecheck.report.styles import stylesheet

TEXT = " ".join(["Houd op de trap altijd één hand aan de leuning die er is."] * 6)


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("name", ["Body", "ActionDetail", "Bullet", "BlankQuestion"])
def test_a_paragraph_s_last_line_never_starts_a_page_alone(name: str, large: bool) -> None:
    """Room for all lines but one: the split leaves two lines for the next page, not one (in
    large print the therapist visit's page 4 began with 'physiotherapist can arrange it.')."""
    style = stylesheet(large)[name]
    width = 240.0
    lines = len(_lines(Paragraph(TEXT, style), width))
    assert lines >= 4
    first, rest = Paragraph(TEXT, style).split(width, style.leading * (lines - 1) + 0.1)
    assert (len(_lines(first, width)), len(_lines(rest, width))) == (lines - 2, 2)


def _lines(paragraph: Paragraph, width: float) -> list[object]:
    paragraph.wrap(width, 1e6)
    return list(paragraph.blPara.lines)
