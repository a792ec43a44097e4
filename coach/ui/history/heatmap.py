"""A calendar of the last twelve weeks: one column per week (dated along
the bottom), Monday at the top, each day shaded by its minutes."""

from __future__ import annotations

from datetime import timedelta

import pyqtgraph as pg
from PySide6.QtGui import QColor

from coach.core.log.stats import HeatMap
from coach.ui.history.charts import DAY_S, ChartColors, HoverTip, day_label, day_x, make_plot

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CELL = 0.86  # of a week's width and a row's height, leaving a gap between cells


class HeatMapChart:
    def __init__(self, colors: ChartColors) -> None:
        self.plot = make_plot(
            "Last twelve weeks", "", colors, accessible="Calendar of the last twelve weeks"
        )
        self._colors = colors
        self.grid: HeatMap | None = None
        self.cells: pg.BarGraphItem | None = None
        item = self.plot.getPlotItem()
        item.showGrid(x=False, y=False)
        item.getAxis("left").setTicks([[(6 - row, name) for row, name in enumerate(WEEKDAYS)]])
        self.tip = HoverTip(self.plot, self._tip)

    def shade(self, minutes: float, top: float) -> QColor:
        """The colour of a day: the empty track for none, then the minutes
        colour growing stronger up to `top` minutes."""
        if minutes <= 0:
            return self._colors.empty
        return self._colors.faded(self._colors.minutes, 0.3 + 0.7 * min(1.0, minutes / top))

    def show(self, grid: HeatMap) -> None:
        self.grid = grid
        if self.cells is not None:
            self.plot.removeItem(self.cells)
        weeks = len(grid.minutes[0])
        cells = [
            (row, col, value)
            for row, line in enumerate(grid.minutes)
            for col, value in enumerate(line)
            if value is not None
        ]
        top = max([15.0] + [v for _r, _c, v in cells])
        left = day_x(grid.first_day) - DAY_S / 2  # the week's Monday, at midnight
        width = 7 * DAY_S
        self.cells = pg.BarGraphItem(
            x0=[left + col * width + width * (1 - CELL) / 2 for _r, col, _v in cells],
            width=width * CELL,
            y0=[6 - row - CELL / 2 for row, _c, _v in cells],
            height=CELL,
            brushes=[self.shade(v, top) for _r, _c, v in cells],
            pen=pg.mkPen(None),
        )
        self.plot.addItem(self.cells)
        # One date per column (every other week), under the column it names.
        self.plot.getPlotItem().getAxis("bottom").setTicks(
            [
                [
                    (
                        left + (col + 0.5) * width,
                        (grid.first_day + timedelta(days=7 * col)).strftime("%d %b"),
                    )
                    for col in range(weeks - 1, -1, -2)
                ]
            ]
        )
        self.plot.setXRange(left, left + weeks * width, padding=0.01)
        self.plot.setYRange(-0.5, 6.5, padding=0.02)

    def _tip(self, x: float, y: float, _px: float, _py: float) -> str | None:
        if self.grid is None:
            return None
        col = int((x - (day_x(self.grid.first_day) - DAY_S / 2)) // (7 * DAY_S))
        row = round(6 - y)
        if not (0 <= row < 7 and 0 <= col < len(self.grid.minutes[0])):
            return None
        minutes = self.grid.minutes[row][col]
        if minutes is None:
            return None
        day = self.grid.first_day + timedelta(days=7 * col + row)
        return (
            f"{day_label(day)}\n{round(minutes)} min" if minutes else f"{day_label(day)}\nrest day"
        )
