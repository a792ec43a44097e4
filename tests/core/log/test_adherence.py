"""Done vs planned per week: which sessions count as done, from which week a
routine is planned, routines without a frequency, weeks above the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from coach.core.catalog.model import Frequency
from coach.core.log.adherence import PlanWeek, RoutineWeek, monday_of
from coach.core.log.stats import Progress
from coach.core.log.store import SessionLog
from tests.core.log import history_sample

TZ = timezone(timedelta(hours=2))
TODAY = date(2024, 6, 30)  # a Sunday
FREQUENCIES: dict[str, Frequency | None] = {
    "daily": Frequency(),  # 7 a week
    "desk": Frequency(times_per_day=4, days_per_week=5, every_hours=2.0),  # 20 a week
    "free": None,
    "unplayed": Frequency(times_per_day=2),  # 14 a week, never taken up
}


@dataclass(frozen=True)
class Rec:
    routine_id: str
    started: datetime
    reps_done: int = 5
    id: int = 0
    duration_s: float | None = 300.0
    pain_before: int | None = None
    pain_after: int | None = None


def on(day: str, hour: int = 9) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), TZ).replace(hour=hour)


SESSIONS = [
    Rec("free", on("2024-06-03")),  # before the three weeks shown
    Rec("daily", on("2024-06-12"), reps_done=0),  # opened, nothing done: not taken up yet
    Rec("free", on("2024-06-16", 23)),  # Sunday night: still that week
    Rec("daily", on("2024-06-17"), reps_done=0),  # nothing done: not counted
    Rec("daily", on("2024-06-18"), reps_done=2),  # stopped after two reps: done
    Rec("daily", on("2024-06-19")),
    *[Rec("daily", on(f"2024-06-{d}")) for d in (24, 24, 25, 26, 27, 28, 29, 30)],  # 8 > 7
    *[Rec("desk", on("2024-06-27", h)) for h in (9, 11, 14)],
    Rec("gone", on("2024-06-26")),  # a deleted routine: done, never planned
]


def test_done_against_planned_for_the_last_weeks():
    weeks = Progress.from_sessions(SESSIONS).done_vs_planned(FREQUENCIES, TODAY, 3)
    assert weeks == [
        PlanWeek(date(2024, 6, 10), (RoutineWeek("free", 1, 0),)),
        PlanWeek(date(2024, 6, 17), (RoutineWeek("daily", 2, 7),)),
        PlanWeek(
            date(2024, 6, 24),
            (
                RoutineWeek("daily", 8, 7),  # more done than planned
                RoutineWeek("desk", 3, 20),
                RoutineWeek("gone", 1, 0),
            ),
        ),
    ]
    assert [(w.done, w.planned) for w in weeks] == [(1, 0), (2, 7), (12, 27)]


def test_mid_week_the_whole_week_is_planned():
    wednesday = date(2024, 6, 26)
    weeks = Progress.from_sessions(SESSIONS).done_vs_planned(FREQUENCIES, wednesday, 1)
    assert weeks[0].monday == date(2024, 6, 24)
    assert (weeks[0].done, weeks[0].planned) == (12, 27)
    assert monday_of(wednesday) == date(2024, 6, 24) and monday_of(TODAY) == date(2024, 6, 24)


def test_an_empty_log_plans_nothing():
    weeks = Progress.from_sessions([]).done_vs_planned(FREQUENCIES, TODAY, 12)
    assert len(weeks) == 12 and weeks[-1].monday == date(2024, 6, 24)
    assert all(w.routines == () and w.done == w.planned == 0 for w in weeks)


def test_a_real_log_counts_every_session_with_a_rep_once(data_dir):
    with SessionLog.open(data_dir) as log:
        history_sample.fill(log, days=120, today=TODAY)
        records = log.sessions()
    frequencies = {"bedtime-five": Frequency(), "desk-break": None}
    weeks = Progress.from_sessions(records).done_vs_planned(frequencies, TODAY, 18)
    assert sum(w.done for w in weeks) == sum(1 for r in records if r.reps_done)
    assert sum(w.done for w in weeks) < len(records), "some sessions had no rep done"
    for week in weeks:
        bedtime = [r for r in week.routines if r.routine_id == "bedtime-five"]
        assert not bedtime or bedtime[0].planned == 7
        assert all(r.planned == 0 for r in week.routines if r.routine_id != "bedtime-five")
