"""The figure at any moment of an exercise: `pose_at(exercise, phase, t)`.

Keyframe angles are eased along the shorter arc, scaled by the rep's depth,
breathed through the hold, placed on their supports, mirrored for the left
side and projected for drawing. Plain Python: no Qt here.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.core.errors import CoachError
from coach.core.figure.animation import Animation, Keyframe, parse_animation
from coach.core.figure.easing import arc, blend, ease
from coach.core.figure.geometry import Vec
from coach.core.figure.placement import Support, place
from coach.core.figure.props import Solid
from coach.core.figure.roots import FEET
from coach.core.figure.skeleton import HEAD_RADIUS, forward_kinematics
from coach.core.figure.stage import Point2, Shape, Stage, stage_for
from coach.core.figure.walk import walk_angles

if TYPE_CHECKING:
    from coach.core.catalog.loader import Exercise

__all__ = [
    "PHASES",
    "Pose",
    "Shape",
    "animation_of",
    "checked_animation",
    "parse_animation",
    "pose_at",
]

PHASES = ("start", "move", "hold", "release", "walk")
BREATH_S = 5.5  # one slow breath
BREATH = {"thoracic": -2.5, "lumbar": 0.8, "neck": 1.5, "shoulder_near": 1.5, "shoulder_far": 1.5}
WALK_SUPPORT = Support(FEET, anchor="pelvis")


@dataclass(frozen=True)
class Pose:
    """One drawable frame. `points` are the joints in metres as drawn (x right,
    y up, the floor at y=0 in a side view); `world` the same joints in 3-D
    (x forward after the mirror, y up from the floor, z toward the viewer).
    Joint names are those of `coach.core.figure.skeleton`: pelvis, waist, chest,
    neck, head, and shoulder/elbow/hand/hip/knee/ankle/heel/toe with _near or
    _far, plus surface points such as seat, sacrum and forehead."""

    points: Mapping[str, Point2]
    world: Mapping[str, Vec]
    props: tuple[Shape, ...]
    floor: tuple[Point2, ...]  # two points: a line; more: the floor seen from above
    highlight: tuple[tuple[Point2, Point2], ...]
    areas: tuple[str, ...]
    glow: float  # 0..1, how strongly the highlighted area shows now
    frame: tuple[float, float, float, float]  # x0, y0, x1, y1 to keep in view
    solids: tuple[Solid, ...]  # the props in world coordinates
    root: str
    still: bool  # True when the pose no longer changes as t grows


def pose_at(
    exercise: Exercise,
    phase: str,
    t: float,
    *,
    side: str | None = "left",
    depth: float = 1.0,
    phase_length: float | None = None,
) -> Pose:
    """The figure `t` seconds into `phase` (start, move, hold, release, walk).

    `side` 'left' mirrors the figure: it then faces left and its near (darker)
    limbs are its left ones, the side being stretched; 'right' or None shows
    it as written. `depth` 0..1 (deeper each rep) scales how far the move and
    hold go into the stretch. With `phase_length` the move and release
    keyframes stretch to fill the phase and the hold's breath fades out
    before it ends."""
    stage = stage_for(exercise, animation_of(exercise))
    anim = stage.animation
    t = max(0.0, t)
    if phase == "walk":
        points = place(forward_kinematics(walk_angles(t)), WALK_SUPPORT, stage.empty)
        return stage.pose(
            Pose,
            points,
            side == "left",
            glow=0.0,
            still=False,
            frame=_frame(stage, True),
            walking=True,
        )
    if phase not in PHASES:
        raise CoachError(
            f"There is no phase called '{phase}'; use start, move, hold, release or walk."
        )
    angles, glow, still = _angles(anim, phase, t, depth, phase_length)
    points = place(forward_kinematics(angles), anim.support, stage.scene)
    return stage.pose(
        Pose,
        points,
        side == "left",
        glow=glow,
        still=still,
        frame=_frame(stage, stage.exercise.walk_between_reps),
    )


def animation_of(exercise: Exercise) -> Animation:
    from coach.core.figure.stage import generic_animation

    anim = exercise.animation
    if isinstance(anim, Animation):
        return anim
    if isinstance(anim, Mapping):
        return _parsed(exercise.id, anim)
    return generic_animation(exercise.position)


_PARSED: dict[int, tuple[Mapping, Animation]] = {}


def _parsed(ex_id: str, table: Mapping) -> Animation:
    hit = _PARSED.get(id(table))
    if hit is None or hit[0] is not table:
        hit = (table, parse_animation(f"{ex_id}.toml", table))
        _PARSED[id(table)] = hit
    return hit[1]


def checked_animation(file_name: str, table: Mapping | None) -> Mapping | None:
    """The catalog's hook: validate an [animation] table when the file loads
    (CatalogError naming file and field) and keep its parse for `pose_at`;
    the exercise keeps the table itself."""
    if table is not None:
        _PARSED[id(table)] = (table, parse_animation(file_name, table))
    return table


def _angles(
    anim: Animation, phase: str, t: float, depth: float, length: float | None
) -> tuple[dict[str, float], float, bool]:
    start = anim.start.angles
    scale = anim.depth_min + (1.0 - anim.depth_min) * min(1.0, max(0.0, depth))

    deepen = anim.deepen

    def deep(frame: Keyframe) -> dict[str, float]:
        return {
            k: start[k] + arc(start[k], v) * (scale if not deepen or k in deepen else 1.0)
            for k, v in frame.angles.items()
        }

    if phase == "start":
        return dict(start), 0.35, True
    hold = deep(anim.hold)
    if phase == "hold":
        breath = math.sin(2 * math.pi * t / BREATH_S) * _envelope(t, length)
        for name, amount in BREATH.items():
            hold[name] += amount * breath
        return hold, 0.8 + 0.2 * breath, False
    if phase == "move":
        path = [(dict(start), None), *((deep(k), k) for k in anim.moves), (hold, anim.hold)]
    else:
        path = [(hold, None), *((deep(k), k) for k in anim.releases), (dict(start), anim.start)]
    angles, progress, still = _along(path, t, length)
    glow = 0.35 + 0.65 * (progress if phase == "move" else 1.0 - progress)
    return angles, glow, still


def _along(
    path: list[tuple[dict[str, float], Keyframe | None]], t: float, length: float | None
) -> tuple[dict[str, float], float, bool]:
    """Angles `t` seconds along a chain of keyframes; each key's duration is
    the time to reach it, stretched so the whole chain fits `length`."""
    total = sum(k.duration for _, k in path[1:] if k is not None)
    stretch = length / total if length and total > 0 else 1.0
    elapsed = 0.0
    for (a, _), (b, key) in itertools.pairwise(path):
        assert key is not None
        span = key.duration * stretch
        if t < elapsed + span:
            u = ease(key.ease, (t - elapsed) / span)
            return blend(a, b, u), (elapsed + u * span) / (total * stretch), False
        elapsed += span
    return dict(path[-1][0]), 1.0, True


def _envelope(t: float, length: float | None) -> float:
    """Breathing fades in after the hold starts and out before it ends, so the
    hold joins the move and release without a jump."""
    ramp = 1.5
    env = min(1.0, t / ramp)
    if length:
        env = min(env, max(0.0, (length - t) / ramp))
    return env


def _frame(stage: Stage, walking: bool) -> tuple[float, float, float, float]:
    """The part of the world to keep in view for this exercise (unmirrored):
    every pose it passes through, its small props and the floor below."""
    if walking in stage.frames:
        return stage.frames[walking]
    anim = stage.animation
    project = anim.view.project
    samples: list[dict[str, Vec]] = []
    fractions = tuple(i / 8 for i in range(1, 9))  # of a phase stretched to 1 s
    for depth in (0.0, 1.0):
        for phase, times, length in (
            ("start", (0.0,), None),
            ("move", fractions, 1.0),
            ("hold", (0.0, BREATH_S / 4, BREATH_S * 0.75), None),
            ("release", fractions, 1.0),
        ):
            for t in times:
                angles = _angles(anim, phase, t, depth, length)[0]
                samples.append(place(forward_kinematics(angles), anim.support, stage.scene))
    if walking:
        samples += [
            place(forward_kinematics(walk_angles(i * 0.15)), WALK_SUPPORT, stage.empty)
            for i in range(8)
        ]
    xs: list[float] = []
    ys: list[float] = [-0.06]
    for points in samples:
        for name, p in points.items():
            x, y = project(p)
            grow = HEAD_RADIUS if name == "head" else 0.0
            xs += (x - grow, x + grow)
            ys += (y - grow, y + grow)
    for shape in stage.shapes:
        if shape.framed:
            for x, y in shape.points or (
                (shape.centre[0] - shape.radius, shape.centre[1] - shape.radius),
                (shape.centre[0] + shape.radius, shape.centre[1] + shape.radius),
            ):
                xs.append(x)
                ys.append(y)
    m = 0.12
    frame = (min(xs) - m, min(ys) - m / 2, max(xs) + m, max(ys) + m)
    stage.frames[walking] = frame
    return frame
