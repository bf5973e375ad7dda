"""Where each rule about the person comes from: keys of resources/checklist/sources.toml.

Checklist items and advice blocks carry their sources in their TOML files. The rules in code
carry theirs here: each rule that raises a hazard's priority (by intake key), each action from
the person answers, each next step, each therapist's test with its cut-off and the Short FES-I
bands. docs/scoring.md gives the same sources in words, with the reasons. tests/domain/
test_rule_sources.py holds that no rule is added without a source.
"""

from __future__ import annotations

from typing import Final

# A fall or unsteadiness: World Falls Guidelines case finding and VeiligheidNL's three questions;
# night route, stairs and transfers are the places the checklists name as most risky (CDC,
# HSSAT, HOME FAST, Zilver Wonen); the long lie marks a serious fall (World Falls Guidelines).
_FALL_OR_UNSTEADY: Final = ("wgfp", "veiligheidnl", "cdc", "hssat", "homefast", "zilverwonen")

# Intake key -> the sources of the rule that raises hazards for it (actions.raising_reasons).
RAISING: Final[dict[str, tuple[str, ...]]] = {
    # stick or walker -> walking (Stay Independent scores walking-aid use; WeHSA judges a hazard
    # against how the person moves); wheelchair -> transfers (HOME FAST transfer items).
    "walking_aid": ("steadi", "wehsa", "homefast"),
    # poor sight -> lighting (CDC, Stay Independent; Valanalyse risk factor "vision").
    "low_vision": ("cdc", "steadi", "veiligheidnl"),
    "falls_past_year": _FALL_OR_UNSTEADY,
    "key_fallen": _FALL_OR_UNSTEADY,
    "key_unsteady": _FALL_OR_UNSTEADY,
    # night toilet visits -> night route (CDC, HSSAT, HOME FAST; Zilver Wonen 47.5% badly lit).
    "night_toilet": ("cdc", "hssat", "homefast", "zilverwonen"),
    # living alone -> long lie: phone, alarm, key safe (CDC tips, World Falls Guidelines).
    "lives_alone": ("cdc", "wgfp"),
    # brittle bones -> stairs (the leaflet, KNGF osteoporosis; stairs among the riskiest places).
    "osteoporosis": ("seed", "kngf", "cdc", "hssat"),
}

# Living alone after a fall: the long-lie group goes straight to "now" (World Falls Guidelines
# severity: unable to get up; NICE NG249 inability to get up).
ALONE_AND_FALLEN: Final[tuple[str, ...]] = ("wgfp", "nice")

# Person action id -> its sources (actions.person_actions).
PERSON_ACTIONS: Final[dict[str, tuple[str, ...]]] = {
    "person.falls_assessment": ("wgfp", "nice", "veiligheidnl"),
    "person.talk_about_fall": ("wgfp", "steadi"),
    "person.see_gp_after_fall": ("seed", "kngf", "niv"),
    "person.fear_of_falling": ("seed", "fesi", "veiligheidnl"),
    "person.talk_about_worry": ("steadi",),
    "person.strength_balance": ("seed", "wgfp", "kngf"),
}

# Next step -> its sources (person_rules.next_step).
NEXT_STEPS: Final[dict[str, tuple[str, ...]]] = {
    "falls_assessment": ("wgfp", "nice", "veiligheidnl"),
    "exercise": ("wgfp", "kngf", "seed"),
    "advice": ("wgfp", "seed"),
}

# Therapist's test -> the source of its cut-off (person_rules.therapist_tests).
TESTS: Final[dict[str, tuple[str, ...]]] = {
    "tug": ("steadi_tests",),
    "chair_stand": ("steadi_tests",),
    "balance": ("steadi_tests",),
}

# The Short FES-I score and its bands (fesi.score_short_fesi).
FESI_BANDS: Final[tuple[str, ...]] = ("fesi",)
