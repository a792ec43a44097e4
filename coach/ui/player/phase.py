"""What kind of moment it is, told three ways: a word, a shape and a colour.

Colour alone fails a colour-blind reader and a glance from the floor, so
every kind has its own shape too: a square to hold still, a triangle
pointing on to move in, one pointing back to release, footprints to walk,
an open circle to get ready or rest, two arrows to switch sides, two bars
when paused.
"""

from __future__ import annotations

import math
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.core.session.events import Phase
from coach.ui.theme import Accents


class Kind(Enum):
    READY = "ready"
    MOVE = "move"
    HOLD = "hold"
    RELEASE = "release"
    WALK = "walk"
    REST = "rest"
    SWITCH = "switch"
    PAUSED = "paused"


KINDS = {
    Phase.LEAD_IN: Kind.READY,
    Phase.MOVE_IN: Kind.MOVE,
    Phase.HOLD: Kind.HOLD,
    Phase.RELEASE: Kind.RELEASE,
    Phase.WALK: Kind.WALK,
    Phase.REST: Kind.REST,
    Phase.SWITCH_SIDE: Kind.SWITCH,
    Phase.DONE: Kind.REST,
    Phase.STOPPED: Kind.REST,
}


def kind_of(phase: Phase, *, paused: bool = False) -> Kind:
    return Kind.PAUSED if paused else KINDS.get(phase, Kind.READY)


def kind_color(accents: Accents, kind: Kind) -> QColor:
    if kind is Kind.HOLD:
        return accents.hold
    if kind in (Kind.MOVE, Kind.RELEASE):
        return accents.move
    if kind is Kind.WALK:
        return accents.walk
    if kind is Kind.PAUSED:
        return accents.paused
    return accents.rest


def phase_color(accents: Accents, phase: Phase) -> QColor:
    return kind_color(accents, kind_of(phase))


class PhaseIcon(QWidget):
    """The shape of the current kind of moment, in its colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = Kind.READY
        self._color = QColor()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Phase icon")

    def sizeHint(self) -> QSize:
        return QSize(self.width(), self.height())

    def show_kind(self, kind: Kind, color: QColor) -> None:
        if (kind, color) != (self.kind, self._color):
            self.kind, self._color = kind, QColor(color)
            self.setAccessibleDescription(kind.value)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        if side <= 4:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side).adjusted(
            side * 0.1, side * 0.1, -side * 0.1, -side * 0.1
        )
        painter.setBrush(self._color)
        painter.setPen(Qt.PenStyle.NoPen)
        draw = {
            Kind.HOLD: _square,
            Kind.MOVE: _forward,
            Kind.RELEASE: _back,
            Kind.WALK: _feet,
            Kind.SWITCH: _switch,
            Kind.PAUSED: _bars,
        }.get(self.kind, _ring)
        draw(painter, box, self._color)
        painter.end()


def _square(painter: QPainter, box: QRectF, _color: QColor) -> None:
    inset = box.width() * 0.08
    painter.drawRoundedRect(box.adjusted(inset, inset, -inset, -inset), inset, inset)


def _triangle(box: QRectF, pointing_right: bool) -> QPainterPath:
    path = QPainterPath()
    tip_x, base_x = (box.right(), box.left()) if pointing_right else (box.left(), box.right())
    path.moveTo(base_x, box.top())
    path.lineTo(tip_x, box.center().y())
    path.lineTo(base_x, box.bottom())
    path.closeSubpath()
    return path


def _forward(painter: QPainter, box: QRectF, _color: QColor) -> None:
    painter.drawPath(_triangle(box, True))


def _back(painter: QPainter, box: QRectF, color: QColor) -> None:
    """An outlined triangle pointing back: easing out, not in."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    width = box.width() * 0.14
    painter.setPen(
        QPen(
            color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        )
    )
    painter.drawPath(_triangle(box.adjusted(width / 2, width / 2, -width / 2, -width / 2), False))


def _ring(painter: QPainter, box: QRectF, color: QColor) -> None:
    width = box.width() * 0.16
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(color, width))
    painter.drawEllipse(box.adjusted(width / 2, width / 2, -width / 2, -width / 2))


def _bars(painter: QPainter, box: QRectF, _color: QColor) -> None:
    bar = box.width() * 0.3
    painter.drawRect(QRectF(box.left() + box.width() * 0.08, box.top(), bar, box.height()))
    painter.drawRect(QRectF(box.right() - box.width() * 0.08 - bar, box.top(), bar, box.height()))


def _feet(painter: QPainter, box: QRectF, _color: QColor) -> None:
    """Two footprints, one ahead of the other."""
    w, h = box.width(), box.height()
    for dx, dy in ((0.08, 0.34), (0.54, 0.0)):
        sole = QRectF(box.left() + dx * w, box.top() + dy * h, w * 0.36, h * 0.5)
        painter.drawEllipse(sole)
        heel = QRectF(sole.left() + w * 0.04, sole.bottom() + h * 0.04, w * 0.28, h * 0.13)
        painter.drawEllipse(heel)


def _switch(painter: QPainter, box: QRectF, color: QColor) -> None:
    """Two arrows, one each way."""
    width = box.width() * 0.12
    painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    head = box.width() * 0.22
    for y, rightwards in (
        (box.top() + box.height() * 0.3, True),
        (box.top() + box.height() * 0.7, False),
    ):
        start, end = (box.left(), box.right()) if rightwards else (box.right(), box.left())
        painter.drawLine(QPointF(start, y), QPointF(end, y))
        back = -head if rightwards else head
        for sign in (1, -1):
            angle = math.radians(35) * sign
            painter.drawLine(
                QPointF(end, y),
                QPointF(end + back * math.cos(angle), y + head * math.sin(angle)),
            )
