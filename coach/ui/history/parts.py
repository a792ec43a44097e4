"""Smaller parts of the History window: the sessions table view and the
page an empty log shows instead of charts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coach.ui.history.model import COLUMNS, DATE_COLUMN, SessionTableModel

EMPTY_TITLE = "No sessions yet"
EMPTY_TEXT = (
    "Your history starts with your first session. In the main window, choose a routine "
    "and press <b>Start</b>. Every session you finish or stop is kept here: how long you "
    "stretched, the reps you did, how much it hurt before and after, and your notes.<br><br>"
    "Once there are a few, this window shows your minutes per day, your streak of days in "
    "a row, and your pain over time next to realistic recovery goals."
)

# Widest text each column is sized for (measured with the table's font).
SAMPLES = (
    "0000-00-00  00:00",
    "Strength and stability",
    "0:00:00",
    "Stopped for pain",
    "000 / 000",
    "000",
    "10 → 10",
    "",
)


def session_table(model: SessionTableModel, parent: QWidget) -> QTableView:
    """A sortable, row-selecting view of the sessions. Column widths come
    from sample texts, not from measuring thousands of rows."""
    view = QTableView(parent)
    view.setAccessibleName("Sessions")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    metrics = view.fontMetrics()
    for column, sample in enumerate(SAMPLES[:-1]):
        width = max(
            metrics.horizontalAdvance(sample), metrics.horizontalAdvance(COLUMNS[column][0]) + 16
        )  # + sort arrow
        header.resizeSection(column, width + 12)
    view.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
    view.setSortingEnabled(True)  # sorts by the indicator below, straight away
    header.setSortIndicator(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
    return view


def empty_page(parent: QWidget) -> QWidget:
    page = QWidget(parent)
    box = QVBoxLayout(page)
    box.setContentsMargins(60, 40, 60, 40)
    box.addStretch(1)
    title = QLabel(EMPTY_TITLE, page)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.8)
    font.setBold(True)
    title.setFont(font)
    title.setAlignment(Qt.AlignmentFlag.AlignCenter)
    box.addWidget(title)
    text = QLabel(EMPTY_TEXT, page)
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = text.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    text.setFont(font)
    text.setMaximumWidth(640)
    text.setAccessibleName("How to start")
    row = QHBoxLayout()  # centred, and as wide as the window allows up to 640 px
    row.addStretch(1)
    row.addWidget(text, 20)
    row.addStretch(1)
    box.addLayout(row)
    box.addStretch(2)
    page.setAccessibleName(EMPTY_TITLE)
    return page
