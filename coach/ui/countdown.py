"""The countdown: big digits inside a ring that empties as time runs out.

The widget shows what it is given; it never counts time itself. The player
feeds it `seconds_left` and `phase_length` from the session state.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.ui.theme import Accents


def format_seconds(seconds: float) -> str:
    """Whole seconds still to go, rounded up: 12.2 s shows as 13 until it
    reaches 12. A minute or more shows as m:ss."""
    whole = max(0, math.ceil(seconds - 1e-6))
    if whole >= 60:
        return f"{whole // 60}:{whole % 60:02d}"
    return str(whole)


class CountdownRing(QWidget):
    """A ring that empties clockwise from twelve o'clock, digits in the middle
    and a short caption (e.g. "hold", "walk") under them."""

    def __init__(self, parent: QWidget | None = None, *, thickness: float = 0.075) -> None:
        super().__init__(parent)
        self._left = 0.0
        self._length = 0.0
        self._caption = ""
        self._color: QColor | None = None
        self._paused = False
        self._thickness = thickness
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(80, 80)
        self.setAccessibleName("Countdown")

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    # -- what to show -------------------------------------------------------
    def show_time(self, seconds_left: float, length: float, caption: str = "",
                  color: QColor | None = None, *, paused: bool = False) -> None:
        changed = (format_seconds(seconds_left), caption, paused) != (
            format_seconds(self._left), self._caption, self._paused)
        self._left, self._length = max(0.0, seconds_left), max(0.0, length)
        self._caption, self._color, self._paused = caption, color, paused
        if changed:
            self.setAccessibleDescription(f"{self.digits} seconds left, {caption}".strip(", "))
        self.update()

    @property
    def digits(self) -> str:
        return format_seconds(self._left)

    @property
    def caption(self) -> str:
        return self._caption

    @property
    def fraction_left(self) -> float:
        return 0.0 if self._length <= 0 else min(1.0, self._left / self._length)

    # -- painting -----------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        accents = Accents.from_palette(self.palette())
        color = accents.paused if self._paused else (self._color or accents.hold)
        side = min(self.width(), self.height())
        pen_w = max(4.0, side * self._thickness)
        rect = QRectF((self.width() - side) / 2 + pen_w / 2, (self.height() - side) / 2 + pen_w / 2,
                      side - pen_w, side - pen_w)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(accents.track, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(rect)
        fraction = self.fraction_left
        if fraction > 0:
            painter.setPen(QPen(color, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            # Qt angles: 1/16 degree, counter-clockwise positive; start at 12 o'clock
            # and sweep clockwise (negative) over the part still to go.
            painter.drawArc(rect, 90 * 16, -round(fraction * 360 * 16))
        self._paint_text(painter, rect, side, color)
        painter.end()

    def _paint_text(self, painter: QPainter, rect: QRectF, side: float, color: QColor) -> None:
        digits = self.digits
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(10, int(side * (0.40 if len(digits) <= 2 else 0.27))))
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        digit_rect = QRectF(rect.left(), rect.top() + rect.height() * 0.16,
                            rect.width(), rect.height() * 0.56)
        painter.drawText(digit_rect, Qt.AlignmentFlag.AlignCenter, digits)
        if self._caption:
            small = QFont(self.font())
            small.setPixelSize(max(8, int(side * 0.075)))
            small.setBold(True)
            painter.setFont(small)
            painter.setPen(color)
            cap_rect = QRectF(rect.left(), rect.top() + rect.height() * 0.68,
                              rect.width(), rect.height() * 0.14)
            painter.drawText(cap_rect, Qt.AlignmentFlag.AlignCenter, self._caption.upper())
