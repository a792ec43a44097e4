"""Rests a posed figure on the floor or its props after forward kinematics.

Keyframes only give joint angles; where the body ends up is solved here, so
that interpolated in-between poses still touch their supports:
1. the body moves so its anchor keeps its place along the floor and its
   resting point (the lowest of `rest`) lies on the surface below it;
2. optionally it tips about that point until a second point (`turn`) touches
   too (shins flat when kneeling, shoulders down when lying; given several
   points, it tips until the first of them touches);
3. each `reach` point (a hand, a heel) turns its own limb at one joint until
   it touches its surface.
All moves are rigid turns or shifts, so bone lengths never change.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from coach.core.figure.geometry import Vec, turn_about
from coach.core.figure.props import Scene
from coach.core.figure.skeleton import CHAINS

MAX_TURN = 40.0  # degrees: corrections beyond this mean the keyframe is wrong
# A limb reaching for its support turns fully up to REACH_FULL degrees, and less
# and less up to REACH_NONE; and only as far as it meets the support squarely
# (a grazing touch turns it not at all), so a support coming into range never
# makes the limb jump between frames.
REACH_FULL, REACH_NONE = 15.0, 30.0
SQUARE = 0.5  # sine of the meeting angle from which the full turn applies

TOUCHING = 5e-4  # metres: closer than this already touches (keyframes are solved to touch)

Gap = Callable[[float], float]  # degrees turned -> signed distance to the support


@dataclass(frozen=True)
class Contact:
    point: str
    on: str = "floor"  # 'any', 'floor' or a prop kind
    joint: str | None = None  # the joint that turns to reach (None: the whole body)


@dataclass(frozen=True)
class Support:
    rest: tuple[str, ...]
    rest_on: str = "any"
    turn: tuple[Contact, ...] = ()  # the first of these to touch stops the tipping
    reach: tuple[Contact, ...] = ()
    anchor: str = "pelvis"


def place(points: dict[str, Vec], support: Support, scene: Scene) -> dict[str, Vec]:
    pts = dict(points)
    _shift(pts, -pts[support.anchor][0], 0.0)
    lift = max(scene.top_at(pts[name][0], support.rest_on) - pts[name][1] for name in support.rest)
    _shift(pts, 0.0, lift)
    if support.turn:
        pivot = min(
            support.rest, key=lambda n: pts[n][1] - scene.top_at(pts[n][0], support.rest_on)
        )
        _turn(pts, tuple(pts), pts[pivot], support.turn, scene)
        dx = -pts[support.anchor][0]
        if dx:
            _shift(pts, dx, 0.0)
    for contact in support.reach:
        joint = contact.joint or ""
        _turn(pts, CHAINS[joint], pts[joint], (contact,), scene, limb=True)
    return pts


def _shift(pts: dict[str, Vec], dx: float, dy: float) -> None:
    for name, (x, y, z) in pts.items():
        pts[name] = (x + dx, y + dy, z)


def _turn(
    pts: dict[str, Vec],
    moving: tuple[str, ...],
    centre: Vec,
    contacts: tuple[Contact, ...],
    scene: Scene,
    limb: bool = False,
) -> None:
    touching = [(pts[c.point], c.on) for c in contacts]

    def gap(deg: float) -> float:
        r = math.radians(deg)
        c, s = math.cos(r), math.sin(r)
        return min(scene.gap(turn_about(p, centre, c, s), on) for p, on in touching)

    if limb:
        angle = _nearest_root(gap, REACH_NONE)
    else:
        # The body tips one way only: down onto its support when it floats,
        # up out of it when it sinks in. Two contact points (a back on a
        # roller) then never make it flip between two resting angles.
        arm = sum(p[0] - centre[0] for p, _ in touching)
        down = -1.0 if arm > 0 else 1.0  # turning this way lowers the contacts
        way = down if gap(0.0) > 0 else -down
        angle = _nearest_root(gap, MAX_TURN, signs=(way,))
    if limb and angle:
        angle *= _reach_weight(gap, angle, math.dist(pts[contacts[0].point][:2], centre[:2]))
    if angle:
        r = math.radians(angle)
        c, s = math.cos(r), math.sin(r)
        for name in moving:
            pts[name] = turn_about(pts[name], centre, c, s)


def _reach_weight(gap: Gap, angle: float, radius: float) -> float:
    """0..1: how much of a limb's turn to its support to apply."""
    fade = min(1.0, (REACH_NONE - abs(angle)) / (REACH_NONE - REACH_FULL))
    h = 0.5
    slope = abs(gap(angle + h) - gap(angle - h)) / (2 * math.radians(h) * max(radius, 1e-6))
    return max(0.0, fade) * min(1.0, slope / SQUARE)


def _nearest_root(
    f: Gap, limit: float, step: float = 3.0, signs: tuple[float, ...] = (1.0, -1.0)
) -> float:
    """The angle nearest zero where f changes sign, within `limit`, turning
    the ways in `signs`; 0 if none."""
    f0 = f(0.0)
    if abs(f0) < TOUCHING:
        return 0.0
    a = 0.0
    while a < limit:
        b = a + step
        for sign in signs:
            fa, fb = (f0 if a == 0 else f(sign * a)), f(sign * b)
            if (fa > 0) != (fb > 0):
                return _bisect(f, sign * a, sign * b, fa)
        a = b
    return 0.0


def _bisect(f: Gap, lo: float, hi: float, f_lo: float) -> float:
    for _ in range(16):
        mid = (lo + hi) / 2
        f_mid = f(mid)
        if (f_mid > 0) == (f_lo > 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2
