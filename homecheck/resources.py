"""The one accessor for data files shipped in resources/ (content, schema, fonts, catalogues)."""

from __future__ import annotations

import posixpath
import tomllib
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


def load_toml(name: str) -> dict[str, Any]:
    """Return a TOML resource as data."""
    return tomllib.loads(read_text(name))
