"""The countdown: big digits inside a ring that empties as time runs out.

The widget shows what it is given; it never counts time itself. The player
feeds it `seconds_left` and `phase_length` from the session state.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPixmap
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
        # The ring paints its whole rectangle (the window colour behind it), so
        # an update repaints the ring alone, never the panels under it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._painted_fraction = -1.0
        self._track_key: tuple[object, ...] | None = None
        self._track_pixmap = QPixmap()

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    # -- what to show -------------------------------------------------------
    def show_time(
        self,
        seconds_left: float,
        length: float,
        caption: str = "",
        color: QColor | None = None,
        *,
        paused: bool = False,
    ) -> None:
        changed = (format_seconds(seconds_left), caption, paused, color) != (
            format_seconds(self._left),
            self._caption,
            self._paused,
            self._color,
        )
        self._left, self._length = max(0.0, seconds_left), max(0.0, length)
        self._caption, self._color, self._paused = caption, color, paused
        if changed:
            self.setAccessibleDescription(f"{self.digits} seconds left, {caption}".strip(", "))
        # Repaint when the digits change or the end of the ring would move by
        # half a device pixel; a minute-long hold then repaints a few times a
        # second rather than at every heartbeat.
        circumference = math.pi * min(self.width(), self.height()) * self.devicePixelRatioF()
        moved = abs(self.fraction_left - self._painted_fraction) * circumference
        if changed or self._painted_fraction < 0 or moved >= 8 * circumference / 360:
            self.update()
        elif moved >= 0.5:
            # Only the end of the arc moved: repaint the small square around
            # its old and new positions, not the whole ring and digits.
            self.update(
                self._arc_end_rect(self._painted_fraction).united(
                    self._arc_end_rect(self.fraction_left)
                )
            )
        else:
            return
        self._painted_fraction = self.fraction_left

    def _geometry(self) -> tuple[QRectF, float, float]:
        side = min(self.width(), self.height())
        pen_w = max(4.0, side * self._thickness)
        rect = QRectF(
            (self.width() - side) / 2 + pen_w / 2,
            (self.height() - side) / 2 + pen_w / 2,
            side - pen_w,
            side - pen_w,
        )
        return rect, side, pen_w

    def _arc_end_rect(self, fraction: float) -> QRect:
        rect, _side, pen_w = self._geometry()
        angle = math.radians(90 - fraction * 360)  # clockwise from twelve o'clock
        x = rect.center().x() + rect.width() / 2 * math.cos(angle)
        y = rect.center().y() - rect.height() / 2 * math.sin(angle)
        reach = pen_w / 2 + 2
        return QRectF(x - reach, y - reach, 2 * reach, 2 * reach).toAlignedRect()

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
        rect, side, pen_w = self._geometry()
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(self.backgroundRole()))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawPixmap(0, 0, self._track(accents.track, rect, pen_w))
        fraction = self.fraction_left
        if fraction > 0:
            painter.setPen(QPen(color, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            # Qt angles: 1/16 degree, counter-clockwise positive; start at 12 o'clock
            # and sweep clockwise (negative) over the part still to go.
            painter.drawArc(rect, 90 * 16, -round(fraction * 360 * 16))
        self._paint_text(painter, rect, side, color)
        painter.end()

    def _track(self, color: QColor, rect: QRectF, pen_w: float) -> QPixmap:
        """The full grey ring, drawn once per size and colour: a wide
        antialiased circle is the most expensive stroke of the frame."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, color.rgba())
        if self._track_key != key:
            pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(color, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            painter.drawEllipse(rect)
            painter.end()
            self._track_key, self._track_pixmap = key, pixmap
        return self._track_pixmap

    def _paint_text(self, painter: QPainter, rect: QRectF, side: float, color: QColor) -> None:
        digits = self.digits
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(10, int(side * (0.40 if len(digits) <= 2 else 0.27))))
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        digit_rect = QRectF(
            rect.left(), rect.top() + rect.height() * 0.16, rect.width(), rect.height() * 0.56
        )
        painter.drawText(digit_rect, Qt.AlignmentFlag.AlignCenter, digits)
        if self._caption:
            small = QFont(self.font())
            small.setPixelSize(max(8, int(side * 0.075)))
            small.setBold(True)
            painter.setFont(small)
            painter.setPen(color)
            cap_rect = QRectF(
                rect.left(), rect.top() + rect.height() * 0.68, rect.width(), rect.height() * 0.14
            )
            painter.drawText(cap_rect, Qt.AlignmentFlag.AlignCenter, self._caption.upper())
