"""The "Done vs planned, per week" chart on the Progress page: it plots the
core's figures for the sample log, says this week in one line (and every
week to a screen reader), follows the log and a switch to dark, and is
photographed in light and dark."""

from __future__ import annotations

from datetime import datetime, timedelta

import pyqtgraph as pg
import pytest

from coach.core.log.stats import Progress
from coach.ui.history.charts import DAY_S, day_x
from coach.ui.history.planned import PLAN_HALF_WIDTH, WEEKS
from coach.ui.theme import dark_palette
from tests.core.log import history_sample
from tests.core.log.history_sample import TODAY


@pytest.fixture
def page(window, catalog):  # type: ignore[no-untyped-def]
    page = window.progress_page
    page.set_routines(catalog.routines)
    return page


def planned_line(plan) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    xs, ys = plan.planned.getData()
    return ([], []) if xs is None else (list(xs), list(ys))


def figures(log, catalog):  # type: ignore[no-untyped-def]
    frequencies = {key: r.frequency for key, r in catalog.routines.items()}
    return Progress.from_sessions(log.sessions()).done_vs_planned(frequencies, TODAY, WEEKS)


def test_the_chart_plots_the_core_figures(page, log, catalog):  # type: ignore[no-untyped-def]
    weeks = figures(log, catalog)
    assert page.plan.weeks == weeks and len(weeks) == 12
    assert weeks[-1].planned == 7 + 20 + 14, "bedtime five, desk break, morning and night"
    bars = page.plan.bars.opts
    assert list(bars["x"]) == [day_x(w.monday) + 3 * DAY_S for w in weeks]
    assert list(bars["height"]) == [float(w.done) for w in weeks]
    xs, ys = planned_line(page.plan)
    assert ys == [float(w.planned) for w in weeks for _ in range(2)]
    assert xs[::2] == [day_x(w.monday) + 3 * DAY_S - PLAN_HALF_WIDTH for w in weeks]
    legend = page.plan.plot.getPlotItem().legend
    assert [label.text for _sample, label in legend.items] == ["Planned", "Done"]
    this_week = weeks[-1]
    assert page.plan.summary.text() == (
        f"This week: {this_week.done} of {this_week.planned} planned sessions"
    )
    description = page.plan.plot.accessibleDescription()
    assert description.startswith("Sessions done against planned, the last 12 weeks.")
    assert description.endswith(f"week of 24 Jun: {this_week.done} of 41 planned sessions")
    tip = page.plan.tip.text_at(day_x(TODAY), 1)
    assert tip.splitlines()[:2] == [
        "Week of 24 Jun 2024",
        f"{this_week.done} of 41 planned sessions",
    ]
    assert "Bedtime five: " in tip


def test_without_routines_nothing_is_planned(window):  # type: ignore[no-untyped-def]
    plan = window.progress_page.plan
    assert all(w.planned == 0 for w in plan.weeks) and planned_line(plan) == ([], [])
    assert plan.summary.text().endswith("sessions done, none planned")


def test_the_chart_follows_the_log_and_a_switch_to_dark(page, window, log, catalog, qapp):  # type: ignore[no-untyped-def]
    done = page.plan.weeks[-1].done
    started = datetime(2024, 6, 30, 22, 0, tzinfo=history_sample.TZ)
    session_id = log.begin_session("bedtime-five", "Bedtime five", 6, started=started)
    log.record_rep(
        session_id, item=0, exercise_id="knees-to-chest", side=None, set=1, rep=1,
        planned_hold_s=30.0, actual_hold_s=30.0, skipped=False, at=started + timedelta(seconds=40),
    )  # fmt: skip
    log.end_session(session_id, "stopped", ended=started + timedelta(minutes=1))
    assert window.refresh_if_changed()
    assert page.plan.weeks[-1].done == done + 1 and page.plan.weeks == figures(log, catalog)
    style, palette = qapp.style().name(), qapp.palette()
    try:
        qapp.setPalette(dark_palette())
        qapp.processEvents()
        assert page.plan.plot.backgroundBrush().color() == dark_palette().color(
            dark_palette().ColorRole.Base
        )
        assert page.plan.weeks == figures(log, catalog), "redrawn with the same figures"
        assert page.plan.summary.text().startswith(f"This week: {done + 1} of 41")
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)


def test_progress_page_with_done_vs_planned(qtbot, window, catalog, theme, shoot):  # type: ignore[no-untyped-def]
    window.resize(1180, 900)
    window.progress_page.set_routines(catalog.routines)
    plan = window.progress_page.plan
    qtbot.waitUntil(plan.widget.isVisible)  # a chart rebuilt for the theme shows queued
    assert plan.widget.isVisible() and plan.plot.height() >= 160
    items = plan.plot.getPlotItem().items
    assert any(isinstance(i, pg.BarGraphItem) for i in items) and plan.planned in items
    shoot(window.progress_page, f"history-done-vs-planned-{theme}")


def test_history_opened_with_the_catalog_plans_from_its_frequencies(qtbot, log, catalog):  # type: ignore[no-untyped-def]
    """As the app opens it: the window hands its catalog's routines to the page."""
    from coach.ui.history.window import HistoryWindow

    window = HistoryWindow(log, catalog=catalog, today=TODAY)
    qtbot.addWidget(window)
    assert window.progress_page is not None
    assert window.progress_page.plan.weeks == figures(log, catalog)
    assert window.progress_page.plan.summary.text().startswith("This week: ")
    assert "none planned" not in window.progress_page.plan.summary.text()
