"""The pose solver: limbs reach their targets, reach contacts touch, standing
folds balance, keyframes are solved once, and the fill helper measures what
the painter shows."""

from __future__ import annotations

import math
import random

import pytest

from coach.core.catalog.loader import load_shipped
from coach.core.errors import CatalogError
from coach.core.figure.animation import parse_animation
from coach.core.figure.fill import FILL_MIN, body_fill, fill_of
from coach.core.figure.placement import Support
from coach.core.figure.poses import pose_at
from coach.core.figure.props import Scene
from coach.core.figure.skeleton import forward_kinematics
from coach.core.figure.solve import Solver, Target, centre_of_mass, limb_angles
from coach.core.figure.stage import Stage

CATALOG = load_shipped()
CM = 0.01


@pytest.mark.parametrize("point", ["hand_near", "hand_far", "ankle_near", "ankle_far"])
def test_a_limb_reaches_any_reachable_point_exactly(point: str) -> None:
    rng = random.Random(point)
    for _ in range(300):
        body = {k: rng.uniform(-40, 40) for k in ("trunk", "roll", "lumbar", "twist", "side")}
        other = dict(body)
        for k in ("shoulder", "hip"):
            for s in ("near", "far"):
                other[f"{k}_{s}"] = rng.uniform(-80, 140)
                other[f"{k}_{s}_out"] = rng.uniform(-20, 50)
        for k in ("elbow_near", "elbow_far", "knee_near", "knee_far"):
            other[k] = rng.uniform(5, 140)
        goal = forward_kinematics(other)[point]
        solved = dict(body, **limb_angles(body, point, goal))
        assert math.dist(forward_kinematics(solved)[point], goal) < 1e-6


def test_an_unreachable_target_is_pointed_at_with_the_limb_straight() -> None:
    goal = (2.0, 0.5, 0.0)
    angles = limb_angles({}, "hand_near", goal)
    assert angles["elbow_near"] == pytest.approx(0.0, abs=3.0)


def every_target_sample():
    for eid, ex in sorted(CATALOG.exercises.items()):
        anim = ex.stage.animation
        hold_at = 1 + len(anim.moves)
        for i, key in enumerate(anim.keys):
            if key.targets:
                yield pytest.param(ex, i, hold_at, id=f"{eid}-{i}")


@pytest.mark.parametrize("exercise, key, hold_at", list(every_target_sample()))
def test_shipped_targets_are_met_within_a_centimetre(exercise, key, hold_at) -> None:
    stage = exercise.stage
    keys = stage.animation.keys
    for side in ("left", "right"):
        if key == 0:
            pose = pose_at(exercise, "start", 0.0, side=side)
        elif key == hold_at:
            pose = pose_at(exercise, "hold", 0.0, side=side, depth=1.0)
        else:
            continue  # moves and releases pass through their keys on the way
        mirror = -1.0 if pose.facing.value == "left" else 1.0
        placed = {n: (mirror * x, y, z) for n, (x, y, z) in pose.world.items()}
        if pose.facing is not None and stage.animation.sides == "swap" and side == "right":
            continue  # the swapped side is a mirror image of the one checked
        for target in keys[key].targets:
            goal = stage.solver.goal(placed, target)
            got = placed[target.point]
            assert math.dist(got, goal) < CM, f"{target.point}: {math.dist(got, goal):.3f} m off"


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_reach_contacts_touch_in_the_start_and_hold(exercise_id: str) -> None:
    exercise = CATALOG.exercises[exercise_id]
    stage = exercise.stage
    for phase in ("start", "hold"):
        pose = pose_at(exercise, phase, 0.0, side="right", depth=1.0)
        if stage.animation.sides == "swap":
            pose = pose_at(exercise, phase, 0.0, side="left", depth=1.0)
        mirror = -1.0 if pose.facing.value == "left" else 1.0
        for contact in stage.animation.support.reach:
            x, y, z = pose.world[contact.point]
            gap = stage.scene.gap((mirror * x, y, z), contact.on)
            assert abs(gap) < CM, f"{phase} {contact.point}: {gap:+.3f} m from the {contact.on}"


@pytest.mark.parametrize("exercise_id", ["forward-fold", "directed-forward-bend"])
def test_standing_folds_keep_the_weight_over_the_feet(exercise_id: str) -> None:
    exercise = CATALOG.exercises[exercise_id]
    for depth in (0.0, 1.0):
        w = pose_at(exercise, "hold", 0.0, depth=depth).world
        feet = [w[n][0] for n in ("heel_near", "toe_near", "heel_far", "toe_far")]
        assert min(feet) < centre_of_mass(w)[0] < max(feet)
        for side in ("near", "far"):  # flat, not on tiptoe
            assert abs(w[f"heel_{side}"][1] - w[f"toe_{side}"][1]) < CM


def test_a_keyframe_is_solved_once_per_depth() -> None:
    scene = Scene(())
    solver = Solver(Support(("sacrum",)), scene)
    calls = 0
    real = solver.solve

    def counting(angles, targets):
        nonlocal calls
        calls += 1
        return real(angles, targets)

    solver.solve = counting  # type: ignore[method-assign]
    target = (Target("hand_near", "knee_near"),)
    for _ in range(5):
        solver.solved(3, {"hip_near": 90.0, "knee_near": 90.0}, target, 1.0)
    solver.solved(3, {"hip_near": 60.0, "knee_near": 90.0}, target, 0.6)
    assert calls == 2


def test_targets_in_the_file_are_checked() -> None:
    base = {
        "root": "lie_back",
        "keyframes": [
            {"phase": "start", "duration": 1},
            {"phase": "hold", "duration": 1, "angles": {}, "targets": []},
        ],
    }
    for bad, field in (
        ([{"point": "nose", "to": "knee_far"}], "point"),
        ([{"point": "hand_near", "to": "knee_far", "at": [0, 0, 0]}], "targets[0]"),
        ([{"point": "hand_near", "to": "elbow_near"}], "to"),
        ([{"point": "hand_near", "at": [0, 0]}], "at"),
    ):
        table = dict(
            base, keyframes=[base["keyframes"][0], dict(base["keyframes"][1], targets=bad)]
        )
        with pytest.raises(CatalogError, match=field.replace("[", r"\[").replace("]", r"\]")):
            parse_animation("x.toml", table)


def test_fill_follows_the_painters_fitting() -> None:
    frame = (0.0, 0.0, 2.0, 1.0)
    assert fill_of((0.0, 0.0, 2.0, 0.5), frame, aspect=2.0) == pytest.approx(1.0)
    assert fill_of((0.0, 0.0, 1.0, 0.5), frame, aspect=1.0) == pytest.approx(0.5)
    assert fill_of((0.0, 0.0, 1.0, 1.0), frame, aspect=0.5) == pytest.approx(0.5)


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_the_body_fills_most_of_its_panel_in_every_phase(exercise_id: str) -> None:
    exercise = CATALOG.exercises[exercise_id]
    for side in ("left", "right"):
        for phase, length in (
            ("start", None),
            ("move", exercise.move_s),
            ("hold", 8.0),
            ("release", exercise.release_s),
        ):
            for i in range(5):
                t = (length or 1.0) * i / 4
                pose = pose_at(exercise, phase, t, side=side, depth=0.6, phase_length=length)
                for aspect in (0.75, 1.0, 1.5):
                    assert body_fill(pose, aspect) >= FILL_MIN, (phase, t, side, aspect)


def test_a_swapped_side_keeps_the_picture_and_uses_the_other_limbs() -> None:
    exercise = CATALOG.exercises["knee-to-chest"]
    left = pose_at(exercise, "hold", 0.0, side="left")
    right = pose_at(exercise, "hold", 0.0, side="right")
    assert left.facing is right.facing
    assert left.points["head"] == pytest.approx(right.points["head"])
    assert left.world["knee_near"][1] == pytest.approx(right.world["knee_far"][1])
    assert isinstance(exercise.stage, Stage)
