"""The Progress page: what each chart plots (read back from the pyqtgraph
items), the streak figures, tooltips, and the switch to a dark palette."""

from __future__ import annotations

from datetime import timedelta

import pyqtgraph as pg
import pytest

from coach.core.log.stats import Progress
from coach.core.log.store import SessionLog
from coach.ui.history.charts import day_label, day_x
from coach.ui.history.window import HistoryWindow
from coach.ui.theme import dark_palette
from tests.core.log import history_sample
from tests.core.log.history_sample import TODAY


@pytest.fixture
def page(window):  # type: ignore[no-untyped-def]
    return window.progress_page


@pytest.fixture
def progress(log):  # type: ignore[no-untyped-def]
    return Progress.from_sessions(log.sessions())


def choose_period(page, days: int) -> None:  # type: ignore[no-untyped-def]
    page.period.setCurrentIndex(page.period.findData(days))


def curves(plot) -> dict[str, tuple[list[float], list[float]]]:  # type: ignore[no-untyped-def]
    return {
        item.name(): tuple(list(a) for a in item.getData())
        for item in plot.getPlotItem().listDataItems()
        if isinstance(item, pg.PlotDataItem)
    }


def test_minutes_per_day_for_each_period(page, progress):  # type: ignore[no-untyped-def]
    assert page.days == 90
    for days in (30, 90, 365):
        choose_period(page, days)
        series = progress.minutes_per_day(TODAY, days)
        assert page.minutes.series == series and len(series) == days
        bars = page.minutes.bars.opts
        assert list(bars["x"]) == [day_x(d) for d, _ in series]
        assert list(bars["height"]) == [m for _, m in series]
    assert sum(m for _, m in series) == pytest.approx(
        sum(r.duration_s for r in page.window().records) / 60
    )
    busiest = max(series, key=lambda s: s[1])
    assert page.minutes.tip.text_at(day_x(busiest[0]) + 3600, 1) == (
        f"{day_label(busiest[0])}\n{round(busiest[1])} min"
    )


def test_sessions_per_week_and_the_streaks(page, progress):  # type: ignore[no-untyped-def]
    weeks = progress.sessions_per_week(TODAY, 13)
    assert page.weeks.series == weeks
    assert list(page.weeks.bars.opts["height"]) == [float(n) for _, n in weeks]
    assert sum(n for _, n in weeks) == sum(
        1 for r in page.window().records if r.started.date() >= weeks[0][0]
    )
    streaks = progress.streaks(TODAY)
    assert streaks.longest >= streaks.current >= 1
    assert f"<b>{streaks.current} day" in page.figures["current"].text()
    assert f"<b>{streaks.longest} days" in page.figures["longest"].text()
    assert f"<b>{progress.total_sessions}</b>" in page.figures["total"].text()


def test_heat_map_covers_the_last_twelve_weeks(page, progress):  # type: ignore[no-untyped-def]
    grid = progress.heat_map(TODAY)
    assert page.heat_map.grid == grid
    assert len(page.heat_map.cells.opts["brushes"]) == 84  # TODAY is a Sunday: all filled
    minutes = grid.minutes[6][11]
    assert page.heat_map.tip.text_at(day_x(TODAY), 0) == (
        f"{day_label(TODAY)}\n{round(minutes)} min" if minutes else f"{day_label(TODAY)}\nrest day"
    )


def test_pain_and_the_recovery_goals(page, progress):  # type: ignore[no-untyped-def]
    first = progress.pain[0]
    p0, d0 = first.before, first.started.date()
    assert p0 >= 6 and TODAY - d0 < timedelta(days=90)
    bands = page.pain.bands
    assert [(b.start - d0, b.end - d0, b.ceiling) for b in bands] == [
        (timedelta(days=3), timedelta(days=7), p0 * 0.5),
        (timedelta(days=14), timedelta(days=28), pytest.approx(p0 * 0.2)),
        (timedelta(days=42), timedelta(days=56), 0.0),
    ]
    zone = next(i for i in page.pain.plot.getPlotItem().items if isinstance(i, pg.BarGraphItem))
    assert list(zone.opts["x0"]) == [day_x(b.start) for b in bands]
    assert list(zone.opts["y1"]) == pytest.approx([p0 * 0.5, p0 * 0.2, 0.25])
    lines = curves(page.pain.plot)
    assert lines["Before"][1] == [float(p.before) for p in progress.pain]
    assert lines["After"][0] == [p.started.timestamp() for p in progress.pain]
    assert lines["Goal"] == (
        [day_x(d) for d, _ in progress.goal_path(TODAY)],
        [v for _, v in progress.goal_path(TODAY)],
    )
    last = progress.pain[-1]
    tip = page.pain.tip.text_at(last.started.timestamp(), last.before)
    assert tip.endswith(f"pain before → after: {last.before} → {last.after}")
    band = bands[1]
    assert page.pain.tip.text_at(day_x(band.start + timedelta(days=2)), 0.5).startswith(
        "Goal: Pain down by four fifths (weeks 2–4)"
    )


def test_without_pain_ratings_in_the_period_the_chart_says_so(qtbot, data_dir):  # type: ignore[no-untyped-def]
    with SessionLog.open(data_dir) as log:
        history_sample.fill(log, days=20, today=TODAY - timedelta(days=100))
        window = HistoryWindow(log, today=TODAY)
        qtbot.addWidget(window)
        page = window.progress_page
        choose_period(page, 30)
        texts = [i for i in page.pain.plot.getPlotItem().items if isinstance(i, pg.TextItem)]
        assert len(texts) == 1 and "Rate your pain" in texts[0].toPlainText()
        assert page.figures["current"].text().endswith("<b>0 days</b></big>")


def test_charts_follow_a_switch_to_dark(page, qapp):  # type: ignore[no-untyped-def]
    light_background = page.minutes.plot.backgroundBrush().color()
    style, palette = qapp.style().name(), qapp.palette()
    try:
        qapp.setPalette(dark_palette())
        qapp.processEvents()
        background = page.minutes.plot.backgroundBrush().color()
        assert background == dark_palette().color(dark_palette().ColorRole.Base)
        assert background != light_background
        assert page.minutes.series, "the redrawn charts show the data again"
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)


def test_moving_the_mouse_over_a_bar_sets_its_tooltip(page, progress):  # type: ignore[no-untyped-def]
    choose_period(page, 30)
    day, minutes = next((d, m) for d, m in reversed(progress.minutes_per_day(TODAY, 30)) if m)
    box = page.minutes.plot.getViewBox()
    scene_pos = box.mapViewToScene(pg.Point(day_x(day), minutes / 2))
    page.minutes.plot.scene().sigMouseMoved.emit(scene_pos)
    assert box.toolTip() == f"{day_label(day)}\n{round(minutes)} min"
