"""Measurements behind tests/core/figure/test_checks.py (issue 14, item 5):
what a physio would check on every frame of every exercise.

- contact: declared supports touch their surface, nothing sinks into the floor
  or a prop;
- balance: the centre of mass of a standing, kneeling or sitting body projects
  into its base of support;
- distinct limbs: near and far limbs that are apart in 3-D are not drawn on
  top of each other;
- fill: the body covers enough of its panel, fitted as the painter fits it.

Each `*_findings(sample)` returns what is wrong with one pose, as text with
the measured value; an empty list means the pose passes. Plain Python, no Qt.

`python -m tests.core.figure.checks` prints, per check, every failing
exercise with its worst value: the source of the xfail lists in test_checks.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from coach.core.catalog.loader import load_shipped
from coach.core.catalog.model import Exercise
from coach.core.figure.geometry import Vec
from coach.core.figure.poses import Pose, pose_at
from coach.core.figure.props import Box, Solid
from coach.core.figure.skeleton import BONES, HEAD_RADIUS
from coach.core.vocabulary import PosePhase, Side, Sidedness, facing
from tests.core.figure.test_plausibility import BEARING

CATALOG = load_shipped()
EXERCISE_IDS = tuple(sorted(CATALOG.exercises))

PHASES = (PosePhase.START, PosePhase.MOVE, PosePhase.HOLD, PosePhase.RELEASE)
DEPTHS = (0.6, 1.0)
MOMENTS = 5  # samples per phase, from its first to its last moment

TOUCH = 0.01  # a declared contact lies within this of its surface
SINK = 0.01  # nothing goes further than this into the floor or a prop
BALANCE_TOUCH = 0.02  # a point this close to a floor or seat carries weight
BALANCE_MARGIN = 0.02  # the centre of mass may lie this far outside the base
APART = 0.10  # limbs further apart than this in 3-D must look apart
OVERLAP_GAP = 0.02  # drawn segments closer than this lie on top of each other
OVERLAP_SHARE = 0.5  # ... for more than this share of a limb's length
FILL = 0.6  # the body spans this share of the panel's width or height

BALANCED_ROOTS = ("stand", "sit_chair", "sit_floor", "kneel", "all_fours")  # lying: exempt


@dataclass(frozen=True)
class Sample:
    exercise_id: str
    phase: PosePhase
    t: float
    side: Side | None
    depth: float
    length: float | None

    def __str__(self) -> str:
        side = self.side.value if self.side else "no side"
        return f"{self.exercise_id} {self.phase.value} t={self.t:g} {side} depth {self.depth}"

    @property
    def exercise(self) -> Exercise:
        return CATALOG.exercises[self.exercise_id]


def sides(exercise: Exercise) -> tuple[Side | None, ...]:
    return (None,) if exercise.sides == Sidedness.NONE else (Side.LEFT, Side.RIGHT)


def samples(exercise_id: str) -> list[Sample]:
    """Every phase x MOMENTS moments x side x depth, with the engine's phase lengths."""
    ex = CATALOG.exercises[exercise_id]
    lengths = {
        PosePhase.START: 4.0,
        PosePhase.MOVE: ex.move_s,
        PosePhase.HOLD: float(max(ex.hold_s.default, 4)),
        PosePhase.RELEASE: ex.release_s,
    }
    return [
        Sample(
            exercise_id,
            phase,
            lengths[phase] * i / (MOMENTS - 1),
            side,
            depth,
            None if phase == PosePhase.START else lengths[phase],
        )
        for side in sides(ex)
        for depth in DEPTHS
        for phase in PHASES
        for i in range(MOMENTS)
    ]


@functools.cache
def pose(sample: Sample) -> Pose:
    return pose_at(
        sample.exercise,
        sample.phase,
        sample.t,
        side=sample.side,
        depth=sample.depth,
        phase_length=sample.length,
    )


# --- surfaces -------------------------------------------------------------


def solids(sample: Sample, pz: Pose) -> list[tuple[str, str, Solid]]:
    """(prop kind, drawn style, solid in the pose's world) for every prop part.
    A mat reaches down into the floor: sinking is measured from its top."""
    labels = [(str(p.kind), style) for p in sample.exercise.stage.props for style, _ in p.parts()]
    return [
        (k, st, dataclasses.replace(s, y0=-1.0) if k == "mat" and isinstance(s, Box) else s)
        for (k, st), s in zip(labels, pz.solids, strict=True)
    ]


def signed_distance(solid: Solid, p: Vec) -> float:
    """Distance from `p` to the solid's surface; negative inside."""
    if isinstance(solid, Box):
        inside = solid.depth_inside(p)
        if inside > 0:
            return -inside
        d = [
            max(lo - v, 0.0, v - hi)
            for v, lo, hi in zip(
                p,
                (solid.x0, solid.y0, solid.z0),
                (solid.x1, solid.y1, solid.z1),
                strict=True,
            )
        ]
        return math.hypot(*d)
    if solid.z0 == solid.z1:  # ball
        return math.dist(p, (solid.cx, solid.cy, solid.z0)) - solid.radius
    radial = math.hypot(p[0] - solid.cx, p[1] - solid.cy) - solid.radius
    axial = max(solid.z0 - p[2], p[2] - solid.z1)
    if radial <= 0 and axial <= 0:
        return max(radial, axial)
    return math.hypot(max(radial, 0.0), max(axial, 0.0))


def gap(surfaces: list[tuple[str, str, Solid]], p: Vec, on: str) -> float:
    """Signed distance from `p` to the nearest surface it may rest on ('any',
    'floor' or a prop kind; a mat counts as floor)."""
    found = [p[1]] if on in ("any", "floor") else []
    for kind, _, solid in surfaces:
        if (
            on == "any"
            or kind == on
            or (on == "floor" and kind == "mat")
            or (on == "wall" and kind == "doorway")
        ):
            found.append(signed_distance(solid, p))
    return min(found, key=abs) if found else math.inf


# --- contact ----------------------------------------------------------------


def _bone_points(w: dict[str, Vec]) -> Iterable[tuple[str, Vec]]:
    yield from w.items()
    for a, b in BONES:
        for i in range(1, 6):
            u = i / 6
            yield f"{a}-{b}", tuple(w[a][k] + (w[b][k] - w[a][k]) * u for k in range(3))  # type: ignore[misc]


Finding = tuple[float, str]  # (how bad, in the check's unit; what is wrong)


def swapped(sample: Sample) -> bool:
    """An exercise with `sides = "swap"` does its other side with the far limbs
    (poses.py): declared names then swap near and far, and z turns round."""
    anim = sample.exercise.stage.animation
    return (
        getattr(anim, "sides", "mirror") == "swap"
        and sample.side is not None
        and sample.side is not facing(None)
    )


def _other(name: str) -> str:
    for a, b in (("_near", "_far"), ("_far", "_near")):
        if name.endswith(a):
            return name[: -len(a)] + b
    return name


def target_findings(sample: Sample, pz: Pose) -> list[Finding]:
    """Keyframe targets (a hand on a knee, a heel on a spot) met within TOUCH
    where the keyframe is shown as written: the start, and the hold at its two
    ends (no breath)."""
    anim = sample.exercise.stage.animation
    if sample.phase == PosePhase.START:
        key = anim.start
    elif sample.phase == PosePhase.HOLD and sample.t in (0.0, sample.length):
        key = anim.hold
    else:
        return []
    swap = swapped(sample)
    name = _other if swap else str
    sx = -1.0 if pz.facing is Side.LEFT else 1.0
    sz = -1.0 if swap else 1.0
    out: list[Finding] = []
    for target in getattr(key, "targets", ()):
        o = target.offset
        if target.to is not None:
            b = pz.world[name(target.to)]
            goal = (b[0] + sx * o[0], b[1] + o[1], b[2] + sz * o[2])
        else:
            a = target.at
            goal = (sx * (a[0] + o[0]), a[1] + o[1], sz * (a[2] + o[2]))
        miss = math.dist(pz.world[name(target.point)], goal)
        if miss > TOUCH:
            to = target.to or "its spot"
            out.append((100 * miss, f"{target.point} {100 * miss:.1f} cm from {to} (target)"))
    return out


def _limb(name: str) -> str | None:
    """'arm_near', 'leg_far', ... for a limb's point; None for the trunk and head."""
    stem, _, side = name.rpartition("_")
    if side not in ("near", "far"):
        return None
    if stem in ("shoulder", "elbow", "hand"):
        return f"arm_{side}"
    if stem in ("hip", "knee", "ankle", "heel", "toe", "knee_front", "shin_front"):
        return f"leg_{side}"
    return None


def _targeted_limbs(sample: Sample) -> set[str | None]:
    """Limbs the shown keyframe places by targets (a hand on a knee, the knee
    it holds): their `reach` to the floor is not meant in that pose."""
    anim = sample.exercise.stage.animation
    key = anim.start if sample.phase == PosePhase.START else anim.hold
    found: set[str | None] = set()
    for target in getattr(key, "targets", ()):
        found |= {_limb(target.point), _limb(target.to or "")}
    return found - {None}


def contact_findings(sample: Sample, pz: Pose | None = None) -> list[Finding]:
    """Declared supports (rest, turn, the root's bearing points; reach in the
    start and hold poses, for limbs that pose does not place by a target)
    within TOUCH of their surface, keyframe targets met;
    no point or bone deeper than SINK in the floor or a prop; the head's ball
    not either. How bad: centimetres off or in."""
    pz = pz or pose(sample)
    w = dict(pz.world)
    if swapped(sample):
        w = {_other(n): p for n, p in w.items()}  # back to the names as declared
    surfaces = solids(sample, pz)
    support = sample.exercise.stage.animation.support
    out: list[Finding] = target_findings(sample, pz)
    groups: list[tuple[tuple[str, ...], str, str]] = [(support.rest, support.rest_on, "rest")]
    if support.turn:
        groups.append((tuple(c.point for c in support.turn), support.turn[0].on, "turn"))
    groups += [(g, "any", "bearing") for g in BEARING[pz.root]]
    if sample.phase in (PosePhase.START, PosePhase.HOLD):
        held = _targeted_limbs(sample)
        groups += [((c.point,), c.on, "reach") for c in support.reach if _limb(c.point) not in held]
    for names, on, role in groups:
        best = min(names, key=lambda n: abs(gap(surfaces, w[n], on)))
        g = gap(surfaces, w[best], on)
        if abs(g) > TOUCH:
            where = "any surface" if on == "any" else f"the {on}"
            text = f"{best} {100 * g:+.1f} cm off {where} ({role}: {'/'.join(names)})"
            out.append((100 * abs(g), text))
    worst: dict[str, tuple[float, str]] = {}
    for name, p in _bone_points(w):
        depths = [("floor", -p[1])]
        depths += [(kind, -signed_distance(s, p)) for kind, _, s in surfaces]
        for where, d in depths:
            if d > SINK and d > worst.get(where, (0.0, ""))[0]:
                worst[where] = (d, name)
    for kind, _, s in surfaces:
        d = HEAD_RADIUS - signed_distance(s, w["head"])
        if d > SINK and d > worst.get(kind, (0.0, ""))[0]:
            worst[kind] = (d, "head")
    d = HEAD_RADIUS - w["head"][1]
    if d > SINK and d > worst.get("floor", (0.0, ""))[0]:
        worst["floor"] = (d, "head")
    out += [
        (100 * d, f"{name} {100 * d:.1f} cm into the {where}") for where, (d, name) in worst.items()
    ]
    return out


# --- balance ----------------------------------------------------------------

# Winter (2009), Biomechanics and Motor Control of Human Movement, table 4.1:
# segment mass share, and where its centre of mass lies from the first point
# toward the second (the trunk split into pelvis, abdomen and thorax).
SEGMENTS: tuple[tuple[str, str, float, float], ...] = (
    ("head", "head", 0.081, 0.0),
    ("neck", "waist", 0.216, 0.5),  # thorax
    ("waist", "pelvis", 0.139, 0.5),  # abdomen
    ("pelvis", "pelvis", 0.142, 0.0),
    *(
        seg
        for s in ("near", "far")
        for seg in (
            (f"shoulder_{s}", f"elbow_{s}", 0.028, 0.436),
            (f"elbow_{s}", f"hand_{s}", 0.022, 0.682),
            (f"hip_{s}", f"knee_{s}", 0.100, 0.433),
            (f"knee_{s}", f"ankle_{s}", 0.0465, 0.433),
            (f"heel_{s}", f"toe_{s}", 0.0145, 0.5),
        )
    ),
)
SUPPORT_POINTS = (
    "seat",
    *(
        f"{p}_{s}"
        for s in ("near", "far")
        for p in ("heel", "toe", "knee_front", "shin_front", "hand", "elbow")
    ),
    "forehead",
)


def centre_of_mass(w: dict[str, Vec]) -> Vec:
    total = sum(m for *_, m, _ in SEGMENTS)
    acc = [0.0, 0.0, 0.0]
    for a, b, m, f in SEGMENTS:
        for k in range(3):
            acc[k] += m * (w[a][k] + (w[b][k] - w[a][k]) * f)
    return (acc[0] / total, acc[1] / total, acc[2] / total)


def _hull(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o, a, b) -> float:  # type: ignore[no-untyped-def]
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _segment_distance(p, a, b) -> float:  # type: ignore[no-untyped-def]
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = dx * dx + dy * dy
    u = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / n))
    return math.hypot(p[0] - a[0] - u * dx, p[1] - a[1] - u * dy)


def outside_hull(p: tuple[float, float], hull: list[tuple[float, float]]) -> float:
    """How far `p` lies outside the convex polygon (0 inside)."""
    if len(hull) >= 3 and all(
        (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0
        for a, b in zip(hull, hull[1:] + hull[:1], strict=True)
    ):
        return 0.0
    if len(hull) == 1:
        return math.dist(p, hull[0])
    return min(_segment_distance(p, a, b) for a, b in zip(hull, hull[1:] + hull[:1], strict=True))


def base_of_support(sample: Sample, pz: Pose) -> list[str]:
    """The points that carry weight: near the floor, a mat or a prop (not a wall)."""
    w = pz.world
    bearing = [s for _, style, s in solids(sample, pz) if style != "wall"]
    return [
        n
        for n in SUPPORT_POINTS
        if w[n][1] <= BALANCE_TOUCH
        or any(abs(signed_distance(s, w[n])) <= BALANCE_TOUCH for s in bearing)
    ]


def balance_findings(sample: Sample, pz: Pose | None = None) -> list[Finding]:
    """How bad: centimetres the centre of mass lies outside the base."""
    pz = pz or pose(sample)
    if pz.root not in BALANCED_ROOTS:
        return []
    w = dict(pz.world)
    names = base_of_support(sample, pz)
    com = centre_of_mass(w)
    if not names:
        return [(100.0, f"nothing carries the weight (centre of mass {100 * com[1]:.0f} cm up)")]
    hull = _hull([(w[n][0], w[n][2]) for n in names])
    out = outside_hull((com[0], com[2]), hull)
    if out > BALANCE_MARGIN:
        where = ", ".join(names)
        return [(100 * out, f"centre of mass {100 * out:.1f} cm outside the base of {where}")]
    return []


# --- distinct limbs ---------------------------------------------------------

LIMBS = {
    "legs": (("hip_{}", "knee_{}", "ankle_{}", "toe_{}"), ("knee_{}", "ankle_{}")),
    "arms": (("shoulder_{}", "elbow_{}", "hand_{}"), ("elbow_{}", "hand_{}")),
}


def _along(line: list[tuple[float, float]], count: int) -> list[tuple[float, float]]:
    """`count` points evenly spaced along a polyline's drawn length."""
    pieces = list(itertools.pairwise(line))
    lengths = [math.dist(a, b) for a, b in pieces]
    total = sum(lengths)
    if total == 0:
        return [line[0]] * count
    out = []
    for i in range(count):
        s = total * (i + 0.5) / count
        for (a, b), n in zip(pieces, lengths, strict=True):
            if s <= n or (a, b) == pieces[-1]:
                u = s / n if n else 0.0
                out.append((a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u))
                break
            s -= n
    return out


def overlap_share(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> float:
    """Share of the drawn length of `a` lying within OVERLAP_GAP of `b`."""
    pts = _along(a, 24)
    near = sum(
        1
        for p in pts
        if min(_segment_distance(p, u, v) for u, v in itertools.pairwise(b)) <= OVERLAP_GAP
    )
    return near / len(pts)


def distinct_findings(sample: Sample, pz: Pose | None = None) -> list[Finding]:
    """How bad: per cent of a limb's drawn length on top of its partner."""
    pz = pz or pose(sample)
    out: list[Finding] = []
    for limb, (chain, ends) in LIMBS.items():
        apart = max(math.dist(pz.world[j.format("near")], pz.world[j.format("far")]) for j in ends)
        if apart <= APART:
            continue
        near = [pz.points[j.format("near")] for j in chain]
        far = [pz.points[j.format("far")] for j in chain]
        share = max(overlap_share(near, far), overlap_share(far, near))
        if share > OVERLAP_SHARE:
            out.append(
                (
                    100 * share,
                    f"{limb} {100 * apart:.0f} cm apart in 3-D drawn as one"
                    f" for {100 * share:.0f}% of their length",
                )
            )
    return out


# --- fill -------------------------------------------------------------------

BODY = tuple(sorted({n for bone in BONES for n in bone}))


def body_box(pz: Pose) -> tuple[float, float, float, float]:
    """The drawn body's bounding box (joints, and the head as its circle)."""
    xs, ys = [], []
    for n in BODY:
        x, y = pz.points[n]
        grow = HEAD_RADIUS if n == "head" else 0.0
        xs += (x - grow, x + grow)
        ys += (y - grow, y + grow)
    return min(xs), min(ys), max(xs), max(ys)


def own_fill(pz: Pose, aspect: float) -> float:
    """The larger share of a panel (width/height = `aspect`) the body spans,
    with the painter's fit (coach/ui/figure/view.py _Canvas: `frame` scaled by
    the smaller of the two ratios, centred)."""
    x0, y0, x1, y1 = pz.frame
    scale = min(aspect / (x1 - x0), 1.0 / (y1 - y0))  # the panel 1 high
    bx0, by0, bx1, by1 = body_box(pz)
    return max((bx1 - bx0) * scale / aspect, (by1 - by0) * scale)


def _fill_rule() -> Callable[[Pose, float], float]:
    """The poses' own `body_fill` (coach/core/figure/fill.py) when there is one."""
    try:
        from coach.core.figure.fill import body_fill  # type: ignore[import-not-found]
    except ImportError:
        return own_fill
    return body_fill  # type: ignore[no-any-return]


fill = _fill_rule()


@functools.cache
def card_aspect(exercise_id: str) -> float:
    """Width/height of the exercise's card panels: FiguresPart sizes them to
    the tallest frame among the card's poses (coach/ui/cards/figures.py
    `aspect`, `_wanted`; the start and the hold at full depth, on the
    card's sides as in coach/ui/cards/text.py `card_for`)."""
    ex = CATALOG.exercises[exercise_id]
    sided = ex.sides != Sidedness.NONE
    shown = [(PosePhase.START, Side.LEFT if sided else None)]
    shown += [(PosePhase.HOLD, s) for s in ((Side.LEFT, Side.RIGHT) if sided else (None,))]
    frames = [pose_at(ex, phase, 0.0, side=side, depth=1.0).frame for phase, side in shown]
    return 1.0 / max((y1 - y0) / (x1 - x0) for x0, y0, x1, y1 in frames)


def panels(sample: Sample) -> dict[str, float]:
    """Width/height of the square panel (player, preview, `coach render`) and
    of the exercise's card panel."""
    return {"square panel": 1.0, "card panel": card_aspect(sample.exercise_id)}


def fill_findings(sample: Sample, pz: Pose | None = None) -> list[Finding]:
    """How bad: per cent of the panel short of FILL."""
    pz = pz or pose(sample)
    out: list[Finding] = []
    for name, aspect in panels(sample).items():
        share = fill(pz, aspect)
        if share < FILL:
            text = f"body spans {100 * share:.0f}% of the {name}"
            out.append((100 * (FILL - share), text))
    return out


# --- all together -------------------------------------------------------------

CHECKS: dict[str, Callable[..., list[Finding]]] = {
    "contact": contact_findings,
    "balance": balance_findings,
    "distinct": distinct_findings,
    "fill": fill_findings,
}


def failures(check: str, exercise_id: str) -> list[Finding]:
    """(how bad, '<sample>: <what>') for every failing sample, worst first."""
    find = CHECKS[check]
    found = [(v, f"{s}: {text}") for s in samples(exercise_id) for v, text in find(s)]
    return sorted(found, key=lambda f: -f[0])


def message(check: str, exercise_id: str) -> str:
    """'' when every frame passes; else how many fail and the worst few."""
    found = failures(check, exercise_id)
    if not found:
        return ""
    frames = len({text.split(": ")[0] for _, text in found})
    lines = [f"{check}: {frames} of {len(samples(exercise_id))} frames fail; worst first:"]
    return "\n".join([*lines, *(f"  {text}" for _, text in found[:8])])


def reason(check: str, exercise_id: str) -> str:
    """One line for an xfail: how many frames fail and the worst of them."""
    found = failures(check, exercise_id)
    if not found:
        return ""
    frames = len({text.split(": ")[0] for _, text in found})
    worst = found[0][1].removeprefix(f"{exercise_id} ")
    return f"{frames}/{len(samples(exercise_id))} frames fail; worst {worst}"


def main() -> None:
    """Print KNOWN for test_checks.py as it is today, wrapped for ruff."""
    print("KNOWN: dict[str, dict[str, str]] = {")
    for check in CHECKS:
        print(f'    "{check}": {{')
        for eid in EXERCISE_IDS:
            if text := reason(check, eid):
                lines = textwrap.wrap(text, 84, drop_whitespace=False)
                print(f'        "{eid}": (')
                print("\n".join(f'            "{line}"' for line in lines))
                print("        ),")
        print("    },")
    print("}")


if __name__ == "__main__":
    main()
