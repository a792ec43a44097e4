#!/usr/bin/env python3
"""Rasterise assets/icons/stretch-coach.svg to the PNG sizes desktops use.

Writes assets/icons/<N>x<N>/stretch-coach.png for every size in SIZES, using
Qt's own SVG renderer so that no extra tool is needed. Run it after editing
the SVG and commit the PNGs:

    python packaging/make_icons.py
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "assets" / "icons"
SOURCE = ICONS / "stretch-coach.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int):  # -> QImage; Qt is imported lazily below
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG file.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_path(icons: Path, size: int) -> Path:
    return icons / f"{size}x{size}" / "stretch-coach.png"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the SVG to rasterise")
    parser.add_argument("--out", type=Path, default=ICONS, help="folder for the <N>x<N>/ folders")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    for size in SIZES:
        target = png_path(args.out, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(args.source, size).save(str(target), "PNG"):
            raise SystemExit(f"make_icons: could not write {target}.")
        print(f"{target.relative_to(args.out)}  {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
