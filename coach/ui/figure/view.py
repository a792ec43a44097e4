"""Paints the figure. `paint_pose` is the one painting routine: the player,
the main window's preview, `coach render` and the printed cards all use it.
The widget keeps no timing state; it draws whatever pose it was last given.

The body has volume (see `body`): tapered limbs, a chest and a pelvis, a
head that looks where the face points, mitts and flat feet, outlined so
overlapping parts stay apart; the far limbs lighter and behind, the
stretched area tinted on the body. Given the start pose as a `ghost`, it is
drawn faintly behind the figure with arrows from there to here."""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.core.figure.fill import FILL_MIN, body_box, fill_of
from coach.core.figure.poses import Frame, Pose
from coach.ui.figure.arrows import MIN_MOVE, motion_arrows, moved, trimmed
from coach.ui.figure.body import Body, Canvas, build_body
from coach.ui.figure.colors import FigureColors, mix

__all__ = ["FigureColors", "FigureView", "framing", "paint_pose", "visibly_different"]

GHOST_W, GHOST_W_SCREEN = 0.008, 0.005
GHOST_DASH = [4.0, 3.0]  # in pen widths
ARROW_W, ARROW_HEAD = 0.016, 0.075
HATCH_GAP, HATCH_W = 0.032, 0.0045  # print: the stretched area hatched


def _pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


# The last bodies built: a repaint of the same pose (an expose, a resize
# back) reuses its shapes. Keyed by id with the pose kept alive, so an id is
# never reused while its entry lives.
_BODIES: OrderedDict[tuple[int, float, float, float, float], tuple[Pose, Body]] = OrderedDict()
# Ghost outlines by what they show: the player asks for the same start pose
# anew every frame, and the outline (a union of every part) is the costly bit.
_GHOSTS: OrderedDict[tuple[object, ...], tuple[QPainterPath, float, float, float]] = OrderedDict()
CACHE_SIZE = 4


def _rect_key(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def _body(pose: Pose, canvas: Canvas) -> Body:
    key = (id(pose), *_rect_key(canvas.rect))
    hit = _BODIES.get(key)
    if hit is not None and hit[0] is pose:
        _BODIES.move_to_end(key)
        return hit[1]
    body = build_body(pose, canvas)
    _BODIES[key] = (pose, body)
    while len(_BODIES) > CACHE_SIZE:
        _BODIES.popitem(last=False)
    return body


GHOST_PX_PER_M = 1000.0  # the cached ghost outline's own scale


def _ghost_outline(ghost: Pose, canvas: Canvas) -> QPainterPath:
    """The ghost's silhouette (a union of every part) in `canvas`'s pixels.
    Built once per ghost at a fixed scale and moved into place, since the
    picture's frame may change every frame of a move."""
    key = (ghost.frame, tuple(ghost.points.items()))
    hit = _GHOSTS.get(key)
    if hit is None:
        x0, y0, x1, y1 = ghost.frame
        k = GHOST_PX_PER_M
        reference = Canvas(QRectF(0.0, 0.0, (x1 - x0) * k, (y1 - y0) * k), ghost.frame)
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for shape in build_body(ghost, reference).silhouette():
            path.addPolygon(shape)
            path.closeSubpath()
        hit = (path.simplified(), reference.ox, reference.oy, reference.scale)
        _GHOSTS[key] = hit
        while len(_GHOSTS) > CACHE_SIZE:
            _GHOSTS.popitem(last=False)
    else:
        _GHOSTS.move_to_end(key)
    outline, ox, oy, scale = hit
    s = canvas.scale / scale
    return QTransform(s, 0.0, 0.0, s, canvas.ox - ox * s, canvas.oy - oy * s).map(outline)


def paint_pose(
    painter: QPainter,
    rect: QRectF,
    pose: Pose,
    colors: FigureColors,
    ghost: Pose | None = None,
) -> None:
    """Draw `pose` scaled to fit `rect`, floor and props included. `ghost`,
    the start pose of the same exercise (same side, depth and view), is drawn
    faintly behind it, with arrows from where the joints were to where they
    are."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(rect)
    if colors.background is not None:
        painter.fillRect(rect, colors.background)
    # A ghost that nearly covers the figure would only blur its edges; the
    # arrows (a rocking pelvis) still show.
    behind = ghost if ghost is not None and moved(ghost, pose) >= MIN_MOVE else None
    canvas = Canvas(rect, framing(pose, behind, rect.width() / max(rect.height(), 1e-9)))
    _floor(painter, canvas, pose, colors)
    # The ghost lies on the mat, behind a chair or a ball: opaque, which Qt
    # paints several times faster than a see-through fill.
    _props(painter, canvas, pose, colors, mats=True)
    if behind is not None:
        outline = _ghost(painter, canvas, behind, colors)
        _fade_edges(painter, canvas, behind.frame, outline, colors)
    _props(painter, canvas, pose, colors, mats=False)
    _paint_body(painter, canvas, _body(pose, canvas), pose.glow, colors)
    if ghost is not None:
        _arrows(painter, canvas, ghost, pose, colors)
    painter.restore()


def _union(a: Frame, b: Frame) -> Frame:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def framing(pose: Pose, ghost: Pose | None, aspect: float) -> Frame:
    """The part of the world a panel of width/height `aspect` shows: the
    pose's frame, grown toward the ghost's as far as the body still fills
    FILL_MIN of the panel. A ghost much taller than the pose (standing behind
    a deep fold) then runs out of the picture, faded at the edge, rather
    than shrinking the figure."""
    own = pose.frame
    if ghost is None:
        return own
    both = _union(own, ghost.frame)
    if both == own:
        return own
    box = body_box(pose.points)

    def at(k: float) -> Frame:
        return (
            own[0] + k * (both[0] - own[0]),
            own[1] + k * (both[1] - own[1]),
            own[2] + k * (both[2] - own[2]),
            own[3] + k * (both[3] - own[3]),
        )

    if fill_of(box, both, aspect) >= FILL_MIN:
        return both
    if fill_of(box, own, aspect) < FILL_MIN:
        return own
    lo, hi = 0.0, 1.0
    for _ in range(10):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if fill_of(box, at(mid), aspect) >= FILL_MIN else (lo, mid)
    return at(lo)


FADE = 0.14  # share of the panel over which a ghost running out of it fades


def _fade_edges(
    painter: QPainter, canvas: Canvas, ghost: Frame, outline: QPainterPath, colors: FigureColors
) -> None:
    """Where the ghost runs out of the panel, fade it into the background
    toward that edge, so it reads as going on out of the picture rather than
    cut off. Only the ghost fades: the floor and props under it stay."""
    r = canvas.rect
    s = canvas.scale
    # The world the panel shows, as x0, y0 (bottom), x1, y1 (top).
    shown = (
        (r.left() - canvas.ox) / s,
        (canvas.oy - r.bottom()) / s,
        (r.right() - canvas.ox) / s,
        (canvas.oy - r.top()) / s,
    )
    slack = 0.01
    band = FADE * min(r.width(), r.height())
    clear = QColor(colors.halo)
    clear.setAlpha(0)
    edges = (
        (ghost[3] > shown[3] + slack, r.left(), r.top(), r.width(), band, 0.0, 1.0),
        (ghost[1] < shown[1] - slack, r.left(), r.bottom() - band, r.width(), band, 0.0, -1.0),
        (ghost[0] < shown[0] - slack, r.left(), r.top(), band, r.height(), 1.0, 0.0),
        (ghost[2] > shown[2] + slack, r.right() - band, r.top(), band, r.height(), -1.0, 0.0),
    )
    if not any(e[0] for e in edges):
        return
    painter.save()
    painter.setClipPath(outline, Qt.ClipOperation.IntersectClip)
    painter.setPen(Qt.PenStyle.NoPen)
    for cut, x, y, w, h, dx, dy in edges:
        if not cut:
            continue
        # From the edge (opaque background) inward (clear).
        x0 = x if dx >= 0 else x + w
        y0 = y if dy >= 0 else y + h
        gradient = QLinearGradient(x0, y0, x0 + dx * w, y0 + dy * h)
        gradient.setColorAt(0.0, colors.halo)
        gradient.setColorAt(1.0, clear)
        painter.setBrush(QBrush(gradient))
        painter.drawRect(QRectF(x, y, w, h))
    painter.restore()


def _paint_body(
    painter: QPainter, canvas: Canvas, body: Body, glow: float, colors: FigureColors
) -> None:
    """Each group twice: its shapes in ink, grown by the outline's width, then
    filled; so the parts of one limb join without seams and whatever lies in
    front keeps an ink edge. Fills only: Qt fills far faster than it strokes."""
    strength = min(1.0, 0.3 + 0.7 * glow)
    for group in body.groups:
        ink, fill = (colors.far_ink, colors.far) if group.far else (colors.ink, colors.near)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        for shape in group.outlines:
            painter.drawPolygon(shape)
        painter.setBrush(fill)
        for shape in group.shapes:
            painter.drawPolygon(shape)
        if group.warm and glow > 0.0:
            if colors.line_art:
                if glow >= 0.5:
                    _hatch(painter, canvas, group.warm, ink)
            else:
                painter.setBrush(mix(fill, colors.highlight, strength))
                for shape in group.warm:
                    painter.drawPolygon(shape)
        if group.eyes:
            painter.setBrush(ink)
            for eye in group.eyes:
                painter.drawEllipse(eye, body.eye_px, body.eye_px)


def _hatch(painter: QPainter, canvas: Canvas, shapes: list[QPolygonF], ink: QColor) -> None:
    """Print: the stretched area as diagonal hatching, line art only."""
    gap = max(3.0, HATCH_GAP * canvas.scale)
    painter.setPen(_pen(ink, canvas.width(HATCH_W, 0.6)))
    for shape in shapes:
        box = shape.boundingRect()
        painter.save()
        clip = QPainterPath()
        clip.addPolygon(shape)
        painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        span = box.width() + box.height()
        lines = []
        k = math.floor((box.left() + box.top()) / gap) * gap  # aligned across shapes
        while k < box.right() + box.bottom() + gap:
            lines.append(QLineF(k - box.top(), box.top(), k - box.bottom(), box.bottom()))
            k += gap
        if span > 0:
            painter.drawLines(lines)
        painter.restore()


def _ghost(painter: QPainter, canvas: Canvas, ghost: Pose, colors: FigureColors) -> QPainterPath:
    """The start pose as a dashed outline in a cool tint and nothing else: no
    fill, so it never reads as a limb (far limbs are solid body colour)."""
    outline = _ghost_outline(ghost, canvas)
    width = canvas.width(GHOST_W if colors.line_art else GHOST_W_SCREEN, 1.0)
    pen = _pen(colors.ghost, width, Qt.PenStyle.CustomDashLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setDashPattern(GHOST_DASH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(outline)
    return outline


def _arrows(
    painter: QPainter, canvas: Canvas, ghost: Pose, pose: Pose, colors: FigureColors
) -> None:
    """Arrows from where the moving joints were to where they are, over the
    figure, each on a halo of the background so it reads across the body."""
    head_len = ARROW_HEAD
    width = canvas.width(ARROW_W)
    for arrow in motion_arrows(ghost, pose):
        line = trimmed(arrow.path, arrow.gap_start, arrow.gap_end)
        if len(line) < 2:
            continue
        tip = line[-1]
        body_line = trimmed(line, 0.0, head_len * 0.6) or line[:1]
        pts = [canvas.point(x, y) for x, y in body_line]
        ex, ey = tip[0] - line[-2][0], tip[1] - line[-2][1]
        n = math.hypot(ex, ey) or 1.0
        ex, ey = ex / n, ey / n
        bx, by = tip[0] - ex * head_len, tip[1] - ey * head_len
        wing = head_len * 0.5
        head = QPolygonF(
            [
                canvas.point(*tip),
                canvas.point(bx - ey * wing, by + ex * wing),
                canvas.point(bx + ey * wing, by - ex * wing),
            ]
        )
        for color, grow in ((colors.halo, 2.6), (colors.arrow, 1.0)):
            painter.setPen(_pen(color, width * grow))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if len(pts) >= 2:
                painter.drawPolyline(QPolygonF(pts))
            painter.setBrush(color)
            painter.drawPolygon(head)


def _floor(painter: QPainter, canvas: Canvas, pose: Pose, colors: FigureColors) -> None:
    floor = [canvas.point(x, y) for x, y in pose.floor]
    if len(floor) > 2:
        # The floor seen from above: a big quad, cut to the picture and filled
        # without antialiasing (its edges lie outside or under the far line).
        if not colors.line_art:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.floor_fill)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.drawPolygon(QPolygonF(floor).intersected(QPolygonF(canvas.rect)))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        floor = floor[:2]  # the far edge reads as the floor line
    if len(floor) == 2:
        painter.setPen(_pen(colors.floor, canvas.width(0.014)))
        painter.drawLine(floor[0], floor[1])


def _props(
    painter: QPainter, canvas: Canvas, pose: Pose, colors: FigureColors, *, mats: bool
) -> None:
    """The mats (`mats`) or the other props."""
    fills = {"mat": colors.mat, "wall": colors.wall, "prop": colors.prop}
    painter.save()
    if not mats and len(pose.floor) == 2:
        # Nothing stands below the floor line: a door frame or wall seen a
        # little from above would otherwise run down through the floor.
        (ax, ay), (bx, by) = (canvas.xy(*p) for p in pose.floor)
        r = canvas.rect
        span = r.width() + r.height()
        above = QPolygonF(
            [
                QPointF(ax - span, ay),
                QPointF(bx + span, by),
                QPointF(bx + span, r.top() - span),
                QPointF(ax - span, r.top() - span),
            ]
        )
        clip = QPainterPath()
        clip.addPolygon(above)
        painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
    for shape in pose.props:
        if (shape.style == "mat") != mats:
            continue
        if colors.line_art:
            # Print: outlines only; the mat a thin grey line.
            painter.setBrush(colors.prop)
            edge = colors.mat if shape.style == "mat" else colors.prop_edge
            painter.setPen(_pen(edge, canvas.width(0.008, 0.8)))
        else:
            painter.setBrush(QBrush(fills[shape.style]))
            if shape.style == "mat":
                painter.setPen(Qt.PenStyle.NoPen)
            else:
                painter.setPen(_pen(colors.prop_edge, canvas.width(0.012)))
        if shape.kind == "circle":
            radius = shape.radius * canvas.scale
            painter.drawEllipse(canvas.point(*shape.centre), radius, radius)
        else:
            painter.drawPolygon(QPolygonF([canvas.point(x, y) for x, y in shape.points]))
    painter.restore()


# A new pose is painted only when some joint moves at least this many device
# pixels (or the frame, props or glow change): a slow breath then costs a few
# paints a second instead of one per timer tick, and still moves pixel by pixel.
MIN_STEP_PX = 0.75


def visibly_different(old: Pose, new: Pose, pixels_per_metre: float) -> bool:
    if (old.frame, old.root, old.props, old.floor) != (new.frame, new.root, new.props, new.floor):
        return True
    if abs(old.glow - new.glow) > 0.02 or old.points.keys() != new.points.keys():
        return True
    step = MIN_STEP_PX / max(pixels_per_metre, 1e-6)
    return any(
        abs(a[0] - b[0]) > step or abs(a[1] - b[1]) > step
        for a, b in ((old.points[k], new.points[k]) for k in new.points)
    )


class FigureView(QWidget):
    """Shows one pose; whoever animates it calls `set_pose` on every frame,
    and the view repaints only when the change would show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pose: Pose | None = None
        self._ghost: Pose | None = None
        self._colors: FigureColors | None = None
        self.setAccessibleName("Stick figure")
        self.setAccessibleDescription("Shows the current exercise position.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)

    def pose(self) -> Pose | None:
        return self._pose

    def ghost(self) -> Pose | None:
        return self._ghost

    def set_pose(self, pose: Pose | None, ghost: Pose | None = None) -> None:
        """Show `pose`; `ghost` (the start pose, same side and depth) faintly
        behind it with motion arrows, or None for no ghost."""
        ghost_changed = ghost is not self._ghost and (
            ghost is None
            or self._ghost is None
            or ghost.points != self._ghost.points
            or ghost.frame != self._ghost.frame
        )
        if ghost is not self._ghost:
            self._ghost = ghost  # equal content or not, keep the newest
        if pose is self._pose and not ghost_changed:
            return
        if pose is not None and self._pose is not None and not ghost_changed:
            scale = Canvas(QRectF(self.rect()), pose.frame).scale * self.devicePixelRatioF()
            if not visibly_different(self._pose, pose, scale):
                return
        self._pose = pose
        self.update()

    def colors(self) -> FigureColors:
        if self._colors is None:
            self._colors = FigureColors.from_palette(self.palette())
        return self._colors

    def sizeHint(self) -> QSize:
        return QSize(480, 480)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._colors = None
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pose is None:
            return
        painter = QPainter(self)
        paint_pose(painter, QRectF(self.rect()), self._pose, self.colors(), self._ghost)
        painter.end()
