"""The application icon, loaded from the PNGs shipped in assets/icons.

The main window calls `QApplication.setWindowIcon(app_icon())` once; every
window then shows it. PNGs at every size (rather than the SVG) keep the icon
sharp at 16 px and need no SVG icon-engine plugin in a frozen bundle.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from coach.paths import assets_dir

# Reverse-DNS id shared by the .desktop file, the AppStream metainfo and the
# installed icon name: pass it to QGuiApplication.setDesktopFileName() so that
# Wayland compositors and docks match the running window to its menu entry.
DESKTOP_ID = "io.github.stretchcoach.StretchCoach"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_files() -> dict[int, Path]:
    """The shipped PNG for each size that exists in this installation."""
    folder = assets_dir() / "icons"
    files = {size: folder / f"{size}x{size}" / "stretch-coach.png" for size in ICON_SIZES}
    return {size: path for size, path in files.items() if path.is_file()}


def app_icon() -> QIcon:
    """The Stretch Coach icon at every shipped size; Qt picks the nearest one.

    Falls back to the desktop theme's icon of the same name when the files are
    missing (a broken install still starts, just without its own icon).
    """
    icon = QIcon()
    for size, path in icon_files().items():
        icon.addFile(str(path), QSize(size, size))
    if icon.isNull():
        return QIcon.fromTheme(DESKTOP_ID)
    return icon
