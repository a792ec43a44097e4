"""Done vs planned, per week: a bar of the sessions done each week with a
line across it at the sessions its routines' frequencies plan, and under
the chart one line on this week ("This week: 9 of 14 planned sessions").
The figures are `Progress.done_vs_planned`'s (see `coach.core.log.adherence`)."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coach.core.log.adherence import PlanWeek
from coach.ui.history.charts import DAY_S, ChartColors, HoverTip, day_x, make_plot, x_day

WEEKS = 12
TITLE = "Done vs planned, per week"
PLAN_HALF_WIDTH = 3.3 * DAY_S  # a little wider than the bar (6 days), with a gap between weeks


def sessions(n: int) -> str:
    return f"{n} session" if n == 1 else f"{n} sessions"


def week_text(week: PlanWeek) -> str:
    """'9 of 14 planned sessions', '1 session done, none planned'."""
    if week.planned:
        plural = "" if week.planned == 1 else "s"
        return f"{week.done} of {week.planned} planned session{plural}"
    return f"{sessions(week.done)} done, none planned"


def summary_text(weeks: list[PlanWeek]) -> str:
    return f"This week: {week_text(weeks[-1])}" if weeks else ""


class PlanChart:
    """`widget` holds the chart (`plot`) and the summary line under it."""

    def __init__(self, colors: ChartColors, name: Callable[[str], str] = str) -> None:
        self.widget = QWidget()
        self.plot = make_plot(
            TITLE,
            "sessions",
            colors,
            dates=False,  # one "week of" date under each bar instead
            accessible="Chart of sessions done against planned, per week",
        )
        self.plot.setParent(self.widget)
        self.summary = QLabel(self.widget)
        self.summary.setAccessibleName("Sessions done this week against planned")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self.widget)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.plot, 1)
        box.addWidget(self.summary)
        self._colors = colors
        self._name = name
        self.weeks: list[PlanWeek] = []
        self.bars: pg.BarGraphItem | None = None
        # Named items join the legend as they are added (and leave it when removed).
        self.plot.getPlotItem().addLegend(
            offset=(-10, 2),
            colCount=2,
            labelTextColor=colors.text,
            brush=colors.faded(colors.background, 0.8),
        )
        self.planned = pg.PlotDataItem(
            [], [], name="Planned", connect="pairs", pen=pg.mkPen(colors.goal, width=3)
        )
        self.plot.addItem(self.planned)
        self.tip = HoverTip(self.plot, self._tip)

    def show(self, weeks: list[PlanWeek]) -> None:
        self.weeks = weeks
        if self.bars is not None:
            self.plot.removeItem(self.bars)
        centres = [day_x(w.monday) + 3 * DAY_S for w in weeks]  # Thursday: mid-week
        self.bars = pg.BarGraphItem(
            x=centres,
            height=[float(w.done) for w in weeks],
            width=DAY_S * 6,
            brush=self._colors.sessions,
            pen=pg.mkPen(None),
            name="Done",
        )
        self.plot.addItem(self.bars)
        # The plan: a level line across each week's bar (none where nothing is planned).
        xs: list[float] = []
        ys: list[float] = []
        for centre, week in zip(centres, weeks, strict=True):
            if week.planned:
                xs += [centre - PLAN_HALF_WIDTH, centre + PLAN_HALF_WIDTH]
                ys += [float(week.planned)] * 2
        self.planned.setData(xs, ys)
        self.plot.getPlotItem().getAxis("bottom").setTicks(
            [
                [
                    (centre, w.monday.strftime("%d %b"))
                    for centre, w in zip(centres, weeks, strict=True)
                ]
            ]
        )
        if weeks:
            self.plot.setXRange(
                day_x(weeks[0].monday) - DAY_S, day_x(weeks[-1].monday) + 7 * DAY_S, padding=0
            )
        top = max([w.done for w in weeks] + [w.planned for w in weeks] + [7])
        self.plot.setYRange(0, top * 1.3, padding=0)  # room for the legend over the line
        self.summary.setText(summary_text(weeks))
        self.plot.setAccessibleDescription(self.description())

    def description(self) -> str:
        """The chart in words, for a screen reader: each week, oldest first."""
        if not self.weeks:
            return ""
        parts = [f"week of {w.monday.strftime('%d %b')}: {week_text(w)}" for w in self.weeks]
        return f"Sessions done against planned, the last {len(self.weeks)} weeks. " + "; ".join(
            parts
        )

    def _tip(self, x: float, y: float, _px: float, _py: float) -> str | None:
        day = x_day(x)
        for week in self.weeks:
            if 0 <= (day - week.monday).days < 7:
                lines = [f"Week of {week.monday.strftime('%d %b %Y')}", week_text(week)]
                lines += [
                    f"{self._name(r.routine_id)}: "
                    + (f"{r.done} of {r.planned}" if r.planned else f"{r.done}, not planned")
                    for r in week.routines
                ]
                return "\n".join(lines)
        return None
