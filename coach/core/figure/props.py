"""Props the figure uses (chair, wall, doorway, ball, mat, foam roller) as
simple solids: the figure rests on their surfaces, must never pass through
them, and the painter draws their outlines.

Positions are metres along the floor from the figure's anchor, before any
mirror. A chair's `x` is the front edge of its seat and it faces +x (flip
turns it round); a wall's `x` is its face, the wall standing beyond it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from coach.core.figure.geometry import Vec
from coach.core.vocabulary import PropKind

KINDS = tuple(PropKind)
SEAT_TOP, SEAT_DEPTH, BACK_TOP = 0.46, 0.42, 0.90
BALL_RADIUS, ROLLER_RADIUS = 0.33, 0.075
MAT_TOP = 0.012
WALL_THICK, WALL_TOP = 0.12, 2.3
DOOR = (0.0, 0.85, 2.05)  # opening from z=0 to z=0.85 (the viewer's side), 2.05 m tall


@dataclass(frozen=True)
class Box:
    x0: float
    x1: float
    y0: float
    y1: float
    z0: float
    z1: float

    def depth_inside(self, p: Vec) -> float:
        """How far `p` is inside (0 or less: outside or on the surface)."""
        return min(
            p[0] - self.x0,
            self.x1 - p[0],
            p[1] - self.y0,
            self.y1 - p[1],
            p[2] - self.z0,
            self.z1 - p[2],
        )

    def corners(self) -> list[Vec]:
        return [
            (x, y, z)
            for x in (self.x0, self.x1)
            for y in (self.y0, self.y1)
            for z in (self.z0, self.z1)
        ]


@dataclass(frozen=True)
class Round:
    """A ball (z0 == z1 == centre z) or a roller lying across the view (z0 < z1)."""

    cx: float
    cy: float
    radius: float
    z0: float = 0.0
    z1: float = 0.0

    def depth_inside(self, p: Vec) -> float:
        if self.z0 == self.z1:  # sphere
            return self.radius - math.dist(p, (self.cx, self.cy, self.z0))
        along = min(p[2] - self.z0, self.z1 - p[2])
        return min(along, self.radius - math.hypot(p[0] - self.cx, p[1] - self.cy))

    def top_at(self, x: float) -> float | None:
        dx = x - self.cx
        if abs(dx) >= self.radius:
            return None
        return self.cy + math.sqrt(self.radius**2 - dx * dx)


Solid = Box | Round


@dataclass(frozen=True)
class Prop:
    kind: PropKind
    x: float = 0.0
    flip: bool = False
    length: float = 1.9  # mats only

    def solids(self) -> tuple[Solid, ...]:
        return tuple(solid for _, solid in self.parts())

    def parts(self) -> tuple[tuple[str, Solid], ...]:
        """The solids with how each is drawn: 'mat', 'wall' or 'prop'."""
        k, x = self.kind, self.x
        if k == "chair":
            return tuple(("prop", b) for b in _chair(x, -1.0 if self.flip else 1.0))
        if k in ("wall", "doorway"):
            x0, x1 = (x - WALL_THICK, x) if self.flip else (x, x + WALL_THICK)
            if k == "wall":
                return (("wall", Box(x0, x1, 0.0, WALL_TOP, -1.2, 1.2)),)
            lo, hi, top = DOOR
            frame = (x0 - 0.025, x1 + 0.025)  # the door frame stands proud of the wall
            return (
                ("wall", Box(x0, x1, 0.0, WALL_TOP, -0.9, lo)),
                ("wall", Box(x0, x1, 0.0, WALL_TOP, hi, hi + 0.5)),
                ("wall", Box(x0, x1, top, WALL_TOP, lo, hi)),
                ("prop", Box(*frame, 0.0, top + 0.06, lo - 0.06, lo)),
                ("prop", Box(*frame, 0.0, top + 0.06, hi, hi + 0.06)),
                ("prop", Box(*frame, top, top + 0.06, lo, hi)),
            )
        if k == "ball":
            return (("prop", Round(x, BALL_RADIUS, BALL_RADIUS)),)
        if k == "foam-roller":
            return (("prop", Round(x, ROLLER_RADIUS, ROLLER_RADIUS, -0.45, 0.45)),)
        if k == "mat":
            return (
                ("mat", Box(x - self.length / 2, x + self.length / 2, 0.0, MAT_TOP, -0.32, 0.32)),
            )
        raise ValueError(f"unknown prop {k!r}")

    @property
    def keeps_in_view(self) -> bool:
        """Small props are framed whole; walls and mats may run off the picture."""
        return self.kind in ("chair", "ball", "foam-roller")


def _chair(front: float, facing: float) -> tuple[Solid, ...]:
    def span(a: float, b: float) -> tuple[float, float]:
        lo, hi = front - facing * a, front - facing * b
        return (min(lo, hi), max(lo, hi))

    seat = Box(*span(0.0, SEAT_DEPTH), SEAT_TOP - 0.04, SEAT_TOP, -0.22, 0.22)
    back = Box(*span(SEAT_DEPTH - 0.035, SEAT_DEPTH), SEAT_TOP, BACK_TOP, -0.22, 0.22)
    legs = tuple(
        Box(*span(a, a + 0.03), 0.0, SEAT_TOP - 0.04, z, z + 0.03)
        for a in (0.0, SEAT_DEPTH - 0.03)
        for z in (-0.22, 0.19)
    )
    return (seat, back, *legs)


class Scene:
    """The surfaces around the figure: the floor plus its props."""

    def __init__(self, props: tuple[Prop, ...]) -> None:
        self.props = props
        self.solids = tuple(s for p in props for s in p.solids())
        self._mats = tuple(
            m for p in props if p.kind == "mat" for m in p.solids() if isinstance(m, Box)
        )

    def floor_at(self, x: float, z: float = 0.0) -> float:
        """The floor's height at `x` (and `z` across the view): a mat's top where it lies."""
        for m in self._mats:
            if m.x0 <= x <= m.x1 and m.z0 <= z <= m.z1:
                return MAT_TOP
        return 0.0

    def top_at(self, x: float, on: str = "any", z: float = 0.0) -> float:
        """Height of the surface something at `x` rests on (`on`: 'any', 'floor' or a prop kind)."""
        best = self.floor_at(x, z)
        if on == "floor":
            return best
        for prop in self.props:
            if on not in ("any", prop.kind) or prop.kind == "mat":
                continue
            for solid in prop.solids():
                top = (
                    solid.top_at(x)
                    if isinstance(solid, Round)
                    else (solid.y1 if solid.x0 <= x <= solid.x1 and prop.kind == "chair" else None)
                )
                if top is not None:
                    best = max(best, top)
        return best

    def gap(self, p: Vec, on: str) -> float:
        """Signed distance from `p` to the surface it should touch (negative: inside)."""
        if on == "floor":
            return p[1] - self.floor_at(p[0], p[2])
        if on in ("wall", "doorway"):
            for prop in self.props:
                if prop.kind in ("wall", "doorway"):
                    face = prop.x
                    return (p[0] - face) if prop.flip else (face - p[0])
            return 1.0
        if on in ("ball", "foam-roller"):
            for solid in self.solids:
                if isinstance(solid, Round) and (solid.radius == BALL_RADIUS) == (on == "ball"):
                    return math.hypot(p[0] - solid.cx, p[1] - solid.cy) - solid.radius
        return p[1] - self.top_at(p[0], on, p[2])
