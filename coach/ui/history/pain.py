"""Pain before and after each session over time, with the recovery goals
(from the first pain rating) drawn as shaded windows and a dashed path."""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import Qt

from coach.core.log.stats import GoalBand, PainPoint
from coach.ui.history.charts import DAY_S, ChartColors, HoverTip, day_label, day_x, make_plot
from coach.ui.wording import pain_text

GONE = 0.25  # the height of the "pain gone" window, so it can be seen on the axis
NO_PAIN = (
    "No pain ratings in these days.\nRate your pain before and after a session to follow it here."
)


def _level(value: float) -> str:
    """4.0 -> '4', 1.6 -> '1.6'."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


class PainChart:
    def __init__(self, colors: ChartColors) -> None:
        self.plot = make_plot(
            "Pain before and after each session (0–10)",
            "pain",
            colors,
            accessible="Chart of pain before and after sessions",
        )
        self._colors = colors
        self.points: list[PainPoint] = []
        self.bands: list[GoalBand] = []
        self.path: list[tuple[date, float]] = []
        self.legend = self.plot.getPlotItem().addLegend(
            offset=(-10, 10), labelTextColor=colors.text, brush=colors.faded(colors.background, 0.8)
        )
        self.tip = HoverTip(self.plot, self._tip)

    def show(
        self,
        points: list[PainPoint],
        bands: list[GoalBand],
        path: list[tuple[date, float]],
        first: date,
        last: date,
    ) -> None:
        """Ratings and goals between the days `first` and `last`."""
        self.points, self.bands, self.path = points, bands, path
        item = self.plot.getPlotItem()
        item.clear()
        self.legend.clear()
        colors = self._colors
        shown = [b for b in bands if b.end >= first and b.start <= last]
        if shown:
            goal_zone = pg.BarGraphItem(
                x0=[day_x(b.start) for b in shown],
                x1=[day_x(b.end) for b in shown],
                y0=[0.0] * len(shown),
                y1=[max(b.ceiling, GONE) for b in shown],
                brush=colors.faded(colors.goal, 0.28),
                pen=pg.mkPen(None),
                name="Goal window",
            )
            item.addItem(goal_zone)  # named, so the legend lists it
        if path:
            item.plot(
                [day_x(d) for d, _ in path],
                [v for _, v in path],
                name="Goal",
                pen=pg.mkPen(colors.goal, width=2, style=Qt.PenStyle.DashLine),
            )
        for label, attr, color, symbol in (
            ("Before", "before", colors.before, "o"),
            ("After", "after", colors.after, "s"),
        ):
            rated = [p for p in points if getattr(p, attr) is not None]
            if rated:
                item.plot(
                    [p.started.timestamp() for p in rated],
                    [float(getattr(p, attr)) for p in rated],
                    name=label,
                    pen=pg.mkPen(colors.faded(color, 0.6), width=1.5),
                    symbol=symbol,
                    symbolSize=7,
                    symbolBrush=color,
                    symbolPen=pg.mkPen(None),
                )
        if not points:
            text = pg.TextItem(NO_PAIN, color=colors.text, anchor=(0.5, 0.5))
            text.setPos((day_x(first) + day_x(last)) / 2, 5)
            item.addItem(text)
        self.plot.setXRange(day_x(first) - DAY_S, day_x(last) + DAY_S, padding=0)
        self.plot.setYRange(-0.4, 10.4, padding=0)  # a 0 rating stays in sight

    def _tip(self, x: float, y: float, px: float, py: float) -> str | None:
        def pixels(p: PainPoint) -> float:  # from the mouse to the nearer of its two marks
            return max(
                abs(p.started.timestamp() - x) / px,
                min(abs(v - y) / py for v in (p.before, p.after) if v is not None),
            )

        near = [p for p in self.points if pixels(p) <= 8]
        if near:
            p = min(near, key=pixels)
            return (
                f"{p.started.strftime('%a %d %b %Y, %H:%M')}\n"
                f"pain before → after: {pain_text(p.before, p.after)}"
            )
        for band in self.bands:
            if day_x(band.start) <= x <= day_x(band.end) and y <= max(band.ceiling, GONE) + 0.3:
                return (
                    f"Goal: {band.label}\npain {_level(band.ceiling)} or less between "
                    f"{day_label(band.start)} and {day_label(band.end)}"
                )
        return None
