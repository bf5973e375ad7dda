"""Render the app icon from homecheck.svg: PNG sizes, a Windows .ico and a macOS .icns.

    python packaging/icons/make_icons.py          (any venv with homecheck's dependencies)

Qt's SVG renderer draws each size, Pillow packs the .ico and .icns. The results are committed, so
that a build machine needs no drawing tools; tests/packaging/test_icons.py fails when they no
longer match the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "homecheck.svg"
# The Linux menu entry's icons travel inside the package (homecheck --install-desktop-entry).
DESKTOP = HERE.parents[1] / "resources" / "desktop"
APP_ID = "io.github.homecheck_app.homecheck"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_BASE = 1024


def render(size: int) -> Image.Image:
    """The SVG drawn at size x size pixels, as a Pillow RGBA image."""
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def outputs() -> dict[str, bytes]:
    """File name -> contents of every generated icon file."""
    files: dict[str, bytes] = {}
    for size in PNG_SIZES:
        out = io.BytesIO()
        render(size).save(out, "PNG", optimize=True)
        files[f"homecheck-{size}.png"] = out.getvalue()
    # Each .ico size drawn at its own size (sharper than Pillow scaling one big image down).
    ico = io.BytesIO()
    largest = render(ICO_SIZES[-1])
    largest.save(
        ico,
        "ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[render(s) for s in ICO_SIZES[:-1]],
    )
    files["homecheck.ico"] = ico.getvalue()
    icns = io.BytesIO()
    render(ICNS_BASE).save(icns, "ICNS")
    files["homecheck.icns"] = icns.getvalue()
    return files


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    files = outputs()
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"wrote {HERE / name} ({len(data)} bytes)")
    for name, data in ((f"{APP_ID}.svg", SOURCE.read_bytes()),
                       (f"{APP_ID}.png", files["homecheck-256.png"])):
        (DESKTOP / name).write_bytes(data)
        print(f"wrote {DESKTOP / name}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
