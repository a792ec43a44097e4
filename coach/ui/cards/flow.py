"""Text for printed cards: physical units, fonts at a scale, wrapped paragraphs.

Everything is measured on the paint device the card is drawn on (a PDF
writer or a printer), so what is measured is what prints.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPaintDevice, QPainter, QTextLayout, QTextOption

INK = QColor(0, 0, 0)
GREY_INK = QColor(70, 70, 70)  # secondary text: still crisp on a cheap printer
RULE = QColor(120, 120, 120)
FAINT = QColor(185, 185, 185)


class Units:
    """Millimetres and points on one paint device."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self.per_mm = device.logicalDpiY() / 25.4

    def mm(self, value: float) -> float:
        return value * self.per_mm

    def pt(self, value: float) -> float:
        return value * self.per_mm * 25.4 / 72

    def to_mm(self, device_units: float) -> float:
        return device_units / self.per_mm


def print_font(points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    # Print metrics: no hinting, so widths measured here are the widths in the PDF.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class Fonts:
    """The card's fonts at one text scale; 1.0 means 10 pt body text.

    Labels never go below 6 pt and body text never below 7 pt: smaller than
    that is not legible on a sheet on the wall.
    """

    def __init__(self, scale: float) -> None:
        self.scale = scale
        body = max(7.0, 10.0 * scale)
        small = max(6.0, 7.5 * scale)
        self.title = print_font(max(10.0, 15.0 * scale), bold=True)
        self.heading = print_font(body * 1.05, bold=True)
        self.body = print_font(body)
        self.body_bold = print_font(body, bold=True)
        self.summary = print_font(body, italic=True)
        self.small = print_font(small)
        self.small_bold = print_font(small, bold=True)


class TextBlock:
    """One paragraph wrapped to a width: at word boundaries, or anywhere when a
    single word is wider than the line (so nothing ever runs past the edge)."""

    def __init__(
        self,
        text: str,
        font: QFont,
        width: float,
        device: QPaintDevice,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        color: QColor = INK,
    ) -> None:
        self.color = color
        self.layout = QTextLayout(text, font, device)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.layout.setTextOption(option)
        self.layout.beginLayout()
        y = 0.0
        widest = 0.0
        while True:
            line = self.layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1.0))
            line.setPosition(QPointF(0.0, y))
            y += line.height()
            widest = max(widest, line.naturalTextWidth())
        self.layout.endLayout()
        self.height = y
        self.width = min(widest, width)
        self.line_count = self.layout.lineCount()

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        painter.setPen(self.color)
        self.layout.draw(painter, QPointF(x, y))


class ListEntry:
    """A numbered step or a bulleted caution: the marker hangs in the margin."""

    def __init__(
        self,
        marker: str,
        text: str,
        fonts: Fonts,
        width: float,
        units: Units,
        *,
        marker_width: float,
    ) -> None:
        device = units.device
        self.marker = TextBlock(
            marker, fonts.body_bold, marker_width, device, align=Qt.AlignmentFlag.AlignRight
        )
        self.indent = marker_width + units.pt(4)
        self.text = TextBlock(text, fonts.body, width - self.indent, device)
        self.height = max(self.text.height, self.marker.height)

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        self.marker.draw(painter, x, y)
        self.text.draw(painter, x + self.indent, y)
