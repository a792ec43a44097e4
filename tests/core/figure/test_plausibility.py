"""Every exercise, both sides, every phase, many moments and depths: the
figure keeps its bone lengths, stays above the floor, rests its weight on
the floor or prop, and never passes through a prop."""

from __future__ import annotations

import math

import pytest

from coach.core.catalog.loader import load_shipped
from coach.core.figure.geometry import distance
from coach.core.figure.poses import Pose, pose_at
from coach.core.figure.props import MAT_TOP, Box, Round
from coach.core.figure.skeleton import BONES, HEAD_RADIUS, SURFACE_POINTS, forward_kinematics

TOUCH = 0.02  # metres: "touching" allows this gap
SINK = 0.015  # metres: how far a joint may sink into a surface (soft tissue, rounding)
DEPTHS = (0.0, 0.5, 1.0)
MOMENTS = 12  # samples per timed phase

REFERENCE = forward_kinematics({})
LENGTHS = {bone: distance(REFERENCE[bone[0]], REFERENCE[bone[1]]) for bone in BONES}

FEET = ("heel_near", "toe_near", "heel_far", "toe_far")
# What must carry the weight in each root kind: every group needs one touching point.
BEARING: dict[str, tuple[tuple[str, ...], ...]] = {
    "stand": (FEET,),
    "sit_chair": (("seat",),),
    "sit_floor": (("seat",),),
    "kneel": (("knee_front_near", "knee_front_far"),),
    "lie_back": (("upper_back", "mid_back"),),
    "lie_front": (("belly", "sternum"),),
    "all_fours": (
        ("hand_near", "hand_far", "elbow_near", "elbow_far"),
        ("knee_front_near", "knee_front_far", "toe_near", "toe_far"),
    ),
}


def moments(exercise) -> list[tuple[str, float, float | None]]:
    """(phase, t, phase_length) samples, with and without the engine's lengths."""
    out: list[tuple[str, float, float | None]] = [("start", 0.0, None), ("start", 5.0, None)]
    lengths = {
        "move": exercise.move_s,
        "hold": float(max(exercise.hold_s.default, 4)),
        "release": exercise.release_s,
    }
    for phase, length in lengths.items():
        for i in range(MOMENTS):
            out.append((phase, length * i / (MOMENTS - 1), length))
        out.append((phase, length * 0.37, None))
    return out


def surface_gap(pose: Pose, p) -> float:
    """Distance from p down to the floor or to the nearest prop surface."""
    floor = max(
        [
            MAT_TOP
            for s in pose.solids
            if isinstance(s, Box) and s.y1 == MAT_TOP and s.x0 <= p[0] <= s.x1
        ],
        default=0.0,
    )
    gaps = [p[1] - floor]
    for s in pose.solids:
        if isinstance(s, Round):
            gaps.append(math.hypot(p[0] - s.cx, p[1] - s.cy) - s.radius)
        elif s.x0 - 0.01 <= p[0] <= s.x1 + 0.01 and s.z0 <= p[2] <= s.z1:
            gaps.append(abs(p[1] - s.y1))
            if s.y1 > 1.0:  # a wall: its face counts too
                gaps.append(min(abs(p[0] - s.x0), abs(p[0] - s.x1)))
    return min(abs(g) for g in gaps)


def problems(pose: Pose, bearing: tuple[tuple[str, ...], ...]) -> list[str]:
    w = pose.world
    found = []
    for (a, b), length in LENGTHS.items():
        if abs(distance(w[a], w[b]) - length) > 1e-6:
            found.append(f"bone {a}-{b} changed length")
    low = min(w, key=lambda n: w[n][1])
    if w[low][1] < -SINK:
        found.append(f"{low} is {-w[low][1]:.3f} m below the floor")
    if w["head"][1] < HEAD_RADIUS - SINK:
        found.append("the head goes into the floor")
    for group in bearing:
        if min(surface_gap(pose, w[n]) for n in group) > TOUCH:
            found.append(f"none of {', '.join(group)} bears weight")
    for a, b in BONES:
        for i in range(7):
            u = i / 6
            p = tuple(w[a][k] + (w[b][k] - w[a][k]) * u for k in range(3))
            for s in pose.solids:
                if s.depth_inside(p) > SINK:
                    found.append(f"{a}-{b} passes through a {_name(s)}")
                    break
    for name in SURFACE_POINTS:
        for s in pose.solids:
            if s.depth_inside(w[name]) > SINK:
                found.append(f"{name} is inside a {_name(s)}")
    return sorted(set(found))


def _name(solid) -> str:
    if isinstance(solid, Round):
        return "ball" if solid.z0 == solid.z1 else "roller"
    return "wall" if solid.y1 > 1.0 else "mat" if solid.y1 == MAT_TOP else "chair"


def check_exercise(exercise) -> tuple[int, list[str]]:
    """(samples checked, problems found) for one exercise."""
    anim = exercise.stage.animation
    bearing = BEARING[anim.root]
    count, found = 0, []
    for side in ("left", "right"):
        for depth in DEPTHS:
            for phase, t, length in moments(exercise):
                pose = pose_at(exercise, phase, t, side=side, depth=depth, phase_length=length)
                count += 1
                found += [
                    f"{phase} t={t:.2f} {side} depth {depth}: {p}" for p in problems(pose, bearing)
                ]
        for i in range(10):
            pose = pose_at(exercise, "walk", i * 0.13, side=side)
            count += 1
            found += [
                f"walk t={i * 0.13:.2f} {side}: {p}" for p in problems(pose, BEARING["stand"])
            ]
    return count, found


CATALOG = load_shipped()


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_exercise_is_physically_plausible(exercise_id):
    count, found = check_exercise(CATALOG.exercises[exercise_id])
    assert count >= 250
    assert not found, "\n".join(found[:15])


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_every_exercise_has_its_own_animation(exercise_id):
    assert CATALOG.exercises[exercise_id].animation is not None
