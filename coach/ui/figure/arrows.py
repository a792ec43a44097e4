"""Motion arrows: from where the moving joints were in the start pose (the
ghost) to where they are now. A joint that swings about a joint above it
(a hand about the shoulder, a knee about the hip, the head about the hips)
gets an arc; one that slides gets a straight arrow."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from coach.core.figure.poses import Pose

XY = tuple[float, float]

MIN_MOVE = 0.08  # metres on the picture: less is not worth an arrow
MAX_ARROWS = 3
SAME_ARROW = 0.07  # two arrows whose ends are this close say the same thing
SAMPLES = 14
MIN_ROCK = math.radians(10)  # the pelvis turned this much in the picture: show it
ROCK_RADIUS, ROCK_SPAN = 0.22, math.radians(50)
MAX_ROCK_SHIFT = 0.1  # metres: a pelvis moved further went somewhere, not rocked


@dataclass(frozen=True)
class Arrow:
    joint: str  # what it follows ('pelvis_rock': the pelvis turning in place)
    path: list[XY]  # metres, as drawn
    gap_start: float  # metres to leave free at each end: the joints stay visible
    gap_end: float


# Per body part, the joints that can carry its arrow and what each swings about
# (None: it slides). The part's biggest move above MIN_MOVE wins.
CHAINS: tuple[tuple[tuple[str, str | None], ...], ...] = (
    (("head", "pelvis"),),
    (("pelvis", None),),
    *(
        (
            (f"hand_{s}", f"shoulder_{s}"),
            (f"elbow_{s}", f"shoulder_{s}"),
        )
        for s in ("near", "far")
    ),
    *(
        (
            (f"knee_{s}", f"hip_{s}"),
            (f"ankle_{s}", f"hip_{s}"),
        )
        for s in ("near", "far")
    ),
)


def _dist(a: XY, b: XY) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def moved(ghost: Pose, pose: Pose) -> float:
    """How far the joint that moved most moved in the picture (metres)."""
    return max(
        (
            _dist(ghost.points[j], pose.points[j])
            for chain in CHAINS
            for j, _ in chain
            if j in ghost.points and j in pose.points
        ),
        default=0.0,
    )


def motion_arrows(ghost: Pose, pose: Pose) -> list[Arrow]:
    """At most MAX_ARROWS arrows, biggest move first; none when nothing
    moved MIN_MOVE. A pelvis that only rocks (a pelvic tilt) gets a
    curved arrow round it."""
    moves: list[tuple[float, str, str | None]] = []
    for chain in CHAINS:
        best: tuple[float, str, str | None] | None = None
        for joint, pivot in chain:
            a, b = ghost.points.get(joint), pose.points.get(joint)
            if a is None or b is None:
                continue
            d = _dist(a, b)
            if (
                d >= MIN_MOVE
                and (best is None or d > best[0])
                and not _carried(ghost, pose, joint, pivot, d)
            ):
                best = (d, joint, pivot)
        if best is not None:
            moves.append(best)
    moves.sort(key=lambda m: -m[0])
    chosen: list[Arrow] = []
    # A pelvis that turned in place (shifting a little as it rolls over the
    # sacrum) rocks: one curved arrow says it, not a short slide.
    rock = None if any(joint == "head" for _, joint, _ in moves) else rocking(ghost, pose)
    if rock is not None and _dist(ghost.points["pelvis"], pose.points["pelvis"]) < MAX_ROCK_SHIFT:
        chosen.append(rock)
        moves = [m for m in moves if m[1] != "pelvis"]
    for _, joint, pivot in moves:
        path = swing(ghost, pose, joint, pivot)
        if any(
            _dist(path[0], other.path[0]) < SAME_ARROW
            and _dist(path[-1], other.path[-1]) < SAME_ARROW
            for other in chosen
        ):
            continue  # e.g. both hands in a side view: one arrow says it
        if len(chosen) == MAX_ARROWS:
            break
        stop = HEAD_STOP if joint == "head" else JOINT_STOP
        chosen.append(Arrow(joint, path, START_GAP, stop))
    return chosen


START_GAP, JOINT_STOP, HEAD_STOP = 0.05, 0.07, 0.15


def rocking(ghost: Pose, pose: Pose) -> Arrow | None:
    """A curved arrow round the pelvis when it turned in the picture by
    MIN_ROCK or more (the way its front went), else None."""
    names = ("pelvis", "waist", "belly")
    if not all(n in ghost.points and n in pose.points for n in names):
        return None

    def heading(p: Pose) -> float:
        (ax, ay), (bx, by) = p.points["pelvis"], p.points["waist"]
        return math.atan2(by - ay, bx - ax)

    turn = (heading(pose) - heading(ghost) + math.pi) % (2 * math.pi) - math.pi
    if abs(turn) < MIN_ROCK:
        return None
    (cx, cy), (fx, fy) = pose.points["pelvis"], pose.points["belly"]
    middle = math.atan2(fy - cy, fx - cx)
    span = math.copysign(max(abs(turn), ROCK_SPAN), turn)
    path = [
        (
            cx + ROCK_RADIUS * math.cos(middle + span * (k / SAMPLES - 0.5)),
            cy + ROCK_RADIUS * math.sin(middle + span * (k / SAMPLES - 0.5)),
        )
        for k in range(SAMPLES + 1)
    ]
    return Arrow("pelvis_rock", path, 0.0, 0.0)


def _carried(ghost: Pose, pose: Pose, joint: str, pivot: str | None, d: float) -> bool:
    """True when `joint` only went along with the joint it hangs from (a
    hanging arm in a forward bend): the trunk's arrow already says it."""
    if pivot is None or pivot not in ghost.points or pivot not in pose.points:
        return False
    (p0, p1), (a, b) = (
        (ghost.points[pivot], pose.points[pivot]),
        (ghost.points[joint], pose.points[joint]),
    )
    if _dist(p0, p1) < CARRIED * d:
        return False
    t0 = math.atan2(a[1] - p0[1], a[0] - p0[0])
    t1 = math.atan2(b[1] - p1[1], b[0] - p1[0])
    return abs((t1 - t0 + math.pi) % (2 * math.pi) - math.pi) < CARRIED_TURN


CARRIED, CARRIED_TURN = 0.5, math.radians(45)


def swing(ghost: Pose, pose: Pose, joint: str, pivot: str | None) -> list[XY]:
    """The way `joint` went: round its pivot (itself carried along from where
    it was to where it is) when it turned about it, else straight."""
    a, b = ghost.points[joint], pose.points[joint]
    if pivot is None or pivot not in ghost.points or pivot not in pose.points:
        return [a, b]
    p0, p1 = ghost.points[pivot], pose.points[pivot]
    r0, r1 = _dist(a, p0), _dist(b, p1)
    if min(r0, r1) < 0.05:
        return [a, b]
    t0 = math.atan2(a[1] - p0[1], a[0] - p0[0])
    t1 = math.atan2(b[1] - p1[1], b[0] - p1[0])
    turn = (t1 - t0 + math.pi) % (2 * math.pi) - math.pi
    if abs(turn) < 0.2:
        return [a, b]
    out: list[XY] = []
    for k in range(SAMPLES + 1):
        u = k / SAMPLES
        px, py = p0[0] + (p1[0] - p0[0]) * u, p0[1] + (p1[1] - p0[1]) * u
        r, t = r0 + (r1 - r0) * u, t0 + turn * u
        out.append((px + r * math.cos(t), py + r * math.sin(t)))
    out[0], out[-1] = a, b
    return out


def trimmed(path: list[XY], start: float, end: float) -> list[XY]:
    """`path` with `start` cut off its beginning and `end` off its end (same
    units as the path); empty when nothing is left."""
    lengths = [_dist(p, q) for p, q in itertools.pairwise(path)]
    total = sum(lengths)
    if total <= start + end + 1e-9:
        return []
    out: list[XY] = []
    run = 0.0
    lo, hi = start, total - end
    for (p, q), seg in zip(itertools.pairwise(path), lengths, strict=True):
        a, b = run, run + seg
        run = b
        if b < lo or a > hi or seg <= 0:
            continue
        u0, u1 = max(0.0, (lo - a) / seg), min(1.0, (hi - a) / seg)
        p0 = (p[0] + (q[0] - p[0]) * u0, p[1] + (q[1] - p[1]) * u0)
        p1 = (p[0] + (q[0] - p[0]) * u1, p[1] + (q[1] - p[1]) * u1)
        if not out:
            out.append(p0)
        out.append(p1)
    return out
