"""The Progress page of History: streaks and totals at the top, then the
charts (minutes per day, sessions per week, pain with its goals, the last
twelve weeks), all for the period chosen in one place; under them the
sessions done against those the routines' frequencies plan, per week over
the last twelve weeks (`set_routines` tells it the routines)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coach.core.catalog.model import Routine
from coach.core.log.stats import Progress
from coach.ui.history.charts import ChartColors, MinutesChart, WeeksChart
from coach.ui.history.heatmap import HeatMapChart
from coach.ui.history.pain import PainChart
from coach.ui.history.planned import WEEKS, PlanChart

Chart = MinutesChart | WeeksChart | PainChart | HeatMapChart
PERIODS = (("Last 30 days", 30), ("Last 90 days", 90), ("Last 365 days", 365))


def days_text(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


class ProgressPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = Progress()
        self.today = date.today()
        # The catalog's routines by id (the live dict: edits show at the next
        # refresh); empty until `set_routines`: then nothing is planned.
        self.routines: Mapping[str, Routine] = {}
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        self.period = QComboBox(self)
        self.period.setAccessibleName("Period shown in the charts")
        self.period.setToolTip("How many days the charts show")
        for period_name, days in PERIODS:
            self.period.addItem(period_name, days)
        self.period.setCurrentIndex(1)  # 90 days: long enough to see the goals' eight weeks
        self.period.currentIndexChanged.connect(lambda _i: self._render())
        top.addWidget(self.period)
        top.addSpacing(24)
        self.figures: dict[str, QLabel] = {}
        for key, caption in (
            ("current", "Current streak"),
            ("longest", "Longest streak"),
            ("week", "This week"),
            ("total", "All sessions"),
        ):
            label = QLabel(self)
            label.setAccessibleName(caption)
            label.setToolTip(
                {
                    "current": "Days in a row with at least one rep done, up to today",
                    "longest": "The most days in a row with at least one rep done",
                    "week": "Sessions since Monday",
                    "total": "Every session in the log",
                }[key]
            )
            self.figures[key] = label
            top.addWidget(label)
            top.addSpacing(18)
        top.addStretch(1)
        box.addLayout(top)
        self.grid = QGridLayout()
        box.addLayout(self.grid, 1)
        self.colors = ChartColors.from_palette(self.palette())
        self.charts: tuple[Chart, ...] = ()
        self.plan: PlanChart | None = None
        self._build_charts()

    @property
    def days(self) -> int:
        return int(self.period.currentData())

    def _build_charts(self) -> None:
        for chart in self.charts:
            chart.plot.setParent(None)
            chart.plot.deleteLater()
        if self.plan is not None:
            self.plan.widget.setParent(None)
            self.plan.widget.deleteLater()
        self.minutes = MinutesChart(self.colors)
        self.weeks = WeeksChart(self.colors)
        self.pain = PainChart(self.colors)
        self.heat_map = HeatMapChart(self.colors)
        charts: tuple[Chart, ...] = (self.minutes, self.weeks, self.pain, self.heat_map)
        self.charts = charts
        for n, shown in enumerate(charts):
            self.grid.addWidget(shown.plot, n // 2, n % 2)
        self.plan = PlanChart(self.colors, self._routine_name)
        self.grid.addWidget(self.plan.widget, 2, 0, 1, 2)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)

    def set_routines(self, routines: Mapping[str, Routine]) -> None:
        """Plan with these routines' frequencies (the catalog's, by id)."""
        self.routines = routines
        self._render_plan()

    def _routine_name(self, routine_id: str) -> str:
        routine = self.routines.get(routine_id)
        return routine.name if routine is not None else routine_id

    def show_progress(self, progress: Progress, today: date) -> None:
        self.progress, self.today = progress, today
        streaks = progress.streaks(today)
        this_week = progress.sessions_per_week(today, 1)[0][1]
        ended = (
            f" (to {streaks.longest_end.strftime('%d %b %Y')})"
            if streaks.longest_end and streaks.longest_end < today - timedelta(days=1)
            else ""
        )
        texts = {
            "current": days_text(streaks.current),
            "longest": days_text(streaks.longest) + ended,
            "week": f"{this_week} session{'' if this_week == 1 else 's'}",
            "total": str(progress.total_sessions),
        }
        for key, label in self.figures.items():
            label.setText(f"{label.accessibleName()}<br><big><b>{texts[key]}</b></big>")
        self._render()
        self.heat_map.show(progress.heat_map(today))
        self._render_plan()

    def _render_plan(self) -> None:
        if self.plan is not None:
            frequencies = {key: r.frequency for key, r in self.routines.items()}
            self.plan.show(self.progress.done_vs_planned(frequencies, self.today, WEEKS))

    def _render(self) -> None:
        progress, today, days = self.progress, self.today, self.days
        first = today - timedelta(days=days - 1)
        self.minutes.show(progress.minutes_per_day(today, days))
        self.weeks.show(progress.sessions_per_week(today, max(4, round(days / 7))))
        self.pain.show(
            progress.pain_since(first),
            progress.goal_bands(),
            progress.goal_path(today),
            first,
            today,
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            colors = ChartColors.from_palette(self.palette())
            if colors != self.colors:  # redraw in the new light or dark colours
                self.colors = colors
                self._build_charts()
                self.show_progress(self.progress, self.today)
