"""The domain, the report, the store, the session and the command line never load Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "module",
    [
        "homecheck.domain",
        "homecheck.report",
        "homecheck.store",
        "homecheck.session",
        "homecheck.cli",
        "homecheck.i18n",
    ],
)
def test_module_tree_imports_no_pyside6(module: str) -> None:
    # Import every submodule of the package, then look at what got loaded.
    code = f"""
import importlib, pkgutil, sys
mod = importlib.import_module({module!r})
if hasattr(mod, "__path__"):
    for info in pkgutil.walk_packages(mod.__path__, {module!r} + "."):
        importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(",".join(loaded))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_check_itself_can_see_pyside6() -> None:
    # Guards the test above against passing vacuously (e.g. sys.modules never listing PySide6).
    code = "import sys, PySide6.QtCore; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "True"
