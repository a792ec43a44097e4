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
# The start pose's ghost: a dashed outline in a pale cool blue-grey, never
# filled, so it cannot be taken for a (solid, body-coloured) far limb.
GHOST_ON_LIGHT, GHOST_ON_DARK = QColor(120, 150, 190), QColor(140, 170, 210)
LINE_GREY = QColor(110, 110, 110)  # print: far limbs' outline, the mat
GHOST_GREY = QColor(165, 165, 165)  # print: the ghost's dashes, paler than any limb
WHITE, BLACK = QColor(255, 255, 255), QColor(0, 0, 0)


@dataclass(frozen=True)
class FigureColors:
    """`near`/`far` fill the limbs facing the viewer and those away from it
    (the trunk and head take `near`; `far` is a lighter shade of the same
    body colour); `ink`/`far_ink` outline them. The `ghost` is an outline
    only (dashed, cool tint, no fill): it must never look like a far limb.
    `highlight` tints the stretched area on the body. `line_art` (print)
    draws props as outlines and the highlight as hatching instead of a fill."""

    ink: QColor
    near: QColor
    far_ink: QColor
    far: QColor
    highlight: QColor
    ghost: QColor  # the start pose's dashed outline; never filled
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
            far_ink=ink,  # the same outline as the near limbs: a solid body part
            far=_mix(body, WHITE, 0.45) if not dark else _mix(body, back, 0.3),
            highlight=warm,
            ghost=_mix(GHOST_ON_DARK if dark else GHOST_ON_LIGHT, back, 0.15),
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
            far_ink=LINE_GREY,  # far limbs in a solid grey line, the ghost dashed
            far=WHITE,
            highlight=BLACK,  # drawn as hatching
            ghost=GHOST_GREY,  # dashed
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
