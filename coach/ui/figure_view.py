"""Paints the stick figure. `paint_pose` is the one painting routine: the
screen widget and the printed cards both use it. The widget keeps no timing
state; it draws whatever pose it was last given."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (QBrush, QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen,
                           QPolygonF)
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.core.poses import Pose

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
        return cls(near=text, far=_mix(text, back, 0.42), floor=_mix(text, back, 0.5),
                   floor_fill=_mix(text, back, 0.93), prop=_mix(text, back, 0.8),
                   prop_edge=_mix(text, back, 0.45), wall=_mix(text, back, 0.86),
                   mat=_mix(MAT_TINT, back, 0.55), highlight=glow, face=back)

    @classmethod
    def print(cls) -> FigureColors:
        """Black on white for printed cards."""
        return cls(near=QColor("#000000"), far=QColor("#707070"), floor=QColor("#404040"),
                   floor_fill=QColor("#f2f2f2"), prop=QColor("#e2e2e2"),
                   prop_edge=QColor("#606060"), wall=QColor("#eeeeee"), mat=QColor("#d6d6d6"),
                   highlight=QColor(0, 0, 0, 60), face=QColor("#ffffff"),
                   background=QColor("#ffffff"))


def _mix(a: QColor, b: QColor, towards_b: float, alpha: int | None = None) -> QColor:
    k = towards_b
    mixed = QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * k,
                            a.greenF() + (b.greenF() - a.greenF()) * k,
                            a.blueF() + (b.blueF() - a.blueF()) * k)
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


def paint_pose(painter: QPainter, rect: QRectF, pose: Pose, colors: FigureColors) -> None:
    """Draw `pose` scaled to fit `rect`, floor and props included."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(rect)
    if colors.background is not None:
        painter.fillRect(rect, colors.background)
    x0, y0, x1, y1 = pose.frame
    scale = min(rect.width() / (x1 - x0), rect.height() / (y1 - y0))
    painter.translate(rect.center().x() - scale * (x0 + x1) / 2,
                      rect.center().y() + scale * (y0 + y1) / 2)
    painter.scale(scale, -scale)
    least = MIN_PX / scale
    pts = {name: QPointF(x, y) for name, (x, y) in pose.points.items()}
    _floor(painter, pose, colors, least)
    _props(painter, pose, colors, least)
    if pose.highlight and pose.glow > 0:
        _glow(painter, pose, colors, least)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _limbs(painter, pts, "far", _pen(colors.far, max(FAR_W, least)))
    near = _pen(colors.near, max(NEAR_W, least))
    painter.setPen(_pen(colors.near, max(TORSO_W, least)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_spine(pts))
    painter.drawLine(pts["hip_near"], pts["hip_far"])
    painter.drawLine(pts["shoulder_near"], pts["shoulder_far"])
    painter.setPen(_pen(colors.near, max(NECK_W, least)))
    painter.drawLine(pts["neck"], pts["head"])
    _head(painter, pts, colors)
    _limbs(painter, pts, "near", near)
    painter.restore()


def _spine(pts: dict[str, QPointF]) -> QPainterPath:
    """The back as a smooth curve: pelvis to neck, bending at waist and chest."""
    waist, chest = pts["waist"], pts["chest"]
    path = QPainterPath(pts["pelvis"])
    path.quadTo(waist, (waist + chest) / 2)
    path.quadTo(chest, pts["neck"])
    return path


def _floor(painter: QPainter, pose: Pose, colors: FigureColors, least: float) -> None:
    floor = [QPointF(x, y) for x, y in pose.floor]
    if len(floor) > 2:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.floor_fill)
        painter.drawPolygon(QPolygonF(floor))
        floor = floor[:2]  # the far edge reads as the floor line
    painter.setPen(_pen(colors.floor, max(0.014, least)))
    painter.drawLine(floor[0], floor[1])


def _props(painter: QPainter, pose: Pose, colors: FigureColors, least: float) -> None:
    fills = {"mat": colors.mat, "wall": colors.wall, "prop": colors.prop}
    for shape in pose.props:
        painter.setBrush(QBrush(fills[shape.style]))
        edge = colors.mat if shape.style == "mat" else colors.prop_edge
        painter.setPen(_pen(edge, max(0.012, least)))
        if shape.kind == "circle":
            painter.drawEllipse(QPointF(*shape.centre), shape.radius, shape.radius)
        else:
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in shape.points]))


def _glow(painter: QPainter, pose: Pose, colors: FigureColors, least: float) -> None:
    """A soft halo over the stretched area: two wide translucent strokes."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()  # one path, so overlapping strokes do not darken
    for (ax, ay), (bx, by) in pose.highlight:
        path.moveTo(ax, ay)
        path.lineTo(bx, by)
    for width, strength in ((GLOW_W, 0.55), (GLOW_W * 0.6, 0.8)):
        color = QColor(colors.highlight)
        color.setAlphaF(color.alphaF() * strength * min(1.0, pose.glow))
        painter.setPen(_pen(color, max(width, least)))
        painter.drawPath(path)


def _limbs(painter: QPainter, pts: dict[str, QPointF], side: str, pen: QPen) -> None:
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QPolygonF([pts[n.format(side)] for n in LEG]))
    painter.drawPolyline(QPolygonF([pts[n.format(side)] for n in ARM]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(pen.color())
    painter.drawEllipse(pts[f"hand_{side}"], HAND_R, HAND_R)


def _head(painter: QPainter, pts: dict[str, QPointF], colors: FigureColors) -> None:
    from coach.core.skeleton import HEAD_RADIUS

    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.near)
    painter.drawEllipse(pts["head"], HEAD_RADIUS, HEAD_RADIUS)
    painter.setBrush(colors.face)
    painter.drawEllipse(pts["face"], EYE_R, EYE_R)


class FigureView(QWidget):
    """Shows one pose; call `set_pose` to change it (an Animator does, while
    something moves)."""

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
        if pose is not self._pose:
            self._pose = pose
            self.update()

    def colors(self) -> FigureColors:
        if self._colors is None:
            self._colors = FigureColors.from_palette(self.palette())
        return self._colors

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(480, 480)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.type() in (event.Type.PaletteChange, event.Type.StyleChange):
            self._colors = None
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        if self._pose is None:
            return
        painter = QPainter(self)
        paint_pose(painter, QRectF(self.rect()), self._pose, self.colors())
        painter.end()
