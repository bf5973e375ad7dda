"""The shipped checklist, person and advice content, and the loader's rejection of broken files."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from homecheck import resources
from homecheck.domain import advice, content, person
from homecheck.domain.content import (
    GROUPS,
    HELPERS,
    SEVERITIES,
    ContentError,
    checklist,
    load_checklist,
)
from homecheck.i18n import LANGUAGES

CONTENT = checklist()
ITEMS = list(CONTENT.items())
ITEM_IDS = [item.id for item in ITEMS]
LEAFLET_TIPS = ("shoes", "lighting", "rugs", "stair_rail")
LEAFLET_ADVICE = (
    "move",
    "strength_balance",
    "calcium",
    "vitamin_d",
    "supplements",
    "weight",
    "smoking_alcohol",
    "therapist",
    "read_more",
)


# -- the shipped checklist ---------------------------------------------------------------------


def test_checklist_is_big_enough_to_be_useful() -> None:
    assert len(CONTENT.areas) >= 10
    assert len(ITEMS) >= 70


def test_item_and_area_ids_are_unique() -> None:
    assert [i for i, n in Counter(ITEM_IDS).items() if n > 1] == []
    assert len(set(CONTENT.area_ids())) == len(CONTENT.areas)


@pytest.mark.parametrize("item", ITEMS, ids=ITEM_IDS)
def test_item_is_complete_and_consistent(item: content.Item) -> None:
    assert item.id.startswith(item.area + ".")
    assert item.id.split(".", 1)[1]
    assert item.severity in SEVERITIES
    assert item.helpers and set(item.helpers) <= set(HELPERS)
    assert item.sources and set(item.sources) <= set(CONTENT.sources)
    for lang in LANGUAGES:
        for text in (item.question, item.why, item.fix):
            assert text(lang).strip(), f"{item.id}: empty {lang} text"
        assert item.question(lang).endswith("?"), f"{item.id}: {lang} question lacks '?'"


@pytest.mark.parametrize("item", ITEMS, ids=ITEM_IDS)
def test_languages_really_differ(item: content.Item) -> None:
    # A copy-pasted Dutch text in the English slot (or the reverse) is a content bug.
    assert item.question("nl") != item.question("en")
    assert item.fix("nl") != item.fix("en")


@pytest.mark.parametrize("area", CONTENT.areas, ids=CONTENT.area_ids())
def test_area_has_titles_intro_and_items(area: content.Area) -> None:
    for lang in LANGUAGES:
        assert area.title(lang).strip()
        assert area.intro(lang).strip()
    assert area.items
    assert all(item.area == area.id for item in area.items)


def test_whole_home_is_not_optional() -> None:
    assert CONTENT.area("whole_home").optional is False


def test_rooms_are_optional() -> None:
    # Every home has the whole-home area; rooms (a garden, stairs) can be absent.
    optional = {area.id for area in CONTENT.areas if area.optional}
    assert optional == set(CONTENT.area_ids()) - {"whole_home"}


def test_the_leaflets_four_tips_are_in_the_checklist() -> None:
    tips = {item.leaflet_tip for item in ITEMS if item.leaflet_tip}
    assert set(LEAFLET_TIPS) <= tips
    # Each tip's item cites the leaflet as a source.
    for item in ITEMS:
        if item.leaflet_tip:
            assert "seed" in item.sources, item.id


def test_every_source_has_a_title_and_url() -> None:
    for key, source in CONTENT.sources.items():
        assert source.key == key
        assert source.title.strip()
        assert source.url.startswith(("http://", "https://"))


def test_checklist_lookups() -> None:
    first = CONTENT.areas[0]
    assert CONTENT.area(first.id) is first
    assert CONTENT.item(first.items[0].id) is first.items[0]
    assert CONTENT.area_index(CONTENT.areas[-1].id) == len(CONTENT.areas) - 1
    with pytest.raises(KeyError):
        CONTENT.item("kitchen.no_such_item")
    with pytest.raises(KeyError):
        CONTENT.area("attic")


def test_texts_have_no_doubled_or_edge_whitespace() -> None:
    for item in ITEMS:
        for lang in LANGUAGES:
            texts = [item.question(lang), item.why(lang), item.fix(lang)]
            if item.until_then:
                texts.append(item.until_then(lang))
            for text in texts:
                assert text == " ".join(text.split())


# -- groups and "until then" lines (issue 13) ----------------------------------------------------


def test_every_group_names_items_and_every_group_is_known() -> None:
    for group in GROUPS:
        assert CONTENT.items_in_group(group), f"group {group} has no items"
    assert {g for item in ITEMS for g in item.groups} == set(GROUPS)
    with pytest.raises(KeyError):
        CONTENT.items_in_group("kitchen")


# The person profile raises these hazards (issue 13 item 2); each must be in its group.
GROUP_MEMBERS = {
    "walking": ("whole_home.loose_rugs", "hallway.raised_thresholds", "hallway.things_on_floor"),
    "lighting": ("whole_home.poor_lighting", "stairs.step_edges_hard_to_see"),
    "night_route": ("bedroom.dark_route_to_toilet", "stairs.stairs_at_night_to_toilet"),
    "stairs": ("stairs.rail_both_sides", "stairs.rail_full_length"),
    "transfers": ("bathroom.no_grab_rails_shower", "toilet.no_grab_rail", "toilet.seat_too_low"),
    "long_lie": ("whole_home.phone_out_of_reach", "whole_home.no_personal_alarm"),
    "person": ("whole_home.dizzy", "whole_home.medicines_drowsy_dizzy", "whole_home.foot_problems"),
}


@pytest.mark.parametrize("group", GROUPS)
def test_group_holds_the_hazards_the_profile_rules_name(group: str) -> None:
    members = {item.id for item in CONTENT.items_in_group(group)}
    assert set(GROUP_MEMBERS[group]) <= members


def test_every_stairs_item_is_in_the_stairs_group() -> None:
    assert all("stairs" in item.groups for item in CONTENT.area("stairs").items)


def test_structural_urgent_fixes_say_what_to_do_until_then() -> None:
    # A "now" fix that needs a handyman (a rail, a second switch) cannot be done this week.
    missing = [
        item.id
        for item in ITEMS
        if item.severity == 3 and "handyman" in item.helpers and item.until_then is None
    ]
    assert missing == []


@pytest.mark.parametrize("item", [i for i in ITEMS if i.until_then], ids=lambda i: i.id)
def test_until_then_line_is_complete_and_not_the_fix(item: content.Item) -> None:
    assert item.until_then is not None
    assert item.until_then("nl") != item.until_then("en")
    for lang in LANGUAGES:
        assert item.until_then(lang).strip()
        assert item.until_then(lang) != item.fix(lang)
    assert item.until_then("nl").startswith("Tot ")
    assert item.until_then("en").startswith("Until ")


# -- person and advice content -----------------------------------------------------------------


def test_person_content_has_every_intake_question() -> None:
    texts = person.person_content()
    assert set(texts.questions) == set(person.QUESTION_KEYS)
    for lang in LANGUAGES:
        assert texts.intro(lang).strip()
        assert texts.fesi_intro(lang).strip()


@pytest.mark.parametrize("key", person.KEY_QUESTIONS)
def test_the_three_key_questions_are_yes_no(key: str) -> None:
    question = person.person_content().questions[key]
    assert set(question.options) == {"yes", "no"}
    for lang in LANGUAGES:
        assert question.text(lang).endswith("?")


def test_short_fesi_has_exactly_seven_items_four_levels_and_every_band() -> None:
    texts = person.person_content()
    assert len(texts.fesi_items) == 7
    assert len({item("en") for item in texts.fesi_items}) == 7
    assert set(texts.fesi_levels) == {1, 2, 3, 4}
    assert set(texts.fesi_bands) == {"low", "moderate", "high", "not_scored"}


def test_advice_covers_the_leaflet_in_order() -> None:
    ids = [section.id for section in advice.advice_sections()]
    assert set(LEAFLET_ADVICE) <= set(ids)
    assert [i for i in ids if i in LEAFLET_ADVICE] == list(LEAFLET_ADVICE)


@pytest.mark.parametrize("section", advice.advice_sections(), ids=lambda s: s.id)
def test_advice_section_is_complete(section: advice.AdviceSection) -> None:
    assert section.points
    assert set(section.sources) <= set(CONTENT.sources)
    for lang in LANGUAGES:
        assert section.title(lang).strip()
        assert all(point(lang).strip() for point in section.points)


# -- the loader rejects broken content ---------------------------------------------------------

SOURCES = """
[seed]
title = "The leaflet"
url = "https://example.org/leaflet"

[cdc]
title = "STEADI"
url = "https://example.org/steadi"
"""


def _text(nl: str, en: str) -> str:
    return f'{{ nl = "{nl}", en = "{en}" }}'


def _item(**fields: str) -> str:
    """One [[items]] table; ``fields`` override or (with the value "DROP") remove a line."""
    lines = {
        "id": '"hall.loose_mat"',
        "severity": "2",
        "helpers": '["self", "handyman"]',
        "sources": '["seed", "cdc"]',
        "question": _text("Ligt er een losse mat?", "Is there a loose mat?"),
        "why": _text("Je struikelt.", "You trip."),
        "fix": _text("Haal hem weg.", "Remove it."),
    }
    lines.update(fields)
    body = "\n".join(f"{key} = {value}" for key, value in lines.items() if value != "DROP")
    return "[[items]]\n" + body + "\n"


def _area(*items: str, area_id: str = "hall", optional: str = "true") -> str:
    head = (
        f'id = "{area_id}"\noptional = {optional}\n'
        f"title = {_text('Gang', 'Hallway')}\nintro = {_text('Kijk rond.', 'Look around.')}\n"
    )
    return head + "\n".join(items)


@pytest.fixture
def fake_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A resources folder of our own, returned by homecheck.resources.root()."""
    root = tmp_path / "resources"
    (root / "checklist" / "areas").mkdir(parents=True)
    (root / "checklist" / "sources.toml").write_text(SOURCES, encoding="utf-8")
    monkeypatch.setattr(resources, "root", lambda: root)
    return root


def _write_areas(root: Path, *areas: str) -> None:
    for n, text in enumerate(areas, start=1):
        (root / "checklist" / "areas" / f"{n:02d}_area.toml").write_text(text, encoding="utf-8")


def test_fake_resources_load_when_valid(fake_resources: Path) -> None:
    # The control for every rejection below: the same files minus the one mistake load fine.
    second = _item(id='"hall.dark"', severity="3", helpers='["gp"]', sources='["cdc"]')
    yard = _area(_item(id='"yard.moss"'), area_id="yard")
    _write_areas(fake_resources, _area(_item(), second), yard)
    (fake_resources / "checklist" / "areas" / "README.txt").write_text("not content")
    loaded = load_checklist()
    assert loaded.area_ids() == ("hall", "yard")
    assert [i.id for i in loaded.items()] == ["hall.loose_mat", "hall.dark", "yard.moss"]
    assert loaded.item("hall.dark").severity == 3
    assert loaded.item("hall.loose_mat").question("en") == "Is there a loose mat?"
    assert set(loaded.sources) == {"seed", "cdc"}
    assert loaded.item("hall.dark").groups == ()
    assert loaded.item("hall.dark").until_then is None


def test_fake_resources_load_groups_and_until_then(fake_resources: Path) -> None:
    rail = _item(
        groups='["stairs", "walking"]',
        until_then=_text("Tot dan: houd je vast.", "Until then: hold on."),
    )
    _write_areas(fake_resources, _area(rail))
    item = load_checklist().item("hall.loose_mat")
    assert item.groups == ("stairs", "walking")
    assert item.until_then is not None
    assert item.until_then("en") == "Until then: hold on."
    assert [i.id for i in load_checklist().items_in_group("stairs")] == ["hall.loose_mat"]


BROKEN_ITEMS = [
    ("severity 4", {"severity": "4"}, "severity must be 1, 2 or 3"),
    ("severity 0", {"severity": "0"}, "severity must be 1, 2 or 3"),
    ("severity as text", {"severity": '"2"'}, "severity must be 1, 2 or 3"),
    ("severity true", {"severity": "true"}, "severity must be 1, 2 or 3"),
    ("severity missing", {"severity": "DROP"}, "severity must be 1, 2 or 3"),
    ("unknown helper", {"helpers": '["self", "plumber"]'}, "helpers must be"),
    ("no helpers", {"helpers": "[]"}, "helpers must be"),
    ("helpers as text", {"helpers": '"self"'}, "helpers must be"),
    ("unknown source", {"sources": '["seed", "wikipedia"]'}, "sources must be known"),
    ("no sources", {"sources": "[]"}, "sources must be known"),
    ("unknown field", {"colour": '"red"'}, "unknown field(s) colour"),
    ("bad id prefix", {"id": '"kitchen.loose_mat"'}, "id must look like 'hall.some_name'"),
    ("id without a dot", {"id": '"hall"'}, "id must look like"),
    ("id with capitals", {"id": '"hall.LooseMat"'}, "id must look like"),
    ("missing English", {"question": '{ nl = "Ligt er een mat?" }'}, "missing text for en"),
    ("blank English", {"why": _text("Je valt.", "   ")}, "missing text for en"),
    ("missing Dutch", {"fix": '{ en = "Remove it." }'}, "missing text for nl"),
    ("missing question", {"question": "DROP"}, "question: expected a table"),
    ("text not a table", {"fix": '"Remove it."'}, "fix: expected a table"),
    ("unknown language", {"fix": '{ nl = "a", en = "b", de = "c" }'}, "unknown language(s) de"),
    ("unknown leaflet tip", {"leaflet_tip": '"slippers"'}, "leaflet_tip must be one of"),
    ("unknown group", {"groups": '["walking", "garden"]'}, "groups must be a list of distinct"),
    ("group twice", {"groups": '["walking", "walking"]'}, "groups must be a list of distinct"),
    ("groups as text", {"groups": '"walking"'}, "groups must be a list of distinct"),
    ("until_then only Dutch", {"until_then": '{ nl = "Tot dan." }'}, "until_then: missing text"),
    ("until_then as text", {"until_then": '"Until then."'}, "until_then: expected a table"),
]


@pytest.mark.parametrize(
    ("fields", "message"),
    [case[1:] for case in BROKEN_ITEMS],
    ids=[case[0] for case in BROKEN_ITEMS],
)
def test_loader_rejects_a_broken_item(
    fake_resources: Path, fields: dict[str, str], message: str
) -> None:
    _write_areas(fake_resources, _area(_item(**fields)))
    with pytest.raises(ContentError) as info:
        load_checklist()
    assert message in str(info.value)


BROKEN_AREAS = [
    ("duplicate item id", (_area(_item(), _item()),), "item id hall.loose_mat is used twice"),
    (
        "duplicate area id",
        (_area(_item()), _area(_item(id='"hall.other"'))),
        "area id hall is used twice",
    ),
    ("area without items", (_area(),), "area hall: has no items"),
    ("area id invalid", (_area(_item(id='"Hall.x"'), area_id="Hall"),), "missing or invalid"),
    ("area title missing English", (_area(_item()).replace("en = \"Hallway\"", "x = 1"),), "title"),
    ("area unknown field", (_area(_item()).replace("optional", "optoinal"),), "unknown field"),
    ("area optional as text", (_area(_item(), optional='"no"'),), "optional must be true or false"),
]


@pytest.mark.parametrize(
    ("areas", "message"),
    [case[1:] for case in BROKEN_AREAS],
    ids=[case[0] for case in BROKEN_AREAS],
)
def test_loader_rejects_broken_areas(
    fake_resources: Path, areas: tuple[str, ...], message: str
) -> None:
    _write_areas(fake_resources, *areas)
    with pytest.raises(ContentError) as info:
        load_checklist()
    assert message in str(info.value)


@pytest.mark.parametrize(
    "sources",
    ['[seed]\ntitle = "Leaflet"\n', '[seed]\nurl = "https://example.org"\n', 'seed = "Leaflet"\n'],
    ids=["no url", "no title", "not a table"],
)
def test_loader_rejects_an_incomplete_source(fake_resources: Path, sources: str) -> None:
    (fake_resources / "checklist" / "sources.toml").write_text(sources, encoding="utf-8")
    _write_areas(fake_resources, _area(_item(sources='["seed"]')))
    with pytest.raises(ContentError, match="seed needs a title and a url"):
        load_checklist()


SHIPPED_PERSON = resources.read_text("checklist/person.toml")
BROKEN_PERSON = [
    (
        "six FES-I items",
        SHIPPED_PERSON.replace(
            '  { nl = "Een helling op of af lopen", en = "Walking up or down a slope" },\n', ""
        ),
        "exactly 7 items",
    ),
    (
        "unknown question",
        SHIPPED_PERSON + '\n[questions.shoe_size]\ntext = { nl = "a", en = "b" }\n',
        "unknown question(s) shoe_size",
    ),
    (
        "key question without options",
        SHIPPED_PERSON.replace('options.yes = { nl = "Ja", en = "Yes" }\noptions.no = '
                               '{ nl = "Nee", en = "No" }\n\n[questions.key_unsteady]',
                               "\n[questions.key_unsteady]"),
        "question key_fallen needs options",
    ),
]


@pytest.mark.parametrize(
    ("text", "message"), [c[1:] for c in BROKEN_PERSON], ids=[c[0] for c in BROKEN_PERSON]
)
def test_person_loader_rejects_broken_content(
    fake_resources: Path, text: str, message: str
) -> None:
    assert text != SHIPPED_PERSON  # the replacement really changed something
    (fake_resources / "checklist" / "person.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=message.replace("(", r"\(").replace(")", r"\)")):
        person.person_content.__wrapped__()  # bypass the cache of the shipped content


def test_person_loader_accepts_the_shipped_text_from_another_folder(fake_resources: Path) -> None:
    (fake_resources / "checklist" / "person.toml").write_text(SHIPPED_PERSON, encoding="utf-8")
    assert len(person.person_content.__wrapped__().fesi_items) == 7


# -- plain language (issue 13 item 9) -------------------------------------------------------------


def _all_texts(lang: str) -> list[str]:
    """Every checklist, person and advice text, and every catalogue string, in one language."""
    texts = []
    for item in ITEMS:
        texts += [item.question(lang), item.why(lang), item.fix(lang)]
        if item.until_then:
            texts.append(item.until_then(lang))
    for area in CONTENT.areas:
        texts += [area.title(lang), area.intro(lang)]
    person_texts = person.person_content()
    for question in person_texts.questions.values():
        texts.append(question.text(lang))
    for section in advice.advice_sections():
        texts += [section.title(lang), *(point(lang) for point in section.points)]
    for name in ("common", "ui", "report"):
        texts += _strings(resources.load_toml(f"i18n/{lang}/{name}.toml"))
    return texts


def _strings(table: object) -> list[str]:
    if isinstance(table, str):
        return [table]
    if isinstance(table, dict):
        return [s for value in table.values() for s in _strings(value)]
    return []


# Mistakes a reviewer found (issue 13 item 9); each stays fixed.
DUTCH_MISTAKES = [
    "glij je",  # the stem is "glijd": "glijd je"
    "Moet je vaak haasten",  # reflexive: "Moet je je vaak haasten"
    "wat je kan laten vallen",  # reads as "what you could drop"
    "die blijft goed zichtbaar",
    "dingen liggen die",
    "Wat je wilt blijven doen",  # heading for a question about what you want to achieve
]


@pytest.mark.parametrize("mistake", DUTCH_MISTAKES)
def test_dutch_texts_keep_the_reviewers_fixes(mistake: str) -> None:
    assert [t for t in _all_texts("nl") if mistake in t] == []


def test_dutch_speaks_to_the_reader_with_je() -> None:
    # B1 and the leaflet's tone: "je", never the formal "u"/"uw".
    formal = [t for t in _all_texts("nl") if {"u", "uw", "U", "Uw"} & set(t.split())]
    assert formal == []


def test_english_questions_ask_positively_and_say_walking_stick() -> None:
    negative = ("Is there no ", "Are there no ", "Do you not ", "Don't you ", "Is there not ")
    for item in ITEMS:
        assert not item.question("en").startswith(negative), item.id
    assert [t for t in _all_texts("en") if re.search(r"\bcanes?\b", t, re.I)] == []


# -- one word for one thing ------------------------------------------------------------------------


def _every_text(lang: str) -> list[str]:
    """Every shipped text in one language: checklist, person questions, advice, all catalogues."""

    def texts_of(node: object) -> list[str]:
        if isinstance(node, dict):
            if isinstance(node.get(lang), str):
                return [node[lang]]
            return [t for value in node.values() for t in texts_of(value)]
        if isinstance(node, list):
            return [t for value in node for t in texts_of(value)]
        return []

    files = [f"checklist/areas/{name}" for name in resources.listdir("checklist/areas")]
    texts = [t for f in [*files, "checklist/person.toml", "checklist/advice.toml"]
             for t in texts_of(resources.load_toml(f))]
    for name in resources.listdir(f"i18n/{lang}"):
        texts += _strings(resources.load_toml(f"i18n/{lang}/{name}"))
    return texts


# The word the texts use, and the other words for the same thing that crept in before.
ONE_WORD = {
    "nl": {
        "wc": r"\btoilet\b",  # compounds such as "toiletverhoger" are product names
        "steunbeugel": r"\bwandbeugel|\bhandgreep",
        "bewegingsmelder": r"bewegingssensor",
        "lichtknop": r"schakelaar",
        "nagekeken": r"gecontroleerd|\bcontroleer|\bbekeken\b|gecheckt|\bchecken\b|\bcheckt\b",
        "pagina": r"bladzijde",
        "score": r"\buitkomst\b",
        "broze botten": r"zwakke botten",
    },
    "en": {
        "threshold": r"\bsills?\b",
        "grab rail": r"grab handle",
        "brittle bones": r"weak bones",
        "walker": r"\brollator\b",
    },
}


@pytest.mark.parametrize(
    ("lang", "word"), [(lang, word) for lang, words in ONE_WORD.items() for word in words]
)
def test_one_thing_has_one_word(lang: str, word: str) -> None:
    others = re.compile(ONE_WORD[lang][word], re.IGNORECASE)
    texts = _every_text(lang)
    assert len(texts) > 500  # the collection reaches every file
    assert [t for t in texts if others.search(t)] == [], f"say {word!r}"


def test_dutch_quotes_are_one_kind() -> None:
    # „…” as in the rest of the Dutch texts; not ‘…’ or “…”.
    assert [t for t in _every_text("nl") if re.search("[‘’“]", t)] == []
