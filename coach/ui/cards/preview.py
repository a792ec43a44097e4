"""The print preview dialog for routine cards: Qt's QPrintPreviewDialog with
a "cards per page" choice added to its tool bar. Printing to a PDF file is
offered by the print dialog it opens."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from coach.ui.cards.pages import MARGIN_MM, PER_PAGE, CardSheet, paint_pages


class CardPrintPreview(QPrintPreviewDialog):
    def __init__(self, parent: QWidget | None, sheet: CardSheet, *, per_page: int = 2) -> None:
        # The dialog does not own a printer passed in; keeping it here keeps it alive.
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(self._printer, parent)
        self.sheet = sheet
        self._printer.setDocName(f"{sheet.title}: exercise cards")
        self._printer.setPageMargins(
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
        )
        self.setWindowTitle(f"Print cards: {sheet.title}")
        # Wide enough that the tool bar, with the layout choice at its end, shows whole.
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width() * 9 // 10), min(900, screen.height() * 9 // 10))

        self.per_page = QComboBox(self)
        for count in PER_PAGE:
            self.per_page.addItem(f"{count} card{'s' if count > 1 else ''} per page", count)
        self.per_page.setCurrentIndex(PER_PAGE.index(per_page))
        self.per_page.setAccessibleName("Cards per page")
        self.per_page.setToolTip("How many exercise cards to put on each sheet")
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            label = QLabel(" Cards: ", self)
            label.setBuddy(self.per_page)
            toolbar.addWidget(label)
            toolbar.addWidget(self.per_page)
        preview = self.findChild(QPrintPreviewWidget)
        assert preview is not None, "QPrintPreviewDialog shows its pages in one"
        self.preview = preview
        self.per_page.currentIndexChanged.connect(self.preview.updatePreview)
        self.paintRequested.connect(self._paint)

    def _paint(self, printer: QPrinter) -> None:
        pages = None
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            pages = range(printer.fromPage() - 1, printer.toPage())
        painter = QPainter(printer)
        try:
            paint_pages(printer, painter, self.sheet, self.per_page.currentData(), pages)
        finally:
            painter.end()
