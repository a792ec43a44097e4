"""Keyframes over time: easing, the shorter arc, depth, breathing, mirroring,
phase lengths, the walk, the [animation] schema and its errors."""

from __future__ import annotations

import dataclasses
import itertools
import math

import pytest

from coach.core.catalog.loader import load_catalog, load_shipped
from coach.core.errors import CatalogError, CoachError
from coach.core.figure.animation import parse_animation
from coach.core.figure.easing import arc, blend, ease
from coach.core.figure.poses import BREATH_S, pose_at
from coach.core.figure.walk import STRIDE_S
from coach.paths import assets_dir

CATALOG = load_shipped()
BEND = CATALOG.exercise("directed-forward-bend")


def biggest_move(a, b) -> float:
    return max(math.dist(a.points[n], b.points[n]) for n in a.points)


@pytest.mark.parametrize("name", ["linear", "in", "out", "in_out"])
def test_eases_run_from_0_to_1_without_going_back(name):
    values = [ease(name, i / 100) for i in range(101)]
    assert values[0] == 0 and values[-1] == 1
    assert all(b >= a for a, b in itertools.pairwise(values))
    assert ease(name, -1) == 0 and ease(name, 2) == 1


def test_cubic_in_out_is_symmetric_and_gentle_at_both_ends():
    assert math.isclose(ease("in_out", 0.5), 0.5)
    assert math.isclose(ease("in_out", 0.2) + ease("in_out", 0.8), 1.0)
    assert ease("in_out", 0.05) < 0.001


def test_angles_take_the_shorter_way_round():
    assert arc(170, -170) == 20 and arc(-170, 170) == -20 and arc(10, 350) == -20
    assert blend({"a": 170.0}, {"a": -170.0}, 0.5) == {"a": 180.0}


def test_start_is_still_and_the_hold_breathes():
    assert pose_at(BEND, "start", 0).still
    assert pose_at(BEND, "start", 7) == pose_at(BEND, "start", 0)
    hold = [pose_at(BEND, "hold", t, phase_length=15) for t in (2.0, 2 + BREATH_S / 2)]
    assert not hold[0].still and biggest_move(*hold) > 0.01  # visible from two metres
    assert biggest_move(*hold) < 0.08  # a breath, not a new position


def test_phases_join_without_jumps():
    ex, move, release = BEND, BEND.move_s, BEND.release_s
    assert biggest_move(pose_at(ex, "start", 0), pose_at(ex, "move", 0, phase_length=move)) < 1e-9
    assert (
        biggest_move(
            pose_at(ex, "move", move, phase_length=move), pose_at(ex, "hold", 0, phase_length=15)
        )
        < 1e-6
    )
    assert (
        biggest_move(
            pose_at(ex, "hold", 15, phase_length=15),
            pose_at(ex, "release", 0, phase_length=release),
        )
        < 1e-6
    )
    assert (
        biggest_move(pose_at(ex, "release", release, phase_length=release), pose_at(ex, "start", 0))
        < 1e-6
    )


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_motion_is_smooth_at_any_frame_rate(exercise_id):
    ex = CATALOG.exercises[exercise_id]
    for phase, length in (("move", ex.move_s), ("release", ex.release_s)):
        frames = [
            pose_at(ex, phase, i / 60, side="right", phase_length=length)
            for i in range(int(length * 60) + 1)
        ]
        steps = [biggest_move(a, b) for a, b in itertools.pairwise(frames)]
        assert max(steps) < 0.06, f"{phase}: a joint jumps {max(steps):.3f} m in one frame"
        assert frames[-1].still and not frames[0].still


def test_phase_length_stretches_the_movement():
    ex = BEND
    quick = pose_at(ex, "move", ex.move_s / 2, phase_length=ex.move_s)
    slow = pose_at(ex, "move", ex.move_s, phase_length=ex.move_s * 2)
    assert biggest_move(quick, slow) < 1e-9


def test_deeper_reps_go_further_into_the_stretch():
    heads = [pose_at(BEND, "hold", 0, depth=d).world["head"][1] for d in (0.0, 0.5, 1.0)]
    assert heads[0] > heads[1] > heads[2]


def test_the_other_side_is_a_mirror_image():
    ex = CATALOG.exercise("crossovers")
    right = pose_at(ex, "hold", 1.0, side="right")
    left = pose_at(ex, "hold", 1.0, side="left")
    for name, (x, y) in right.points.items():
        assert math.isclose(left.points[name][0], -x, abs_tol=1e-9)
        assert math.isclose(left.points[name][1], y, abs_tol=1e-9)
    assert left.frame == (-right.frame[2], right.frame[1], -right.frame[0], right.frame[3])


def test_the_walk_repeats_each_stride_and_the_feet_take_turns():
    a, b = pose_at(BEND, "walk", 0.2), pose_at(BEND, "walk", 0.2 + STRIDE_S)
    assert biggest_move(a, b) < 1e-9 and not a.still
    lowest = [
        min(("near", "far"), key=lambda s: pose_at(BEND, "walk", t).world[f"toe_{s}"][1])
        for t in (0.0, STRIDE_S / 2)
    ]
    assert lowest[0] != lowest[1]


def test_unknown_phase_is_one_sentence():
    with pytest.raises(CoachError, match=r"^There is no phase called 'sideways'; .*\.$"):
        pose_at(BEND, "sideways", 0)


@pytest.mark.parametrize(
    "position", ["standing", "seated", "lying", "kneeling", "all-fours", "prone"]
)
def test_an_exercise_without_animation_still_gets_a_figure(position):
    ex = dataclasses.replace(
        BEND, id=f"plain-{position}", position=position, animation=None, props=()
    )
    for phase in ("start", "move", "hold", "release", "walk"):
        pose = pose_at(ex, phase, 1.0, phase_length=3.0)
        assert pose.points and min(p[1] for p in pose.world.values()) > -0.05


GOOD = {
    "root": "stand",
    "keyframes": [
        {"phase": "start", "duration": 1},
        {"phase": "hold", "duration": 2, "angles": {"trunk": 40}},
    ],
}


def broken(**changes):
    table = dict(GOOD, **changes)
    return table


@pytest.mark.parametrize(
    "table, field, expected",
    [
        (broken(root="float"), "animation.root", "one of stand"),
        (broken(view={"elevation": 120}), "animation.view.elevation", "from 0 to 90"),
        (broken(props=["sofa"]), "animation.props[0]", "a prop kind"),
        (broken(highlight=["elbow"]), "animation.highlight", "lower_back"),
        (broken(reach=["nose"]), "animation.reach", "a body point"),
        (broken(turn="knee_near>hip_near"), "animation.turn", "without '>joint'"),
        (
            broken(keyframes=[{"phase": "hold", "duration": 1, "angles": {}}]),
            "animation.keyframes",
            "one start",
        ),
        (
            broken(
                keyframes=[
                    {"phase": "start", "duration": 1},
                    {"phase": "hold", "duration": 1, "angles": {"hipp": 3}},
                ]
            ),
            "animation.keyframes[1].angles.hipp",
            "a joint angle name",
        ),
        (
            broken(
                keyframes=[
                    {"phase": "start", "duration": 0},
                    {"phase": "hold", "duration": 1, "angles": {}},
                ]
            ),
            "animation.keyframes[0].duration",
            "a number from 0.05",
        ),
        (
            broken(
                keyframes=[
                    {"phase": "start", "duration": 1, "ease": "bouncy"},
                    {"phase": "hold", "duration": 1, "angles": {}},
                ]
            ),
            "animation.keyframes[0].ease",
            "in_out",
        ),
    ],
)
def test_schema_errors_name_the_file_and_field(table, field, expected):
    with pytest.raises(CatalogError) as info:
        parse_animation("knee-hug.toml", table)
    message = str(info.value)
    assert message.startswith(f"knee-hug.toml: field '{field}'"), message
    assert expected in message and message.endswith(".")


def test_keyframes_carry_unlisted_angles_over():
    anim = parse_animation(
        "x.toml",
        {
            "root": "sit_chair",
            "keyframes": [
                {"phase": "start", "duration": 1, "angles": {"neck": 10}},
                {"phase": "move", "duration": 1, "angles": {"trunk": 20}},
                {"phase": "hold", "duration": 1, "angles": {"lumbar": 30}},
            ],
        },
    )
    assert anim.hold.angles["neck"] == 10 and anim.hold.angles["trunk"] == 20
    assert anim.hold.angles["hip_near"] == 82  # the sitting root's own pose


def test_a_bad_animation_section_skips_only_that_exercise(tmp_path):
    source = (assets_dir() / "exercises" / "childs-pose.toml").read_text(encoding="utf-8")
    bad = source.replace('root = "kneel"', 'root = "kneeling"')
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "childs-pose.toml").write_text(bad, encoding="utf-8")
    (folder / "plank.toml").write_text(
        (assets_dir() / "exercises" / "plank.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    catalog = load_catalog([folder], [])
    assert list(catalog.exercises) == ["plank"]
    assert catalog.problems == [
        "childs-pose.toml: field 'animation.root': expected one of "
        "stand, sit_chair, sit_floor, kneel, lie_back, lie_front, "
        "all_fours, got 'kneeling'."
    ]
