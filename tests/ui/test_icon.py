"""The app icon: every size is shipped, loads, and matches its SVG source."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from coach.paths import assets_dir
from coach.ui.icon import ICON_SIZES, app_icon, icon_files


def test_every_size_is_shipped_at_its_size():
    files = icon_files()
    assert sorted(files) == sorted(ICON_SIZES)
    for size, path in files.items():
        image = QImage(str(path))
        assert not image.isNull(), path
        assert (image.width(), image.height()) == (size, size), path
        assert image.hasAlphaChannel(), path
        # rounded corners: the very corner pixel is transparent
        assert image.pixelColor(0, 0).alpha() == 0, path


def test_app_icon_offers_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
    pixmap = icon.pixmap(QSize(16, 16))
    assert pixmap.width() == 16


def _render_svg(size: int) -> QImage:
    renderer = QSvgRenderer(str(assets_dir() / "icons" / "stretch-coach.svg"))
    assert renderer.isValid()
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


@pytest.mark.parametrize("size", [16, 48, 256])
def test_pngs_were_regenerated_after_the_svg_changed(qapp, size):
    """An edited SVG without `python packaging/make_icons.py` fails here."""
    fresh = _render_svg(size)
    shipped = QImage(str(icon_files()[size])).convertToFormat(QImage.Format.Format_ARGB32)
    total = 0
    for y in range(size):
        for x in range(size):
            a, b = fresh.pixelColor(x, y), shipped.pixelColor(x, y)
            total += (
                abs(a.red() - b.red())
                + abs(a.green() - b.green())
                + abs(a.blue() - b.blue())
                + abs(a.alpha() - b.alpha())
            )
    mean = total / (size * size * 4)
    assert mean < 2.0, f"{size} px icon differs from the SVG by {mean:.1f}/255 per channel"
