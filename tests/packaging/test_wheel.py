"""The wheel ships resources/ inside the package, and the accessor finds it there."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (found,) = out.glob("homecheck-*.whl")
    return found


@pytest.mark.packaging
def test_every_resource_file_is_in_the_wheel(wheel: Path) -> None:
    shipped = {
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
    }
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    prefix = "homecheck/_resources/"
    in_wheel = {n.removeprefix(prefix) for n in names if n.startswith(prefix)}
    assert shipped, "resources/ is empty"
    assert shipped == in_wheel
    assert "homecheck/resources.py" in names
    assert any(n.endswith("entry_points.txt") for n in names)


@pytest.mark.packaging
def test_installed_wheel_reads_content_through_the_accessor(wheel: Path, tmp_path: Path) -> None:
    # Unpack the wheel somewhere else and import from there: the accessor must use _resources.
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    code = (
        "import homecheck.resources as r, homecheck.domain.content as c;"
        "print(r.root()); print(len(list(c.checklist().items())))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    root_line, count_line = result.stdout.split()
    assert Path(root_line) == target / "homecheck" / "_resources"
    assert int(count_line) >= 70
