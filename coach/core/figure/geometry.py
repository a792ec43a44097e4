"""Small 3-D vector and rotation helpers for the stick figure, plus the view
that projects the figure's world onto the page.

World axes: x forward (the way the figure faces before any mirror), y up,
z toward the viewer (the figure's right side). Rotations are 3x3 matrices
stored row-major as 9-tuples: pure Python, fast enough for 60 frames a second.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Vec = tuple[float, float, float]
Mat = tuple[float, float, float, float, float, float, float, float, float]

IDENTITY: Mat = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)


def rot_x(deg: float) -> Mat:
    """Rotation about the forward axis (tips the up axis toward +z)."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (1.0, 0.0, 0.0, 0.0, c, -s, 0.0, s, c)


def rot_y(deg: float) -> Mat:
    """Rotation about the vertical axis (turns forward toward -z)."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c, 0.0, s, 0.0, 1.0, 0.0, -s, 0.0, c)


def rot_z(deg: float) -> Mat:
    """Rotation in the side-view plane, counter-clockwise as seen from +z."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c, -s, 0.0, s, c, 0.0, 0.0, 0.0, 1.0)


def mul(a: Mat, b: Mat) -> Mat:
    return (
        a[0] * b[0] + a[1] * b[3] + a[2] * b[6],
        a[0] * b[1] + a[1] * b[4] + a[2] * b[7],
        a[0] * b[2] + a[1] * b[5] + a[2] * b[8],
        a[3] * b[0] + a[4] * b[3] + a[5] * b[6],
        a[3] * b[1] + a[4] * b[4] + a[5] * b[7],
        a[3] * b[2] + a[4] * b[5] + a[5] * b[8],
        a[6] * b[0] + a[7] * b[3] + a[8] * b[6],
        a[6] * b[1] + a[7] * b[4] + a[8] * b[7],
        a[6] * b[2] + a[7] * b[5] + a[8] * b[8],
    )


def apply(m: Mat, v: Vec) -> Vec:
    return (
        m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
        m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
        m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
    )


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def offset(origin: Vec, frame: Mat, local: Vec) -> Vec:
    """The point `local` (in `frame`'s axes) seen from `origin`."""
    return add(origin, apply(frame, local))


def distance(a: Vec, b: Vec) -> float:
    return math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2)


def turn_about(point: Vec, centre: Vec, cos_a: float, sin_a: float) -> Vec:
    """`point` turned about the z-axis through `centre` (side-view plane)."""
    dx, dy = point[0] - centre[0], point[1] - centre[1]
    return (centre[0] + dx * cos_a - dy * sin_a, centre[1] + dx * sin_a + dy * cos_a, point[2])


@dataclass(frozen=True)
class View:
    """Where the camera stands: `elevation` degrees above the floor (0 = a pure
    side view, 90 = straight down) and `azimuth` degrees round to the figure's
    front (0 = square to its side). Projection is orthographic, in metres."""

    elevation: float = 0.0
    azimuth: float = 0.0

    def __post_init__(self) -> None:
        a, e = math.radians(self.azimuth), math.radians(self.elevation)
        object.__setattr__(self, "_k", (math.cos(a), math.sin(a), math.cos(e), math.sin(e)))

    @property
    def is_side(self) -> bool:
        return self.elevation == 0.0 and self.azimuth == 0.0

    def project(self, v: Vec) -> tuple[float, float]:
        ca, sa, ce, se = self._k  # type: ignore[attr-defined]
        x1 = v[0] * ca - v[2] * sa
        z1 = v[0] * sa + v[2] * ca
        return (x1, v[1] * ce - z1 * se)

    def depth(self, v: Vec) -> float:
        """Distance toward the camera: larger is nearer."""
        ca, sa, ce, se = self._k  # type: ignore[attr-defined]
        z1 = v[0] * sa + v[2] * ca
        return z1 * ce + v[1] * se
