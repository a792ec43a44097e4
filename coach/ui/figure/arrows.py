"""Motion arrows: from where the moving joints were in the start pose (the
ghost) to where they are now. A joint that swings about a joint above it
(a hand about the shoulder, a knee about the hip, the head about the hips)
gets an arc; one that slides gets a straight arrow."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass

from coach.core.figure.poses import Pose

XY = tuple[float, float]

MIN_MOVE = 0.08  # metres on the picture: less is not worth an arrow
MAX_ARROWS = 2  # more reads as clutter: the one or two moves that define the exercise
SAME_ARROW = 0.07  # two arrows whose ends are this close say the same thing
SAMPLES = 14
MIN_ROCK = math.radians(10)  # the pelvis turned this much in the picture: show it
ROCK_RADIUS, ROCK_SPAN = 0.23, math.radians(125)
MIN_TWIST = math.radians(25)  # the shoulders turned this much against the hips: a twist
TWIST_RX, TWIST_RY, TWIST_SPAN = 0.2, 0.06, math.radians(200)
HOLDS = 0.16  # a hand ending this near a moved knee or the head holds it: it went along
PARALLEL_COS, PARALLEL_RATIO = 0.85, 1.6  # both limbs of a pair did the same: one arrow
CROWD, CROWD_SHARE = 0.06, 0.3  # an arrow running this close to another for this share
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
    """At most MAX_ARROWS arrows on the joints whose movement defines the
    exercise; none when nothing moved MIN_MOVE. The trunk comes first (a
    twist of the shoulders, the head swinging down, the pelvis rocking in a
    pelvic tilt), then the legs, then the arms. No arrow for a joint that
    only went along: with its parent (a hanging arm), with what the hand
    holds (hands on a knee or behind the head), or as the twin of the other
    side's limb (both knees); none that would run along another."""
    twist = twisting(ghost, pose)
    if twist is not None:
        return [twist]  # the shoulders turning says it; a crossed leg is the set-up
    moves: list[tuple[int, float, str, str | None]] = []
    for chain in CHAINS:
        best: tuple[int, float, str, str | None] | None = None
        for joint, pivot in chain:
            a, b = ghost.points.get(joint), pose.points.get(joint)
            if a is None or b is None:
                continue
            d = _dist(a, b)
            if (
                d >= MIN_MOVE
                and (best is None or d > best[1])
                and not _carried(ghost, pose, joint, pivot, d)
            ):
                best = (_priority(joint, d), d, joint, pivot)
        if best is not None:
            moves.append(best)
    moves = [m for m in moves if not _holding(ghost, pose, m[2])]
    moves = _one_of_each_pair(ghost, pose, moves)
    moves.sort(key=lambda m: (m[0], -m[1]))
    if moves and moves[0][0] < 3:
        moves = [m for m in moves if m[0] < 3]  # a head nodding along says nothing
    chosen: list[Arrow] = []
    # A pelvis that turned in place (shifting a little as it rolls over the
    # sacrum) rocks: one curved arrow says it, not a short slide.
    rock = None if any(m[2] == "head" for m in moves) else rocking(ghost, pose)
    if rock is not None and _dist(ghost.points["pelvis"], pose.points["pelvis"]) < MAX_ROCK_SHIFT:
        chosen.append(rock)
        moves = [m for m in moves if m[2] != "pelvis"]
        press = pressing(ghost, pose)
        if press is not None:
            chosen.append(press)
    for _, _, joint, pivot in moves:
        path = swing(ghost, pose, joint, pivot)
        if any(_crowds(path, other.path) for other in chosen):
            continue  # e.g. both hands in a side view: one arrow says it
        if len(chosen) == MAX_ARROWS:
            break
        stop = HEAD_STOP if joint == "head" else JOINT_STOP
        chosen.append(Arrow(joint, path, START_GAP, stop))
    return chosen


def _priority(joint: str, d: float) -> int:
    """Trunk before legs before arms: the body's big move defines the
    exercise; a head that only nods along comes last."""
    if joint in ("head", "pelvis"):
        return 0 if d >= TRUNK_MOVE else 3
    return 1 if joint.startswith(("knee", "ankle")) else 2


TRUNK_MOVE = 0.18


def _holding(ghost: Pose, pose: Pose, joint: str) -> bool:
    """A hand (or elbow) that ends on a knee or the head that moved too: it
    holds it, and the knee's or head's arrow says the move."""
    if not joint.startswith(("hand", "elbow")):
        return False
    hand = pose.points.get(joint.replace("elbow", "hand"))
    if hand is None:
        return False
    for held in ("knee_near", "knee_far", "head", "shin_near", "shin_far"):
        a, b = ghost.points.get(held), pose.points.get(held)
        if a is not None and b is not None and _dist(hand, b) < HOLDS:
            return True
    return False


def _one_of_each_pair(
    ghost: Pose, pose: Pose, moves: list[tuple[int, float, str, str | None]]
) -> list[tuple[int, float, str, str | None]]:
    """Near and far limbs that moved alike (both knees to the chest, both
    arms forward): keep the near one."""
    out: list[tuple[int, float, str, str | None]] = []
    for m in sorted(moves, key=lambda m: not m[2].endswith("_near")):
        twin = False
        part, _, side = m[2].rpartition("_")
        for o in out:
            if not part or o[0] != m[0] or o[2].rsplit("_", 1)[-1] == side:
                continue
            # The same joint on both sides (knee and knee), whichever joint
            # each chain's arrow would follow.
            other = f"{part}_{o[2].rsplit('_', 1)[-1]}"
            if other not in ghost.points or other not in pose.points:
                continue
            va, vb = _delta(ghost, pose, m[2]), _delta(ghost, pose, other)
            na, nb = math.hypot(*va), math.hypot(*vb)
            if na and nb:
                cos = (va[0] * vb[0] + va[1] * vb[1]) / (na * nb)
                twin = twin or (cos > PARALLEL_COS and max(na, nb) / min(na, nb) < PARALLEL_RATIO)
        if not twin:
            out.append(m)
    return out


def _delta(ghost: Pose, pose: Pose, joint: str) -> XY:
    a, b = ghost.points[joint], pose.points[joint]
    return (b[0] - a[0], b[1] - a[1])


def _crowds(path: list[XY], other: list[XY]) -> bool:
    """`path` runs within CROWD of `other` for CROWD_SHARE of its length, or
    starts and ends where it does: it would read as one cluttered arrow."""
    if _dist(path[0], other[0]) < SAME_ARROW and _dist(path[-1], other[-1]) < SAME_ARROW:
        return True
    samples = _resample(path)
    near = sum(1 for p in samples if min(_dist(p, q) for q in _resample(other)) < CROWD)
    return near >= CROWD_SHARE * len(samples)


def _resample(path: list[XY], n: int = SAMPLES) -> list[XY]:
    if len(path) == 2:
        (ax, ay), (bx, by) = path
        return [(ax + (bx - ax) * k / n, ay + (by - ay) * k / n) for k in range(n + 1)]
    return path


def twisting(ghost: Pose, pose: Pose) -> Arrow | None:
    """An arrow round the chest when the shoulders turned against the hips
    by MIN_TWIST or more (a seated or lying twist): a flat ellipse, as a
    turn about the spine is drawn in a handout."""
    w0, w1 = ghost.world, pose.world
    names = ("shoulder_near", "shoulder_far", "hip_near", "hip_far", "chest")
    if not all(n in w0 and n in w1 for n in names) or "chest" not in pose.points:
        return None

    def heading(w: Mapping[str, tuple[float, float, float]], a: str, b: str) -> float:
        return math.atan2(w[a][2] - w[b][2], w[a][0] - w[b][0])

    def turned(a: str, b: str) -> float:
        t = heading(w1, a, b) - heading(w0, a, b)
        return (t + math.pi) % (2 * math.pi) - math.pi

    turn = turned("shoulder_near", "shoulder_far") - turned("hip_near", "hip_far")
    if abs(turn) < MIN_TWIST:
        return None
    cx, cy = pose.points["chest"]
    sign = 1.0 if turn > 0 else -1.0
    start = -math.pi / 2 - sign * TWIST_SPAN / 2  # round the front of the chest
    path = [
        (
            cx + TWIST_RX * math.cos(start + sign * TWIST_SPAN * k / SAMPLES),
            cy + TWIST_RY * math.sin(start + sign * TWIST_SPAN * k / SAMPLES),
        )
        for k in range(SAMPLES + 1)
    ]
    return Arrow("chest_twist", path, 0.0, 0.0)


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
    # Round the tail end of the pelvis (away from the waist, toward the
    # belly's side), hugging it: the arrow is on the pelvis, not the belly.
    (cx, cy), (wx, wy) = pose.points["pelvis"], pose.points["waist"]
    fx, fy = pose.points["belly"]
    away = math.atan2(cy - wy, cx - wx)
    front = math.atan2(fy - cy, fx - cx)
    bend = (front - away + math.pi) % (2 * math.pi) - math.pi
    middle = away + 0.5 * bend
    span = math.copysign(max(abs(turn), ROCK_SPAN), turn)
    path = [
        (
            cx + ROCK_RADIUS * math.cos(middle + span * (k / SAMPLES - 0.5)),
            cy + ROCK_RADIUS * math.sin(middle + span * (k / SAMPLES - 0.5)),
        )
        for k in range(SAMPLES + 1)
    ]
    return Arrow("pelvis_rock", path, 0.0, 0.0)


def pressing(ghost: Pose, pose: Pose) -> Arrow | None:
    """A short arrow straight down onto the small of the back when the pelvis's
    rock pressed it toward the floor (a pelvic tilt flattening the arch), else
    None: with the rock it says "press the back down", not only "turn"."""
    names = ("waist", "chest", "mid_back", "belly")
    if not all(n in ghost.points and n in pose.points for n in names):
        return None
    if ghost.points["mid_back"][1] - pose.points["mid_back"][1] < MIN_PRESS:
        return None
    (wx, _), (cx, _) = pose.points["waist"], pose.points["chest"]
    x = wx + PRESS_AT * (cx - wx)
    top = max(pose.points["belly"][1], pose.points["chest"][1]) + PRESS_GAP
    return Arrow("back_press", [(x, top + PRESS_LENGTH), (x, top)], 0.0, 0.0)


MIN_PRESS = 0.01  # metres the small of the back went down: a press
PRESS_AT, PRESS_GAP, PRESS_LENGTH = 0.75, 0.06, 0.16


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
