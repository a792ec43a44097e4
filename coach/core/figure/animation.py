"""The [animation] section of an exercise file: how the stick figure does it.

    [animation]
    root = "stand"            # stand, sit_chair, sit_floor, kneel, lie_back, lie_front, all_fours
    view = { elevation = 0, azimuth = 0 }     # optional camera, degrees
    props = ["chair", { kind = "wall", x = 0.6, flip = false }]   # optional
    highlight = ["lower_back"]                # optional body areas to glow
    depth_min = 0.6           # first rep goes this fraction of the way (optional)
    deepen = ["twist"]        # optional: only these angles grow with depth (default: all)
    rest = ["seat"]           # optional: what the body rests on (lowest wins)
    turn = "upper_back"       # optional: tip about the rest until this (or the first of a
                              # list) touches too; "none" to stay as posed
    reach = ["hand_near", "heel_far@wall", "toe_near>ankle_near"]  # optional
    anchor = "seat"           # optional: the point that keeps its place on the floor
    balance = true            # optional, standing: lean the legs so the weight is over the feet
    flat_feet = true          # optional: ankles set so both feet stand flat
    sides = "swap"            # optional: the other side keeps the picture and uses the other
                              # limbs (default "mirror": the picture is mirrored)

    [[animation.keyframes]]   # start, then any move, one hold, then any release
    phase = "start"
    duration = 2.0            # seconds to come into this pose (start: back from release)
    ease = "in_out"           # optional: linear, in, out, in_out
    angles = { trunk = 0 }    # degrees; unlisted angles carry over from the pose before
    targets = [{ point = "hand_near", to = "knee_near", offset = [0, -0.08, 0] }]
                              # optional: solved into the angles (solve.py)

Defaults for everything optional come from the root kind (roots.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coach.core.figure.easing import EASES
from coach.core.figure.geometry import Vec, View
from coach.core.figure.placement import Contact, Support
from coach.core.figure.props import Prop
from coach.core.figure.roots import AREAS, POINTS, ROOTS, contact, prop_from, support_for
from coach.core.figure.skeleton import ANGLES
from coach.core.figure.solve import TARGET_POINTS, Target
from coach.core.schema import Fields
from coach.core.vocabulary import PosePhase, PropKind

# The phases a keyframe can belong to, in the order they are done.
PHASES = (PosePhase.START, PosePhase.MOVE, PosePhase.HOLD, PosePhase.RELEASE)


@dataclass(frozen=True)
class Keyframe:
    phase: PosePhase
    duration: float
    ease: str
    angles: Mapping[str, float]  # every angle in skeleton.ANGLES
    targets: tuple[Target, ...] = ()  # what the hands and feet reach for (solve.py)


@dataclass(frozen=True)
class Animation:
    root: str
    view: View
    props: tuple[Prop, ...] | None  # None: the exercise's props, placed for the root
    highlight: tuple[str, ...]
    depth_min: float
    deepen: tuple[str, ...]  # empty: every angle grows with depth
    support: Support
    start: Keyframe
    moves: tuple[Keyframe, ...]
    hold: Keyframe
    releases: tuple[Keyframe, ...]
    balance: bool = False  # standing: the legs lean so the weight is over the feet
    flat_feet: bool = False
    sides: str = "mirror"  # or "swap": the other side uses the other limbs, same picture

    @property
    def keys(self) -> tuple[Keyframe, ...]:
        """Every keyframe in order: start, moves, hold, releases."""
        return (self.start, *self.moves, self.hold, *self.releases)


def parse_animation(file_name: str, table: Mapping[str, Any]) -> Animation:
    """Validate an [animation] table; errors name the file and the field."""
    f = Fields(file_name, table, prefix="animation.")
    root = f.choice("root", tuple(ROOTS))
    view = _view(f)
    raw_props = f.raw("props", False)
    props = (
        None
        if raw_props is None
        else tuple(_prop(f, i, item, root) for i, item in enumerate(_list(f, "props", raw_props)))
    )
    highlight = f.texts("highlight", required=False, choices=tuple(AREAS))
    depth_min = f.number("depth_min", 0.1, 1.0, required=False, default=0.6)
    deepen = f.texts("deepen", required=False, choices=ANGLES)
    support = _support(f, root)
    balance = f.flag("balance", False)
    flat_feet = f.flag("flat_feet", balance)
    sides = f.choice("sides", ("mirror", "swap"), default="mirror")
    raw = f.raw("keyframes", True)
    frames = _keyframes(f, _list(f, "keyframes", raw), ROOTS[root].angles)
    f.check_unknown()
    order = [k.phase for k in frames]
    holds = order.count(PosePhase.HOLD)
    if (
        order[0] != PosePhase.START
        or order.count(PosePhase.START) != 1
        or holds != 1
        or order != sorted(order, key=PHASES.index)
    ):
        raise f.fail(
            "keyframes",
            "one start, then any moves, one hold, then any releases, in that order",
            " ".join(order),
        )
    hold_at = order.index(PosePhase.HOLD)
    return Animation(
        root,
        view,
        props,
        highlight,
        depth_min,
        deepen,
        support,
        frames[0],
        tuple(frames[1:hold_at]),
        frames[hold_at],
        tuple(frames[hold_at + 1 :]),
        balance,
        flat_feet,
        sides,
    )


def _list(f: Fields, field: str, value: Any) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise f.fail(field, "a non-empty list", value)
    return value


def _view(f: Fields) -> View:
    table = f.table_of("view", required=False)
    if table is None:
        return View()
    sub = Fields(f.file, table, prefix=f"{f.prefix}view.")
    view = View(
        sub.number("elevation", 0, 90, required=False),
        sub.number("azimuth", -90, 90, required=False),
    )
    sub.check_unknown()
    return view


def _prop(f: Fields, index: int, item: Any, root: str) -> Prop:
    if isinstance(item, str):
        if item not in tuple(PropKind):
            raise f.fail(f"props[{index}]", "a prop kind", item)
        return prop_from(PropKind(item), root)
    if not isinstance(item, Mapping):
        raise f.fail(f"props[{index}]", "a prop kind or a table with kind, x, flip", item)
    sub = Fields(f.file, item, prefix=f"{f.prefix}props[{index}].")
    kind = sub.word("kind", PropKind)
    base = prop_from(kind, root)
    prop = Prop(
        kind,
        sub.number("x", -3, 3, required=False, default=base.x),
        sub.flag("flip", base.flip),
        sub.number("length", 0.5, 3, required=False, default=base.length),
    )
    sub.check_unknown()
    return prop


def _support(f: Fields, root: str) -> Support:
    base = support_for(root)

    def parse(field: str, text: str, default_on: str, limb: bool = False) -> Contact:
        try:
            return contact(text, default_on, limb)
        except ValueError as exc:
            raise f.fail(field, str(exc), text) from None

    rest_raw = f.raw("rest", False)
    rest, rest_on = base.rest, base.rest_on
    if rest_raw is not None:
        names = [rest_raw] if isinstance(rest_raw, str) else list(f.texts("rest"))
        points = [parse("rest", name, "any") for name in names]
        rest, rest_on = tuple(p.point for p in points), points[0].on
    turn_raw = f.raw("turn", False)
    turn = base.turn
    if turn_raw is not None:
        names = [turn_raw] if isinstance(turn_raw, str) else list(f.texts("turn"))
        turn = () if names == ["none"] else tuple(parse("turn", n, "floor") for n in names)
    reach_texts = f.texts("reach", required=False)
    reach = (
        base.reach
        if "reach" not in f.table
        else tuple(parse("reach", text, "floor", limb=True) for text in reach_texts)
    )
    anchor = f.text("anchor", required=False) or (base.anchor if rest_raw is None else rest[0])
    parse("anchor", anchor, "any")
    return Support(rest, rest_on, turn, reach, anchor)


def _keyframes(f: Fields, items: list[Any], base: Mapping[str, float]) -> list[Keyframe]:
    frames: list[Keyframe] = []
    angles = dict(base)
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise f.fail(f"keyframes[{i}]", "a table", item)
        sub = Fields(f.file, item, prefix=f"{f.prefix}keyframes[{i}].")
        phase = PosePhase(sub.choice("phase", PHASES))
        duration = sub.number("duration", 0.05, 60)
        ease = sub.choice("ease", tuple(EASES), default="in_out")
        given = sub.table_of("angles", required=phase != "start") or {}
        targets = _targets(sub, sub.raw("targets", False))
        sub.check_unknown()
        for name, value in given.items():
            if name not in ANGLES:
                raise sub.fail(
                    f"angles.{name}",
                    "a joint angle name such as trunk, hip_near, knee_far or shoulder_near_out",
                    name,
                )
            if isinstance(value, bool) or not isinstance(value, (int, float)) or abs(value) > 360:
                raise sub.fail(f"angles.{name}", "a number of degrees from -360 to 360", value)
            angles[name] = float(value)
        frames.append(Keyframe(phase, duration, ease, dict(angles), targets))
    return frames


def _targets(f: Fields, raw: Any) -> tuple[Target, ...]:
    if raw is None:
        return ()
    found = []
    for i, item in enumerate(_list(f, "targets", raw)):
        field = f"targets[{i}]"
        if not isinstance(item, Mapping):
            raise f.fail(field, "a table with point and to or at", item)
        sub = Fields(f.file, item, prefix=f"{f.prefix}{field}.")
        point = sub.choice("point", TARGET_POINTS)
        to = sub.text("to", required=False) or None
        if to is not None and to not in POINTS:
            raise sub.fail("to", "a body point such as knee_far, sternum or chest", to)
        at = _vec(sub, "at", sub.raw("at", False))
        if (to is None) == (at is None):
            raise f.fail(field, "either to (a body point) or at (a place)", item)
        offset = _vec(sub, "offset", sub.raw("offset", False)) or (0.0, 0.0, 0.0)
        sub.check_unknown()
        if (
            to is not None
            and to.rpartition("_")[2] == point.rpartition("_")[2]
            and (
                to.split("_")[0] in ("hand", "elbow", "ankle", "knee", "heel", "toe")
                and _limb(to) == _limb(point)
            )
        ):
            raise sub.fail("to", "a point not on the limb that moves", to)
        found.append(Target(point, to, at, offset))
    return tuple(found)


def _limb(point: str) -> str:
    return "arm" if point.split("_")[0] in ("hand", "elbow") else "leg"


def _vec(f: Fields, field: str, raw: Any) -> Vec | None:
    if raw is None:
        return None
    if (
        not isinstance(raw, list)
        or len(raw) != 3
        or any(isinstance(v, bool) or not isinstance(v, (int, float)) or abs(v) > 5 for v in raw)
    ):
        raise f.fail(field, "three numbers of metres [x, y, z]", raw)
    return (float(raw[0]), float(raw[1]), float(raw[2]))
