"""The figure's colour schemes: light and dark (from the window's palette)
and print (black line art on white, no grey areas)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

# A cool grey-blue body, a warm stretched area and blue motion arrows, so the
# three never read as one another; each in a darker shade for light themes
# and a lighter one for dark themes.
BODY_ON_LIGHT, BODY_ON_DARK = QColor(110, 126, 148), QColor(196, 208, 226)
WARM_ON_LIGHT, WARM_ON_DARK = QColor(217, 83, 10), QColor(255, 145, 64)
ARROW_ON_LIGHT, ARROW_ON_DARK = QColor(21, 101, 192), QColor(100, 181, 246)
MAT_TINT = QColor(110, 140, 100)  # a muted green, apart from the body and highlight
LINE_GREY = QColor(128, 128, 128)  # print: far limbs, the ghost, the mat
WHITE, BLACK = QColor(255, 255, 255), QColor(0, 0, 0)


@dataclass(frozen=True)
class FigureColors:
    """`near`/`far` fill the limbs facing the viewer and those away from it
    (the trunk and head take `near`); `ink`/`far_ink` outline them.
    `highlight` tints the stretched area on the body. `line_art` (print)
    draws props as outlines and the highlight as hatching instead of a fill."""

    ink: QColor
    near: QColor
    far_ink: QColor
    far: QColor
    highlight: QColor
    ghost: QColor  # the start pose's outline
    ghost_fill: QColor | None
    arrow: QColor
    halo: QColor  # under arrows and eyes: the background
    floor: QColor
    floor_fill: QColor
    prop: QColor
    prop_edge: QColor
    wall: QColor
    mat: QColor
    background: QColor | None = None  # None: leave what is behind
    line_art: bool = False

    @property
    def face(self) -> QColor:
        """The colour of the page behind the figure."""
        return self.halo

    @classmethod
    def from_palette(cls, palette: QPalette) -> FigureColors:
        """Colours that read on the current theme, light or dark."""
        text = palette.color(QPalette.ColorRole.WindowText)
        back = palette.color(QPalette.ColorRole.Window)
        dark = back.lightnessF() < 0.5
        if dark:
            ink = _mix(back, BLACK, 0.55)  # dark outlines round a light figure
            body, warm, arrow = BODY_ON_DARK, WARM_ON_DARK, ARROW_ON_DARK
        else:
            ink = _mix(text, back, 0.08)
            body, warm, arrow = BODY_ON_LIGHT, WARM_ON_LIGHT, ARROW_ON_LIGHT
        return cls(
            ink=ink,
            near=body,
            far_ink=_mix(ink, back, 0.35),
            far=_mix(body, back, 0.42 if dark else 0.62),
            highlight=warm,
            ghost=_mix(text, back, 0.62),
            ghost_fill=_mix(text, back, 0.9),
            arrow=arrow,
            halo=back,
            floor=_mix(text, back, 0.5),
            floor_fill=_mix(text, back, 0.93),
            prop=_mix(text, back, 0.8),
            prop_edge=_mix(text, back, 0.45),
            wall=_mix(text, back, 0.86),
            mat=_mix(MAT_TINT, back, 0.55),
        )

    @classmethod
    def print(cls) -> FigureColors:
        """Black line art on white for printed cards: no grey areas at all."""
        return cls(
            ink=BLACK,
            near=WHITE,
            far_ink=LINE_GREY,
            far=WHITE,
            highlight=BLACK,  # drawn as hatching
            ghost=LINE_GREY,
            ghost_fill=None,
            arrow=BLACK,
            halo=WHITE,
            floor=BLACK,
            floor_fill=WHITE,
            prop=WHITE,
            prop_edge=BLACK,
            wall=WHITE,
            mat=LINE_GREY,
            background=WHITE,
            line_art=True,
        )


def _mix(a: QColor, b: QColor, towards_b: float) -> QColor:
    k = min(1.0, max(0.0, towards_b))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * k,
        a.greenF() + (b.greenF() - a.greenF()) * k,
        a.blueF() + (b.blueF() - a.blueF()) * k,
    )


def mix(a: QColor, b: QColor, towards_b: float) -> QColor:
    """`a` moved `towards_b` (0..1) of the way to `b`, opaque."""
    return _mix(a, b, towards_b)


def luminance(color: QColor) -> float:
    """WCAG relative luminance."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1..21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
