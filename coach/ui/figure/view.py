"""Paints the stick figure. `paint_pose` is the one painting routine: the
screen widget and the printed cards both use it. The widget keeps no timing
state; it draws whatever pose it was last given."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.core.figure.poses import Pose
from coach.core.figure.skeleton import HEAD_RADIUS

# Widths in metres, so a thumbnail and a full-screen figure look alike.
NEAR_W, FAR_W, TORSO_W, NECK_W = 0.055, 0.045, 0.065, 0.05
HAND_R, EYE_R, GLOW_W = 0.032, 0.02, 0.2
MIN_PX = 1.5  # never thinner than this on screen or paper
MAT_TINT = QColor(110, 140, 100)  # a muted green, apart from the highlight's blue


@dataclass(frozen=True)
class FigureColors:
    near: QColor
    far: QColor
    floor: QColor
    floor_fill: QColor
    prop: QColor
    prop_edge: QColor
    wall: QColor
    mat: QColor
    highlight: QColor
    face: QColor
    background: QColor | None = None  # None: leave what is behind

    @classmethod
    def from_palette(cls, palette: QPalette) -> FigureColors:
        """Colours that read on the current theme, light or dark."""
        text = palette.color(QPalette.ColorRole.WindowText)
        back = palette.color(QPalette.ColorRole.Window)
        glow = QColor(palette.color(QPalette.ColorRole.Highlight))
        glow.setAlpha(120)
        return cls(
            near=text,
            far=_mix(text, back, 0.42),
            floor=_mix(text, back, 0.5),
            floor_fill=_mix(text, back, 0.93),
            prop=_mix(text, back, 0.8),
            prop_edge=_mix(text, back, 0.45),
            wall=_mix(text, back, 0.86),
            mat=_mix(MAT_TINT, back, 0.55),
            highlight=glow,
            face=back,
        )

    @classmethod
    def print(cls) -> FigureColors:
        """Black on white for printed cards."""
        return cls(
            near=QColor("#000000"),
            far=QColor("#707070"),
            floor=QColor("#404040"),
            floor_fill=QColor("#f2f2f2"),
            prop=QColor("#e2e2e2"),
            prop_edge=QColor("#606060"),
            wall=QColor("#eeeeee"),
            mat=QColor("#d6d6d6"),
            highlight=QColor(0, 0, 0, 60),
            face=QColor("#ffffff"),
            background=QColor("#ffffff"),
        )


def _mix(a: QColor, b: QColor, towards_b: float, alpha: int | None = None) -> QColor:
    k = min(1.0, max(0.0, towards_b))
    mixed = QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * k,
        a.greenF() + (b.greenF() - a.greenF()) * k,
        a.blueF() + (b.blueF() - a.blueF()) * k,
    )
    if alpha is not None:
        mixed.setAlpha(alpha)
    return mixed


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


ARM = ("shoulder_{}", "elbow_{}", "hand_{}")
LEG = ("hip_{}", "knee_{}", "ankle_{}", "toe_{}")


class _Canvas:
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

    def width(self, metres: float) -> float:
        return max(MIN_PX, metres * self.scale)

    def pen(self, color: QColor, metres: float) -> QPen:
        return _pen(color, self.width(metres))


def paint_pose(painter: QPainter, rect: QRectF, pose: Pose, colors: FigureColors) -> None:
    """Draw `pose` scaled to fit `rect`, floor and props included."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(rect)
    if colors.background is not None:
        painter.fillRect(rect, colors.background)
    canvas = _Canvas(rect, pose.frame)
    pts = {name: canvas.point(x, y) for name, (x, y) in pose.points.items()}
    _floor(painter, canvas, pose, colors)
    _props(painter, canvas, pose, colors)
    if pose.highlight and pose.glow > 0:
        _glow(painter, canvas, pose, colors)
    _limbs(painter, canvas, pts, "far", colors.far, FAR_W)
    painter.setPen(canvas.pen(colors.near, TORSO_W))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_spine(pts))
    painter.drawLine(pts["hip_near"], pts["hip_far"])
    painter.drawLine(pts["shoulder_near"], pts["shoulder_far"])
    painter.setPen(canvas.pen(colors.near, NECK_W))
    painter.drawLine(pts["neck"], pts["head"])
    _head(painter, canvas, pts, colors)
    _limbs(painter, canvas, pts, "near", colors.near, NEAR_W)
    painter.restore()


def _spine(pts: dict[str, QPointF]) -> QPainterPath:
    """The back as a smooth curve: pelvis to neck, bending at waist and chest."""
    waist, chest = pts["waist"], pts["chest"]
    path = QPainterPath(pts["pelvis"])
    path.quadTo(waist, (waist + chest) / 2)
    path.quadTo(chest, pts["neck"])
    return path


def _floor(painter: QPainter, canvas: _Canvas, pose: Pose, colors: FigureColors) -> None:
    floor = [canvas.point(x, y) for x, y in pose.floor]
    if len(floor) > 2:
        # The floor seen from above: a big quad, cut to the picture and filled
        # without antialiasing (its edges lie outside or under the far line).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.floor_fill)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawPolygon(QPolygonF(floor).intersected(QPolygonF(canvas.rect)))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        floor = floor[:2]  # the far edge reads as the floor line
    painter.setPen(canvas.pen(colors.floor, 0.014))
    painter.drawLine(floor[0], floor[1])


def _props(painter: QPainter, canvas: _Canvas, pose: Pose, colors: FigureColors) -> None:
    fills = {"mat": colors.mat, "wall": colors.wall, "prop": colors.prop}
    for shape in pose.props:
        painter.setBrush(QBrush(fills[shape.style]))
        if shape.style == "mat":
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.setPen(canvas.pen(colors.prop_edge, 0.012))
        if shape.kind == "circle":
            radius = shape.radius * canvas.scale
            painter.drawEllipse(canvas.point(*shape.centre), radius, radius)
        else:
            painter.drawPolygon(QPolygonF([canvas.point(x, y) for x, y in shape.points]))


def _glow(painter: QPainter, canvas: _Canvas, pose: Pose, colors: FigureColors) -> None:
    """A soft halo over the stretched area: a wide pale stroke under a narrower
    stronger one, in opaque colours blended with the background beforehand
    (strokes that overlap at a joint then show no darker blots, and opaque
    lines paint faster than translucent ones)."""
    lines = [
        QLineF(canvas.point(ax, ay), canvas.point(bx, by)) for (ax, ay), (bx, by) in pose.highlight
    ]
    glow = min(1.0, pose.glow)
    for width, strength in ((GLOW_W, 0.45), (GLOW_W * 0.6, 0.75)):
        weight = colors.highlight.alphaF() * strength * glow
        painter.setPen(canvas.pen(_mix(colors.face, colors.highlight, weight), width))
        painter.drawLines(lines)


def _limbs(
    painter: QPainter,
    canvas: _Canvas,
    pts: dict[str, QPointF],
    side: str,
    color: QColor,
    metres: float,
) -> None:
    painter.setPen(canvas.pen(color, metres))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QPolygonF([pts[n.format(side)] for n in LEG]))
    painter.drawPolyline(QPolygonF([pts[n.format(side)] for n in ARM]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    radius = canvas.width(HAND_R)
    painter.drawEllipse(pts[f"hand_{side}"], radius, radius)


def _head(
    painter: QPainter, canvas: _Canvas, pts: dict[str, QPointF], colors: FigureColors
) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.near)
    radius = HEAD_RADIUS * canvas.scale
    painter.drawEllipse(pts["head"], radius, radius)
    painter.setBrush(colors.face)
    eye = canvas.width(EYE_R)
    painter.drawEllipse(pts["face"], eye, eye)


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
        self._colors: FigureColors | None = None
        self.setAccessibleName("Stick figure")
        self.setAccessibleDescription("Shows the current exercise position.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)

    def pose(self) -> Pose | None:
        return self._pose

    def set_pose(self, pose: Pose | None) -> None:
        if pose is self._pose:
            return
        if pose is not None and self._pose is not None:
            scale = _Canvas(QRectF(self.rect()), pose.frame).scale * self.devicePixelRatioF()
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
        paint_pose(painter, QRectF(self.rect()), self._pose, self.colors())
        painter.end()
