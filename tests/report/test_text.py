"""User text is cleaned, escaped and cut into page-sized pieces before reportlab sees it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from homecheck.report.text import chunks, clean, label, one_line


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


def test_chunks_cut_one_long_word() -> None:
    pieces = chunks("x" * 2500, max_chars=1000)
    assert [len(p) for p in pieces] == [1000, 1000, 500]


def test_chunks_limit_lines_and_drop_empty_ones() -> None:
    pieces = chunks("a\n\n\nb\nc\nd\ne", max_lines=2)
    assert pieces == ["a\nb", "c\nd", "e"]


def test_chunks_of_blank_text_is_empty() -> None:
    assert chunks(" \n\t\n ") == []


@given(st.text(max_size=600))
def test_chunks_are_bounded_and_lose_no_word(text: str) -> None:
    pieces = chunks(text, max_chars=50, max_lines=3)
    assert all(len(p) <= 50 and p.count("\n") < 3 for p in pieces)
    assert "".join("".join(pieces).split()) == "".join(clean(text).split())
