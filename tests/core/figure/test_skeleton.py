"""The skeleton: proportions, joint-angle conventions, forward kinematics,
the view, and resting the figure on its supports."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.figure.geometry import View, distance
from coach.core.figure.placement import Contact, Support, place
from coach.core.figure.props import MAT_TOP, SEAT_TOP, Prop, Scene
from coach.core.figure.roots import FEET, ROOTS
from coach.core.figure.skeleton import ANGLES, BONES, HEAD_RADIUS, forward_kinematics

REFERENCE = forward_kinematics({})


def standing(**angles: float) -> dict:
    return place(forward_kinematics(angles), Support(FEET, anchor="ankle_far"), Scene(()))


def test_an_upright_adult_is_about_1_75_m_tall_with_feet_flat():
    p = standing()
    top = p["head"][1] + HEAD_RADIUS
    assert 1.70 <= top <= 1.80
    assert 0.90 <= p["pelvis"][1] <= 1.0
    for foot in FEET:
        assert abs(p[foot][1]) < 1e-9
    assert p["toe_near"][0] > p["heel_near"][0]  # feet point forward (+x)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(ANGLES), st.floats(-180, 180), max_size=len(ANGLES)))
def test_bone_lengths_never_change_whatever_the_angles(angles):
    p = forward_kinematics(angles)
    for a, b in BONES:
        assert math.isclose(
            distance(p[a], p[b]), distance(REFERENCE[a], REFERENCE[b]), abs_tol=1e-9
        )


def test_angle_conventions():
    forward = forward_kinematics({"trunk": 90})
    assert forward["neck"][0] > 0.45 and abs(forward["neck"][1]) < 1e-9  # bent flat forward
    lying = forward_kinematics({"trunk": -90})
    assert lying["neck"][0] < -0.45 and lying["belly"][1] > 0.05  # face up, head at -x
    hip = forward_kinematics({"hip_near": 90})
    assert hip["knee_near"][0] > 0.4  # thigh swings forward
    knee = forward_kinematics({"knee_near": 90})
    assert knee["ankle_near"][0] < -0.4  # shin folds backward
    arm = forward_kinematics({"shoulder_near_out": 90})
    assert arm["hand_near"][2] > 0.7  # out to the side, toward the viewer
    across = forward_kinematics({"hip_near": 90, "hip_near_out": -45})
    assert across["knee_near"][2] < 0  # across the body
    curl = forward_kinematics({"lumbar": 30, "thoracic": 30})
    assert curl["neck"][0] > 0.1  # rounding the back brings the neck forward


def test_near_limbs_face_the_viewer():
    p = forward_kinematics({})
    assert p["hip_near"][2] > 0 > p["hip_far"][2]
    assert p["shoulder_near"][2] > 0 > p["shoulder_far"][2]


def test_side_view_is_x_and_y_and_the_view_from_above_shows_depth():
    side, above = View(), View(elevation=90)
    assert side.project((0.3, 1.2, 0.5)) == (0.3, 1.2)
    x, y = above.project((0.3, 1.2, 0.5))
    assert math.isclose(x, 0.3) and math.isclose(y, -0.5, abs_tol=1e-9)
    assert View(elevation=30).depth((0, 0, 1)) > View(elevation=30).depth((0, 0, -1))


def test_the_figure_rests_on_a_mat_and_on_a_chair_seat():
    mat = Scene((Prop("mat", 0.0),))
    p = place(forward_kinematics({}), Support(FEET, anchor="ankle_far"), mat)
    assert math.isclose(min(p[f][1] for f in FEET), MAT_TOP)
    seated = ROOTS["sit_chair"]
    p = place(forward_kinematics(seated.angles), seated.support, Scene((Prop("chair", 0.14),)))
    assert math.isclose(p["seat"][1], SEAT_TOP, abs_tol=1e-6)
    assert max(abs(p[f][1]) for f in FEET) < 0.005  # feet flat on the floor


def test_tipping_brings_the_second_support_down():
    lie = ROOTS["lie_back"]
    angles = dict(lie.angles, trunk=-70)  # off by 20 degrees on purpose
    p = place(forward_kinematics(angles), lie.support, Scene(()))
    assert abs(p["sacrum"][1]) < 1e-6 and abs(p["upper_back"][1]) < 1e-4


def test_a_limb_reaches_its_support_by_turning_one_joint():
    fours = ROOTS["all_fours"]
    support = Support(
        fours.support.rest,
        turn=fours.support.turn,
        anchor="knee_front_near",
        reach=(Contact("hand_near", "floor", "shoulder_near"),),
    )
    bent = forward_kinematics(dict(fours.angles, shoulder_near=65))  # 10 degrees short
    p = place(bent, support, Scene(()))
    assert abs(p["hand_near"][1]) < 0.002
    assert math.isclose(
        distance(p["shoulder_near"], p["hand_near"]),
        distance(bent["shoulder_near"], bent["hand_near"]),
    )
