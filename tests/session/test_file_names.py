"""Default file names: what, who and when, safe on every system (no Qt)."""

from __future__ import annotations

import pytest

from homecheck.session.file_names import MAX_LABEL, default_file_name, safe_part


def test_the_name_says_what_who_and_when() -> None:
    assert default_file_name("Actielijst", "Mevr J", "2026-11-24", ".pdf") == (
        "Actielijst Mevr J 2026-11-24.pdf"
    )
    assert default_file_name("Action list", "Mrs J", "2026-11-24", ".pdf") == (
        "Action list Mrs J 2026-11-24.pdf"
    )


def test_without_a_client_label_the_name_has_no_gap() -> None:
    assert default_file_name("Actielijst", "", "2026-11-24", ".pdf") == "Actielijst 2026-11-24.pdf"
    assert default_file_name("Actielijst", "  ", "2026-11-24", ".pdf") == (
        "Actielijst 2026-11-24.pdf"
    )


def test_a_stored_date_time_gives_its_date_and_nonsense_no_date() -> None:
    assert default_file_name("Answers", "Mr B", "2026-11-24T10:15:00", ".json") == (
        "Answers Mr B 2026-11-24.json"
    )
    assert default_file_name("Answers", "Mr B", "yesterday", ".json") == "Answers Mr B.json"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ('Mevr. "J" <de Vries>', "Mevr. J de Vries"),
        ("a/b\\c:d*e?f|g", "a b c d e f g"),
        ("Mrs J.", "Mrs J"),  # Windows drops a trailing dot
        ("  ..Mr   B\t\n", "Mr B"),
        ("Jan\x00\x1fJansen\x7f", "Jan Jansen"),
        ("Zoë Ørsted-Müller", "Zoë Ørsted-Müller"),  # letters of every language stay
        ("???", ""),
    ],
)
def test_labels_are_made_safe_for_every_system(label: str, expected: str) -> None:
    assert safe_part(label) == expected
    name = default_file_name("Action list", label, "2026-11-24", ".pdf")
    assert not set(name) & set('/\\:*?"<>|')
    assert name == " ".join(p for p in ("Action list", expected, "2026-11-24") if p) + ".pdf"


def test_a_long_label_is_cut_without_a_space_at_the_end() -> None:
    label = "Mevrouw " + "van der Berg " * 10
    part = safe_part(label)
    assert len(part) <= MAX_LABEL and part == part.strip() and part.startswith("Mevrouw van")
    name = default_file_name("Actielijst", label, "2026-11-24", ".pdf")
    assert len(name) < 120 and name.endswith(" 2026-11-24.pdf")
