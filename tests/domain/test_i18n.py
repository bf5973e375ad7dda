"""The string catalogues: same keys and placeholders in every language, labels for every code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from homecheck import resources
from homecheck.domain import actions, assessment, content
from homecheck.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalogue, placeholders

CATALOGUES = {lang: catalogue(lang) for lang in LANGUAGES}
KEYS = {lang: cat.keys() for lang, cat in CATALOGUES.items()}
ALL_KEYS = sorted(set().union(*KEYS.values()))
FESI_BANDS = ("low", "moderate", "high", "not_scored")


SOURCE = Path(__file__).resolve().parents[2] / "homecheck"
# A literal key handed to a catalogue: t("ui.x.y"), self.t("..."), catalogue(lang)("...").
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")


def test_every_literal_key_in_the_code_is_in_the_catalogues() -> None:
    used = {
        (path.relative_to(SOURCE).as_posix(), key)
        for path in SOURCE.rglob("*.py")
        for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8"))
    }
    assert len(used) > 100  # the pattern finds the keys the code uses
    missing = sorted((where, key) for where, key in used if key not in set(ALL_KEYS))
    assert not missing, missing


def test_the_default_language_is_one_with_a_catalogue() -> None:
    assert catalogue(DEFAULT_LANGUAGE).keys() == set(ALL_KEYS)


@pytest.mark.parametrize("key", ALL_KEYS)
def test_key_is_in_every_language_with_the_same_placeholders(key: str) -> None:
    found = {lang: CATALOGUES[lang].raw(key) for lang, keys in KEYS.items() if key in keys}
    assert set(found) == set(LANGUAGES), f"{key} missing in {set(LANGUAGES) - set(found)}"
    shapes = {lang: placeholders(text) for lang, text in found.items()}
    assert len({frozenset(s) for s in shapes.values()}) == 1, shapes
    for text in found.values():
        assert text.strip(), f"{key} is empty"
        assert text == text.strip(), f"{key} has leading or trailing whitespace"


@pytest.mark.parametrize(
    "prefix_and_codes",
    [
        ("helper", content.HELPERS),
        ("priority", actions.PRIORITIES),
        ("answer", assessment.ANSWERS),
        ("role", assessment.ROLES),
        ("fesi_band", FESI_BANDS),
    ],
    ids=lambda p: p[0],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_has_a_label(prefix_and_codes: tuple[str, tuple[str, ...]], lang: str) -> None:
    prefix, codes = prefix_and_codes
    t = CATALOGUES[lang]
    labels = [t(f"{prefix}.{code}") for code in codes]  # KeyError when one is missing
    for label, code in zip(labels, codes, strict=True):
        assert label.strip() and label != f"{prefix}.{code}"
    assert len(set(labels)) == len(labels), labels  # two codes never read the same


@pytest.mark.parametrize("action_id", actions.PERSON_ACTIONS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_person_actions_have_fix_and_why(action_id: str, lang: str) -> None:
    t = CATALOGUES[lang]
    assert t(f"action.{action_id}.fix").strip()
    assert t(f"action.{action_id}.why").strip()


def test_languages_differ() -> None:
    assert CATALOGUES["nl"]("priority.now") != CATALOGUES["en"]("priority.now")
    assert CATALOGUES["nl"]("answer.hazard") != CATALOGUES["en"]("answer.hazard")


def test_placeholders_are_filled_in() -> None:
    t = CATALOGUES["en"]
    assert t("cli.score_line", score=42) == "Home: 42% of the checked points were fine"
    assert t("cli.score_line") == "Home: {score}% of the checked points were fine"  # raw text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("plain", set()), ("{a} and {b}", {"a", "b"}), ("{a}{a}", {"a"}), ("{{literal}}", set())],
)
def test_placeholders(text: str, expected: set[str]) -> None:
    assert placeholders(text) == expected


@pytest.mark.parametrize("language", ["de", "", "NL", "en-GB"])
def test_catalogue_rejects_an_unknown_language(language: str) -> None:
    with pytest.raises(ValueError, match="unknown language"):
        catalogue(language)


def test_english_is_not_a_copy_of_dutch() -> None:
    same = [key for key in ALL_KEYS if CATALOGUES["nl"].raw(key) == CATALOGUES["en"].raw(key)]
    # Names of places, units and the like may read the same; sentences never do.
    assert len(same) < len(ALL_KEYS) // 20, same


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unanswered_question_has_one_name_in_the_window_and_the_pdf(lang: str) -> None:
    # The number boxes said "— niet ingevuld", the report "geen antwoord", the follow-up line
    # "niet beantwoord": three names for one thing. One term, the report's.
    t = CATALOGUES[lang]
    term = t("report.person.not_answered")
    assert t("ui.about.not_answered") == f"— {term}"
    assert t("ui.room.last_time_none", date="1 mei").endswith(f": {term}")


@pytest.fixture
def fake_i18n(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "resources"
    (root / "i18n" / "nl").mkdir(parents=True)
    monkeypatch.setattr(resources, "root", lambda: root)
    return root / "i18n" / "nl"


def test_catalogue_merges_every_file_of_a_language(fake_i18n: Path) -> None:
    (fake_i18n / "a.toml").write_text('x = "X"\n[cli]\ny = "Y {n}"\n', encoding="utf-8")
    (fake_i18n / "b.toml").write_text('[report]\nz = "Z"\n', encoding="utf-8")
    (fake_i18n / "notes.txt").write_text("ignored", encoding="utf-8")
    t = catalogue.__wrapped__("nl")  # bypass the cache of the shipped catalogue
    assert t.keys() == {"x", "cli.y", "report.z"}
    assert t("cli.y", n=3) == "Y 3"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.toml": '[cli]\ny = "1"\n', "b.toml": '[cli]\ny = "2"\n'}, "defined twice: cli.y"),
        ({"a.toml": "count = 3\n"}, "'count' is not text"),
    ],
    ids=["key in two files", "value not text"],
)
def test_catalogue_rejects_broken_files(
    fake_i18n: Path, files: dict[str, str], message: str
) -> None:
    for name, text in files.items():
        (fake_i18n / name).write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        catalogue.__wrapped__("nl")


# Dutch care words an English reader would not know; fine after "in Dutch:" or "in the
# Netherlands:", where they are the word to ask for.
DUTCH_CARE_WORDS = ("valanalyse", "huisarts", "fysiotherapeut", "ergotherapeut", "thuiszorg",
                    "mantelzorg", "wijkverpleegkundige", "apotheker", "gemeente", "wmo")
INTRODUCED = re.compile(r"\((?:in Dutch|in the Netherlands): [^)]*\)")


def test_english_texts_name_dutch_care_words_only_as_the_dutch_word() -> None:
    texts = [CATALOGUES["en"].raw(key) for key in ALL_KEYS]
    checklist = content.checklist()
    for role in ("self", "caregiver", "therapist"):
        for item in checklist.items():
            shown = (item.question, item.why, item.fix, item.until_then)
            texts += [text("en", role) for text in shown if text is not None]
        for area in checklist.areas:
            texts += [area.title("en", role), area.intro("en", role)]
    unexplained = [
        text for text in texts
        for word in DUTCH_CARE_WORDS
        if re.search(rf"\b{word}\b", INTRODUCED.sub("", text), re.IGNORECASE)
    ]
    assert not unexplained, unexplained
