"""The History window: Progress (streaks and charts) and Sessions (the
table, filters, one session's reps and note, CSV export). An empty log
shows how to start instead of empty charts.

The charts module (and with it pyqtgraph) is imported only when there is
something to chart, so the rest of the app starts without it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coach import APP_NAME
from coach.core.catalog.loader import Catalog
from coach.core.errors import CatalogError, CoachError
from coach.core.files import PRIVATE, write_text
from coach.core.log.export import write_csv
from coach.core.log.stats import Progress
from coach.core.log.store import SessionLog, SessionRecord
from coach.ui.history.detail import SessionDetail, exercise_label
from coach.ui.history.filters import SessionFilters
from coach.ui.history.model import SessionTableModel
from coach.ui.history.parts import empty_page, session_table
from coach.ui.settings import AppSettings

if TYPE_CHECKING:
    from coach.ui.history.progress import ProgressPage


class HistoryWindow(QMainWindow):
    def __init__(
        self,
        log: SessionLog,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        catalog: Catalog | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.log = log
        self._today = today  # None: the real date, read again at each refresh
        self.settings = settings or AppSettings()
        self.setWindowTitle(f"History — {APP_NAME}")
        self.resize(1180, 780)
        self.settings.restore_geometry("history", self)
        self.records: list[SessionRecord] = []
        self.catalog = catalog  # its routines' frequencies: done vs planned per week
        self.progress_page: ProgressPage | None = None

        self.stack = QStackedWidget(self)
        self.empty = empty_page(self.stack)
        self.stack.addWidget(self.empty)
        self.tabs = QTabWidget(self.stack)
        self.tabs.setAccessibleName("History views")
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)

        sessions = QWidget(self.tabs)
        self.model = SessionTableModel(self)
        self.table = session_table(self.model, sessions)
        self.detail = SessionDetail(log, self._names(catalog), sessions)
        self.detail.changed.connect(self._changed)
        self.filters = SessionFilters(sessions)
        self.filters.changed.connect(self._filter_changed)
        self.filters.export_requested.connect(self.ask_export)
        split = QSplitter(Qt.Orientation.Horizontal, sessions)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        split.setSizes([800, 380])
        column = QVBoxLayout(sessions)
        column.addWidget(self.filters)
        column.addWidget(split, 1)
        self.sessions_tab = sessions
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.reload()

    # -- building -----------------------------------------------------------
    @staticmethod
    def _names(catalog: Catalog | None) -> Callable[[str], str]:
        if catalog is None:
            return exercise_label

        def name(exercise_id: str) -> str:
            try:
                return catalog.exercise(exercise_id).name
            except CatalogError:
                return exercise_label(exercise_id)

        return name

    @property
    def today(self) -> date:
        return self._today or date.today()

    # -- data ---------------------------------------------------------------
    def refresh_if_changed(self) -> bool:
        """Reload when the log gained or changed sessions since the last day
        shown; a cheap check. The app calls it when the log changed (a
        session played while History is open: a rep, a rating, its end)."""
        since = self.records[-1].started.date() if self.records else None
        try:
            recent = self.log.sessions(since)
        except CoachError:
            return False
        if recent == [r for r in self.records if since is None or r.started.date() >= since]:
            return False
        selected = self.detail.session.id if self.detail.session else None
        self.reload()
        self.select(selected)
        return True

    def reload(self) -> None:
        """Read the log again and show it (after a change, or at opening)."""
        try:
            self.records = self.log.sessions()
        except CoachError as exc:
            self.records = []
            QMessageBox.warning(self, "History", str(exc))
        if not self.records:
            self.stack.setCurrentWidget(self.empty)
            self.model.set_sessions([])
            self.detail.show_session(None)
            return
        self.stack.setCurrentWidget(self.tabs)
        self.filters.fill(self.records, self.today)
        self.model.set_sessions(self.records, *self.filters.limits())
        self.filters.show_count(self.model.rowCount(), len(self.records))
        if self.progress_page is None:
            from coach.ui.history.progress import ProgressPage  # imports pyqtgraph

            self.progress_page = ProgressPage(self.tabs)
            # The catalog's own dict: routines the editor adds show at the next refresh.
            self.progress_page.set_routines(self.catalog.routines if self.catalog else {})
            self.tabs.insertTab(0, self.progress_page, "Progress")
            self.tabs.addTab(self.sessions_tab, "Sessions")
            self.tabs.setCurrentIndex(0)
        self.progress_page.show_progress(Progress.from_sessions(self.records), self.today)

    def _filter_changed(self) -> None:
        selected = self.detail.session.id if self.detail.session else None
        self.model.set_filter(*self.filters.limits())
        self.filters.show_count(self.model.rowCount(), len(self.records))
        self.select(selected)

    def select(self, session_id: int | None) -> None:
        row = None if session_id is None else self.model.row_of(session_id)
        if row is None:
            self.table.clearSelection()
            self.detail.show_session(None)
        else:
            self.table.selectRow(row)

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.show_session(self.model.record(rows[0].row()) if rows else None)

    def _changed(self, session_id: int) -> None:
        self.reload()
        self.select(session_id)

    # -- export -------------------------------------------------------------
    def export_csv(self, path: Path) -> int:
        """Write the sessions shown, oldest first, as `coach history --csv`
        does; returns how many. The file is private (0600: pain ratings and
        notes are health data) and written whole or not at all; a special
        file, a full disk or a failed write raises CoachError in one
        sentence and leaves an old file as it was."""
        records = sorted(self.model.visible(), key=lambda r: (r.started, r.id))
        text = io.StringIO()
        write_csv(records, text)
        write_text(path, text.getvalue(), mode=PRIVATE)
        return len(records)

    def ask_export(self) -> None:
        suggested = Path.home() / f"stretch-coach-history-{self.today.isoformat()}.csv"
        name, _filter = QFileDialog.getSaveFileName(
            self, "Export sessions to CSV", str(suggested), "CSV files (*.csv)"
        )
        if not name:
            return
        try:
            self.export_csv(Path(name))
        except CoachError as exc:
            QMessageBox.warning(self, "Export CSV", str(exc))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_geometry("history", self)
        super().closeEvent(event)
