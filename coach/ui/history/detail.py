"""One session in History: its reps with planned and actual holds, its note
(editable) and a Delete button that asks first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coach.core.errors import CoachError
from coach.core.log.store import RepRecord, SessionLog, SessionRecord
from coach.ui.history.model import COLUMNS, OUTCOMES

Role = Qt.ItemDataRole
Index = QModelIndex | QPersistentModelIndex
REP_HEADERS = ("Exercise", "Side", "Set", "Rep", "Planned hold", "Actual hold")


def exercise_label(exercise_id: str) -> str:
    """'knees-to-chest' -> 'Knees to chest', for an exercise the catalog lacks."""
    return exercise_id.replace("-", " ").replace("_", " ").capitalize()


def _seconds(value: float) -> str:
    """30.0 -> '30 s', 29.46 -> '29.5 s'."""
    return f"{value:.1f}".rstrip("0").rstrip(".") + " s"


class RepTableModel(QAbstractTableModel):
    def __init__(self, names: Callable[[str], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._names = names
        self._reps: list[RepRecord] = []

    def set_reps(self, reps: list[RepRecord]) -> None:
        self.beginResetModel()
        self._reps = reps
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._reps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(REP_HEADERS)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rep = self._reps[index.row()]
        column = index.column()
        if role == Role.DisplayRole:
            return (
                self._names(rep.exercise_id),
                (rep.side or "").capitalize(),
                str(rep.set),
                str(rep.rep),
                _seconds(rep.planned_hold_s),
                "skipped" if rep.skipped else _seconds(rep.actual_hold_s),
            )[column]
        if role == Role.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return REP_HEADERS[section]
        return super().headerData(section, orientation, role)


class SessionDetail(QWidget):
    """Shows the session given to `show_session`; `changed(session_id)` fires
    after its note was saved or it was deleted."""

    changed = Signal(int)

    def __init__(
        self,
        log: SessionLog,
        names: Callable[[str], str] = exercise_label,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._log = log
        self.session: SessionRecord | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("Choose a session to see its reps and note.", self)
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Session")
        box.addWidget(self.title)
        self.reps = RepTableModel(names, self)
        self.rep_view = QTableView(self)
        self.rep_view.setModel(self.reps)
        self.rep_view.setAccessibleName("Reps of the session")
        self.rep_view.verticalHeader().hide()
        self.rep_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.rep_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.rep_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.rep_view, 3)
        box.addWidget(QLabel("Note", self))
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("How did it go? Anything to remember next time?")
        self.note.textChanged.connect(self._note_edited)
        box.addWidget(self.note, 1)
        row = QHBoxLayout()
        self.save_button = self._button("Save note", "Keep the note with this session", row)
        self.save_button.clicked.connect(self.save_note)
        row.addStretch(1)
        self.delete_button = self._button(
            "Delete session…", "Remove this session and its reps from the log", row
        )
        self.delete_button.clicked.connect(self.ask_delete)
        box.addLayout(row)
        self.show_session(None)

    def _button(self, text: str, tip: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("…"))
        row.addWidget(button)
        return button

    def show_session(self, record: SessionRecord | None) -> None:
        self.session = record
        self.reps.set_reps([] if record is None else self._log.reps(record.id))
        for widget in (self.note, self.delete_button, self.rep_view):
            widget.setEnabled(record is not None)
        self.note.blockSignals(True)
        self.note.setPlainText("" if record is None else record.note)
        self.note.blockSignals(False)
        self.save_button.setEnabled(False)
        if record is None:
            self.title.setText("Choose a session to see its reps and note.")
            return
        cells = [text(record) for _h, text, _k, _r in COLUMNS]
        self.title.setText(
            f"<b>{record.routine_name}</b> — {record.started.strftime('%A %d %B %Y, %H:%M')}"
            f"<br>{cells[2]} · {OUTCOMES.get(record.outcome, '')} · {cells[4]} reps"
            + (f" · pain {cells[6]}" if cells[6] else "")
        )

    def _note_edited(self) -> None:
        self.save_button.setEnabled(
            self.session is not None and self.note.toPlainText() != self.session.note
        )

    def save_note(self) -> None:
        if self.session is None:
            return
        if self._run(
            lambda: self._log.set_note(
                self.session.id,  # type: ignore[union-attr]
                self.note.toPlainText().strip(),
            )
        ):
            self.save_button.setEnabled(False)
            self.changed.emit(self.session.id)

    def ask_delete(self) -> None:
        record = self.session
        if record is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete session",
            f"Delete the {record.routine_name} session of "
            f"{record.started.strftime('%d %B %Y, %H:%M')} and its reps? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes and self._run(
            lambda: self._log.delete_session(record.id)
        ):
            self.changed.emit(record.id)

    def _run(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except CoachError as exc:
            QMessageBox.warning(self, "History", str(exc))
            return False
        return True
