"""The figure's body as shapes with volume, built from a pose's 3-D points.

Limbs are tapered capsules, the trunk a chest and a pelvis, each the outline
of a few elliptical cross-sections seen from the pose's camera, so a twist or
a side bend changes what they look like. Hands are mitts, feet run flat
from heel to toe, the head has a nose and eyes that show where the face
points. Parts are grouped (a leg, an arm, the pelvis, the chest, the head)
and the groups ordered back to front by their depth toward the viewer.

Everything is in device pixels: a painter transform would make Qt stroke
far more slowly (see `Canvas`)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPolygonF

from coach.core.figure.poses import Pose
from coach.core.figure.skeleton import HEAD_RADIUS

Vec = tuple[float, float, float]
XY = tuple[float, float]

MIN_PX = 1.5  # never thinner than this on screen or paper

# Radii in metres at each end of a limb segment: thigh wider than shin,
# upper arm wider than forearm.
THIGH_R, KNEE_R, SHIN_R, ANKLE_R = 0.072, 0.05, 0.048, 0.032
SHOULDER_R, ELBOW_R, FOREARM_R, WRIST_R = 0.048, 0.037, 0.035, 0.027
NECK_R = 0.043
MITT_R, MITT_TIP_R, MITT_BACK, MITT_REACH = 0.033, 0.026, 0.012, 0.055
EYE_R = 0.016
OUTLINE_W = 0.0085  # the ink round every part

# Cross-sections of the trunk: (frame, along its up axis in metres, half
# depth to the front, to the back, half width). The pelvis from the seat to
# above the hips; the chest from the waist to the shoulders.
PELVIS_LEVELS = (
    ("pelvis", -0.085, 0.045, 0.075, 0.115),
    ("pelvis", 0.0, 0.095, 0.11, 0.155),
    ("pelvis", 0.065, 0.1, 0.1, 0.15),
    ("pelvis", 0.13, 0.09, 0.085, 0.14),
)
CHEST_LEVELS = (
    ("low", -0.03, 0.09, 0.085, 0.135),
    ("low", 0.08, 0.1, 0.095, 0.145),
    ("upper", 0.0, 0.115, 0.1, 0.155),
    ("upper", 0.09, 0.11, 0.1, 0.165),
    ("upper", 0.155, 0.065, 0.075, 0.19),
)
# Round each section: (cos, sin) of 8 angles, from the front round the
# near side (sin > 0) to the back.
ROUND = tuple((math.cos(k * math.pi / 4), math.sin(k * math.pi / 4)) for k in range(8))


def _back(c: float, s: float) -> bool:
    return c < 0.05


def _front(c: float, s: float) -> bool:
    return c > -0.05


def _near_side(c: float, s: float) -> bool:
    return s > -0.05


def _far_side(c: float, s: float) -> bool:
    return s < 0.05


def _all(c: float, s: float) -> bool:
    return True


# The stretched areas (pose.areas, named as in coach.core.figure.roots.AREAS)
# as patches of the trunk's sections or as whole limb segments.
Keep = Callable[[float, float], bool]  # (cos, sin) round a section: part of the patch?
Patch = tuple[str, tuple[int, ...], Keep]  # shape, level indices, which side
TRUNK_PATCHES: dict[str, tuple[Patch, ...]] = {
    "lower_back": (("pelvis", (2, 3), _back), ("chest", (0, 1, 2), _back)),
    "upper_back": (("chest", (2, 3, 4), _back),),
    "back": (("pelvis", (2, 3), _back), ("chest", (0, 1, 2, 3, 4), _back)),
    "glutes": (("pelvis", (0, 1, 2), _back),),
    "hips": (("pelvis", (1, 2, 3), _front),),
    "core": (("pelvis", (2, 3), _front), ("chest", (0, 1, 2), _front)),
    "shoulders": (("chest", (3, 4), _all),),
    "hip_near": (("pelvis", (1, 2, 3), _front),),
    "hip_far": (("pelvis", (1, 2, 3), _front),),
    "side_near": (("pelvis", (2, 3), _near_side), ("chest", (0, 1, 2, 3), _near_side)),
    "side_far": (("pelvis", (2, 3), _far_side), ("chest", (0, 1, 2, 3), _far_side)),
}
LIMB_PATCHES: dict[str, tuple[str, ...]] = {
    "neck": ("neck",),
    **{
        f"{area}_{s}": tuple(f"{part}_{s}" for part in parts)
        for s in ("near", "far")
        for area, parts in (
            ("hamstring", ("thigh",)),
            ("thigh", ("thigh",)),
            ("hip", ("thigh",)),
            ("calf", ("shin",)),
            ("arm", ("upper_arm", "forearm")),
        )
    },
}


class Canvas:
    """Metres to device pixels. The points are mapped here rather than by a
    painter transform: Qt strokes wide pens under a scaling transform about
    ten times slower than in device coordinates."""

    def __init__(self, rect: QRectF, frame: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = frame
        self.rect = rect
        self.scale = min(rect.width() / (x1 - x0), rect.height() / (y1 - y0))
        self.ox = rect.center().x() - self.scale * (x0 + x1) / 2
        self.oy = rect.center().y() + self.scale * (y0 + y1) / 2

    def point(self, x: float, y: float) -> QPointF:
        return QPointF(self.ox + self.scale * x, self.oy - self.scale * y)

    def xy(self, x: float, y: float) -> XY:
        return (self.ox + self.scale * x, self.oy - self.scale * y)

    def width(self, metres: float, least: float = MIN_PX) -> float:
        return max(least, metres * self.scale)


# --- small vector helpers (plain tuples: fast enough, and no numpy in the UI)


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return (a[0] + b[0] * k, a[1] + b[1] * k, a[2] + b[2] * k)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _unit(a: Vec, fallback: Vec = (0.0, 1.0, 0.0)) -> Vec:
    n = math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2])
    return (a[0] / n, a[1] / n, a[2] / n) if n > 1e-9 else fallback


def _orth(a: Vec, axis: Vec, fallback: Vec) -> Vec:
    """`a` without its part along the unit vector `axis`, as a unit vector."""
    d = _dot(a, axis)
    return _unit((a[0] - axis[0] * d, a[1] - axis[1] * d, a[2] - axis[2] * d), fallback)


def _solve3(m: list[list[float]], b: Sequence[float]) -> Vec | None:
    """x with m x = b for a 3x3 m (Cramer's rule); None when m is singular."""
    (a, bb, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - bb * (d * i - f * g) + c * (d * h - e * g)
    if abs(det) < 1e-12:
        return None
    x = b[0] * (e * i - f * h) - bb * (b[1] * i - f * b[2]) + c * (b[1] * h - e * b[2])
    y = a * (b[1] * i - f * b[2]) - b[0] * (d * i - f * g) + c * (d * b[2] - b[1] * g)
    z = a * (e * b[2] - b[1] * h) - bb * (d * b[2] - b[1] * g) + b[0] * (d * h - e * g)
    return (x / det, y / det, z / det)


def fit_view(points: Mapping[str, XY], world: Mapping[str, Vec]) -> tuple[Vec, Vec, XY]:
    """The orthographic camera a pose was drawn with, found from its joints:
    rows r0, r1 and offset t with drawn = (r0·w, r1·w) + t. A least-squares
    fit, so it holds for any view (side, top, three-quarter) and a mirror."""
    names = [n for n in world if n in points]
    if "pelvis" not in world or len(names) < 4:
        return (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0)
    o = world["pelvis"]
    p0 = points["pelvis"]
    m = [[0.0] * 3 for _ in range(3)]
    bx = [0.0, 0.0, 0.0]
    by = [0.0, 0.0, 0.0]
    for n in names:
        w = world[n]
        d = (w[0] - o[0], w[1] - o[1], w[2] - o[2])
        fx, fy = points[n][0] - p0[0], points[n][1] - p0[1]
        for r in range(3):
            dr = d[r]
            row = m[r]
            row[0] += dr * d[0]
            row[1] += dr * d[1]
            row[2] += dr * d[2]
            bx[r] += dr * fx
            by[r] += dr * fy
    r0, r1 = _solve3(m, bx), _solve3(m, by)
    if r0 is None or r1 is None:
        return (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (p0[0] - o[0], p0[1] - o[1])
    return r0, r1, (p0[0] - _dot(r0, o), p0[1] - _dot(r1, o))


class Projection:
    """World metres to device pixels for one pose, and depth toward the viewer."""

    def __init__(self, pose: Pose, canvas: Canvas) -> None:
        r0, r1, t = fit_view(pose.points, pose.world)
        s = canvas.scale
        self.ax = (s * r0[0], s * r0[1], s * r0[2], canvas.ox + s * t[0])
        self.ay = (-s * r1[0], -s * r1[1], -s * r1[2], canvas.oy - s * t[1])
        self.toward = _unit(_cross(r0, r1), (0.0, 0.0, 1.0))
        # Which part lies in front of which: seen from low down (a side view
        # a little from above) by the horizontal depth only, so a standing
        # leg is not put behind the pelvis for reaching lower.
        tx, ty, tz = self.toward
        self.layer = _unit((tx, 0.0, tz), self.toward) if abs(ty) < 0.5 else self.toward
        self.scale = s

    def xy(self, v: Vec) -> XY:
        a, b = self.ax, self.ay
        return (
            a[0] * v[0] + a[1] * v[1] + a[2] * v[2] + a[3],
            b[0] * v[0] + b[1] * v[1] + b[2] * v[2] + b[3],
        )

    def depth(self, v: Vec) -> float:
        """Larger is nearer the viewer."""
        return _dot(self.toward, v)

    def layer_depth(self, v: Vec) -> float:
        """Larger is drawn later (in front): `depth`, horizontal in a low view."""
        return _dot(self.layer, v)


# --- 2-D outlines


def _arc(out: list[QPointF], cx: float, cy: float, r: float, a0: float, span: float) -> None:
    steps = max(2, min(24, int(abs(span) * math.sqrt(max(r, 1.0)) * 0.5) + 1))
    step = span / steps
    dc, ds = math.cos(step), math.sin(step)
    x, y = r * math.cos(a0), r * math.sin(a0)
    for _ in range(steps + 1):  # turning one step at a time: two trig calls an arc
        out.append(QPointF(cx + x, cy + y))
        x, y = x * dc - y * ds, x * ds + y * dc


def capsule(a: XY, ra: float, b: XY, rb: float) -> QPolygonF:
    """The outline of two discs joined by their outer tangents (device px)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    if d <= abs(ra - rb) + 1e-6:
        (cx, cy), r = (a, ra) if ra >= rb else (b, rb)
        return disc(cx, cy, r)
    sin_phi = (ra - rb) / d
    phi = math.asin(sin_phi)
    axis = math.atan2(dy, dx)
    out: list[QPointF] = []
    # Round the far end from one tangent to the other, then back round the near end.
    _arc(out, b[0], b[1], rb, axis + math.pi / 2 + phi, -(math.pi + 2 * phi))
    _arc(out, a[0], a[1], ra, axis - math.pi / 2 - phi, -(math.pi - 2 * phi))
    return QPolygonF(out)


def disc(cx: float, cy: float, r: float) -> QPolygonF:
    out: list[QPointF] = []
    _arc(out, cx, cy, r, 0.0, 2 * math.pi)
    return QPolygonF(out)


def hull(points: Iterable[XY]) -> list[XY]:
    """Convex hull (Andrew's monotone chain), counter-clockwise."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o: XY, a: XY, b: XY) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[XY] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[XY] = []
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def grow(points: Sequence[XY], by: float) -> list[XY]:
    """A convex counter-clockwise outline (as `hull` gives) pushed out by
    `by`, corners rounded with one extra point."""
    n = len(points)
    if n < 3:
        return list(points)
    normals = []
    for i in range(n):
        (ax, ay), (bx, by_) = points[i], points[(i + 1) % n]
        dx, dy = bx - ax, by_ - ay
        d = math.hypot(dx, dy) or 1.0
        normals.append((dy / d, -dx / d))
    out: list[XY] = []
    for i in range(n):
        (x, y), (px, py), (nx, ny) = points[i], normals[i - 1], normals[i]
        mx, my = px + nx, py + ny
        m = math.hypot(mx, my) or 1.0
        out += (
            (x + by * px, y + by * py),
            (x + by * mx / m, y + by * my / m),
            (x + by * nx, y + by * ny),
        )
    return out


def _polygon(points: Sequence[XY]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


# --- the body


@dataclass
class Group:
    """Parts drawn as one: outlined together, filled together, so the joints
    within a limb show no seams while another limb in front stays apart."""

    depth: float
    far: bool  # drawn in the far (lighter) colours
    shapes: list[QPolygonF] = field(default_factory=list)
    outlines: list[QPolygonF] = field(default_factory=list)  # the shapes grown by the ink
    warm: list[QPolygonF] = field(default_factory=list)  # the stretched area on it
    eyes: list[QPointF] = field(default_factory=list)


@dataclass
class Body:
    groups: list[Group]  # back to front
    eye_px: float

    def silhouette(self) -> list[QPolygonF]:
        return [shape for group in self.groups for shape in group.shapes]


def _frame(up: Vec, across: Vec, front_hint: Vec) -> tuple[Vec, Vec, Vec]:
    """(forward, up, toward the near side) with forward on the side of `front_hint`."""
    up = _unit(up)
    across = _orth(across, up, (0.0, 0.0, 1.0))
    fwd = _cross(up, across)
    if _dot(fwd, front_hint) < 0:
        fwd = (-fwd[0], -fwd[1], -fwd[2])
    return fwd, up, across


class _Builder:
    def __init__(self, pose: Pose, canvas: Canvas) -> None:
        self.ink = canvas.width(OUTLINE_W, 1.0)
        self.w = pose.world
        self.proj = Projection(pose, canvas)
        self.s = canvas.scale
        self.warm_parts: set[str] = set()
        for area in pose.areas:
            self.warm_parts.update(LIMB_PATCHES.get(area, ()))
        self.areas = pose.areas

    def xy(self, name: str) -> XY:
        return self.proj.xy(self.w[name])

    def depth(self, *names: str) -> float:
        return sum(self.proj.layer_depth(self.w[n]) for n in names) / len(names)

    def seg(self, group: Group, part: str, a: str, ra: float, b: str, rb: float) -> None:
        pa, pb, s, ink = self.xy(a), self.xy(b), self.s, self.ink
        shape = capsule(pa, ra * s, pb, rb * s)
        group.shapes.append(shape)
        group.outlines.append(capsule(pa, ra * s + ink, pb, rb * s + ink))
        if part in self.warm_parts:
            group.warm.append(shape)

    def leg(self, side: str) -> Group:
        hip, knee, ankle = f"hip_{side}", f"knee_{side}", f"ankle_{side}"
        g = Group(self.depth(hip, knee, ankle), side == "far")
        self.seg(g, f"thigh_{side}", hip, THIGH_R, knee, KNEE_R)
        self.seg(g, f"shin_{side}", knee, SHIN_R, ankle, ANKLE_R)
        self.convex(g, self.foot(side))
        return g

    def convex(self, group: Group, outline: list[XY]) -> None:
        group.shapes.append(_polygon(outline))
        group.outlines.append(_polygon(grow(outline, self.ink)))

    def foot(self, side: str) -> list[XY]:
        """A flat sole from heel to toe under an instep rising to the ankle."""
        w = self.w
        heel, toe, ankle = w[f"heel_{side}"], w[f"toe_{side}"], w[f"ankle_{side}"]
        along = _unit(_sub(toe, heel), (1.0, 0.0, 0.0))
        up = _orth(_sub(ankle, heel), along, (0.0, 1.0, 0.0))
        lat = _cross(along, up)
        pts: list[Vec] = []
        for base, lift, back, half in (
            (heel, 0.0, 0.012, 0.032),
            (heel, 0.045, 0.008, 0.03),
            (toe, 0.0, 0.0, 0.04),
            (toe, 0.028, 0.0, 0.036),
            (ankle, 0.02, -0.03, 0.03),
            (ankle, 0.02, 0.03, 0.03),
        ):
            p = _add(_add(base, up, lift), along, -back)
            pts.append(_add(p, lat, half))
            pts.append(_add(p, lat, -half))
        return hull(self.proj.xy(p) for p in pts)

    def arm(self, side: str) -> Group:
        shoulder, elbow, hand = f"shoulder_{side}", f"elbow_{side}", f"hand_{side}"
        g = Group(self.depth(shoulder, elbow, hand), side == "far")
        self.seg(g, f"upper_arm_{side}", shoulder, SHOULDER_R, elbow, ELBOW_R)
        self.seg(g, f"forearm_{side}", elbow, FOREARM_R, hand, WRIST_R)
        # A mitt: the palm round the hand point, reaching on past it.
        w = self.w
        along = _unit(_sub(w[hand], w[elbow]))
        back = _add(w[hand], along, -MITT_BACK)
        tip = _add(w[hand], along, MITT_REACH)
        s, ink, pb, pt = self.s, self.ink, self.proj.xy(back), self.proj.xy(tip)
        g.shapes.append(capsule(pb, MITT_R * s, pt, MITT_TIP_R * s))
        g.outlines.append(capsule(pb, MITT_R * s + ink, pt, MITT_TIP_R * s + ink))
        return g

    def trunk(self) -> tuple[Group, Group]:
        w = self.w
        pelvis_f = _frame(
            _sub(w["waist"], w["pelvis"]),
            _sub(w["hip_near"], w["hip_far"]),
            _sub(w.get("belly", w["waist"]), w.get("sacrum", w["pelvis"])),
        )
        upper_f = _frame(
            _sub(w["neck"], w["chest"]),
            _sub(w["shoulder_near"], w["shoulder_far"]),
            _sub(w.get("sternum", w["neck"]), w.get("upper_back", w["chest"])),
        )
        low_f = _frame(
            _sub(w["chest"], w["waist"]),
            _add(pelvis_f[2], upper_f[2]),
            _sub(w["waist"], w.get("mid_back", w["pelvis"])),
        )
        frames = {
            "pelvis": (w["pelvis"], pelvis_f),
            "low": (w["waist"], low_f),
            "upper": (w["chest"], upper_f),
        }
        pelvis = Group(self.depth("pelvis"), False)
        chest = Group(self.depth("chest") + 0.004, False)
        for group, levels, shape in (
            (pelvis, PELVIS_LEVELS, "pelvis"),
            (chest, CHEST_LEVELS, "chest"),
        ):
            rings = [
                self.ring(frames[f][0], frames[f][1], y, fr, bk, lat)
                for f, y, fr, bk, lat in levels
            ]
            self.convex(group, hull(p for ring in rings for p, _, _ in ring))
            for area in self.areas:
                for patch_shape, indices, keep in TRUNK_PATCHES.get(area, ()):
                    if patch_shape != shape:
                        continue
                    picked = (p for i in indices for p, c, s in rings[i] if keep(c, s))
                    group.warm.append(_polygon(hull(picked)))
        return pelvis, chest

    def ring(
        self,
        origin: Vec,
        frame: tuple[Vec, Vec, Vec],
        y: float,
        front: float,
        back: float,
        half: float,
    ) -> list[tuple[XY, float, float]]:
        fwd, up, lat = frame
        centre = _add(origin, up, y)
        out = []
        for c, s in ROUND:
            k = c * (front if c > 0 else back)
            p = (
                centre[0] + fwd[0] * k + lat[0] * s * half,
                centre[1] + fwd[1] * k + lat[1] * s * half,
                centre[2] + fwd[2] * k + lat[2] * s * half,
            )
            out.append((self.proj.xy(p), c, s))
        return out

    def head(self) -> Group:
        w, s = self.w, self.s
        head, neck = w["head"], w["neck"]
        g = Group(self.depth("head") + 0.008, False)
        self.seg(g, "neck", "neck", NECK_R, "head", NECK_R)
        up = _unit(_sub(head, neck))
        fwd = _orth(_sub(w.get("face", _add(head, (1.0, 0.0, 0.0))), head), up, (1.0, 0.0, 0.0))
        lat = _cross(up, fwd)
        hx, hy = self.proj.xy(head)
        r = HEAD_RADIUS
        g.shapes.append(disc(hx, hy, r * s))
        g.outlines.append(disc(hx, hy, r * s + self.ink))
        # The nose: a small wedge out of the face, seen in profile as a point.
        tip = _add(_add(head, fwd, r * 1.2), up, -r * 0.12)
        top = _add(_add(head, fwd, r * 0.9), up, r * 0.18)
        bottom = _add(_add(head, fwd, r * 0.85), up, -r * 0.35)
        self.convex(g, hull((self.proj.xy(top), self.proj.xy(tip), self.proj.xy(bottom))))
        for side in (1.0, -1.0):
            d = _unit(_add(_add(_add((0.0, 0.0, 0.0), fwd, 0.8), up, 0.3), lat, 0.45 * side))
            if self.proj.depth(d) > 0.12:  # on the half of the head facing the viewer
                ex, ey = self.proj.xy(_add(head, d, r * 0.82))
                g.eyes.append(QPointF(ex, ey))
        return g


def build_body(pose: Pose, canvas: Canvas) -> Body:
    b = _Builder(pose, canvas)
    pelvis, chest = b.trunk()
    groups = [b.leg("far"), b.arm("far"), pelvis, chest, b.head(), b.leg("near"), b.arm("near")]
    # Far limbs always behind the trunk (a folded trunk must not vanish
    # behind the far thigh); the rest by depth toward the viewer.
    groups.sort(key=lambda g: (not g.far, g.depth))
    return Body(groups, canvas.width(EYE_R, 1.0))
