"""The key poses on a card: start → hold (→ hold on the other side), drawn
with the screen's figure painter in print colours, numbered and joined by
arrows so the order reads at a glance."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from coach.core.poses import Pose, pose_at
from coach.ui.card_flow import FAINT, INK, Fonts, TextBlock, Units
from coach.ui.card_text import CardContent
from coach.ui.figure_view import FigureColors, paint_pose

PRINT_COLORS = FigureColors.print()


def key_poses(content: CardContent) -> tuple[Pose, ...]:
    """The poses a card shows: where you start, and where you hold at full depth."""
    return tuple(pose_at(content.exercise, panel.phase, 0.0, side=panel.side, depth=1.0)
                 for panel in content.panels)


class FiguresPart:
    """A row of pose panels. Its height is chosen by the card (it takes the
    room the text leaves), between `min_height` and `max_height`."""

    def __init__(self, content: CardContent, poses: tuple[Pose, ...], fonts: Fonts, width: float,
                 units: Units) -> None:
        self.content, self.poses, self.units, self.width = content, poses, units, width
        count = len(content.panels)
        self.arrow_gap = max(units.mm(5), width * 0.06) if count > 1 else 0.0
        self.panel_w = (width - self.arrow_gap * (count - 1)) / max(1, count)
        self.badge = TextBlock("0", fonts.small_bold, width, units.device).height * 1.15
        label_w = self.panel_w - self.badge - units.pt(3)
        self.labels = [TextBlock(p.label, fonts.small_bold, label_w, units.device)
                       for p in content.panels]
        self.numbers = [TextBlock(str(i + 1), fonts.small_bold, self.badge, units.device,
                                  align=Qt.AlignmentFlag.AlignHCenter)
                        for i in range(count)]
        self.label_h = max([self.badge, *(b.height for b in self.labels)]) + units.pt(2)
        # Height the figures need to fill their panels' width: a lying figure
        # needs less than a standing one; more than that is only white space.
        self.inset = units.mm(1.2)
        aspect = max(((y1 - y0) / (x1 - x0) for x0, y0, x1, y1 in (p.frame for p in poses)),
                     default=1.0)
        wanted = (self.panel_w - 2 * self.inset) * aspect + 2 * self.inset
        self.max_height = self.label_h + min(wanted, units.mm(95)) if count else 0.0
        self.min_height = min(self.max_height, self.label_h + units.mm(22)) if count else 0.0
        self.height = self.min_height

    def paint(self, painter: QPainter, x: float, y: float) -> None:
        figure_h = self.height - self.label_h
        for i in range(len(self.content.panels)):
            left = x + i * (self.panel_w + self.arrow_gap)
            frame = QRectF(left, y, self.panel_w, figure_h)
            painter.setPen(QPen(FAINT, self.units.pt(0.5)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            radius = self.units.mm(1.5)
            painter.drawRoundedRect(frame, radius, radius)
            inset = self.inset
            paint_pose(painter, frame.adjusted(inset, inset, -inset, -inset), self.poses[i],
                       PRINT_COLORS)
            self._paint_label(painter, i, left, y + figure_h + self.units.pt(2))
            if i:
                self._paint_arrow(painter, left - self.arrow_gap, y + figure_h / 2)

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

    def _paint_arrow(self, painter: QPainter, left: float, middle: float) -> None:
        start, end = left + self.arrow_gap * 0.15, left + self.arrow_gap * 0.85
        head = self.arrow_gap * 0.3
        painter.setPen(QPen(INK, head * 0.22, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(start, middle), QPointF(end - head * 0.5, middle))
        tip = QPainterPath(QPointF(end, middle))
        tip.lineTo(end - head, middle - head * 0.6)
        tip.lineTo(end - head, middle + head * 0.6)
        tip.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INK)
        painter.drawPath(tip)
