"""Nothing is lost in the layout: every action text, note and advice point is in the PDF.

The compact list and the advice columns must never drop text (reportlab's BalancedColumns once
did across a page end). The text is read back with pdfium, from the part of each page between
the "continued" header and the footer, so a paragraph that runs over a page end reads on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from homecheck.domain.actions import build_actions
from homecheck.domain.advice import advice_sections
from homecheck.domain.assessment import Answer, Assessment, read_file
from homecheck.domain.content import Checklist
from homecheck.domain.wording import action_texts
from homecheck.i18n import catalogue
from homecheck.report.paper import MM
from homecheck.report.pdf import FOOTER_ZONE, ActionListRenderer
from homecheck.report.text import clean
from tests.report.conftest import all_hazards, squash

Render = Callable[..., bytes]
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
LONG_NOTE = "\n".join(
    f"Regel {n}: de trap is steil en de leuning zit los bij de {n}e tree." for n in range(1, 40)
)


def plain(text: str) -> str:
    """Text compared ignoring line breaks, spacing and hyphenation.

    pdfium reads a hyphen at a line end as U+FFFE ("hart-\nen" comes back "hart\ufffeen").
    """
    return squash(clean(text)).translate({ord("-"): None, 0xFFFE: None, 0xAD: None})


def body_text(pdf: bytes) -> str:
    """The plain text of every page without its footer and "continued" header."""
    document = pdfium.PdfDocument(pdf)
    top_margin = ActionListRenderer.top_margin
    out = []
    for page in document:
        width, height = page.get_size()
        text = page.get_textpage().get_text_bounded(
            0, height * FOOTER_ZONE, width, height - top_margin + 1 * MM
        )
        out.append(plain(text))
    return "".join(out)


def expected_texts(content: Checklist, assessment: Assessment, language: str) -> list[str]:
    """Every fix, why, "higher because", "until then", note and advice text, in its language."""
    t = catalogue(language)
    texts: list[str] = []
    for action in build_actions(content, assessment):
        parts = action_texts(action, t, content, assessment.intake, assessment.role)
        texts += [parts.fix, parts.why, parts.raised, parts.until_then]
        answer = assessment.answers.get(action.item_id)
        if answer is not None:
            texts.append(answer.note)
    texts += assessment.area_notes.values()
    for section in advice_sections():
        texts.append(section.title(language))
        texts += [point(language, assessment.role) for point in section.points]
    return [text for text in texts if text.strip()]


def with_notes(content: Checklist, language: str) -> Assessment:
    """Every item a hazard, notes short and long, a note on an area: the longest list."""
    assessment = all_hazards(content, language=language, role="caregiver")
    assessment.intake = {"key_fallen": True, "key_worried": True, "fesi": [3] * 7}
    items = list(content.items())
    for n, item in enumerate(items[::5]):
        assessment.answers[item.id] = Answer("hazard", note=LONG_NOTE if n % 3 == 0 else
                                             f"Korte notitie {n} bij {item.id}.")
    assessment.area_notes = {content.areas[0].id: "Het pad naar de voordeur is ongelijk."}
    return assessment


CASES = [
    pytest.param(name, language, large, id=f"{name}-{language}-{'large' if large else 'normal'}")
    for name in ("therapist-visit.json", "therapist-visit-v2.json", "notes")
    for language in ("nl", "en")
    for large in (False, True)
]


@pytest.mark.parametrize(("name", "language", "large"), CASES)
def test_every_action_note_and_advice_text_is_printed(
    content: Checklist, render: Render, name: str, language: str, large: bool
) -> None:
    if name == "notes":
        assessment = with_notes(content, language)
    else:
        assessment = read_file(EXAMPLES / name, content)
    pdf = render(content, assessment, language, "A4", large_print=large)
    text = body_text(pdf)
    expected = expected_texts(content, assessment, language)
    assert len(expected) > 40
    missing = [needle for needle in expected if plain(needle) not in text]
    assert not missing, missing[:5]


def test_letter_paper_loses_nothing_either(content: Checklist, render: Render) -> None:
    assessment = with_notes(content, "en")
    text = body_text(render(content, assessment, "en", "letter"))
    missing = [
        needle
        for needle in expected_texts(content, assessment, "en")
        if plain(needle) not in text
    ]
    assert not missing, missing[:5]
