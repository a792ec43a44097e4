"""What stays the same while one exercise plays: its animation, its props as
solids and as projected outlines, the floor, and the area to highlight.

`Stage.of(exercise)` builds it from what the figure reads of an exercise
(`Figured`); whoever owns the exercise keeps it (the catalog's Exercise as a
cached property), so it is built once per exercise.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from coach.core.figure.animation import Animation, Keyframe
from coach.core.figure.geometry import View
from coach.core.figure.props import Box, Prop, Round, Scene, Solid
from coach.core.figure.roots import POSITION_ROOT, ROOTS, prop_from
from coach.core.figure.solve import Solver
from coach.core.vocabulary import PosePhase, Position, PropKind

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


class Figured(Protocol):
    """What the figure reads from an exercise (the catalog's Exercise is one)."""

    @property
    def position(self) -> Position: ...
    @property
    def props(self) -> Sequence[PropKind]: ...
    @property
    def targets(self) -> Sequence[str]: ...
    @property
    def walk_between_reps(self) -> bool: ...
    @property
    def animation(self) -> Animation | None: ...


class Staged(Protocol):
    """Something drawn as a figure: it keeps its stage, built once with `Stage.of`."""

    @property
    def stage(self) -> Stage: ...


@dataclass
class Stage:
    animation: Animation
    props: tuple[Prop, ...]
    areas: tuple[str, ...]
    walks: bool  # the exercise walks between reps: its frame makes room for the walk
    scene: Scene = field(init=False)
    empty: Scene = field(init=False)
    shapes: tuple[Shape, ...] = field(init=False)
    floor: tuple[Point2, ...] = field(init=False)
    solver: Solver = field(init=False)
    # Cached framing: per keyframe index, and "walk"; filled by poses.py.
    frames: dict[int | str, tuple[float, float, float, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.scene, self.empty = Scene(self.props), Scene(())
        anim = self.animation
        self.solver = Solver(
            anim.support, self.scene, balance=anim.balance, flat_feet=anim.flat_feet
        )
        view = self.animation.view
        order = {"mat": 0, "wall": 1, "prop": 2}
        shapes = [
            shape
            for p in self.props
            for style, s in p.parts()
            for shape in _shapes(style, s, view, p.keeps_in_view)
        ]
        self.shapes = tuple(sorted(shapes, key=lambda s: order[s.style]))
        if view.elevation == 0:
            self.floor = ((-20.0, 0.0), (20.0, 0.0))
        else:
            # Seen from low down, the floor's far edge lies just behind the body,
            # so it does not run through the figure as a horizon; its near edge
            # lies well out of the picture, so the floor never ends in a step
            # that reads as a bench or a table top.
            far = -1.2 if view.elevation >= 45 else -0.45
            a = math.radians(view.azimuth)
            ca, sa = math.cos(a), math.sin(a)  # across the view, and toward the camera
            self.floor = tuple(
                view.project((u * ca + d * sa, 0.0, -u * sa + d * ca))
                for u, d in ((-4, far), (4, far), (4, 8.0), (-4, 8.0))
            )

    @classmethod
    def of(cls, exercise: Figured) -> Stage:
        """The stage for `exercise`; its own animation, or a plain figure in its position."""
        anim = exercise.animation
        if anim is None:
            anim = generic_animation(exercise.position)
        return cls(
            anim,
            _props(exercise.props, anim),
            _areas(exercise.targets, anim),
            exercise.walk_between_reps,
        )


def _shapes(style: str, solid: Solid, view: View, framed: bool) -> tuple[Shape, ...]:
    """A solid's outline; a roller's also its near end, drawn over it as a
    circle so it reads as a cylinder seen end-on, not as a slanted bar."""
    if isinstance(solid, Round):
        near = max(solid.z0, solid.z1, key=lambda z: view.depth((solid.cx, solid.cy, z)))
        cap = Shape(
            "circle",
            style,
            centre=view.project((solid.cx, solid.cy, near)),
            radius=solid.radius,
            framed=framed,
        )
        if solid.z0 == solid.z1:
            return (cap,)
        return (_shape(style, solid, view, framed), cap)
    return (_shape(style, solid, view, framed),)


def _shape(style: str, solid: Solid, view: View, framed: bool) -> Shape:
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


@functools.cache
def generic_animation(position: Position) -> Animation:
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
        Keyframe(PosePhase.START, 2.0, "in_out", base.angles),
        (),
        Keyframe(PosePhase.HOLD, 2.0, "in_out", nod),
        (),
    )


def _areas(targets: Sequence[str], anim: Animation) -> tuple[str, ...]:
    if anim.highlight:
        return anim.highlight
    text = " ".join(targets).lower()
    found = [area for word, area in TARGET_WORDS if word in text]
    return tuple(dict.fromkeys(found))


def _props(kinds: Sequence[PropKind], anim: Animation) -> tuple[Prop, ...]:
    if anim.props is not None:
        return anim.props
    wanted = list(kinds)
    if PropKind.DOORWAY in wanted and PropKind.WALL in wanted:
        wanted.remove(PropKind.WALL)  # the doorway is a gap in its own wall
    if anim.root == "sit_chair" and PropKind.CHAIR not in wanted:
        wanted.append(PropKind.CHAIR)  # sitting needs something to sit on
    return tuple(prop_from(k, anim.root) for k in wanted)
