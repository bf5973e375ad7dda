"""FHIR export: checklist as Questionnaire, check as QuestionnaireResponse, in one Bundle."""

from __future__ import annotations

import json
import re
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
    """A FHIR document could not be built or read."""


def _uuid(*parts: str) -> str:
    # Deterministic ids: the same check exports to the same bundle, which makes diffs readable.
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


# FHIR strings know only "\n" as a line end, and one made only of other white space (a line
# separator, NEL, a no-break space) is not a valid string: such text is written with "\n" and
# " " instead, so whatever the reader accepted is exported.
_LINE_ENDS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n"})
_FHIR_CHAR = re.compile(r"[ \r\n\t\S]")


def fhir_text(text: str) -> str:
    """Free text as a valid FHIR string (line and paragraph separators become line ends)."""
    text = text.translate(_LINE_ENDS)
    if not _FHIR_CHAR.search(text):
        text = re.sub(r"\s", " ", text)
    return text


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
            if answer.note:
                note = {"valueString": fhir_text(answer.note)}
                entry["item"] = [{"linkId": f"{item.id}.note", "answer": [note]}]
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
    if assessment.assessor:
        response["author"] = {"display": fhir_text(assessment.assessor)}
    if assessment.client:
        response["subject"] = {"display": fhir_text(assessment.client)}
    return response


def bundle(checklist: Checklist, assessment: Assessment) -> dict[str, Any]:
    """A collection Bundle with the Questionnaire and the QuestionnaireResponse, validated."""
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
    validate(doc)
    return doc


def validate(doc: dict[str, Any]) -> None:
    """Validate a Bundle with the fhir.resources models (FHIR R4B, wire-compatible with R4 here)."""
    from fhir.resources.R4B.bundle import Bundle  # slow import: only when exporting
    from pydantic import ValidationError

    try:
        Bundle.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise FhirError(f"invalid FHIR bundle at {where}: {first.get('msg')}") from None


def answers_from_bundle(doc: dict[str, Any]) -> dict[str, Answer]:
    """Read the item answers back from a Bundle written by bundle() (for round-trip checks)."""
    validate(doc)
    answers: dict[str, Answer] = {}
    for entry in doc.get("entry", []):
        resource = entry.get("resource", {})
        if resource.get("resourceType") != "QuestionnaireResponse":
            continue
        for group in resource.get("item", []):
            for item in group.get("item", []):
                (value,) = item["answer"]
                note = ""
                for sub in value.get("item", []):
                    note = sub["answer"][0]["valueString"]
                answers[item["linkId"]] = Answer(answer=value["valueCoding"]["code"], note=note)
    return answers
