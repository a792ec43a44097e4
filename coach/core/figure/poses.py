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
from coach.core.figure.animation import Keyframe
from coach.core.figure.easing import arc, blend, ease
from coach.core.figure.fill import Box2, body_box, fill_of, union
from coach.core.figure.geometry import Vec
from coach.core.figure.placement import Support, place
from coach.core.figure.props import Box, Round, Solid
from coach.core.figure.roots import AREAS, FEET
from coach.core.figure.skeleton import forward_kinematics
from coach.core.figure.stage import Point2, Shape, Stage, Staged
from coach.core.figure.walk import walk_angles
from coach.core.vocabulary import PosePhase, Side, facing

__all__ = ["BREATH_S", "PHASES", "Pose", "Shape", "pose_at"]

PHASES = tuple(PosePhase)
BREATH_S = 5.5  # one slow breath
BREATH = {"thoracic": -2.5, "neck": 1.5, "shoulder_near": 1.5, "shoulder_far": 1.5}
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
    (darker) limbs are its left ones, the side being stretched. An exercise
    with `sides = "swap"` keeps one picture for both sides: the other side is
    done by the far limbs. `depth` 0..1 (deeper each rep) scales how far the
    move and hold go into the stretch. With `phase_length` the move and
    release keyframes stretch to fill the phase and the hold's breath fades
    out before it ends."""
    stage = exercise.stage
    anim = stage.animation
    swap = anim.sides == "swap" and side is not None and Side(side) is not facing(None)
    faces = facing(None) if anim.sides == "swap" else facing(side)
    t = max(0.0, t)
    if phase == PosePhase.WALK:
        points = place(forward_kinematics(walk_angles(t)), WALK_SUPPORT, stage.empty)
        return _drawn(
            stage, points, faces, glow=0.0, still=False, frame=_walk_frame(stage), walking=True
        )
    if phase not in PHASES:
        raise CoachError(
            f"There is no phase called '{phase}'; use start, move, hold, release or walk."
        )
    angles, glow, still, span = _angles(stage, PosePhase(phase), t, depth, phase_length)
    points = place(forward_kinematics(angles), anim.support, stage.scene)
    a, b, u = span
    frame = _key_frame(stage, a)
    if b != a and u > 0:
        other = _key_frame(stage, b)
        frame = (
            frame[0] + (other[0] - frame[0]) * u,
            frame[1] + (other[1] - frame[1]) * u,
            frame[2] + (other[2] - frame[2]) * u,
            frame[3] + (other[3] - frame[3]) * u,
        )
    if b != a and u > 0:
        frame = _follow(frame, points, stage)
    return _drawn(stage, points, faces, glow=glow, still=still, frame=frame, swap=swap)


def _follow(frame: Frame, points: dict[str, Vec], stage: Stage) -> Frame:
    """Between keyframes the blended frame keeps the whole body in (a limb may
    swing past both keyframes' frames) and is drawn in toward it so the body
    still fills its panel."""
    view = stage.animation.view
    box = body_box({n: view.project(p) for n, p in points.items()})
    body = _padded(box, view.elevation == 0)
    outer = (
        min(frame[0], body[0]),
        min(frame[1], body[1]),
        max(frame[2], body[2]),
        max(frame[3], body[3]),
    )

    def at(k: float) -> Frame:
        return (
            body[0] + k * (outer[0] - body[0]),
            body[1] + k * (outer[1] - body[1]),
            body[2] + k * (outer[2] - body[2]),
            body[3] + k * (outer[3] - body[3]),
        )

    def fills(k: float) -> bool:
        f = at(k)
        return all(fill_of(box, f, aspect) >= FILL_GOAL for aspect in ASPECTS)

    if fills(1.0):
        return outer
    lo, hi = 0.0, 1.0
    for _ in range(12):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if fills(mid) else (lo, mid)
    return at(lo)


def _swapped(name: str) -> str:
    if name.endswith("_near"):
        return name[:-5] + "_far"
    if name.endswith("_far"):
        return name[:-4] + "_near"
    return name


def _drawn(
    stage: Stage,
    points: dict[str, Vec],
    faces: Side,
    *,
    glow: float,
    still: bool,
    frame: Frame,
    walking: bool = False,
    swap: bool = False,
) -> Pose:
    """The placed joints projected and, facing left, mirrored, with the stage's
    props, floor and highlight. `swap`: the other side's limbs do the work
    (the world mirrored front to back across the body, near and far swapped)."""
    mirror = faces is Side.LEFT
    view = stage.animation.view
    project = view.project
    if swap:
        points = {_swapped(n): (x, y, -z) for n, (x, y, z) in points.items()}
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
    if swap:
        areas = tuple(_swapped(a) for a in areas)
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


Span = tuple[int, int, float]  # keyframe indices (anim.keys) between which, and how far


def _angles(
    stage: Stage, phase: PosePhase, t: float, depth: float, length: float | None
) -> tuple[dict[str, float], float, bool, Span]:
    anim = stage.animation
    keys = anim.keys
    start = anim.start.angles
    scale = anim.depth_min + (1.0 - anim.depth_min) * min(1.0, max(0.0, depth))
    deepen = anim.deepen
    solver = stage.solver
    hold_at = 1 + len(anim.moves)

    def deep(i: int) -> dict[str, float]:
        frame = keys[i]
        if i == 0:
            return solver.solved(0, dict(start), frame.targets, 1.0)
        angles = {
            k: start[k] + arc(start[k], v) * (scale if not deepen or k in deepen else 1.0)
            for k, v in frame.angles.items()
        }
        return solver.solved(i, angles, frame.targets, scale)

    if phase == "start":
        return deep(0), 0.35, True, (0, 0, 0.0)
    hold = deep(hold_at)
    if phase == "hold":
        breath = math.sin(2 * math.pi * t / BREATH_S) * _envelope(t, length)
        pinned = _pinned(keys[hold_at])
        for name, amount in BREATH.items():
            if name not in pinned:
                hold[name] += amount * breath
        return hold, 0.8 + 0.2 * breath, False, (hold_at, hold_at, 0.0)
    if phase == "move":
        order = list(range(hold_at + 1))
    else:
        order = [hold_at, *range(hold_at + 1, len(keys)), 0]
    path = [(deep(i), keys[i], i) for i in order]
    angles, progress, still, span = _along(path, t, length)
    glow = 0.35 + 0.65 * (progress if phase == "move" else 1.0 - progress)
    return angles, glow, still, span


def _pinned(key: Keyframe) -> frozenset[str]:
    """Angles the breath leaves alone: those that would lift a hand off what it holds."""
    sides = {t.point.rpartition("_")[2] for t in key.targets if t.point[:4] in ("hand", "elbo")}
    if not sides:
        return frozenset()
    return frozenset(("thoracic", "neck", *(f"shoulder_{s}" for s in sides)))


def _along(
    path: list[tuple[dict[str, float], Keyframe, int]], t: float, length: float | None
) -> tuple[dict[str, float], float, bool, Span]:
    """Angles `t` seconds along a chain of keyframes; each key's duration is
    the time to reach it, stretched so the whole chain fits `length`."""
    total = sum(k.duration for _, k, _ in path[1:])
    stretch = length / total if length and total > 0 else 1.0
    elapsed = 0.0
    for (a, _, ia), (b, key, ib) in itertools.pairwise(path):
        span = key.duration * stretch
        if t < elapsed + span:
            u = ease(key.ease, (t - elapsed) / span)
            return blend(a, b, u), (elapsed + u * span) / (total * stretch), False, (ia, ib, u)
        elapsed += span
    last = path[-1][2]
    return dict(path[-1][0]), 1.0, True, (last, last, 0.0)


def _envelope(t: float, length: float | None) -> float:
    """Breathing fades in after the hold starts and out before it ends, so the
    hold joins the move and release without a jump."""
    ramp = 1.5
    env = min(1.0, t / ramp)
    if length:
        env = min(env, max(0.0, (length - t) / ramp))
    return env


MARGIN = 0.08  # metres of room round the body
FILL_GOAL = 0.66  # a key pose keeps at least this share of its panel (FILL_MIN and some)
ASPECTS = (0.75, 1.0, 1.5)  # panel shapes a key pose must fill: tall, square, wide


def _boxes(stage: Stage, angle_sets: list[dict[str, float]]) -> list[Box2]:
    """The drawn body's box (unmirrored) for each pose; a stage whose other
    side swaps limbs counts the body seen that way too."""
    anim = stage.animation
    project = anim.view.project
    swap = anim.sides == "swap" and not anim.view.is_side
    out = []
    for angles in angle_sets:
        points = place(forward_kinematics(angles), anim.support, stage.scene)
        out.append(body_box({n: project(p) for n, p in points.items()}))
        if swap:
            out.append(body_box({n: project((x, y, -z)) for n, (x, y, z) in points.items()}))
    return out


def _padded(box: Box2, side_view: bool) -> Frame:
    x0, y0, x1, y1 = box
    bottom = min(y0, -0.06) if side_view else y0  # the floor line under the body
    return (x0 - MARGIN, bottom - MARGIN / 2, x1 + MARGIN, y1 + MARGIN)


def _key_frame(stage: Stage, key: int) -> Frame:
    """The part of the world kept in view at keyframe `key` (unmirrored): its
    own poses at every depth, then as much as keeps it filling its panel of
    the rest of the exercise (the start pose first, so the hold can show
    where it came from) and of its small props. Between keyframes the frame
    moves with the body."""
    if key in stage.frames:
        return stage.frames[key]
    anim = stage.animation
    keys = anim.keys
    hold_at = 1 + len(anim.moves)
    per_key = {i: _boxes(stage, _key_angles(stage, i)) for i in range(len(keys))}
    side_view = anim.view.elevation == 0
    own = per_key[key]
    box = union(own)

    def fits(candidate: Box2) -> bool:
        frame = _padded(candidate, side_view)
        return all(fill_of(b, frame, a) >= FILL_GOAL for b in own for a in ASPECTS)

    extra: list[Box2] = [*per_key[0], *per_key[hold_at]]
    extra += [b for i in range(len(keys)) for b in per_key[i]]
    for shape in stage.shapes:
        if shape.framed:
            pts = shape.points or (
                (shape.centre[0] - shape.radius, shape.centre[1] - shape.radius),
                (shape.centre[0] + shape.radius, shape.centre[1] + shape.radius),
            )
            extra.append(
                (
                    min(p[0] for p in pts),
                    min(p[1] for p in pts),
                    max(p[0] for p in pts),
                    max(p[1] for p in pts),
                )
            )
    for candidate in extra:
        grown = union((box, candidate))
        if grown != box and fits(grown):
            box = grown
    frame = _padded(box, side_view)
    stage.frames[key] = frame
    return frame


def _key_angles(stage: Stage, key: int) -> list[dict[str, float]]:
    """Keyframe `key` at the shallowest and deepest rep (the hold breathing)."""
    anim = stage.animation
    hold_at = 1 + len(anim.moves)
    if key == 0:
        return [_angles(stage, PosePhase.START, 0.0, 1.0, None)[0]]
    out = []
    for depth in (0.0, 1.0):
        if key == hold_at:
            out += [
                _angles(stage, PosePhase.HOLD, t, depth, None)[0]
                for t in (BREATH_S / 4, BREATH_S * 0.75)
            ]
        else:
            phase = PosePhase.MOVE if key < hold_at else PosePhase.RELEASE
            out.append(_key_pose(stage, phase, key, depth))
    return out


def _key_pose(stage: Stage, phase: PosePhase, key: int, depth: float) -> dict[str, float]:
    """The angles when a move or release reaches keyframe `key`."""
    anim = stage.animation
    keys = anim.keys
    hold_at = 1 + len(anim.moves)
    chain = range(1, hold_at + 1) if phase == PosePhase.MOVE else range(hold_at + 1, len(keys) + 1)
    t = 0.0
    for i in chain:
        t += keys[i % len(keys)].duration
        if i == key:
            break
    return _angles(stage, phase, t - 1e-9, depth, None)[0]


def _walk_frame(stage: Stage) -> Frame:
    """Walking between reps: the walk and the standing start."""
    if "walk" in stage.frames:
        return stage.frames["walk"]
    project = stage.animation.view.project
    boxes = [
        body_box(
            {
                n: project(p)
                for n, p in place(
                    forward_kinematics(walk_angles(i * 0.15)), WALK_SUPPORT, stage.empty
                ).items()
            }
        )
        for i in range(8)
    ]
    frame = _padded(union(boxes), True)
    stage.frames["walk"] = frame
    return frame
