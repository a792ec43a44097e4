"""The row above the sessions table: which dates and routine to show, how
many are shown, and Export CSV."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from coach.core.log.store import SessionRecord
from coach.ui.history.model import routine_names

Limits = tuple[date | None, date | None, str | None]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class SessionFilters(QWidget):
    """`changed` fires when the person changes the limits (not when `fill`
    adapts them to a reloaded log); `export_requested` on Export CSV."""

    changed = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filled = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.first, self.last = QDateEdit(self), QDateEdit(self)
        for edit, name in ((self.first, "From"), (self.last, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(f"Show sessions {name.lower()}")
            edit.dateChanged.connect(self.changed)
            self._labelled(row, name, edit)
        self.routine = QComboBox(self)
        self.routine.setAccessibleName("Show sessions of routine")
        self.routine.currentIndexChanged.connect(self.changed)
        self._labelled(row, "Routine", self.routine)
        reset = QPushButton("Show all", self)
        reset.setAccessibleName("Show all sessions")
        reset.clicked.connect(self.show_all)
        row.addWidget(reset)
        self.count = QLabel(self)
        self.count.setAccessibleName("Sessions shown")
        row.addWidget(self.count, 1)
        export = QPushButton("Export CSV…", self)
        export.setAccessibleName("Export CSV")
        export.setToolTip(
            "Save the sessions shown as a CSV file (the columns of coach history --csv)"
        )
        export.clicked.connect(self.export_requested)
        row.addWidget(export)

    def _labelled(self, row: QHBoxLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        row.addWidget(label)
        row.addWidget(widget)

    @property
    def narrowed(self) -> bool:
        """Whether the person has narrowed the dates or chosen a routine."""
        return (
            self.first.date() != self.first.minimumDate()
            or self.last.date() != self.last.maximumDate()
            or self.routine.currentIndex() > 0
        )

    def fill(self, records: Sequence[SessionRecord], today: date) -> None:
        """Fit the date range and routine list to `records` (oldest first),
        keeping limits the person chose."""
        keep = self._filled and self.narrowed
        self._filled = True
        oldest = _qdate(records[0].started.date())
        newest = _qdate(max(today, records[-1].started.date()))
        chosen = self.routine.currentData()
        widgets = (self.first, self.last, self.routine)
        for widget in widgets:
            widget.blockSignals(True)
        for edit in (self.first, self.last):
            edit.setDateRange(oldest, newest)
        if not keep:
            self.first.setDate(oldest)
            self.last.setDate(newest)
        self.routine.clear()
        self.routine.addItem("All routines", None)
        for routine_id, name in routine_names(records):
            self.routine.addItem(name, routine_id)
        self.routine.setCurrentIndex(max(0, self.routine.findData(chosen)))
        for widget in widgets:
            widget.blockSignals(False)

    def limits(self) -> Limits:
        """(first day, last day, routine id); None where there is no limit."""
        first, last = self.first.date(), self.last.date()
        return (
            None if first == self.first.minimumDate() else _pydate(first),
            None if last == self.last.maximumDate() else _pydate(last),
            routine if isinstance(routine := self.routine.currentData(), str) else None,
        )

    def show_all(self) -> None:
        for widget in (self.first, self.last, self.routine):
            widget.blockSignals(True)
        self.first.setDate(self.first.minimumDate())
        self.last.setDate(self.last.maximumDate())
        self.routine.setCurrentIndex(0)
        for widget in (self.first, self.last, self.routine):
            widget.blockSignals(False)
        self.changed.emit()

    def show_count(self, shown: int, total: int) -> None:
        self.count.setText(f"{shown} of {total} sessions")
