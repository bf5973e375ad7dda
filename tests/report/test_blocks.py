"""Plain text as paragraphs: where a printed line may end."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from homecheck.report.blocks import para
from homecheck.report.styles import FONT, register_fonts, stylesheet


@pytest.mark.parametrize("text", ["ook in bad en 's nachts.", "Leg hem ’s avonds klaar."])
def test_s_stays_with_the_word_after_it(text: str) -> None:
    """Dutch "'s nachts" is one word in two parts: a line never ends in "'s" with "nachts" on
    the next ("…ook in bad en 's" / "nachts." on the fridge page)."""
    register_fonts()
    styles = stylesheet(False)
    start = text.index("s ") + 1
    for extra in (0.5, 2, 5):  # room for the text up to "'s", but not for the word after it
        width = stringWidth(text[:start], FONT, styles["Body"].fontSize) + extra
        paragraph = para(text, "Body", styles)
        paragraph.wrap(width, 1000)
        ends = [" ".join(line.words if hasattr(line, "words") else line[1]).rstrip()
                for line in paragraph.blPara.lines]
        assert not any(end.endswith("s") and end[-2:-1] in "'’" for end in ends), ends
