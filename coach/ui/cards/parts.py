"""The parts a card is stacked from. Each is laid out for a width at
construction, knows its height, and paints itself at a top-left point."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from coach.ui.cards.flow import GREY_INK, INK, RULE, Fonts, ListEntry, TextBlock, Units
from coach.ui.cards.text import CardContent, Fact

TICK_DAYS = 14


class Part(Protocol):
    """What a card is stacked from (the figures, in figures.py, too)."""

    @property
    def width(self) -> float: ...
    @property
    def height(self) -> float: ...

    def paint(self, painter: QPainter, x: float, y: float) -> None: ...


def _pen(
    units: Units, color: QColor, width_pt: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine
) -> QPen:
    pen = QPen(color, units.pt(width_pt), style)
    pen.setCosmetic(False)
    return pen


class TitlePart:
    def __init__(
        self, content: CardContent, fonts: Fonts, width: float, units: Units, *, with_summary: bool
    ) -> None:
        device = units.device
        self.width = width
        self.gap = units.pt(2)
        self.blocks = [TextBlock(content.title, fonts.title, width, device)]
        if content.subtitle:
            self.blocks.append(
                TextBlock(content.subtitle, fonts.small, width, device, color=GREY_INK)
            )
        if with_summary and content.summary:
            self.blocks.append(TextBlock(content.summary, fonts.summary, width, device))
        self.height = sum(b.height for b in self.blocks) + self.gap * (len(self.blocks) - 1)

    def paint(self, painter: QPainter, x: float, y: float) -> None:
        for block in self.blocks:
            block.draw(painter, x, y)
            y += block.height + self.gap


class FactsPart:
    """The dose box: hold, reps, sets, rest and sides. One row when every word
    fits on one line, else two rows; each column gets the width its words
    need and the spare width is shared out evenly."""

    def __init__(self, facts: Sequence[Fact], fonts: Fonts, width: float, units: Units) -> None:
        device, center = units.device, Qt.AlignmentFlag.AlignHCenter
        self.units, self.width = units, width
        self.pad = units.pt(2.5)
        natural = [
            max(
                TextBlock(f.label, fonts.small, width, device).width,
                TextBlock(f.value, fonts.body_bold, width, device).width,
            )
            + 2 * self.pad
            for f in facts
        ]
        count = len(facts)
        for self.columns in (count, (count + 1) // 2):
            widths = [max(natural[c :: self.columns]) for c in range(self.columns)] if count else []
            if sum(widths) <= width:
                break
        else:  # too narrow even in two rows: equal columns, values wrap
            widths = [width / self.columns] * self.columns
        spare = (width - sum(widths)) / max(1, self.columns)
        self.widths = [w + spare for w in widths]
        self.cells = [
            (
                TextBlock(
                    f.label,
                    fonts.small,
                    self.widths[i % self.columns] - 2 * self.pad,
                    device,
                    align=center,
                    color=GREY_INK,
                ),
                TextBlock(
                    f.value,
                    fonts.body_bold,
                    self.widths[i % self.columns] - 2 * self.pad,
                    device,
                    align=center,
                ),
            )
            for i, f in enumerate(facts)
        ]
        self.label_h = max((label.height for label, _ in self.cells), default=0.0)
        value_h = max((value.height for _, value in self.cells), default=0.0)
        self.row_h = 2 * self.pad + self.label_h + value_h
        self.rows = -(-count // self.columns) if count else 0
        self.height = self.row_h * self.rows

    def paint(self, painter: QPainter, x: float, y: float) -> None:
        if not self.cells:
            return
        painter.setPen(_pen(self.units, INK, 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = self.units.mm(1.2)
        painter.drawRoundedRect(QRectF(x, y, self.width, self.height), radius, radius)
        painter.setPen(_pen(self.units, RULE, 0.4))
        for row in range(1, self.rows):
            painter.drawLine(
                QPointF(x + self.pad, y + row * self.row_h),
                QPointF(x + self.width - self.pad, y + row * self.row_h),
            )
        for i, (label, value) in enumerate(self.cells):
            row, col = divmod(i, self.columns)
            left = x + sum(self.widths[:col])
            top = y + row * self.row_h
            if col:
                painter.setPen(_pen(self.units, RULE, 0.4))
                painter.drawLine(
                    QPointF(left, top + self.pad), QPointF(left, top + self.row_h - self.pad)
                )
            label.draw(painter, left + self.pad, top + self.pad)
            value.draw(painter, left + self.pad, top + self.pad + self.label_h)


class WalkPart:
    """The walk reminder, framed so it is seen at a glance."""

    def __init__(self, text: str, fonts: Fonts, width: float, units: Units) -> None:
        self.units, self.width = units, width
        self.pad = units.pt(3)
        self.text = TextBlock(text, fonts.body_bold, width - 2 * self.pad, units.device)
        self.height = self.text.height + 2 * self.pad if text else 0.0

    def paint(self, painter: QPainter, x: float, y: float) -> None:
        if not self.height:
            return
        painter.setPen(_pen(self.units, INK, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = self.units.mm(1.2)
        painter.drawRoundedRect(QRectF(x, y, self.width, self.height), radius, radius)
        self.text.draw(painter, x + self.pad, y + self.pad)


class ListPart:
    """A heading over numbered or bulleted entries; can be cut after any entry
    so that the rest flows onto a continuation card."""

    def __init__(
        self,
        heading: str,
        texts: Sequence[str],
        fonts: Fonts,
        width: float,
        units: Units,
        *,
        first_number: int | None,
    ) -> None:
        self.texts = tuple(texts)
        self.width = width
        self.gap = units.pt(2.5) * fonts.scale
        self.heading = TextBlock(heading, fonts.heading, width, units.device)
        if first_number is None:
            markers = ["•"] * len(texts)
        else:
            markers = [f"{first_number + i}." for i in range(len(texts))]
        widest = max(markers, key=len, default="")
        marker_width = TextBlock(widest, fonts.body_bold, width, units.device).width
        self.entries = [
            ListEntry(m, t, fonts, width, units, marker_width=marker_width)
            for m, t in zip(markers, texts, strict=False)
        ]
        self.kept = len(self.entries)

    def height_for(self, count: int) -> float:
        if count == 0:
            return 0.0
        used = self.entries[:count]
        return self.heading.height + self.gap + sum(e.height for e in used) + self.gap * (count - 1)

    @property
    def height(self) -> float:
        return self.height_for(self.kept)

    def fitting(self, available: float) -> int:
        """How many entries fit in `available` height (heading included)."""
        count = 0
        while count < len(self.entries) and self.height_for(count + 1) <= available:
            count += 1
        return count

    def paint(self, painter: QPainter, x: float, y: float) -> None:
        if not self.kept:
            return
        self.heading.draw(painter, x, y)
        y += self.heading.height + self.gap
        for entry in self.entries[: self.kept]:
            entry.draw(painter, x, y)
            y += entry.height + self.gap


class TickGridPart:
    """Fourteen boxes to tick, two weeks of seven, with a line for the start date."""

    def __init__(self, fonts: Fonts, width: float, units: Units) -> None:
        device = units.device
        self.units, self.width = units, width
        self.caption = TextBlock("Tick each day you do it", fonts.small_bold, width * 0.6, device)
        self.started = TextBlock(
            "Started: _________",
            fonts.small,
            width * 0.4,
            device,
            align=Qt.AlignmentFlag.AlignRight,
            color=GREY_INK,
        )
        self.days = [
            TextBlock(str(d), fonts.small, width, device, color=GREY_INK)
            for d in range(1, TICK_DAYS + 1)
        ]
        self.gap = units.pt(2)
        self.box = min(max(units.mm(7) * fonts.scale, units.mm(4.8)), width / 7 - self.gap)
        head = max(self.caption.height, self.started.height)
        self.head = head
        self.height = head + self.gap + 2 * self.box + self.gap

    def paint(self, painter: QPainter, x: float, y: float) -> None:
        self.caption.draw(painter, x, y)
        self.started.draw(painter, x + self.width * 0.6, y)
        top = y + self.head + self.gap
        cell_w = (self.width - 6 * self.gap) / 7
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = self.units.pt(1.5)
        for day in range(TICK_DAYS):
            row, col = divmod(day, 7)
            rect = QRectF(
                x + col * (cell_w + self.gap), top + row * (self.box + self.gap), cell_w, self.box
            )
            painter.setPen(_pen(self.units, RULE, 0.7))
            painter.drawRect(rect)
            self.days[day].draw(painter, rect.left() + inset, rect.top() + inset * 0.5)
