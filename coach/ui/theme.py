"""Light and dark palettes, and the few accent colours the player uses.

"system" keeps the desktop's palette; "light" and "dark" set a Fusion
palette so both are legible whatever the desktop does (and so tests can
take screenshots of each).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLayout, QStyleFactory, QWidget

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def _palette(
    window: str, base: str, text: str, button: str, highlight: str, disabled_text: str, link: str
) -> QPalette:
    pal = QPalette()
    colors = {
        Role.Window: window,
        Role.WindowText: text,
        Role.Base: base,
        Role.AlternateBase: button,
        Role.Text: text,
        Role.Button: button,
        Role.ButtonText: text,
        Role.Highlight: highlight,
        Role.HighlightedText: "#ffffff",
        Role.ToolTipBase: base,
        Role.ToolTipText: text,
        Role.PlaceholderText: disabled_text,
        Role.Link: link,
        Role.BrightText: "#ff5555",
        Role.Mid: disabled_text,
    }
    for role, color in colors.items():
        pal.setColor(role, QColor(color))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        pal.setColor(Group.Disabled, role, QColor(disabled_text))
    return pal


def light_palette() -> QPalette:
    return _palette("#f4f4f2", "#ffffff", "#1d1d1f", "#e6e6e3", "#2a6fdb", "#8a8a8a", "#1f5fbf")


def dark_palette() -> QPalette:
    return _palette("#1f2124", "#17181a", "#ececec", "#2d3034", "#3d86f0", "#7d8288", "#7fb2ff")


def apply_theme(app: QApplication, theme: str) -> None:
    """Set the application palette for "light", "dark" or "system"."""
    if theme == "system":
        app.setPalette(app.style().standardPalette())
        return
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(dark_palette() if theme == "dark" else light_palette())


def keep_size_to_user(window: QWidget, min_width: int, min_height: int) -> None:
    """The window's size is the user's: text that wraps onto another line must
    not make the window grow (off a small screen). Content adapts instead;
    the ring and the figure shrink. Call before the window is shown."""
    layout = window.layout()
    if layout is not None:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    window.setMinimumSize(min_width, min_height)


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


@dataclass(frozen=True)
class Accents:
    """Phase colours that read well on the given palette."""

    hold: QColor
    move: QColor
    walk: QColor
    paused: QColor
    track: QColor
    danger: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> Accents:
        dark = is_dark(palette)
        track = QColor(palette.color(Role.WindowText))
        track.setAlphaF(0.14)
        # Paused: the text colour, faded, so it reads on any background and
        # stands apart from the track.
        paused = QColor(palette.color(Role.WindowText))
        paused.setAlphaF(0.55)
        return cls(
            hold=QColor("#4d94ff" if dark else "#1f62c9"),
            move=QColor("#c9a227" if dark else "#9a6b00"),
            walk=QColor("#3fbf6f" if dark else "#1d8a47"),
            paused=paused,
            track=track,
            danger=QColor("#ff6b6b" if dark else "#c62828"),
        )
