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


# Phase colours, told apart by text and shape as well (see `PhaseIcon`), and
# chosen to stay apart under red-green colour blindness: blue for holding,
# orange for moving, teal for walking, the plain text colour for getting
# ready and resting. Each is >= 4.5:1 against the window, the alternate base
# and the walk tint (tests/ui/player/test_readable.py computes it).
LIGHT_ACCENTS = {
    "hold": "#0b5cad",
    "move": "#974500",
    "walk": "#006d77",
    "danger": "#b71c1c",
}
DARK_ACCENTS = {
    "hold": "#5aa9ff",
    "move": "#f0a040",
    "walk": "#00b4a5",
    "danger": "#ff6b6b",
}
WALK_TINT = 0.10  # how much of the walk colour the walk stage's background takes
PAUSED_SHARE = 0.68  # how much of the text colour the faded "paused" grey keeps


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` with `amount` (0..1) of `b` blended in, opaque."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of an opaque sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class Accents:
    """Phase colours that read well on the given palette."""

    hold: QColor
    move: QColor
    walk: QColor
    paused: QColor
    track: QColor
    danger: QColor
    rest: QColor  # getting ready, resting, switching sides: the text colour
    walk_tint: QColor  # the walk stage's background

    @classmethod
    def from_palette(cls, palette: QPalette) -> Accents:
        dark = is_dark(palette)
        named = DARK_ACCENTS if dark else LIGHT_ACCENTS
        text = QColor(palette.color(Role.WindowText))
        track = QColor(text)
        track.setAlphaF(0.14)
        # Paused: the text colour faded towards the window (opaque, so its
        # contrast is what it looks like: >= 4.5:1), apart from the track.
        paused = mix(palette.color(Role.Window), text, PAUSED_SHARE)
        walk = QColor(named["walk"])
        return cls(
            hold=QColor(named["hold"]),
            move=QColor(named["move"]),
            walk=walk,
            paused=paused,
            track=track,
            danger=QColor(named["danger"]),
            rest=text,
            walk_tint=mix(palette.color(Role.Window), walk, WALK_TINT),
        )
