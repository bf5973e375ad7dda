"""The one accessor for data files shipped in resources/ (content, schema, fonts, catalogues)."""

from __future__ import annotations

import json
import posixpath
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def root() -> Path:
    """Return the folder that holds the resources.

    In a wheel the build maps the top-level ``resources/`` to ``homecheck/_resources``;
    in a source checkout (``main.py``, tests, editable installs) it sits beside the package.
    """
    installed = _PACKAGE_DIR / "_resources"
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("homecheck resources folder not found (broken installation)")


def path(name: str) -> Path:
    """Return the path of one resource, named relative to resources/ with forward slashes."""
    # Same guard as qutebrowser's accessor: callers name resources, never arbitrary files.
    if posixpath.isabs(name) or ".." in name.split("/"):
        raise ValueError(f"invalid resource name: {name!r}")
    return root().joinpath(*name.split("/"))


def read_text(name: str) -> str:
    """Return a text resource decoded as UTF-8."""
    return path(name).read_text(encoding="utf-8")


def read_bytes(name: str) -> bytes:
    """Return a binary resource."""
    return path(name).read_bytes()


def listdir(name: str) -> list[str]:
    """Return the sorted file names in a resource folder."""
    return sorted(p.name for p in path(name).iterdir() if p.is_file())


# Parsing the ~20 TOML files costs about 20 ms of start-up in pure Python; JSON is parsed in C.
# The cache holds each file's parsed data with a checksum of its source (CRC-32 and length), so an
# edited TOML file is simply parsed again. CRC-32, not SHA-256: this guards against a forgotten
# rebuild, not an attacker, and hashlib would load OpenSSL at start-up (~2 ms, ~3 MiB).
# `python -m homecheck.resources` rewrites it; tests/packaging/test_toml_cache.py fails when the
# shipped cache is stale.
TOML_CACHE = "toml-cache.json"


@lru_cache(maxsize=1)
def _toml_cache() -> dict[str, Any]:
    try:
        data = json.loads(read_text(TOML_CACHE))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_toml(name: str) -> dict[str, Any]:
    """Return a TOML resource as data, from the cache when the file has not changed."""
    raw = read_bytes(name)
    entry = _toml_cache().get(name)
    if isinstance(entry, dict) and entry.get("checksum") == checksum(raw):
        return dict(entry["data"])
    import tomllib  # only when the cache misses: saves its import at start-up

    return tomllib.loads(raw.decode("utf-8"))


def checksum(raw: bytes) -> str:
    """The cache's fingerprint of a source file: CRC-32 and length."""
    return f"{zlib.crc32(raw):08x}-{len(raw)}"


def toml_names() -> list[str]:
    """Every TOML resource, as names relative to resources/."""
    base = root()
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.toml"))


def build_toml_cache() -> dict[str, Any]:
    """Parse every TOML resource afresh; the document written to resources/toml-cache.json."""
    import tomllib

    cache = {}
    for name in toml_names():
        raw = read_bytes(name)
        cache[name] = {
            "checksum": checksum(raw),
            "data": tomllib.loads(raw.decode("utf-8")),
        }
    return cache


if __name__ == "__main__":
    target = path(TOML_CACHE)
    target.write_text(json.dumps(build_toml_cache(), ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {target}")
