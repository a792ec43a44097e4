"""The key poses on a card: start → hold (→ hold on the other side), drawn
with the screen's figure painter in print colours, numbered and joined by
arrows so the order reads at a glance."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF

from coach.core.figure.poses import Pose, pose_at
from coach.core.vocabulary import PosePhase
from coach.ui.cards.flow import FAINT, INK, Fonts, TextBlock, Units
from coach.ui.cards.text import CardContent
from coach.ui.figure.view import FigureColors, paint_pose

PRINT_COLORS = FigureColors.print()


def ghost_poses(content: CardContent) -> tuple[Pose | None, ...]:
    """Per panel, the start pose drawn faintly behind it with motion arrows:
    a hold panel shows where it came from; the start panel shows none."""
    return tuple(
        pose_at(content.exercise, PosePhase.START, 0.0, side=panel.side, depth=1.0)
        if panel.phase != PosePhase.START
        else None
        for panel in content.panels
    )


def key_poses(content: CardContent) -> tuple[Pose, ...]:
    """The poses a card shows: where you start, and where you hold at full
    depth, each on its panel's side (None: symmetric, facing as on screen)."""
    return tuple(
        pose_at(content.exercise, panel.phase, 0.0, side=panel.side, depth=1.0)
        for panel in content.panels
    )


class FiguresPart:
    """The pose panels, side by side, or stacked when the room is there and
    that draws the figures clearly larger (a lying figure is long and low).
    The card decides the room: `min_height` at least, then `fit(room)`."""

    def __init__(
        self,
        content: CardContent,
        poses: tuple[Pose, ...],
        fonts: Fonts,
        width: float,
        units: Units,
    ) -> None:
        self.content, self.poses, self.units, self.width = content, poses, units, width
        self.ghosts = ghost_poses(content)
        self.count = count = len(content.panels)
        self.gap_x = max(units.mm(5), width * 0.06) if count > 1 else 0.0
        self.gap_y = units.mm(6)
        self.row_w = (width - self.gap_x * (count - 1)) / max(1, count)
        self.badge = TextBlock("0", fonts.small_bold, width, units.device).height * 1.15
        label_w = self.row_w - self.badge - units.pt(3)
        self.labels = [
            TextBlock(p.label, fonts.small_bold, label_w, units.device) for p in content.panels
        ]
        self.numbers = [
            TextBlock(
                str(i + 1),
                fonts.small_bold,
                self.badge,
                units.device,
                align=Qt.AlignmentFlag.AlignHCenter,
            )
            for i in range(count)
        ]
        self.label_h = max([self.badge, *(b.height for b in self.labels)]) + units.pt(2)
        self.inset = units.mm(1.2)
        self.aspect = max(
            ((y1 - y0) / (x1 - x0) for x0, y0, x1, y1 in (p.frame for p in poses)), default=1.0
        )
        self.min_height = (
            self.label_h + min(self._wanted(self.row_w), units.mm(22)) if count else 0.0
        )
        self.stacked = False
        self.panel_w = self.row_w
        self.figure_h = self.min_height - self.label_h
        self.height = self.min_height

    def _wanted(self, panel_w: float) -> float:
        """The figure height that fills a panel's width; more is white space."""
        return min((panel_w - 2 * self.inset) * self.aspect + 2 * self.inset, self.units.mm(95))

    def _drawn_width(self, panel_w: float, figure_h: float) -> float:
        return min(panel_w, (figure_h - 2 * self.inset) / self.aspect + 2 * self.inset)

    def fit(self, room: float) -> None:
        """Take what is needed of `room` (at least `min_height`)."""
        row_h = max(
            self.min_height - self.label_h, min(room - self.label_h, self._wanted(self.row_w))
        )
        self.stacked, self.panel_w, self.figure_h = False, self.row_w, row_h
        self.height = row_h + self.label_h
        if self.count > 1:
            each = (room - self.gap_y * (self.count - 1)) / self.count - self.label_h
            col_h = min(each, self._wanted(self.width))
            if self._drawn_width(self.width, col_h) > 1.25 * self._drawn_width(self.row_w, row_h):
                self.stacked, self.panel_w, self.figure_h = True, self.width, col_h
                self.height = self.count * (col_h + self.label_h) + (self.count - 1) * self.gap_y

    def paint(self, painter: QPainter, x: float, y: float) -> None:
        step_x = 0.0 if self.stacked else self.panel_w + self.gap_x
        step_y = self.figure_h + self.label_h + self.gap_y if self.stacked else 0.0
        for i in range(self.count):
            left, top = x + i * step_x, y + i * step_y
            frame = QRectF(left, top, self.panel_w, self.figure_h)
            painter.setPen(QPen(FAINT, self.units.pt(0.5)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            radius = self.units.mm(1.5)
            painter.drawRoundedRect(frame, radius, radius)
            inset = self.inset
            paint_pose(
                painter,
                frame.adjusted(inset, inset, -inset, -inset),
                self.poses[i],
                PRINT_COLORS,
                self.ghosts[i],
            )
            self._paint_label(painter, i, left, top + self.figure_h + self.units.pt(2))
            if i and self.stacked:
                middle = left + self.panel_w / 2
                self._paint_arrow(
                    painter,
                    QPointF(middle, top - self.gap_y * 0.85),
                    QPointF(middle, top - self.gap_y * 0.15),
                )
            elif i:
                middle = top + self.figure_h / 2
                self._paint_arrow(
                    painter,
                    QPointF(left - self.gap_x * 0.85, middle),
                    QPointF(left - self.gap_x * 0.15, middle),
                )

    def _paint_label(self, painter: QPainter, i: int, left: float, top: float) -> None:
        label = self.labels[i]
        gap = self.units.pt(3)
        total = self.badge + gap + label.width
        start = left + max(0.0, (self.panel_w - total) / 2)
        badge = QRectF(start, top, self.badge, self.badge)
        painter.setPen(QPen(INK, self.units.pt(0.7)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(badge)
        number = self.numbers[i]
        number.draw(painter, badge.left(), badge.center().y() - number.height / 2)
        label.draw(painter, start + self.badge + gap, top + (self.badge - label.height) / 2)

    def _paint_arrow(self, painter: QPainter, start: QPointF, end: QPointF) -> None:
        """An arrow from `start` to `end`: this pose leads to the next."""
        length = (end - start).manhattanLength()
        along = (end - start) / length  # the arrows are horizontal or vertical
        across = QPointF(-along.y(), along.x())
        head = min(self.units.mm(3), length * 0.45)
        painter.setPen(QPen(INK, head * 0.22, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(start, end - along * head * 0.5)
        base = end - along * head
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INK)
        painter.drawPolygon(
            QPolygonF([end, base + across * head * 0.6, base - across * head * 0.6])
        )
