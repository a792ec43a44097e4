"""The History table: one row per session, newest first, from the records
the log returns. Sorting and filtering happen on the Python list (a key
sort over thousands of records takes milliseconds), not in a proxy that
would ask `data()` for every row; cells are formatted only when shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coach.core.log.export import format_duration
from coach.core.log.store import SessionRecord
from coach.ui.wording import pain_text

Role = Qt.ItemDataRole
Index = QModelIndex | QPersistentModelIndex

OUTCOMES = {
    "completed": "Completed",
    "stopped": "Stopped",
    "interrupted": "Interrupted",
    "pain": "Stopped for pain",
    None: "In progress",
}


def _none_last(value: float | None) -> tuple[bool, float]:
    return (value is None, value or 0.0)


# (header, text of a record, sort key, right-aligned)
COLUMNS: tuple[
    tuple[str, Callable[[SessionRecord], str], Callable[[SessionRecord], Any], bool], ...
] = (
    (
        "Date and time",
        lambda r: r.started.strftime("%Y-%m-%d  %H:%M"),
        lambda r: (r.started, r.id),
        False,
    ),
    ("Routine", lambda r: r.routine_name, lambda r: r.routine_name.casefold(), False),
    ("Duration", lambda r: format_duration(r.duration_s), lambda r: _none_last(r.duration_s), True),
    (
        "Outcome",
        lambda r: OUTCOMES.get(r.outcome, str(r.outcome)),
        lambda r: OUTCOMES.get(r.outcome, str(r.outcome)),
        False,
    ),
    (
        "Reps",
        lambda r: f"{r.reps_done} / {r.reps_planned}",
        lambda r: (r.reps_done, r.reps_planned),
        True,
    ),
    ("Skipped", lambda r: str(r.reps_skipped), lambda r: r.reps_skipped, True),
    (
        "Pain",
        lambda r: (
            pain_text(r.pain_before, r.pain_after)
            if r.pain_before is not None or r.pain_after is not None
            else ""
        ),
        lambda r: (_none_last(r.pain_before), _none_last(r.pain_after)),
        False,
    ),
    ("Note", lambda r: r.note.replace("\n", " "), lambda r: r.note.casefold(), False),
)
DATE_COLUMN = 0


def routine_names(records: Sequence[SessionRecord]) -> list[tuple[str, str]]:
    """(id, name) of every routine in `records`, by name; the latest name wins."""
    names = {r.routine_id: r.routine_name for r in records}
    return sorted(names.items(), key=lambda item: item[1].casefold())


class SessionTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[SessionRecord] = []
        self._rows: list[SessionRecord] = []
        self._filter: tuple[date | None, date | None, str | None] = (None, None, None)
        self._sort = (DATE_COLUMN, Qt.SortOrder.DescendingOrder)

    # -- what it shows ------------------------------------------------------
    def set_sessions(
        self,
        records: Sequence[SessionRecord],
        first: date | None = None,
        last: date | None = None,
        routine_id: str | None = None,
    ) -> None:
        """Show `records` (oldest first, as the log gives them) started from
        `first` to `last` (local days, inclusive) of one routine; None means
        no limit."""
        self.beginResetModel()
        self._all = list(records)
        self._filter = (first, last, routine_id)
        self._rows = self._sorted(self._filtered(), chronological=True)
        self.endResetModel()

    def set_filter(self, first: date | None, last: date | None, routine_id: str | None) -> None:
        self.set_sessions(self._all, first, last, routine_id)

    def visible(self) -> list[SessionRecord]:
        """The sessions shown, in the order shown."""
        return list(self._rows)

    def record(self, row: int) -> SessionRecord:
        return self._rows[row]

    def row_of(self, session_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == session_id), None)

    def _filtered(self) -> list[SessionRecord]:
        first, last, routine_id = self._filter
        if first is None and last is None and routine_id is None:
            return list(self._all)
        return [
            r
            for r in self._all
            if (routine_id is None or r.routine_id == routine_id)
            and (first is None or r.started.date() >= first)
            and (last is None or r.started.date() <= last)
        ]

    def _sorted(
        self, rows: list[SessionRecord], chronological: bool = False
    ) -> list[SessionRecord]:
        """Sort in place; rows still in the log's order (oldest first) need
        no sorting by date, only turning round."""
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        if chronological and column == DATE_COLUMN:
            if descending:
                rows.reverse()
        else:
            rows.sort(key=COLUMNS[column][2], reverse=descending)
        return rows

    # -- QAbstractTableModel --------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        _header, text, _key, right = COLUMNS[index.column()]
        if role == Role.DisplayRole:
            return text(record)
        if role == Role.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.ToolTipRole and index.column() == len(COLUMNS) - 1 and record.note:
            return record.note
        if role == Role.UserRole:
            return record.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return COLUMNS[section][0]
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        before = self.persistentIndexList()  # the selection follows its sessions
        ids = [self._rows[i.row()].id for i in before]
        self._sorted(self._rows)
        rows = {r.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(rows[sid], i.column()) for i, sid in zip(before, ids, strict=False)]
        )
        self.layoutChanged.emit()
