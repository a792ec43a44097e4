"""The pieces every History chart shares, and the two bar charts (minutes
per day, sessions per week). pyqtgraph is imported here and in the other
history chart modules only, so the main window starts without it.

Days sit on the x axis as the Unix time of their local noon, so a bar is
centred on its day and `pg.DateAxisItem` labels it with the right date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF
from PySide6.QtGui import QColor, QPalette

from coach.ui.theme import Accents, is_dark

DAY_S = 86400.0
# (x, y, x units per pixel, y units per pixel) -> text or None
Tip = Callable[[float, float, float, float], "str | None"]


def day_x(day: date) -> float:
    """The x of a day: its local noon as Unix time."""
    return datetime.combine(day, time(12)).timestamp()


def x_day(x: float) -> date:
    return datetime.fromtimestamp(x).date()


def day_label(day: date) -> str:
    return day.strftime("%a %d %b %Y")


@dataclass(frozen=True)
class ChartColors:
    background: QColor
    text: QColor
    grid: QColor
    minutes: QColor
    sessions: QColor
    before: QColor
    after: QColor
    goal: QColor
    empty: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartColors:
        accents = Accents.from_palette(palette)
        dark = is_dark(palette)
        grid = QColor(palette.color(QPalette.ColorRole.Text))
        grid.setAlphaF(0.35)
        return cls(
            background=palette.color(QPalette.ColorRole.Base),
            text=palette.color(QPalette.ColorRole.Text),
            grid=grid,
            minutes=accents.hold,
            sessions=accents.walk,
            before=accents.danger,
            after=accents.hold,
            goal=QColor("#5fd08a" if dark else "#2e9e5b"),
            empty=accents.track,
        )

    def faded(self, color: QColor, alpha: float) -> QColor:
        faded = QColor(color)
        faded.setAlphaF(alpha)
        return faded


def make_plot(
    title: str, left: str, colors: ChartColors, *, dates: bool = True, accessible: str | None = None
) -> pg.PlotWidget:
    """A plot that follows the palette, with dates along the bottom, no
    mouse panning (a chart to read, not to explore) and no context menu."""
    axes = {"bottom": pg.DateAxisItem(orientation="bottom")} if dates else {}
    plot = pg.PlotWidget(background=colors.background, axisItems=axes)
    plot.setAccessibleName(accessible or title)
    item = plot.getPlotItem()
    item.setTitle(title, color=colors.text.name(), size="11pt")
    item.setMenuEnabled(False)
    item.hideButtons()
    item.setMouseEnabled(x=False, y=False)
    item.showGrid(y=True, alpha=0.25)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(colors.grid)
        axis.setTextPen(colors.text)
    if left:
        item.setLabel("left", left, color=colors.text.name())
    plot.setMinimumHeight(160)
    return plot


class HoverTip(QObject):
    """Shows `tip(x, y, x_per_pixel, y_per_pixel)` as the tooltip of whatever the
    mouse is over in `plot` (the way pyqtgraph's own scatter tips work)."""

    def __init__(self, plot: pg.PlotWidget, tip: Tip) -> None:
        super().__init__(plot)
        self._plot = plot
        self._tip = tip
        plot.scene().sigMouseMoved.connect(self._moved)

    def text_at(self, x: float, y: float) -> str | None:
        return self._tip(x, y, *self._plot.getViewBox().viewPixelSize())

    def _moved(self, pos: QPointF) -> None:
        box = self._plot.getViewBox()
        text = None
        if box.sceneBoundingRect().contains(pos):
            point = box.mapSceneToView(pos)
            text = self.text_at(point.x(), point.y())
        box.setToolTip(text or "")


def _bars(
    plot: pg.PlotWidget, xs: list[float], heights: list[float], width: float, color: QColor
) -> pg.BarGraphItem:
    bars = pg.BarGraphItem(x=xs, height=heights, width=width, brush=color, pen=pg.mkPen(None))
    plot.addItem(bars)
    return bars


class MinutesChart:
    """Minutes of session time per day over the last `days` days."""

    def __init__(self, colors: ChartColors) -> None:
        self.plot = make_plot(
            "Minutes per day", "minutes", colors, accessible="Chart of minutes per day"
        )
        self._colors = colors
        self.series: list[tuple[date, float]] = []
        self.bars: pg.BarGraphItem | None = None
        self.tip = HoverTip(self.plot, self._tip)

    def show(self, series: list[tuple[date, float]]) -> None:
        self.series = series
        if self.bars is not None:
            self.plot.removeItem(self.bars)
        self.bars = _bars(
            self.plot,
            [day_x(d) for d, _ in series],
            [m for _, m in series],
            DAY_S * 0.8,
            self._colors.minutes,
        )
        self.plot.setXRange(day_x(series[0][0]) - DAY_S, day_x(series[-1][0]) + DAY_S, padding=0)
        self.plot.setYRange(0, max([m for _, m in series] + [10.0]) * 1.08, padding=0)

    def _tip(self, x: float, y: float, _px: float, _py: float) -> str | None:
        day = x_day(x)
        minutes = dict(self.series).get(day)
        if minutes is None:
            return None
        return (
            f"{day_label(day)}\n{round(minutes)} min" if minutes else f"{day_label(day)}\nrest day"
        )


class WeeksChart:
    """Sessions per week, Monday to Sunday."""

    def __init__(self, colors: ChartColors) -> None:
        self.plot = make_plot(
            "Sessions per week", "sessions", colors, accessible="Chart of sessions per week"
        )
        self._colors = colors
        self.series: list[tuple[date, int]] = []
        self.bars: pg.BarGraphItem | None = None
        self.tip = HoverTip(self.plot, self._tip)

    def show(self, series: list[tuple[date, int]]) -> None:
        self.series = series
        if self.bars is not None:
            self.plot.removeItem(self.bars)
        # A week's bar spans its Monday to its Sunday, centred on Thursday.
        self.bars = _bars(
            self.plot,
            [day_x(m) + 3 * DAY_S for m, _ in series],
            [float(n) for _, n in series],
            DAY_S * 6,
            self._colors.sessions,
        )
        self.plot.setXRange(
            day_x(series[0][0]) - DAY_S, day_x(series[-1][0]) + 7 * DAY_S, padding=0
        )
        self.plot.setYRange(0, max([n for _, n in series] + [7]) * 1.08, padding=0)

    def _tip(self, x: float, y: float, _px: float, _py: float) -> str | None:
        day = x_day(x)
        for monday, count in self.series:
            if monday <= day < monday + timedelta(days=7):
                plural = "" if count == 1 else "s"
                return f"Week of {monday.strftime('%d %b %Y')}\n{count} session{plural}"
        return None
