"""Hostile and huge input: markup in user text, 100,000-character notes, 200 actions, any script."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from homecheck.domain.assessment import Answer
from homecheck.domain.content import Checklist
from homecheck.domain.textrules import MAX_NOTE
from homecheck.report.blocks import PATH_BREAK_PT
from homecheck.report.styles import stylesheet
from tests.report.conftest import (
    all_hazards,
    make_assessment,
    pages_text,
    squash,
    synthetic_checklist,
)

Render = Callable[..., bytes]
INJECTIONS = (
    "<font size=90>GROOT</font>",
    "</para><para>",
    "<b>",
    "&amp; &lt; &#9731; &bogus;",
    '<img src="/etc/passwd"/>',
    "<a href='javascript:alert(1)'>klik</a>",
    "]]><!--",
)


def _font_sizes(pdf: bytes) -> set[float]:
    """Every font size set in the page content streams (" /F1 13 Tf")."""
    sizes: set[float] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        data = page.get_contents()
        assert data is not None
        sizes.update(float(m) for m in re.findall(rb"/F\d+\+?\d* ([\d.]+) Tf", data.get_data()))
    return sizes


def _injected(content: Checklist, text: str) -> tuple[list[str], set[float], int]:
    from homecheck.report.pdf import render_pdf

    item = content.areas[0].items[0]
    assessment = make_assessment(
        content, hazards=[item.id], notes={item.id: text}, client=text, assessor=text
    )
    assessment.area_notes = {content.areas[0].id: text}
    assessment.intake = {"goals": text}
    pdf = render_pdf(content, assessment, "en", "A4")
    return pages_text(pdf), _font_sizes(pdf), len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("attack", INJECTIONS)
def test_markup_in_user_text_prints_literally_and_changes_nothing_else(
    content: Checklist, attack: str
) -> None:
    pages, sizes, count = _injected(content, attack)
    # The same words, harmless: the text wraps (and so paginates) as the attack does.
    _, plain_sizes, plain_count = _injected(content, re.sub(r"\S", "x", attack))
    text = squash("".join(pages))
    # client (cover + every footer), assessor, note, area note and goals: all literal.
    assert text.count(squash(attack)) >= 5 + count
    assert stylesheet()["Body"].fontSize in sizes  # the regex does find the sizes
    # A long word with a "/" may wrap after it: a space printed at PATH_BREAK_PT (blocks.py).
    assert sizes - {PATH_BREAK_PT} == plain_sizes
    # Glyph widths differ from the x's, so a line may wrap elsewhere: a page at most.
    assert abs(count - plain_count) <= 1


def test_control_characters_and_lone_surrogates_do_not_break_the_pdf(
    content: Checklist, render: Render
) -> None:
    nasty = "a\x00b\x01c\x1b[31md\x7f\ud800e\udfff\ufffe\u2028f\r\ng\x0c"
    item = content.areas[0].items[0]
    assessment = make_assessment(content, hazards=[item.id], notes={item.id: nasty}, client=nasty)
    text = "".join(pages_text(render(content, assessment, "nl", "A4")))
    assert "abc[31mde" in text


def test_unicode_scripts_and_emoji_render(content: Checklist, render: Render) -> None:
    note = "ĳsselmeer één café Ærø ŁÓDŹ ☐ ☑ — مرحبا بالعالم — שלום — 🙂👍🏽👨‍👩‍👧 — 中文"
    item = content.areas[0].items[0]
    assessment = make_assessment(content, hazards=[item.id], notes={item.id: note}, client=note)
    text = "".join(pages_text(render(content, assessment, "nl", "A4")))
    for word in ("ĳsselmeer", "één", "café", "Ærø", "ŁÓDŹ", "☐"):
        assert word in text


def test_a_100000_character_note_flows_over_pages(content: Checklist, render: Render) -> None:
    note = " ".join(f"w{n}" for n in range(20_000))[:99_995] + " ENDE"
    assert len(note) == 100_000
    item = content.areas[0].items[0]
    assessment = make_assessment(content, hazards=[item.id], notes={item.id: note})
    pages = pages_text(render(content, assessment, "en", "A4"))
    text = squash("".join(pages))
    assert len(pages) > 20
    assert "Note:w0w1w2" in text
    # The whole note is printed in the list, before the advice.
    assert text.index("Note:w0w1w2") < text.index("ENDE") < text.index("Whatyoucandoyourself")


def _numbered(joiner: str, limit: int = 20_000) -> str:
    """ "q0", "q1", … joined by ``joiner``, as many as fit in ``limit`` characters."""
    words: list[str] = []
    size = -len(joiner)
    while size + len(joiner) + len(f"q{len(words)}") <= limit:
        size += len(joiner) + len(f"q{len(words)}")
        words.append(f"q{len(words)}")
    return joiner.join(words)


def test_a_note_of_short_lines_takes_the_pages_of_prose(content: Checklist, render: Render) -> None:
    """Issue 17: 20 notes of 10,000 one-letter lines made 4,180 pages (one page per ~50 lines)."""
    item = content.areas[0].items[0]

    def pages_of(note: str) -> list[str]:
        assessment = make_assessment(content, hazards=[item.id], notes={item.id: note})
        return pages_text(render(content, assessment, "en", "A4"))

    lines, prose = _numbered("\n"), _numbered(" ")
    assert len(lines) == len(prose) <= MAX_NOTE
    short_lines = pages_of(lines)
    assert len(short_lines) <= len(pages_of(prose)) + 2  # before: 73 pages against 10
    # Every line of the note is printed, in its order.
    printed = [int(n) for n in re.findall(r"\bq(\d+)\b", "\n".join(short_lines))]
    assert printed == list(range(lines.count("\n") + 1))


@pytest.mark.parametrize("label", ["x" * 100_000, "woord " * 20_000], ids=["word", "words"])
def test_book_length_client_and_assessor_labels_are_cut(
    content: Checklist, render: Render, label: str
) -> None:
    assessment = make_assessment(content, client=label, assessor=label)
    assessment.intake = {"goals": label}
    pages = pages_text(render(content, assessment, "nl", "A4"))
    assert "…" in pages[0]
    assert "…" in pages[-1]  # the footer


@pytest.mark.parametrize(
    "note",
    [
        "x" * 100_000,  # one word as long as the note
        "\n".join("regel" for _ in range(20_000)),  # many short lines
        "\n" * 50_000 + "einde",  # blank lines
    ],
    ids=["one-word", "many-lines", "blank-lines"],
)
def test_odd_long_notes_render(content: Checklist, render: Render, note: str) -> None:
    item = content.areas[0].items[0]
    assessment = make_assessment(content, hazards=[item.id], notes={item.id: note})
    assert render(content, assessment, "nl", "A4").startswith(b"%PDF")


def test_200_actions_lay_out(render: Render) -> None:
    big = synthetic_checklist(200)
    assessment = make_assessment(big, hazards=[item.id for item in big.items()])
    for n, item in enumerate(big.items()):
        if n % 10 == 0:
            assessment.answers[item.id] = Answer("hazard", note="Notitie " * 40)
    pdf = render(big, assessment, "nl", "A4")
    pages = pages_text(pdf)
    text = squash("".join(pages))
    for item in big.items():
        assert squash(item.fix("nl")) in text
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]


def test_pages_render_to_images(content: Checklist, render: Render) -> None:
    assessment = all_hazards(content)
    assessment.intake = {"key_fallen": True, "fesi": [1, 2, 3, 4, 1, 2, None]}
    document = pdfium.PdfDocument(render(content, assessment, "nl", "A4"))
    try:
        assert len(document) > 3
        for index in (0, 2, len(document) - 1):
            image = document[index].render(scale=0.5).to_pil().convert("L")
            assert image.size == (298, 421)
            darkest, lightest = image.getextrema()
            assert lightest == 255 and darkest < 80, "page is blank"
    finally:
        document.close()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_user_text_renders(content: Checklist, render: Render, text: str) -> None:
    item = content.areas[0].items[0]
    assessment = make_assessment(
        content, hazards=[item.id], notes={item.id: text}, client=text, assessor=text
    )
    assessment.area_notes = {content.areas[0].id: text}
    assert render(content, assessment, "en", "A4").startswith(b"%PDF")
