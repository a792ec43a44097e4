"""Pages of routine cards: 1, 2 or 4 cards to a page, with a header naming
the routine, a footer with the app name, date and page number, and dashed cut
lines between the cards. Works on any paged device (PDF writer or printer)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QMarginsF, QPointF, QSizeF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPen

from coach.core.catalog.model import Catalog, Routine
from coach.ui.cards.card import Card
from coach.ui.cards.flow import GREY_INK, RULE, TextBlock, Units, print_font
from coach.ui.cards.text import CardContent, card_for

APP_NAME = "Stretch Coach"
PER_PAGE = (1, 2, 4)
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
# Half an inch all round: inside what every office and home printer can reach.
MARGIN_MM = 12.7


def page_layout(paper: str) -> QPageLayout:
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(
        QPageSize(PAPERS[paper]),
        QPageLayout.Orientation.Portrait,
        margins,
        QPageLayout.Unit.Millimeter,
    )


@dataclass(frozen=True)
class CardSheet:
    """Everything a print of one routine says, before it meets a page size."""

    title: str
    detail: str
    cards: tuple[CardContent, ...]
    printed_on: date = field(default_factory=date.today)


def sheet_for(catalog: Catalog, routine: Routine, printed_on: date | None = None) -> CardSheet:
    cards = tuple(card_for(catalog.exercise(item.exercise), item) for item in routine.items)
    minutes = max(1, round(catalog.estimated_seconds(routine) / 60))
    count = len(cards)
    detail = f"{count} exercise{'s' if count != 1 else ''} · about {minutes} min"
    return CardSheet(routine.name, detail, cards, printed_on or date.today())


def _grid(per_page: int, width: float, height: float) -> tuple[int, int]:
    """(rows, columns): two cards stack on a portrait page, sit side by side on landscape."""
    if per_page == 1:
        return 1, 1
    if per_page == 2:
        return (2, 1) if height >= width else (1, 2)
    return 2, 2


class PagePlan:
    """The cards of a sheet laid out in the slots of a device's pages."""

    def __init__(self, sheet: CardSheet, device: QPagedPaintDevice, per_page: int) -> None:
        self.sheet, self.per_page = sheet, per_page
        self.units = u = Units(device)
        self.width, self.height = float(device.width()), float(device.height())
        self.header = TextBlock(sheet.title, print_font(13, bold=True), self.width * 0.62, device)
        self.detail = TextBlock(
            sheet.detail,
            print_font(9),
            self.width * 0.38,
            device,
            align=Qt.AlignmentFlag.AlignRight,
            color=GREY_INK,
        )
        self.header_h = max(self.header.height, self.detail.height) + u.mm(4)
        self.footer_h = u.mm(8)
        self.gutter = u.mm(7)
        self.rows, self.cols = _grid(per_page, self.width, self.height)
        area_h = self.height - self.header_h - self.footer_h
        self.slot = QSizeF(
            (self.width - (self.cols - 1) * self.gutter) / self.cols,
            (area_h - (self.rows - 1) * self.gutter) / self.rows,
        )
        self.cards: list[Card] = []
        for content in sheet.cards:
            card = Card(content, self.slot, u)
            self.cards.append(card)
            while card.overflow is not None:  # long text flows into the next slot
                card = Card(card.overflow, self.slot, u)
                self.cards.append(card)
        self.page_count = max(1, math.ceil(len(self.cards) / per_page))

    def slot_origin(self, index_on_page: int) -> QPointF:
        row, col = divmod(index_on_page, self.cols)
        return QPointF(
            col * (self.slot.width() + self.gutter),
            self.header_h + row * (self.slot.height() + self.gutter),
        )

    def paint_page(self, painter: QPainter, page: int) -> None:
        """Paint page `page` (0-based) with the painter's origin at the top-left
        of the printable area."""
        self._paint_header(painter)
        first = page * self.per_page
        on_page = self.cards[first : first + self.per_page]
        for i, card in enumerate(on_page):
            card.paint(painter, self.slot_origin(i))
        self._paint_cut_lines(painter, len(on_page))
        self._paint_footer(painter, page)

    def _paint_header(self, painter: QPainter) -> None:
        self.header.draw(painter, 0, 0)
        self.detail.draw(painter, self.width * 0.62, self.header.height - self.detail.height)
        y = max(self.header.height, self.detail.height) + self.units.mm(1.5)
        painter.setPen(QPen(RULE, self.units.pt(0.6)))
        painter.drawLine(QPointF(0, y), QPointF(self.width, y))

    def _paint_footer(self, painter: QPainter, page: int) -> None:
        u, sheet = self.units, self.sheet
        font = print_font(8)
        third = self.width / 3
        when = f"{sheet.printed_on.day} {sheet.printed_on:%B %Y}"
        texts = (
            (APP_NAME, Qt.AlignmentFlag.AlignLeft),
            (f"Printed {when}", Qt.AlignmentFlag.AlignHCenter),
            (f"Page {page + 1} of {self.page_count}", Qt.AlignmentFlag.AlignRight),
        )
        y = self.height - self.footer_h + u.mm(2.5)
        painter.setPen(QPen(RULE, u.pt(0.6)))
        painter.drawLine(QPointF(0, y - u.mm(1.5)), QPointF(self.width, y - u.mm(1.5)))
        for i, (text, align) in enumerate(texts):
            TextBlock(text, font, third, u.device, align=align, color=GREY_INK).draw(
                painter, i * third, y
            )

    def _paint_cut_lines(self, painter: QPainter, count: int) -> None:
        """Dashed lines along the gutters, only where they separate a card
        from its neighbours (a half-empty last page needs fewer cuts)."""
        u = self.units
        pen = QPen(RULE, u.pt(0.5), Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([6, 4])
        painter.setPen(pen)
        slot_w, slot_h = self.slot.width(), self.slot.height()
        for row in range(1, self.rows):
            if row * self.cols < count:
                y = self.header_h + row * slot_h + (row - 0.5) * self.gutter
                painter.drawLine(QPointF(0, y), QPointF(self.width, y))
        for index in range(count):
            row, col = divmod(index, self.cols)
            if col:
                x = col * slot_w + (col - 0.5) * self.gutter
                top = self.header_h + row * (slot_h + self.gutter)
                bottom = top + slot_h
                # Reach half into the gutters to meet the horizontal cut.
                top -= self.gutter / 2 if row else 0.0
                bottom += self.gutter / 2 if row < self.rows - 1 else 0.0
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))


def paint_pages(
    device: QPagedPaintDevice,
    painter: QPainter,
    sheet: CardSheet,
    per_page: int,
    pages: range | None = None,
) -> int:
    """Paint the sheet's pages (all, or the 0-based `pages`) on an open painter;
    returns the number of pages painted."""
    plan = PagePlan(sheet, device, per_page)
    wanted = [p for p in (pages or range(plan.page_count)) if 0 <= p < plan.page_count]
    for n, page in enumerate(wanted):
        if n:
            device.newPage()
        plan.paint_page(painter, page)
    return len(wanted)
