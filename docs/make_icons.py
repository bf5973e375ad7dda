"""Render the check-box and radio marks (resources/ui/*.svg) to PNG, at 1x and 2x.

The style sheet uses the PNGs: drawing SVG would load Qt's SVG module and image plug-in at
start-up (about 1 MiB, benchmarks/run.py). Run after changing an SVG:
    .venv/bin/python docs/make_icons.py
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

UI = Path(__file__).resolve().parents[1] / "resources" / "ui"
SIZE = 26


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - QPainter needs a GUI application
    for svg in sorted(UI.glob("*.svg")):
        renderer = QSvgRenderer(str(svg))
        for scale, suffix in ((1, ""), (2, "@2x")):
            image = QImage(SIZE * scale, SIZE * scale, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter)
            painter.end()
            target = svg.with_name(f"{svg.stem}{suffix}.png")
            image.save(str(target))
            print(f"wrote {target}")


if __name__ == "__main__":
    main()
