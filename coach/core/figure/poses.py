"""The figure at any moment of an exercise: `pose_at(exercise, phase, t)`.

Keyframe angles are eased along the shorter arc, scaled by the rep's depth,
breathed through the hold, placed on their supports, mirrored to face the
side being stretched and projected for drawing. Plain Python: no Qt here.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass

from coach.core.errors import CoachError
from coach.core.figure.animation import Animation, Keyframe
from coach.core.figure.easing import arc, blend, ease
from coach.core.figure.geometry import Vec
from coach.core.figure.placement import Support, place
from coach.core.figure.props import Box, Round, Solid
from coach.core.figure.roots import AREAS, FEET
from coach.core.figure.skeleton import HEAD_RADIUS, forward_kinematics
from coach.core.figure.stage import Point2, Shape, Stage, Staged
from coach.core.figure.walk import walk_angles
from coach.core.vocabulary import PosePhase, Side, facing

__all__ = ["BREATH_S", "PHASES", "Pose", "Shape", "pose_at"]

PHASES = tuple(PosePhase)
BREATH_S = 5.5  # one slow breath
BREATH = {"thoracic": -2.5, "lumbar": 0.8, "neck": 1.5, "shoulder_near": 1.5, "shoulder_far": 1.5}
WALK_SUPPORT = Support(FEET, anchor="pelvis")
Frame = tuple[float, float, float, float]  # x0, y0, x1, y1


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
    frame: Frame  # to keep in view
    solids: tuple[Solid, ...]  # the props in world coordinates
    root: str
    still: bool  # True when the pose no longer changes as t grows
    facing: Side  # which way the figure faces on the page (left: drawn mirrored)


def pose_at(
    exercise: Staged,
    phase: PosePhase | str,
    t: float,
    *,
    side: Side | None = None,
    depth: float = 1.0,
    phase_length: float | None = None,
) -> Pose:
    """The figure `t` seconds into `phase` (start, move, hold, release, walk).

    `side` is the side being stretched, or None for a symmetric exercise,
    which faces the one way `vocabulary.facing` gives for every drawing. The
    figure is written facing right; facing left it is mirrored, and its near
    (darker) limbs are its left ones, the side being stretched. `depth` 0..1
    (deeper each rep) scales how far the move and hold go into the stretch.
    With `phase_length` the move and release keyframes stretch to fill the
    phase and the hold's breath fades out before it ends."""
    stage = exercise.stage
    anim = stage.animation
    faces = facing(side)
    t = max(0.0, t)
    if phase == PosePhase.WALK:
        points = place(forward_kinematics(walk_angles(t)), WALK_SUPPORT, stage.empty)
        return _drawn(
            stage, points, faces, glow=0.0, still=False, frame=_frame(stage, True), walking=True
        )
    if phase not in PHASES:
        raise CoachError(
            f"There is no phase called '{phase}'; use start, move, hold, release or walk."
        )
    angles, glow, still = _angles(anim, PosePhase(phase), t, depth, phase_length)
    points = place(forward_kinematics(angles), anim.support, stage.scene)
    return _drawn(stage, points, faces, glow=glow, still=still, frame=_frame(stage, stage.walks))


def _drawn(
    stage: Stage,
    points: dict[str, Vec],
    faces: Side,
    *,
    glow: float,
    still: bool,
    frame: Frame,
    walking: bool = False,
) -> Pose:
    """The placed joints projected and, facing left, mirrored, with the stage's
    props, floor and highlight."""
    mirror = faces is Side.LEFT
    project = stage.animation.view.project
    sign = -1.0 if mirror else 1.0
    flat: dict[str, Point2] = {}
    for name, p in points.items():
        x, y = project(p)
        flat[name] = (sign * x, y)
    world = {n: (sign * x, y, z) for n, (x, y, z) in points.items()} if mirror else points
    shapes = (
        () if walking else (tuple(s.mirrored() for s in stage.shapes) if mirror else stage.shapes)
    )
    solids = () if walking else tuple(_mirror_solid(s) if mirror else s for s in stage.scene.solids)
    areas = () if walking else stage.areas
    glow_lines = tuple((flat[a], flat[b]) for area in areas for a, b in AREAS[area])
    floor = tuple((sign * x, y) for x, y in stage.floor)
    if mirror:
        frame = (-frame[2], frame[1], -frame[0], frame[3])
    return Pose(
        flat,
        world,
        shapes,
        floor,
        glow_lines,
        areas,
        glow,
        frame,
        solids,
        stage.animation.root,
        still,
        faces,
    )


def _mirror_solid(s: Solid) -> Solid:
    if isinstance(s, Box):
        return Box(-s.x1, -s.x0, s.y0, s.y1, s.z0, s.z1)
    return Round(-s.cx, s.cy, s.radius, s.z0, s.z1)


def _angles(
    anim: Animation, phase: PosePhase, t: float, depth: float, length: float | None
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


def _frame(stage: Stage, walking: bool) -> Frame:
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
            (PosePhase.START, (0.0,), None),
            (PosePhase.MOVE, fractions, 1.0),
            (PosePhase.HOLD, (0.0, BREATH_S / 4, BREATH_S * 0.75), None),
            (PosePhase.RELEASE, fractions, 1.0),
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
