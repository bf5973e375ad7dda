"""User text is cleaned, escaped and cut into page-sized pieces before reportlab sees it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from homecheck.report.text import (
    JOIN,
    KEPT_SHORT_LINES,
    SHORT_LINE,
    chunks,
    clean,
    fold,
    label,
    one_line,
)


def test_clean_drops_control_characters_and_lone_surrogates() -> None:
    assert clean("a\x00b\x1bc\x7fd\ud800e\ufffff") == "abcdef"


def test_clean_turns_every_line_break_into_newline_and_tabs_into_spaces() -> None:
    assert clean("a\r\nb\rc\u2028d\u2029e\x85f\tg") == "a\nb\nc\nd\ne\nf g"


def test_clean_keeps_letters_people_write() -> None:
    text = "ĳs één café Ærø ŁÓDŹ ☐ مرحبا 🙂"
    assert clean(text) == text


def test_clean_composes_to_nfc() -> None:
    assert clean("e\u0301") == "é"


def test_one_line_collapses_whitespace() -> None:
    assert one_line("  Mevrouw\n\tJansen \x00 ") == "Mevrouw Jansen"


def test_label_is_one_line_and_cut_to_the_limit() -> None:
    assert label(" Mevr.\n Jansen ") == "Mevr. Jansen"
    assert label("abcdef ghij", limit=8) == "abcdef…"
    assert len(label("x" * 1000)) == 200


def test_chunks_cut_long_text_at_spaces() -> None:
    text = " ".join(["woord"] * 1000)
    pieces = chunks(text, max_chars=100)
    assert all(len(p) <= 100 for p in pieces)
    assert all(p.startswith("woord") and p.endswith("woord") for p in pieces)
    assert " ".join(pieces) == text


def test_chunks_cut_a_long_paragraph_after_a_sentence() -> None:
    """A long note of many sentences on one line is cut after a sentence, not in the middle of
    one: each piece starts a new printed line, which after a full stop reads as a new paragraph,
    not as a line broken off short ("… schuift op de" / "tegels en …")."""
    sentence = "Het kleed in de gang schuift op de tegels en het lichtknopje is ver weg. "
    text = (sentence * 40).strip()
    pieces = chunks(text)
    assert len(pieces) > 1
    assert all(p.endswith(".") and p.startswith("Het") for p in pieces), [p[-20:] for p in pieces]
    assert " ".join(pieces) == text


def test_chunks_cut_one_long_word() -> None:
    pieces = chunks("x" * 2500, max_chars=1000)
    assert [len(p) for p in pieces] == [1000, 1000, 500]


def test_chunks_limit_lines_and_drop_empty_ones() -> None:
    pieces = chunks("a\n\n\nb\nc\nd\ne", max_lines=2)
    assert pieces == ["a\nb", "c\nd", "e"]


def test_chunks_of_blank_text_is_empty() -> None:
    assert chunks(" \n\t\n ") == []


def _words(text: str) -> list[str]:
    """The words of a text, without the JOIN marks that folding adds (or a "/" of its own)."""
    return [word for word in text.split() if word != JOIN.strip()]


@given(st.text(max_size=600))
def test_chunks_are_bounded_and_lose_no_word(text: str) -> None:
    pieces = chunks(text, max_chars=50, max_lines=3)
    assert all(len(p) <= 50 and p.count("\n") < 3 for p in pieces)
    # A word longer than a piece is cut into pieces (nothing of it lost); every other word whole.
    assert "".join(_words("\n".join(pieces))) == "".join(_words(clean(text)))
    long_words = [word for word in _words(clean(text)) if len(word) > 50]
    if not long_words:
        assert _words("\n".join(pieces)) == _words(clean(text))


def test_fold_keeps_the_first_short_lines_and_joins_the_rest() -> None:
    lines = [f"r{n}" for n in range(KEPT_SHORT_LINES + 5)]
    folded = fold(lines)
    assert folded[:KEPT_SHORT_LINES] == lines[:KEPT_SHORT_LINES]
    assert folded[KEPT_SHORT_LINES:] == [JOIN.join(lines[KEPT_SHORT_LINES:])]


def test_fold_keeps_the_line_break_after_a_long_line() -> None:
    long = "x" * SHORT_LINE
    lines = ["a"] * KEPT_SHORT_LINES + ["b", "c", long, "d", long, long, "e"]
    assert fold(lines)[KEPT_SHORT_LINES:] == [
        JOIN.join(["b", "c", long]),
        JOIN.join(["d", long]),
        long,
        "e",
    ]


def test_a_few_short_lines_are_left_as_they_are() -> None:
    note = "Hal:\n- losse mat\n- geen licht\n\nTrap:\n- leuning links ontbreekt"
    assert chunks(note) == ["Hal:\n- losse mat\n- geen licht\nTrap:\n- leuning links ontbreekt"]


def test_ten_thousand_one_letter_lines_make_few_pieces() -> None:
    note = "a\n" * 10_000
    pieces = chunks(note)
    # 30 lines of their own (3 pieces of 12 lines at most), then "a / a / …" cut at 1,200
    # characters: about 40,000 characters in 34 pieces. Before folding: 834 pieces of 12 lines.
    assert len(pieces) <= 40
    assert "\n".join(pieces).split().count("a") == 10_000
