"""The stick figure's body: fixed adult proportions, posed by joint angles and
placed by forward kinematics from the pelvis.

Angles are degrees. Positive means: `trunk` tips the body forward from
upright (90 = face down, -90 = face up); `lumbar`, `thoracic` and `neck`
round the back and drop the chin; `shoulder_*` and `hip_*` swing the limb
forward (0 = along the body); `*_out` takes it out to the side (negative:
across the body); `*_turn` rolls it outward; `elbow_*` and `knee_*` bend;
`ankle_*` points the toes. `roll` turns the pelvis so its front faces the
viewer, `twist` turns the chest the same way against the pelvis, `lean` and
`side` tip toward the viewer. Suffix `_near` is the side facing the viewer
(the figure's right before a mirror), `_far` the other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from coach.core.figure.geometry import Mat, Vec, mul, offset, rot_x, rot_y, rot_z

Angle = Callable[[str, float], float]  # an angle by name, with a default

# Segment lengths in metres: an adult about 1.75 m tall.
LUMBAR, MID_BACK, UPPER_BACK = 0.17, 0.17, 0.17
NECK_TO_HEAD = (0.03, 0.17)  # head centre sits a little in front of the spine
HEAD_RADIUS = 0.115
SHOULDER_DROP, SHOULDER_HALF = 0.04, 0.17
HIP_HALF = 0.09
UPPER_ARM, FOREARM = 0.30, 0.33  # forearm reaches the middle of the palm
THIGH, SHIN = 0.45, 0.43
HEEL = (-0.05, -0.07)  # from the ankle, in the foot's axes
TOE = (0.16, -0.07)

SIDES = ("near", "far")

ANGLES: tuple[str, ...] = (
    "trunk",
    "roll",
    "lean",
    "lumbar",
    "thoracic",
    "twist",
    "side",
    "neck",
    "head_turn",
    *(
        f"{joint}_{s}{part}"
        for s in SIDES
        for joint, parts in (
            ("shoulder", ("", "_out", "_turn")),
            ("elbow", ("",)),
            ("hip", ("", "_out", "_turn")),
            ("knee", ("",)),
            ("ankle", ("",)),
        )
        for part in parts
    ),
)

# Drawn bones, and the pairs whose length must never change.
SPINE = ("pelvis", "waist", "chest", "neck")
BONES: tuple[tuple[str, str], ...] = (
    ("pelvis", "waist"),
    ("waist", "chest"),
    ("chest", "neck"),
    ("neck", "head"),
    *(
        (a.format(s), b.format(s))
        for s in SIDES
        for a, b in (
            ("neck", "shoulder_{}"),
            ("shoulder_{}", "elbow_{}"),
            ("elbow_{}", "hand_{}"),
            ("pelvis", "hip_{}"),
            ("hip_{}", "knee_{}"),
            ("knee_{}", "ankle_{}"),
            ("ankle_{}", "heel_{}"),
            ("ankle_{}", "toe_{}"),
            ("heel_{}", "toe_{}"),
        )
    ),
)

# Points on the body's surface that can rest on a floor or a prop.
SURFACE_POINTS = (
    "seat",
    "sacrum",
    "belly",
    "mid_back",
    "upper_back",
    "sternum",
    "forehead",
    "back_of_head",
    *(f"{p}_{s}" for s in SIDES for p in ("knee_front", "shin_front")),
)

# What moves when a joint turns: used to let a hand or heel reach its support.
CHAINS: dict[str, tuple[str, ...]] = {
    "neck": ("head", "forehead", "back_of_head", "face"),
}
for _s in SIDES:
    CHAINS[f"shoulder_{_s}"] = (f"elbow_{_s}", f"hand_{_s}")
    CHAINS[f"elbow_{_s}"] = (f"hand_{_s}",)
    CHAINS[f"ankle_{_s}"] = (f"heel_{_s}", f"toe_{_s}")
    CHAINS[f"knee_{_s}"] = (
        f"ankle_{_s}",
        f"knee_front_{_s}",
        f"shin_front_{_s}",
        *CHAINS[f"ankle_{_s}"],
    )
    CHAINS[f"hip_{_s}"] = (f"knee_{_s}", *CHAINS[f"knee_{_s}"])


def trunk_frames(angles: Mapping[str, float]) -> tuple[Mat, Mat, Mat]:
    """The pelvis's, the lower back's and the chest's axes (legs hang from the
    first, arms from the last), with the pelvis at the origin."""
    a = angles.get
    hips = mul(mul(rot_z(-a("trunk", 0.0)), rot_y(-a("roll", 0.0))), rot_x(a("lean", 0.0)))
    twist, side = a("twist", 0.0) / 2, a("side", 0.0) / 2
    low = mul(mul(mul(hips, rot_z(-a("lumbar", 0.0))), rot_y(-twist)), rot_x(side))
    upper = mul(mul(mul(low, rot_z(-a("thoracic", 0.0))), rot_y(-twist)), rot_x(side))
    return hips, low, upper


def forward_kinematics(angles: Mapping[str, float]) -> dict[str, Vec]:
    """Every joint and surface point, with the pelvis at the origin."""
    a = angles.get
    pelvis: Vec = (0.0, 0.0, 0.0)
    hips, low, upper = trunk_frames(angles)
    waist = offset(pelvis, hips, (0.0, LUMBAR, 0.0))
    chest = offset(waist, low, (0.0, MID_BACK, 0.0))
    neck = offset(chest, upper, (0.0, UPPER_BACK, 0.0))
    head_frame = mul(mul(upper, rot_z(-a("neck", 0.0))), rot_y(-a("head_turn", 0.0)))
    head = offset(neck, head_frame, (NECK_TO_HEAD[0], NECK_TO_HEAD[1], 0.0))
    p: dict[str, Vec] = {
        "pelvis": pelvis,
        "waist": waist,
        "chest": chest,
        "neck": neck,
        "head": head,
        "seat": offset(pelvis, hips, (-0.02, -0.10, 0.0)),
        "sacrum": offset(pelvis, hips, (-0.10, 0.03, 0.0)),
        "belly": offset(pelvis, hips, (0.11, 0.08, 0.0)),
        "upper_back": offset(chest, upper, (-0.10, 0.08, 0.0)),
        "mid_back": offset(waist, low, (-0.10, 0.10, 0.0)),
        "sternum": offset(chest, upper, (0.11, 0.06, 0.0)),
        "forehead": offset(head, head_frame, (0.105, 0.03, 0.0)),
        "back_of_head": offset(head, head_frame, (-HEAD_RADIUS, 0.0, 0.0)),
        "face": offset(head, head_frame, (0.07, 0.03, 0.0)),
    }
    for s, sign in (("near", 1.0), ("far", -1.0)):
        _arm(p, a, s, sign, upper, neck)
        _leg(p, a, s, sign, hips, pelvis)
    return p


def _arm(p: dict[str, Vec], a: Angle, s: str, sign: float, upper: Mat, neck: Vec) -> None:
    shoulder = offset(neck, upper, (0.0, -SHOULDER_DROP, sign * SHOULDER_HALF))
    arm = mul(
        mul(mul(upper, rot_z(a(f"shoulder_{s}", 0.0))), rot_x(-sign * a(f"shoulder_{s}_out", 0.0))),
        rot_y(sign * a(f"shoulder_{s}_turn", 0.0)),
    )
    elbow = offset(shoulder, arm, (0.0, -UPPER_ARM, 0.0))
    forearm = mul(arm, rot_z(a(f"elbow_{s}", 0.0)))
    p[f"shoulder_{s}"] = shoulder
    p[f"elbow_{s}"] = elbow
    p[f"hand_{s}"] = offset(elbow, forearm, (0.0, -FOREARM, 0.0))


def _leg(p: dict[str, Vec], a: Angle, s: str, sign: float, hips: Mat, pelvis: Vec) -> None:
    hip = offset(pelvis, hips, (0.0, 0.0, sign * HIP_HALF))
    thigh = mul(
        mul(mul(hips, rot_z(a(f"hip_{s}", 0.0))), rot_x(-sign * a(f"hip_{s}_out", 0.0))),
        rot_y(sign * a(f"hip_{s}_turn", 0.0)),
    )
    knee = offset(hip, thigh, (0.0, -THIGH, 0.0))
    shin = mul(thigh, rot_z(-a(f"knee_{s}", 0.0)))
    ankle = offset(knee, shin, (0.0, -SHIN, 0.0))
    foot = mul(shin, rot_z(-a(f"ankle_{s}", 0.0)))
    p[f"hip_{s}"] = hip
    p[f"knee_{s}"] = knee
    p[f"ankle_{s}"] = ankle
    p[f"heel_{s}"] = offset(ankle, foot, (HEEL[0], HEEL[1], 0.0))
    p[f"toe_{s}"] = offset(ankle, foot, (TOE[0], TOE[1], 0.0))
    p[f"knee_front_{s}"] = offset(knee, shin, (0.05, 0.0, 0.0))
    p[f"shin_front_{s}"] = offset(ankle, shin, (0.05, 0.03, 0.0))
