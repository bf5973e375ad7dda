"""FHIR export: checklist as Questionnaire, check as QuestionnaireResponse, in one Bundle.

The FHIR R4 JSON is built by hand here; the tests validate it against the official R4 JSON schema
(tests/interop/fhir_r4.py), so the app needs no FHIR library at run time.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from typing import Any

from homecheck import __version__
from homecheck.domain.assessment import ANSWERS, Answer, Assessment
from homecheck.domain.content import Checklist
from homecheck.i18n import catalogue

CODE_SYSTEM = "https://homecheck.invalid/fhir/CodeSystem/answer"
QUESTIONNAIRE_URL = "https://homecheck.invalid/fhir/Questionnaire/homecheck-home-check"
_NAMESPACE = uuid.UUID("5b8f0f3e-3c5e-4f0e-9a43-3a1f6f2c9b10")


class FhirError(ValueError):
    """A FHIR document could not be read back."""


# A FHIR R4 string matches ^[ \r\n\t\S]+$: apart from space, tab, CR and LF it holds no white space,
# as JavaScript and Python regular expressions count it (and SHOULD hold no control characters).
# Line and paragraph separators become line breaks, other spaces a plain space.
_LINE_BREAKS = dict.fromkeys(map(ord, "\v\f\x1c\x1d\x1e\x85\u2028"), "\n") | {0x2029: "\n\n"}
_KEPT_SPACE = frozenset(" \t\r\n")
_DROPPED = frozenset({"Cc", "Cs"})  # control characters; lone surrogates cannot be written


def fhir_string(text: str) -> str:
    """Return user text as a valid FHIR string, or "" when nothing but white space is left."""
    if not text.isprintable():
        kept = []
        for char in text.translate(_LINE_BREAKS):
            if char in _KEPT_SPACE:
                kept.append(char)
            elif char.isspace():
                kept.append(" ")
            elif char != "\ufeff" and unicodedata.category(char) not in _DROPPED:
                kept.append(char)
        text = "".join(kept)
    return text if text.strip() else ""


def _uuid(*parts: str) -> str:
    # Deterministic ids: the same check exports to the same bundle, which makes diffs readable.
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def _coding(answer: str, language: str) -> dict[str, str]:
    return {
        "system": CODE_SYSTEM,
        "code": answer,
        "display": catalogue(language)(f"answer.{answer}"),
    }


def questionnaire(checklist: Checklist, language: str) -> dict[str, Any]:
    """The checklist as a FHIR Questionnaire: one group per area, one choice question per item."""
    groups = []
    for area in checklist.areas:
        items = []
        for item in area.items:
            items.append(
                {
                    "linkId": item.id,
                    "text": item.question(language),
                    "type": "choice",
                    "answerOption": [{"valueCoding": _coding(a, language)} for a in ANSWERS],
                    "item": [{"linkId": f"{item.id}.note", "text": "note", "type": "text"}],
                }
            )
        groups.append(
            {"linkId": area.id, "text": area.title(language), "type": "group", "item": items}
        )
    return {
        "resourceType": "Questionnaire",
        "id": _uuid("questionnaire", __version__, language),
        "url": QUESTIONNAIRE_URL,
        "version": __version__,
        "name": "HomecheckHomeCheck",
        "title": "homecheck home fall-hazard check",
        "status": "active",
        "language": language,
        "item": groups,
    }


def questionnaire_response(checklist: Checklist, assessment: Assessment) -> dict[str, Any]:
    """A check as a FHIR QuestionnaireResponse, grouped like the Questionnaire."""
    lang = assessment.language
    groups = []
    for area in checklist.areas:
        if area.id not in assessment.areas:
            continue
        answered = []
        for item in area.items:
            answer = assessment.answers.get(item.id)
            if answer is None:
                continue
            entry: dict[str, Any] = {"valueCoding": _coding(answer.answer, lang)}
            note = fhir_string(answer.note)
            if note:
                entry["item"] = [{"linkId": f"{item.id}.note", "answer": [{"valueString": note}]}]
            answered.append({"linkId": item.id, "text": item.question(lang), "answer": [entry]})
        if answered:
            groups.append({"linkId": area.id, "text": area.title(lang), "item": answered})
    response: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": _uuid("response", json.dumps(sorted(assessment.answers)), assessment.date),
        "questionnaire": f"{QUESTIONNAIRE_URL}|{__version__}",
        # "completed" only for a finished check (format v2 status "done"); else still open.
        "status": "completed" if assessment.status == "done" else "in-progress",
        "authored": assessment.date,
        "language": lang,
        "item": groups,
    }
    assessor, client = fhir_string(assessment.assessor), fhir_string(assessment.client)
    if assessor:
        response["author"] = {"display": assessor}
    if client:
        response["subject"] = {"display": client}
    return response


def bundle(checklist: Checklist, assessment: Assessment) -> dict[str, Any]:
    """A collection Bundle with the Questionnaire and the QuestionnaireResponse."""
    q = questionnaire(checklist, assessment.language)
    r = questionnaire_response(checklist, assessment)
    doc = {
        "resourceType": "Bundle",
        "id": _uuid("bundle", r["id"]),
        "type": "collection",
        "entry": [
            {"fullUrl": f"urn:uuid:{q['id']}", "resource": q},
            {"fullUrl": f"urn:uuid:{r['id']}", "resource": r},
        ],
    }
    return doc


def answers_from_bundle(doc: Any) -> dict[str, Answer]:
    """Read the item answers back from a Bundle written by bundle() (for round-trip checks).

    Notes come back as fhir_string() wrote them. FhirError when the document is not such a Bundle.
    """
    if not isinstance(doc, dict) or doc.get("resourceType") != "Bundle":
        raise FhirError("not a FHIR Bundle")
    answers: dict[str, Answer] = {}
    try:
        for entry in doc.get("entry", []):
            resource = entry["resource"]
            if resource.get("resourceType") != "QuestionnaireResponse":
                continue
            for group in resource.get("item", []):
                for item in group["item"]:
                    (value,) = item["answer"]
                    note = ""
                    for sub in value.get("item", []):
                        note = sub["answer"][0]["valueString"]
                    answers[item["linkId"]] = Answer(answer=value["valueCoding"]["code"], note=note)
    except (AttributeError, KeyError, IndexError, TypeError, ValueError) as exc:
        raise FhirError(
            f"not a homecheck QuestionnaireResponse ({type(exc).__name__}: {exc})"
        ) from None
    return answers
