"""One printed card: lays a CardContent out in a rectangle and paints it.

The text is fitted, not clipped: the card first gives the figures only the
room the text leaves, then shrinks the text step by step down to a legible
minimum, and only then hands the steps and cautions that still do not fit to
a continuation card (`Card.overflow`), which goes into the next slot.

A tall card stacks everything in one column; a wide card (two to a portrait
page) puts figures, dose box and tick grid on the left and the text on the right.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QPainter, QPen

from coach.ui.cards.figures import FiguresPart, key_poses
from coach.ui.cards.flow import RULE, Fonts, Units
from coach.ui.cards.parts import FactsPart, ListPart, Part, TickGridPart, TitlePart, WalkPart
from coach.ui.cards.text import CardContent

MIN_SCALE = 0.7  # 7 pt body text, 6 pt labels


class _Parts(NamedTuple):
    """A card's parts, laid out for one text scale."""

    title: TitlePart
    figures: FiguresPart | None
    facts: FactsPart
    walk: WalkPart
    steps: ListPart
    cautions: ListPart
    tick: TickGridPart | None


def _scales(text_width_mm: float) -> list[float]:
    """Text scales to try, largest first: a wide column may start larger."""
    top = min(1.25, max(0.85, text_width_mm / 85))
    scales = []
    scale = top
    while scale > MIN_SCALE:
        scales.append(round(scale, 3))
        scale *= 0.94
    return [*scales, MIN_SCALE]


class Card:
    def __init__(self, content: CardContent, size: QSizeF, units: Units) -> None:
        self.content, self.size, self.units = content, size, units
        self.pad = min(units.mm(6), max(units.mm(3), size.width() * 0.03))
        self.inner_w = size.width() - 2 * self.pad
        self.inner_h = size.height() - 2 * self.pad
        self.wide = size.width() > size.height() * 1.15 and not content.continued
        # Three poses (both sides) need a wider figure column than two.
        share = 0.5 if len(content.panels) > 2 else 0.42
        self.column_gap = units.mm(5)
        self.left_w = self.inner_w * share if self.wide else self.inner_w
        self.text_w = self.inner_w - self.left_w - self.column_gap if self.wide else self.inner_w
        self.poses = key_poses(content)  # once: the fitting below lays out many times
        self.overflow: CardContent | None = None
        self.clipped = False
        self.placed: list[tuple[Part, float, float]] = []  # each part at its top-left
        self.scale = self._fit()

    def _fit(self) -> float:
        scales = _scales(self.units.to_mm(self.text_w))
        attempts = [(s, True) for s in scales if s >= 0.9] + [(s, False) for s in scales]
        for scale, summary in attempts:
            if self._lay_out(Fonts(scale), summary, split=False):
                return scale
        self._lay_out(Fonts(MIN_SCALE), False, split=True)
        return MIN_SCALE

    def _parts(self, fonts: Fonts, summary: bool) -> _Parts:
        c, u = self.content, self.units
        title = TitlePart(c, fonts, self.inner_w, u, with_summary=summary)
        figures = FiguresPart(c, self.poses, fonts, self.left_w, u) if c.panels else None
        facts = FactsPart(c.facts, fonts, self.left_w, u)
        walk = WalkPart(c.walk, fonts, self.text_w, u)
        steps = ListPart("How to do it", c.steps, fonts, self.text_w, u, first_number=c.first_step)
        cautions = ListPart("Take care", c.cautions, fonts, self.text_w, u, first_number=None)
        tick = None if c.continued else TickGridPart(fonts, self.left_w, u)
        return _Parts(title, figures, facts, walk, steps, cautions, tick)

    def _lay_out(self, fonts: Fonts, summary: bool, *, split: bool) -> bool:
        title, figures, facts, walk, steps, cautions, tick = self._parts(fonts, summary)
        gap = self.units.pt(6) * fonts.scale

        def total(parts: Iterable[Part | None]) -> float:  # each part with the gap after it
            return sum(p.height + gap for p in parts if p is not None and p.height)

        body_top = title.height + gap
        body_h = self.inner_h - body_top
        fixed = total((facts, tick))
        text = (walk, steps, cautions)
        figure_min = figures.min_height if figures is not None else -gap
        # Wide: figures, dose box and tick grid left; the text right.
        text_room = body_h + gap if self.wide else body_h - fixed - figure_min
        if total(text) > text_room + 0.01:
            if not split:
                return False
            self._split(walk, steps, cautions, text_room, gap)
        figure_room = body_h - fixed - (0.0 if self.wide else total(text))
        if figures is not None:
            if figure_room < figures.min_height and not split:
                return False
            figures.fit(figure_room)
        self._place(title, figures, facts, walk, steps, cautions, tick, gap, body_top)
        return True

    def _split(
        self, walk: WalkPart, steps: ListPart, cautions: ListPart, room: float, gap: float
    ) -> None:
        """Keep the entries that fit in `room` (counted with trailing gaps);
        the rest go to the continuation card."""
        room -= walk.height + gap if walk.height else 0.0
        steps.kept = steps.fitting(room - gap)
        if steps.kept == len(steps.entries):
            used = steps.height + gap if steps.kept else 0.0
            cautions.kept = cautions.fitting(room - used - gap)
        else:
            cautions.kept = 0
        if steps.kept == 0 and cautions.kept == 0 and (steps.entries or cautions.entries):
            # Not even one entry fits: keep one anyway (clipped) so the flow ends.
            steps.kept, cautions.kept = (1, 0) if steps.entries else (0, 1)
            self.clipped = True
        if steps.kept < len(steps.entries) or cautions.kept < len(cautions.entries):
            self.overflow = self.content.continuation(
                self.content.first_step + steps.kept,
                steps.texts[steps.kept :],
                cautions.texts[cautions.kept :],
            )

    def _place(
        self,
        title: TitlePart,
        figures: FiguresPart | None,
        facts: FactsPart,
        walk: WalkPart,
        steps: ListPart,
        cautions: ListPart,
        tick: TickGridPart | None,
        gap: float,
        body_top: float,
    ) -> None:
        x0 = y0 = self.pad
        self.placed = [(title, x0, y0)]
        y = y0 + body_top
        text_x = x0 + self.left_w + self.column_gap if self.wide else x0
        left: tuple[Part | None, ...] = (figures, facts)
        for part in left:
            if part is not None and part.height:
                self.placed.append((part, x0, y))
                y += part.height + gap
        if self.wide:
            y = y0 + body_top
        text: tuple[Part, ...] = (walk, steps, cautions)
        for part in text:
            if part.height:
                self.placed.append((part, text_x, y))
                y += part.height + gap
        if tick is not None:  # anchored to the bottom edge, where a pen finds it
            self.placed.append((tick, x0, y0 + self.inner_h - tick.height))

    def paint(self, painter: QPainter, origin: QPointF) -> None:
        rect = QRectF(origin, self.size)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(RULE, self.units.pt(0.6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = self.units.mm(2.5)
        painter.drawRoundedRect(rect, radius, radius)
        if self.clipped:
            painter.setClipRect(rect)
        for part, x, y in self.placed:
            part.paint(painter, origin.x() + x, origin.y() + y)
        painter.restore()
