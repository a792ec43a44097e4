"""What stays the same while one exercise plays: its animation, its props as
solids and as projected outlines, the floor, and the area to highlight.
Built once per exercise and cached."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coach.core.figure.animation import Animation, Keyframe
from coach.core.figure.geometry import Vec, View
from coach.core.figure.props import Box, Prop, Round, Scene, Solid
from coach.core.figure.roots import AREAS, POSITION_ROOT, ROOTS, prop_from

if TYPE_CHECKING:
    from coach.core.catalog.loader import Exercise

Point2 = tuple[float, float]

# Words in an exercise's targets that name an area to highlight.
TARGET_WORDS = (
    ("lower back", "lower_back"),
    ("spine", "lower_back"),
    ("upper back", "upper_back"),
    ("hamstring", "hamstring_near"),
    ("back of the thigh", "hamstring_near"),
    ("buttock", "glutes"),
    ("glute", "glutes"),
    ("hip flexor", "hip_near"),
    ("front of the hip", "hip_near"),
    ("abdominal", "core"),
    ("core", "core"),
)


@dataclass(frozen=True)
class Shape:
    """A prop outline as drawn: a polygon or a circle, in metres."""

    kind: str  # 'polygon' or 'circle'
    style: str  # 'mat', 'wall' or 'prop'
    points: tuple[Point2, ...] = ()
    centre: Point2 = (0.0, 0.0)
    radius: float = 0.0
    framed: bool = False  # the picture is framed to show it whole

    def mirrored(self) -> Shape:
        return Shape(
            self.kind,
            self.style,
            tuple((-x, y) for x, y in self.points),
            (-self.centre[0], self.centre[1]),
            self.radius,
            self.framed,
        )


@dataclass
class Stage:
    exercise: Any
    animation: Animation
    props: tuple[Prop, ...]
    areas: tuple[str, ...]
    scene: Scene = field(init=False)
    empty: Scene = field(init=False)
    shapes: tuple[Shape, ...] = field(init=False)
    floor: tuple[Point2, ...] = field(init=False)
    frames: dict[bool, tuple[float, float, float, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.scene, self.empty = Scene(self.props), Scene(())
        view = self.animation.view
        order = {"mat": 0, "wall": 1, "prop": 2}
        shapes = [
            _shape(style, s, view, p.keeps_in_view) for p in self.props for style, s in p.parts()
        ]
        self.shapes = tuple(sorted(shapes, key=lambda s: order[s.style]))
        if view.elevation == 0:
            self.floor = ((-20.0, 0.0), (20.0, 0.0))
        else:
            self.floor = tuple(
                view.project((x, 0.0, z)) for x, z in ((-4, -1.2), (4, -1.2), (4, 1.2), (-4, 1.2))
            )

    def pose(
        self,
        cls: type,
        points: dict[str, Vec],
        mirror: bool,
        *,
        glow: float,
        still: bool,
        frame: tuple[float, float, float, float],
        walking: bool = False,
    ) -> Any:
        project = self.animation.view.project
        sign = -1.0 if mirror else 1.0
        flat = {}
        for name, p in points.items():
            x, y = project(p)
            flat[name] = (sign * x, y)
        world = {n: (sign * x, y, z) for n, (x, y, z) in points.items()} if mirror else points
        shapes = (
            () if walking else (tuple(s.mirrored() for s in self.shapes) if mirror else self.shapes)
        )
        solids = (
            () if walking else tuple(_mirror_solid(s) if mirror else s for s in self.scene.solids)
        )
        areas = () if walking else self.areas
        glow_lines = tuple((flat[a], flat[b]) for area in areas for a, b in AREAS[area])
        floor = tuple((sign * x, y) for x, y in self.floor)
        if mirror:
            frame = (-frame[2], frame[1], -frame[0], frame[3])
        return cls(
            flat,
            world,
            shapes,
            floor,
            glow_lines,
            areas,
            glow,
            frame,
            solids,
            self.animation.root,
            still,
        )


def _shape(style: str, solid: Solid, view: View, framed: bool) -> Shape:
    if isinstance(solid, Round) and solid.z0 == solid.z1:
        return Shape(
            "circle",
            style,
            centre=view.project((solid.cx, solid.cy, solid.z0)),
            radius=solid.radius,
            framed=framed,
        )
    if isinstance(solid, Box):
        corners = solid.corners()
    else:
        corners = [
            (solid.cx + solid.radius * math.cos(a), solid.cy + solid.radius * math.sin(a), z)
            for z in (solid.z0, solid.z1)
            for a in (i * math.pi / 12 for i in range(24))
        ]
    return Shape("polygon", style, _hull([view.project(c) for c in corners]), framed=framed)


def _hull(points: list[Point2]) -> tuple[Point2, ...]:
    """Convex hull (monotone chain), counter-clockwise."""
    pts = sorted(set((round(x, 6), round(y, 6)) for x, y in points))
    if len(pts) <= 2:
        return tuple(pts)

    def cross(o: Point2, a: Point2, b: Point2) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point2] = []
    upper: list[Point2] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return tuple(lower[:-1] + upper[:-1])


def _mirror_solid(s: Solid) -> Solid:
    if isinstance(s, Box):
        return Box(-s.x1, -s.x0, s.y0, s.y1, s.z0, s.z1)
    return Round(-s.cx, s.cy, s.radius, s.z0, s.z1)


@functools.cache
def generic_animation(position: str) -> Animation:
    """A plain figure in the exercise's position, for files without [animation]."""
    root = POSITION_ROOT.get(position, "stand")
    base = ROOTS[root]
    nod = dict(base.angles, neck=base.angles["neck"] + (-12.0 if root == "lie_front" else 12.0))
    return Animation(
        root,
        View(),
        None,
        (),
        0.6,
        (),
        base.support,
        Keyframe("start", 2.0, "in_out", base.angles),
        (),
        Keyframe("hold", 2.0, "in_out", nod),
        (),
    )


def _areas(exercise: Any, anim: Animation) -> tuple[str, ...]:
    if anim.highlight:
        return anim.highlight
    text = " ".join(getattr(exercise, "targets", ())).lower()
    found = [area for word, area in TARGET_WORDS if word in text]
    return tuple(dict.fromkeys(found))


def _props(exercise: Any, anim: Animation) -> tuple[Prop, ...]:
    if anim.props is not None:
        return anim.props
    kinds = list(getattr(exercise, "props", ()))
    if "doorway" in kinds and "wall" in kinds:
        kinds.remove("wall")  # the doorway is a gap in its own wall
    if anim.root == "sit_chair" and "chair" not in kinds:
        kinds.append("chair")  # sitting needs something to sit on
    return tuple(prop_from(k, anim.root) for k in kinds)


_STAGES: dict[int, tuple[Any, Animation, Stage]] = {}


def stage_for(exercise: Exercise, anim: Animation) -> Stage:
    hit = _STAGES.get(id(exercise))
    if hit is None or hit[0] is not exercise or hit[1] is not anim:
        stage = Stage(exercise, anim, _props(exercise, anim), _areas(exercise, anim))
        hit = (exercise, anim, stage)
        _STAGES[id(exercise)] = hit
    return hit[2]
