"""Fuzzing the file commands: any input gives exit 0, or exit 2 with exactly one stderr line."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homecheck.cli import run
from homecheck.domain import assessment as fmt
from homecheck.domain import person
from tests.domain.strategies import CONTENT, EXAMPLE_NAMES, example_doc

# Every command that reads an assessment file. "{file}" is the fuzzed input, "{out}" a path in
# a fresh folder for commands that write (add e.g. ("report", "{file}", "-o", "{out}")).
COMMANDS: list[tuple[str, ...]] = [
    ("validate", "{file}"),
    ("score", "{file}"),
    ("score", "--json", "{file}"),
    ("report", "{file}", "-o", "{out}"),
    ("export-fhir", "{file}", "-o", "{out}"),
]
WRITERS = {"report", "export-fhir"}
# ~100 per command in the normal suite; the long run (docs/reliability.md) sets e.g. 2000 per
# command: HOMECHECK_FUZZ_EXAMPLES=2000 pytest tests/cli/test_fuzz.py
EXAMPLES_PER_COMMAND = int(os.environ.get("HOMECHECK_FUZZ_EXAMPLES", "100"))

EXAMPLES = [example_doc(name) for name in EXAMPLE_NAMES]
ITEM_IDS = [item.id for item in CONTENT.items()]
# Values that are valid somewhere in the format, so mutations often land near the edge.
TOKENS = [
    *fmt.REQUIRED_KEYS, *fmt.OPTIONAL_KEYS, *fmt.ANSWER_KEYS, *fmt.ANSWERS, *fmt.LANGUAGES,
    *fmt.ROLES, *CONTENT.area_ids(), *ITEM_IDS[:5], *person.INTAKE_KEYS, "none", "often",
    fmt.FORMAT_NAME, "2026-02-29", "2024-02-29", "2026-13-01", "0123456789abcdef.jpg",
    "", "\u2028", "\x00", "\ud800",  # a lone surrogate: legal as a JSON escape, not in UTF-8
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 101),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(TOKENS),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=8)
    | st.dictionaries(st.sampled_from(TOKENS) | st.text(max_size=6), inner, max_size=4),
    max_leaves=10,
)


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every position in a decoded document (the root is the empty path)."""
    found = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*here, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            found += _paths(value, (*here, n))
    return found


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    """An example with a few structural changes: keys dropped, values replaced or added."""
    doc: Any = copy.deepcopy(draw(st.sampled_from(EXAMPLES)))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_paths(doc)))
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if not path:
            if action == "replace":
                doc = draw(JSON_VALUES)
            continue
        parent, last = _at(doc, path[:-1]), path[-1]
        if action == "replace":
            parent[last] = draw(JSON_VALUES)
        elif action == "drop":
            del parent[last]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(TOKENS) | st.text(max_size=6))] = draw(JSON_VALUES)
        else:
            parent.insert(draw(st.integers(0, len(parent))), draw(JSON_VALUES))
    return json.dumps(doc, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


@st.composite
def mangled_texts(draw: st.DrawFn) -> bytes:
    """An example's bytes cut short, spliced with junk, or with a number too long to read."""
    data = json.dumps(draw(st.sampled_from(EXAMPLES)), ensure_ascii=False).encode("utf-8")
    start = draw(st.integers(0, len(data)))
    end = draw(st.integers(start, min(len(data), start + 40)))
    how = draw(st.sampled_from(["truncate", "splice", "bytes", "digits", "digits", "bom"]))
    if how == "truncate":
        return data[:start]
    if how == "splice":
        return data[:start] + draw(st.text(max_size=10)).encode("utf-8") + data[end:]
    if how == "bytes":
        return data[:start] + draw(st.binary(min_size=1, max_size=6)) + data[end:]
    if how == "digits":
        digits = draw(st.integers(1, 20) | st.integers(4200, 6000))  # Python's limit is 4300
        return data.replace(b'"version": 1', b'"version": ' + b"7" * digits)
    return b"\xef\xbb\xbf" + data[:start]


DOCUMENTS = st.one_of(
    st.sampled_from(EXAMPLES).map(lambda doc: json.dumps(doc).encode("utf-8")),  # valid
    mutated_documents(),
    mutated_documents(),  # weighted: structural mutations find the most
    mangled_texts(),
    st.binary(max_size=64),
)


def run_captured(argv: list[str]) -> tuple[int, str, str]:
    """Run in-process with streams like a real terminal's: strict UTF-8 stdout, lenient stderr."""
    out_raw, err_raw = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_raw, encoding="utf-8", errors="strict", write_through=True)
    err = io.TextIOWrapper(err_raw, encoding="utf-8", errors="backslashreplace", write_through=True)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(argv)
    return code, out_raw.getvalue().decode("utf-8"), err_raw.getvalue().decode("utf-8")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@settings(
    max_examples=EXAMPLES_PER_COMMAND,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=DOCUMENTS)
def test_any_input_gives_0_or_one_line_and_2(
    tmp_path_factory: pytest.TempPathFactory, command: tuple[str, ...], data: bytes
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "input.json"
    path.write_bytes(data)
    argv = [arg.format(file=path, out=folder / "out") for arg in command]

    code, out, err = run_captured(argv)

    writes = command[0] in WRITERS
    if code == 0:
        assert err == ""
        assert (folder / "out").is_file() if writes else out
        # Exit 0 only for documents the strict reader accepts.
        fmt.read_file(path, CONTENT)
    else:
        assert code == 2, (code, err)
        assert out == ""
        # Nothing is left at OUT (nor a temporary file) when a writing command fails.
        assert sorted(p.name for p in folder.iterdir()) == ["input.json"]
        assert len(err.splitlines()) == 1 and err.endswith("\n"), err
        assert err.startswith(f"homecheck: error: {path}: "), err
