"""Progress figures: minutes per day, weeks, streaks, heat map, pain, goals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pytest

from coach.core.log.stats import GoalBand, Progress, Streaks
from coach.core.log.store import SessionLog
from tests.core.log import history_sample

TZ = timezone(timedelta(hours=2))
TODAY = date(2024, 6, 30)  # a Sunday


@dataclass(frozen=True)
class Rec:
    id: int
    started: datetime
    duration_s: float | None = 600.0
    reps_done: int = 5
    pain_before: int | None = None
    pain_after: int | None = None
    routine_id: str = "bedtime-five"


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_an_empty_log_has_no_progress():
    progress = Progress.from_sessions([])
    assert progress.empty
    assert progress.minutes_per_day(TODAY, 30) == [(days_ago(29 - i), 0.0) for i in range(30)]
    assert progress.streaks(TODAY) == Streaks(0, 0, None)
    assert progress.goal_bands() == [] and progress.goal_path(TODAY) == []


def test_minutes_per_day_adds_the_sessions_of_a_day_and_fills_days_off():
    progress = Progress.from_sessions(
        [
            Rec(1, at(days_ago(2), 8), 300.0),
            Rec(2, at(days_ago(2), 20), 150.0),
            Rec(3, at(days_ago(0)), 60.0),
            Rec(4, at(days_ago(40)), 600.0),
            Rec(5, at(days_ago(1)), None),
        ]
    )  # still being played: no minutes
    assert progress.minutes_per_day(TODAY, 3) == [
        (days_ago(2), 7.5),
        (days_ago(1), 0.0),
        (TODAY, 1.0),
    ]
    assert len(progress.minutes_per_day(TODAY, 365)) == 365
    assert sum(m for _, m in progress.minutes_per_day(TODAY, 30)) == 8.5
    assert sum(m for _, m in progress.minutes_per_day(TODAY, 90)) == 18.5
    assert progress.total_sessions == 5


def test_a_session_counts_on_the_local_day_it_started():
    late = datetime(2024, 6, 29, 23, 50, tzinfo=TZ)  # 21:50 UTC, still the 29th locally
    progress = Progress.from_sessions([Rec(1, late, 1200.0)])
    assert progress.minutes == {date(2024, 6, 29): 20.0}


def test_sessions_per_week_start_on_monday_and_end_with_this_week():
    records = [
        Rec(i, at(d))
        for i, d in enumerate([TODAY, days_ago(6), days_ago(6), days_ago(7), days_ago(20)])
    ]
    weeks = Progress.from_sessions(records).sessions_per_week(TODAY, 4)
    assert weeks == [
        (date(2024, 6, 3), 0),
        (date(2024, 6, 10), 1),
        (date(2024, 6, 17), 1),
        (date(2024, 6, 24), 3),
    ]


@pytest.mark.parametrize(
    "done_days, current, longest, longest_end",
    [
        ([0, 1, 2, 5, 6, 7, 8, 9], 3, 5, days_ago(5)),
        ([1, 2, 3], 3, 3, days_ago(1)),  # today not done yet: the streak lives on
        ([2, 3], 0, 2, days_ago(2)),  # yesterday missed: broken
        ([0], 1, 1, TODAY),
    ],
)
def test_streaks_count_days_in_a_row_with_a_rep_done(done_days, current, longest, longest_end):
    records = [Rec(n, at(days_ago(n))) for n in done_days]
    records.append(Rec(99, at(days_ago(4)), reps_done=0))  # opened, nothing done: no day
    assert Progress.from_sessions(records).streaks(TODAY) == Streaks(current, longest, longest_end)


def test_heat_map_is_twelve_weeks_of_monday_to_sunday_rows():
    today = date(2024, 6, 27)  # a Thursday
    grid = Progress.from_sessions(
        [Rec(1, at(today), 120.0), Rec(2, at(date(2024, 4, 8)), 60.0)]
    ).heat_map(today)
    assert grid.first_day == date(2024, 4, 8)  # the Monday eleven weeks before this one
    assert len(grid.minutes) == 7 and all(len(row) == 12 for row in grid.minutes)
    assert grid.minutes[0][0] == 1.0 and grid.day(0, 0) == date(2024, 4, 8)
    assert grid.minutes[3][11] == 2.0 and grid.day(3, 11) == today
    assert grid.minutes[4][11] is None and grid.minutes[6][11] is None  # Fri-Sun to come
    assert grid.minutes[2][11] == 0.0


def test_pain_series_and_goal_bands_count_from_the_first_rating():
    d0 = date(2024, 5, 1)
    progress = Progress.from_sessions(
        [
            Rec(3, at(d0 + timedelta(days=5)), pain_before=5, pain_after=3),
            Rec(1, at(d0 - timedelta(days=2))),  # no rating: not in the series
            Rec(2, at(d0), pain_before=None, pain_after=8),  # first rating is the "after"
        ]
    )
    assert [(p.session_id, p.before, p.after) for p in progress.pain] == [(2, None, 8), (3, 5, 3)]
    bands = progress.goal_bands()
    assert bands == [
        GoalBand("Pain halved (days 3–7)", date(2024, 5, 4), date(2024, 5, 8), 4.0),
        GoalBand(
            "Pain down by four fifths (weeks 2–4)",
            date(2024, 5, 15),
            date(2024, 5, 29),
            pytest.approx(1.6),
        ),
        GoalBand("Pain gone (weeks 6–8)", date(2024, 6, 12), date(2024, 6, 26), 0.0),
    ]
    assert progress.goal_path(TODAY) == [
        (d0, 8.0),
        (date(2024, 5, 4), 8.0),
        (date(2024, 5, 8), 4.0),
        (date(2024, 5, 15), 4.0),
        (date(2024, 5, 29), pytest.approx(1.6)),
        (date(2024, 6, 12), pytest.approx(1.6)),
        (date(2024, 6, 26), 0.0),
        (TODAY, 0.0),
    ]
    assert [p.session_id for p in progress.pain_since(d0 + timedelta(days=1))] == [3]


def test_no_goals_when_the_first_rating_is_zero():
    progress = Progress.from_sessions([Rec(1, at(TODAY), pain_before=0, pain_after=0)])
    assert progress.goal_bands() == [] and progress.goal_path(TODAY) == []


def test_progress_of_a_real_log_matches_a_recount(data_dir):
    with SessionLog.open(data_dir) as log:
        history_sample.fill(log, days=120, today=TODAY)
        records = log.sessions()
    progress = Progress.from_sessions(records)
    assert {r.outcome for r in records} == {"completed", "stopped", "interrupted", "pain"}
    per_day = dict(progress.minutes_per_day(TODAY, 120))
    for day in {r.started.date() for r in records}:
        assert per_day[day] == pytest.approx(
            sum(r.duration_s for r in records if r.started.date() == day) / 60
        )
    assert sum(n for _, n in progress.sessions_per_week(TODAY, 18)) == len(records)
    assert len(progress.pain) == sum(1 for r in records if r.pain_before is not None)
    first = progress.pain[0]
    assert progress.goal_bands()[0].ceiling == first.before / 2
