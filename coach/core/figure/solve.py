"""Poses from what the body touches and reaches: a keyframe's hand-set angles
are corrected so its targets are met (a small inverse-kinematics step over
the skeleton), its feet stand flat and a standing body keeps its weight over
its feet.

    [[animation.keyframes]]
    phase = "hold"
    angles = { hip_near = 120, knee_near = 110 }
    targets = [
      { point = "knee_near", to = "sternum", offset = [0.05, 0.0, 0.0] },
      { point = "hand_near", to = "knee_near", offset = [0.0, -0.08, 0.0] },
      { point = "hand_far", at = [0.5, 0.0, -0.3] },     # a spot on the floor
    ]

A target moves a hand, elbow, ankle or knee; `to` names a body point (as
placed), `at` a place in the world (metres before any mirror: x forward
from the anchor, y up from the floor, z toward the viewer), and `offset`
shifts either in world axes. Targets are met in the order given, so a hand
can hold a knee that an earlier target moved. A limb is solved in closed
form (two bones: the bend from the distance, the swing and spread from the
direction; its roll stays as authored). Keyframes are solved once per depth
and cached, so drawing a frame costs no more than before.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from coach.core.figure.geometry import Mat, Vec, apply, rot_y
from coach.core.figure.placement import Contact, Support, place
from coach.core.figure.props import Scene
from coach.core.figure.skeleton import (
    FOREARM,
    HEEL,
    SHIN,
    THIGH,
    UPPER_ARM,
    forward_kinematics,
    trunk_frames,
)

TARGET_POINTS = tuple(
    f"{p}_{s}" for s in ("near", "far") for p in ("hand", "elbow", "ankle", "knee")
)
FEET = (("heel_near", "toe_near"), ("heel_far", "toe_far"))
REACH_MAX = 0.45  # metres: a `reach` contact further off than this is left to its keyframe


@dataclass(frozen=True)
class Target:
    point: str  # hand_*, elbow_*, ankle_* or knee_*
    to: str | None = None  # a body point, as placed ...
    at: Vec | None = None  # ... or a place in the world
    offset: Vec = (0.0, 0.0, 0.0)


# Mass shares of the body's segments (after Winter's tables), each at a
# point between two joints: (share, joint a, joint b, fraction from a).
SEGMENTS: tuple[tuple[float, str, str, float], ...] = (
    (0.081, "neck", "head", 0.8),
    (0.142, "pelvis", "waist", 0.3),
    (0.139, "waist", "chest", 0.5),
    (0.216, "chest", "neck", 0.4),
    *(
        seg
        for s in ("near", "far")
        for seg in (
            (0.028, f"shoulder_{s}", f"elbow_{s}", 0.44),
            (0.022, f"elbow_{s}", f"hand_{s}", 0.6),
            (0.100, f"hip_{s}", f"knee_{s}", 0.43),
            (0.0465, f"knee_{s}", f"ankle_{s}", 0.43),
            (0.0145, f"heel_{s}", f"toe_{s}", 0.45),
        )
    ),
)


def centre_of_mass(points: Mapping[str, Vec]) -> Vec:
    """The body's centre of mass from its joints (segment masses after Winter)."""
    total = 0.0
    cx = cy = cz = 0.0
    for share, a, b, u in SEGMENTS:
        pa, pb = points[a], points[b]
        cx += share * (pa[0] + (pb[0] - pa[0]) * u)
        cy += share * (pa[1] + (pb[1] - pa[1]) * u)
        cz += share * (pa[2] + (pb[2] - pa[2]) * u)
        total += share
    return (cx / total, cy / total, cz / total)


class Solver:
    """Solves keyframes for one exercise's supports and props."""

    def __init__(
        self, support: Support, scene: Scene, *, balance: bool = False, flat_feet: bool = False
    ) -> None:
        self.support, self.scene = support, scene
        # Placed without the limbs' own reaching: the solver moves the limbs itself.
        self._rigid = dataclasses.replace(support, reach=())
        self.balance, self.flat_feet = balance, flat_feet
        self._cache: dict[tuple[int, float], dict[str, float]] = {}

    @property
    def active(self) -> bool:
        return self.balance or self.flat_feet or bool(self.support.reach)

    def solved(
        self, key: int, angles: dict[str, float], targets: Sequence[Target], scale: float
    ) -> dict[str, float]:
        """`angles` (keyframe `key` at depth `scale`) with its targets met; cached."""
        if not targets and not self.active:
            return angles
        index = (key, round(scale, 3))
        found = self._cache.get(index)
        if found is None:
            found = self.solve(angles, targets)
            self._cache[index] = found
        return dict(found)

    def placed(self, angles: Mapping[str, float]) -> dict[str, Vec]:
        return place(forward_kinematics(angles), self._rigid, self.scene)

    def solve(self, angles: Mapping[str, float], targets: Sequence[Target]) -> dict[str, float]:
        a = dict(angles)
        if self.balance:
            self._balance(a)
        elif self.flat_feet:
            self._flatten(a)
        for _ in range(4):  # placing the body may shift it: meet the targets again
            for target in targets:
                self._reach(a, target)
            points = {c.point for c in self.support.reach}
            for contact in self.support.reach:
                stem, _, side = contact.point.rpartition("_")
                if {f"heel_{side}", f"toe_{side}"} <= points and stem in ("heel", "toe"):
                    if stem == "heel":
                        self._foot(a, side, contact.on)
                    continue
                self._touch(a, contact)
        return a

    def _foot(self, a: dict[str, float], side: str, on: str) -> None:
        """A whole foot set down flat: the ankle lowered to a foot's height above
        the surface, then the foot levelled about it."""
        heel, toe, ankle = f"heel_{side}", f"toe_{side}", f"ankle_{side}"
        body = forward_kinematics(a)
        placed = place(body, self._rigid, self.scene)
        h, t, p = placed[heel], placed[toe], placed[ankle]
        top = max(h[1] - self.scene.gap(h, on), t[1] - self.scene.gap(t, on))
        if abs(p[1] + HEEL[1] - top) > REACH_MAX:
            return
        goal = _to_body((p[0], top - HEEL[1], p[2]), body, placed)
        a.update(limb_angles(a, ankle, goal))
        placed = self.placed(a)
        h, t = placed[heel], placed[toe]
        a[ankle] += math.degrees(math.atan2(t[1] - h[1], t[0] - h[0]))

    def goal(self, placed: Mapping[str, Vec], target: Target) -> Vec:
        """Where `target` wants its point, given the body as placed."""
        base = placed[target.to] if target.to is not None else target.at
        assert base is not None
        o = target.offset
        return (base[0] + o[0], base[1] + o[1], base[2] + o[2])

    def _reach(self, a: dict[str, float], target: Target) -> None:
        body = forward_kinematics(a)
        placed = place(body, self._rigid, self.scene)
        goal = _to_body(self.goal(placed, target), body, placed)
        a.update(limb_angles(a, target.point, goal))

    def _touch(self, a: dict[str, float], contact: Contact) -> None:
        """A `reach` contact (a hand, heel, toe or forehead) brought onto its
        surface by turning the one joint it names, as placing does."""
        joint = contact.joint or ""
        if joint in a:
            self._newton(a, joint, contact.point, contact.on)

    def _newton(self, a: dict[str, float], angle: str, point: str, on: str) -> None:
        """Turn one angle until `point` meets its surface (a few secant steps)."""

        def gap(value: float) -> float:
            return self.scene.gap(self.placed({**a, angle: value})[point], on)

        x0, x1 = a[angle], a[angle] + 2.0
        g0, g1 = gap(x0), gap(x1)
        for _ in range(6):
            if abs(g1) < 1e-4 or g1 == g0:
                break
            x0, x1, g0 = x1, x1 - g1 * (x1 - x0) / (g1 - g0), g1
            g1 = gap(x1)
        if abs(x1 - a[angle]) < 40 and abs(g1) < abs(gap(a[angle])):
            a[angle] = x1

    def _flatten(self, a: dict[str, float]) -> None:
        for _ in range(2):
            placed = self.placed(a)
            for (heel, toe), side in zip(FEET, ("near", "far"), strict=True):
                h, t = placed[heel], placed[toe]
                a[f"ankle_{side}"] += math.degrees(math.atan2(t[1] - h[1], t[0] - h[0]))

    def _balance(self, a: dict[str, float]) -> None:
        """Lean the legs (feet kept flat) until the centre of mass is over the feet."""
        base = dict(a)

        def off(d: float) -> float:
            for side in ("near", "far"):
                a[f"hip_{side}"] = base[f"hip_{side}"] + d
                a[f"ankle_{side}"] = base[f"ankle_{side}"]
            self._flatten(a)
            placed = self.placed(a)
            feet = [placed[n][0] for pair in FEET for n in pair]
            middle = min(feet) + 0.45 * (max(feet) - min(feet))  # a little behind the middle
            return centre_of_mass(placed)[0] - middle

        lo, hi = -35.0, 35.0
        f_lo = off(lo)
        if (f_lo > 0) == (off(hi) > 0):
            off(0.0)
            return
        for _ in range(18):
            mid = (lo + hi) / 2
            f_mid = off(mid)
            if (f_mid > 0) == (f_lo > 0):
                lo, f_lo = mid, f_mid
            else:
                hi = mid
        off((lo + hi) / 2)


def _to_body(p: Vec, body: Mapping[str, Vec], placed: Mapping[str, Vec]) -> Vec:
    """A world point in the body's own axes (pelvis at the origin, as posed),
    undoing the turn and shift that placing the body made."""

    def heading(pts: Mapping[str, Vec]) -> float:
        n, q = pts["neck"], pts["pelvis"]
        return math.atan2(n[1] - q[1], n[0] - q[0])

    turn = heading(body) - heading(placed)
    c, s = math.cos(turn), math.sin(turn)
    px, py, pz = placed["pelvis"]
    dx, dy = p[0] - px, p[1] - py
    return (dx * c - dy * s, dx * s + dy * c, p[2] - pz)


def _transpose(m: Mat) -> Mat:
    return (m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8])


def _closest(deg: float, near: float) -> float:
    """`deg` plus whole turns, as close as can be to `near`."""
    return deg + 360.0 * round((near - deg) / 360.0)


def limb_angles(a: Mapping[str, float], point: str, goal: Vec) -> dict[str, float]:
    """The angles that bring a hand, elbow, ankle or knee to `goal` (body axes)."""
    joint, _, side = point.rpartition("_")
    sign = 1.0 if side == "near" else -1.0
    hips, _, upper = trunk_frames(a)
    body = forward_kinematics(a)
    if joint in ("hand", "elbow"):
        parent, names, root = upper, (f"shoulder_{side}", f"elbow_{side}"), body[f"shoulder_{side}"]
        first, second, bend_dir = UPPER_ARM, (FOREARM if joint == "hand" else 0.0), 1.0
    else:
        parent, names, root = hips, (f"hip_{side}", f"knee_{side}"), body[f"hip_{side}"]
        first, second, bend_dir = THIGH, (SHIN if joint == "ankle" else 0.0), -1.0
    swing, bend = names
    rel = (goal[0] - root[0], goal[1] - root[1], goal[2] - root[2])
    t = apply(_transpose(parent), rel)
    dist = math.sqrt(t[0] ** 2 + t[1] ** 2 + t[2] ** 2)
    out: dict[str, float] = {}
    if second > 0:
        lo, hi = abs(first - second) + 1e-4, first + second - 1e-4
        d = min(hi, max(lo, dist))
        cos_b = (d * d - first * first - second * second) / (2 * first * second)
        b = math.acos(max(-1.0, min(1.0, cos_b)))
        out[bend] = math.degrees(b)
        v = (bend_dir * second * math.sin(b), -first - second * math.cos(b), 0.0)
    else:
        d = first
        v = (0.0, -first, 0.0)
    scale = d / max(dist, 1e-9)
    t = (t[0] * scale, t[1] * scale, t[2] * scale)
    w = apply(rot_y(sign * a.get(f"{swing}_turn", 0.0)), v)
    # Spread: rot_x(-sign * out) must carry w's (y, z) to the goal's z ...
    r = math.hypot(w[1], w[2])
    phi = math.atan2(w[2], w[1])
    k = max(-1.0, min(1.0, t[2] / max(r, 1e-9)))
    authored_out = a.get(f"{swing}_out", 0.0)
    options = []
    for x in (math.asin(k) - phi, math.pi - math.asin(k) - phi):
        spread = _closest(-sign * math.degrees(x), authored_out)
        options.append(spread)
    # a limb spreads less than a right angle from the body when it can
    spread = min(options, key=lambda o: (abs(o) > 100, abs(o - authored_out)))
    xr = math.radians(-sign * spread)
    uy = math.cos(xr) * w[1] - math.sin(xr) * w[2]
    # ... and rot_z(swing) turns the rest onto the goal's (x, y).
    flex = math.degrees(math.atan2(t[1], t[0]) - math.atan2(uy, w[0]))
    out[swing] = _closest(flex, a.get(swing, 0.0))
    out[f"{swing}_out"] = spread
    return out
