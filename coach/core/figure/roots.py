"""What each root kind (stand, sit on a chair, kneel, lie ...) means for the
figure: its resting pose, what it rests on, where its props go by default,
and the body areas that can be highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from coach.core.figure.placement import Contact, Support
from coach.core.figure.props import KINDS, Prop
from coach.core.figure.skeleton import ANGLES, CHAINS, SIDES, SURFACE_POINTS
from coach.core.vocabulary import Position, PropKind

FEET = ("heel_near", "toe_near", "heel_far", "toe_far")
POINTS = frozenset(
    (
        "pelvis",
        "waist",
        "chest",
        "neck",
        "head",
        "face",
        *SURFACE_POINTS,
        *(
            f"{j}_{s}"
            for s in SIDES
            for j in ("shoulder", "elbow", "hand", "hip", "knee", "ankle", "heel", "toe")
        ),
    )
)


def _angles(**given: float) -> dict[str, float]:
    angles = dict.fromkeys(ANGLES, 0.0)
    for name, value in given.items():
        for side in ("near", "far"):
            angles[name.replace("_x", f"_{side}")] = value  # `_x` sets both sides
        angles[name] = value
    return {k: v for k, v in angles.items() if k in ANGLES}


@dataclass(frozen=True)
class Root:
    angles: dict[str, float]
    support: Support
    mat_centre: float = 0.0
    chair_x: float = 0.8  # front edge of the seat


_LIMB_JOINT = {
    "hand": "shoulder",
    "elbow": "shoulder",
    "heel": "hip",
    "toe": "ankle",
    "knee_front": "hip",
    "shin_front": "knee",
    "knee": "hip",
    "ankle": "hip",
}


def contact(text: str, default_on: str = "floor", limb: bool = False) -> Contact:
    """Parse 'point', 'point@surface' or 'point>joint' (a limb turning at that joint)."""
    rest, _, joint = text.partition(">")
    point, _, on = rest.partition("@")
    on = on or default_on
    if point not in POINTS:
        raise ValueError("a body point such as seat, sacrum, upper_back, hand_near or heel_far")
    if on not in ("any", "floor", *KINDS):
        raise ValueError("a surface after @: floor or one of " + ", ".join(KINDS))
    if not limb:
        if joint:
            raise ValueError("a body point without '>joint'")
        return Contact(point, on)
    if not joint:
        if point in ("forehead", "back_of_head"):
            joint = "neck"
        else:
            stem, _, side = point.rpartition("_")
            joint = f"{_LIMB_JOINT.get(stem, '')}_{side}"
    if joint not in CHAINS or point not in CHAINS[joint]:
        raise ValueError(
            "a hand, elbow, heel, toe, knee or forehead that a joint above it can turn"
        )
    return Contact(point, on, joint)


def _reach(*texts: str) -> tuple[Contact, ...]:
    return tuple(contact(t, "floor", limb=True) for t in texts)


ROOTS: dict[str, Root] = {
    "stand": Root(_angles(elbow_x=8), Support(FEET, anchor="ankle_far"), chair_x=0.95),
    "sit_chair": Root(
        _angles(hip_x=82, knee_x=82, shoulder_x=15, elbow_x=54),
        Support(
            ("seat",),
            "chair",
            reach=_reach("heel_near>hip_near", "heel_far>hip_far", "toe_near", "toe_far"),
            anchor="seat",
        ),
        chair_x=0.14,
    ),
    "sit_floor": Root(
        _angles(hip_x=90, ankle_x=10, shoulder_x=-20, elbow_x=5),
        Support(("seat",), anchor="seat", reach=_reach("hand_near", "hand_far")),
        mat_centre=0.35,
    ),
    "kneel": Root(
        _angles(knee_x=90, ankle_x=90, elbow_x=8),
        Support(
            ("knee_front_near", "knee_front_far"),
            turn=(Contact("shin_front_near"),),
            anchor="knee_front_near",
        ),
        mat_centre=0.3,
    ),
    "lie_back": Root(
        _angles(trunk=-90, ankle_x=20, shoulder_x=-8, elbow_x=5),
        Support(("sacrum",), turn=(Contact("upper_back"),), anchor="sacrum"),
        mat_centre=-0.1,
    ),
    "lie_front": Root(
        _angles(trunk=90, neck=-20, ankle_x=70, elbow_x=5),
        Support(("belly",), turn=(Contact("sternum"),), anchor="belly"),
        mat_centre=0.15,
    ),
    "all_fours": Root(
        _angles(trunk=75, hip_x=75, knee_x=90, ankle_x=90, shoulder_x=75),
        Support(
            ("knee_front_near", "knee_front_far"),
            turn=(Contact("shin_front_near"),),
            reach=_reach("hand_near", "hand_far"),
            anchor="knee_front_near",
        ),
        mat_centre=0.3,
    ),
}

# Exercises without an [animation] section still get a figure in their position.
POSITION_ROOT: dict[Position, str] = {
    Position.STANDING: "stand",
    Position.SEATED: "sit_chair",
    Position.LYING: "lie_back",
    Position.KNEELING: "kneel",
    Position.ALL_FOURS: "all_fours",
    Position.PRONE: "lie_front",
}

AREAS: dict[str, tuple[tuple[str, str], ...]] = {
    "lower_back": (("pelvis", "waist"), ("waist", "chest")),
    "upper_back": (("chest", "neck"),),
    "back": (("pelvis", "waist"), ("waist", "chest"), ("chest", "neck")),
    "neck": (("neck", "head"),),
    "glutes": (("sacrum", "seat"), ("pelvis", "hip_near"), ("pelvis", "hip_far")),
    "hips": (("belly", "hip_near"), ("belly", "hip_far")),
    "core": (("belly", "sternum"),),
    "shoulders": (("shoulder_near", "neck"), ("neck", "shoulder_far")),
    **{
        f"{part}_{s}": pairs
        for s in SIDES
        for part, pairs in (
            ("hamstring", ((f"hip_{s}", f"knee_{s}"),)),
            ("thigh", ((f"hip_{s}", f"knee_{s}"),)),
            ("hip", (("belly", f"hip_{s}"), (f"hip_{s}", f"knee_{s}"))),
            ("calf", ((f"knee_{s}", f"ankle_{s}"),)),
            ("arm", ((f"shoulder_{s}", f"elbow_{s}"), (f"elbow_{s}", f"hand_{s}"))),
            ("side", (("pelvis", "waist"), ("waist", "chest"), ("chest", f"shoulder_{s}"))),
        )
    },
}


def support_for(root: str) -> Support:
    return ROOTS[root].support


def prop_from(kind: PropKind, root: str) -> Prop:
    """A prop where it usually stands for this root kind."""
    r = ROOTS[root]
    if kind == PropKind.CHAIR:
        return Prop(kind, r.chair_x)
    if kind in (PropKind.WALL, PropKind.DOORWAY):
        return Prop(kind, 0.6)
    if kind == PropKind.MAT:
        return Prop(kind, r.mat_centre)
    if kind == PropKind.FOAM_ROLLER:
        return Prop(kind, -0.45 if root == "lie_back" else 0.0)
    return Prop(kind, 0.0)
