"""The app icon: every generated size still matches its SVG source."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "packaging" / "icons"
sys.path.insert(0, str(ICONS))
import make_icons  # noqa: E402


@pytest.fixture(scope="module")
def fresh(qapp) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    return make_icons.outputs()


def _difference(a: bytes, b: bytes) -> float:
    first, second = (Image.open(io.BytesIO(x)).convert("RGBA") for x in (a, b))
    assert first.size == second.size
    return max(ImageStat.Stat(ImageChops.difference(first, second)).mean)


@pytest.mark.gui
def test_committed_icons_match_the_svg(fresh: dict[str, bytes]) -> None:
    # Qt versions may anti-alias a pixel differently: the mean difference must stay tiny.
    for name, data in fresh.items():
        committed = (ICONS / name).read_bytes()
        if name.endswith(".png"):
            assert _difference(committed, data) < 2.0, f"{name}: run make_icons.py again"
    with Image.open(ICONS / "homecheck.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "homecheck.icns") as icns:
        assert icns.size == (1024, 1024) or (512, 512) in icns.info.get("sizes", {(512, 512)})


def test_a_changed_icon_is_noticed(tmp_path: Path) -> None:
    small = (ICONS / "homecheck-32.png").read_bytes()
    changed = Image.open(io.BytesIO(small)).convert("RGBA")
    changed.paste((255, 0, 0, 255), (0, 0, 32, 16))
    out = io.BytesIO()
    changed.save(out, "PNG")
    assert _difference(small, out.getvalue()) >= 2.0
