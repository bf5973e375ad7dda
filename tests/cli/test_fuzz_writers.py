"""One text rule (issue 17): what the reader accepts, every writer writes.

The fuzzer's documents that the strict reader accepts, and valid checks with hostile text in every
free text, go through every writer: the store (write, read back), the JSON file (write, read
back), the PDF and the FHIR export. Before the fix a lone surrogate passed the reader and broke the
store and the FHIR export, and a note made only of U+2028 broke the FHIR export.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from homecheck.domain import assessment as fmt
from homecheck.domain import person
from homecheck.domain.assessment import Assessment
from homecheck.domain.textrules import MAX_INTAKE_TEXT, MAX_LABEL, MAX_NOTE
from homecheck.interop.fhir import bundle
from homecheck.report.pdf import render_pdf
from homecheck.store.db import Store
from tests.cli.test_fuzz import DOCUMENTS
from tests.domain.strategies import CONTENT, EXAMPLE_NAMES, example_doc
from tests.interop.fhir_r4 import assert_valid_resource

# Each example renders a PDF (~0.3 s): a fifth of the fuzzer's count per command keeps this
# well inside the suite's time; the long run (HOMECHECK_FUZZ_EXAMPLES=2000) gives 400 each.
EXAMPLES = int(os.environ.get("HOMECHECK_FUZZ_EXAMPLES", "100")) // 5
# The suite's 120 s per test is too little for the PDFs; a long run (often at a low priority on
# a shared machine) has no time limit at all: pytest-timeout's mark wins over -o timeout=0.
TIMEOUT = 0 if "HOMECHECK_FUZZ_EXAMPLES" in os.environ else 600
SEPARATORS = ["\u2028", "\u2029", "\x85"]
# Text the reader must accept: separators alone or mixed in, other white space, control
# characters, markup, right-to-left marks, joiners, characters outside the BMP.
TRICKY = st.lists(
    st.sampled_from(
        [*SEPARATORS, "\x00", "\t", "\n", "\r", "\x0b", "\x0c", "\xa0", "\u3000", "\u200f",
         "\u202e", "\u200d", "<b>", "&amp;", "</para>", "a", "é", "ĳ", "😀", "\U0001f469\u200d"]
    ),
    max_size=40,
).map("".join)


def _through_every_writer(assessment: Assessment, folder: Path) -> None:
    store = Store(folder / "store.sqlite3")
    try:
        check_id = store.create_check(assessment)
        assert store.load_check(check_id) == assessment
    finally:
        store.close()
    assert fmt.loads(fmt.dumps(assessment), CONTENT) == assessment
    assert render_pdf(CONTENT, assessment).startswith(b"%PDF")
    doc = json.loads(json.dumps(bundle(CONTENT, assessment), ensure_ascii=False).encode("utf-8"))
    assert_valid_resource(doc["entry"][1]["resource"])  # the official FHIR R4 schema


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(data=DOCUMENTS)
@pytest.mark.timeout(TIMEOUT)
def test_every_file_the_reader_accepts_every_writer_writes(tmp_path: Path, data: bytes) -> None:
    try:
        assessment = fmt.loads(data.decode("utf-8-sig"), CONTENT)
    except (fmt.FormatError, UnicodeDecodeError):
        assume(False)
        raise
    folder = tmp_path / os.urandom(6).hex()
    folder.mkdir()
    _through_every_writer(assessment, folder)


@st.composite
def hostile_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid example with tricky text in every free text it has."""
    doc = example_doc(draw(st.sampled_from(EXAMPLE_NAMES)))
    doc["client"] = draw(TRICKY)
    doc["assessor"] = draw(TRICKY)
    for answer in doc["answers"].values():
        answer["note"] = draw(TRICKY)
    doc["area_notes"] = {area: draw(TRICKY) for area in doc["areas"][:3]}
    for key in person.TEXT_KEYS:
        doc.setdefault("intake", {})[key] = draw(TRICKY)
    return doc


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(doc=hostile_documents())
@pytest.mark.timeout(TIMEOUT)
def test_tricky_valid_text_goes_through_every_writer(tmp_path: Path, doc: dict[str, Any]) -> None:
    assessment = fmt.from_dict(doc, CONTENT)
    folder = tmp_path / os.urandom(6).hex()
    folder.mkdir()
    _through_every_writer(assessment, folder)


@pytest.mark.parametrize("text", [*SEPARATORS, "".join(SEPARATORS) * 3, "\xa0", "\x0b"])
def test_text_of_separators_only_is_accepted_and_written(tmp_path: Path, text: str) -> None:
    doc = example_doc("therapist-visit.json")
    doc["client"] = doc["assessor"] = text
    for answer in doc["answers"].values():
        answer["note"] = text
    _through_every_writer(fmt.from_dict(doc, CONTENT), tmp_path)


@pytest.mark.parametrize(
    "where", ["client", "assessor", "note", "area_note", "intake", "key", "item id"]
)
def test_a_lone_surrogate_anywhere_is_refused_by_the_reader(where: str) -> None:
    doc = example_doc("therapist-visit.json")
    bad = "a\udc80b"
    item = next(iter(doc["answers"]))
    if where in ("client", "assessor"):
        doc[where] = bad
    elif where == "note":
        doc["answers"][item]["note"] = bad
    elif where == "area_note":
        doc["area_notes"] = {doc["areas"][0]: bad}
    elif where == "intake":
        doc["intake"] = {person.TEXT_KEYS[0]: bad}
    elif where == "key":
        doc[bad] = 1
    else:
        doc["answers"][item + bad] = doc["answers"].pop(item)
    text = json.dumps(doc)  # ASCII with "\udc80" escapes, as such a file would hold
    with pytest.raises(fmt.FormatError, match="lone surrogate") as info:
        fmt.loads(text, CONTENT)
    str(info.value).encode("utf-8")  # the message itself can be printed


LIMITS = [
    ("client", MAX_LABEL),
    ("assessor", MAX_LABEL),
    ("note", MAX_NOTE),
    ("area_note", MAX_NOTE),
    ("intake", MAX_INTAKE_TEXT),
]


@pytest.mark.parametrize(("where", "limit"), LIMITS)
def test_each_free_text_has_a_maximum_length(where: str, limit: int) -> None:
    def doc_with(length: int) -> dict[str, Any]:
        doc = example_doc("therapist-visit.json")
        text = ("word " * length)[:length]
        if where in ("client", "assessor"):
            doc[where] = text
        elif where == "note":
            doc["answers"][next(iter(doc["answers"]))]["note"] = text
        elif where == "area_note":
            doc["area_notes"] = {doc["areas"][0]: text}
        else:
            doc["intake"] = {person.TEXT_KEYS[0]: text}
        return doc

    fmt.from_dict(doc_with(limit), CONTENT)  # exactly the maximum is fine
    with pytest.raises(fmt.FormatError, match=f"too long .*at most {limit:,}"):
        fmt.from_dict(doc_with(limit + 1), CONTENT)


def test_a_photo_name_with_a_final_newline_is_refused() -> None:
    doc = example_doc("therapist-visit.json")
    doc["answers"][next(iter(doc["answers"]))]["photos"] = ["0123456789abcdef.jpg\n"]
    with pytest.raises(fmt.FormatError, match="photo names"):
        fmt.from_dict(doc, CONTENT)
