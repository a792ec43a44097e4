"""Progress figures for History, from the session log, without Qt.

`Progress.from_sessions(records)` reads the sessions once (one pass) into
per-day totals and the pain ratings; every figure the charts show is then
a cheap question to it, asked with an explicit `today` (no clock here).

The recovery goals are seed 001's "realistic goals": pain halved after 3 to
7 days, down by 80 % in two to four weeks and gone by six to eight weeks,
counted from the person's first pain rating.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

from coach.core.catalog.model import Frequency
from coach.core.log.adherence import DoneCounts, PlanWeek

DAY = timedelta(days=1)


class SessionLike(Protocol):
    """What stats reads of a session (store.SessionRecord has it all)."""

    @property
    def id(self) -> int: ...
    @property
    def routine_id(self) -> str: ...
    @property
    def started(self) -> datetime: ...
    @property
    def duration_s(self) -> float | None: ...
    @property
    def reps_done(self) -> int: ...
    @property
    def pain_before(self) -> int | None: ...
    @property
    def pain_after(self) -> int | None: ...


@dataclass(frozen=True)
class PainPoint:
    session_id: int
    started: datetime
    before: int | None
    after: int | None

    @property
    def first_rating(self) -> int:
        return self.before if self.before is not None else self.after  # type: ignore[return-value]


@dataclass(frozen=True)
class GoalBand:
    """Between `start` and `end`, pain should come down to `ceiling` or less."""

    label: str
    start: date
    end: date
    ceiling: float


@dataclass(frozen=True)
class Streaks:
    current: int  # days in a row up to today (or yesterday, if today is still open)
    longest: int
    longest_end: date | None


@dataclass(frozen=True)
class HeatMap:
    """`minutes[row][col]`: row 0 is Monday, column 0 the week of `first_day`;
    None for days after today."""

    first_day: date
    minutes: list[list[float | None]]

    def day(self, row: int, col: int) -> date:
        return self.first_day + timedelta(days=7 * col + row)


# Seed 001, "Set reasonable goals": (share of the first rating left, window in days).
GOALS: tuple[tuple[str, float, int, int], ...] = (
    ("Pain halved (days 3–7)", 0.5, 3, 7),
    ("Pain down by four fifths (weeks 2–4)", 0.2, 14, 28),
    ("Pain gone (weeks 6–8)", 0.0, 42, 56),
)


@dataclass
class Progress:
    minutes: dict[date, float] = field(default_factory=dict)
    sessions: dict[date, int] = field(default_factory=dict)
    active_days: set[date] = field(default_factory=set)  # at least one rep done
    pain: list[PainPoint] = field(default_factory=list)
    total_sessions: int = 0
    done: DoneCounts = field(default_factory=DoneCounts)  # done vs planned, per week

    @classmethod
    def from_sessions(cls, records: Iterable[SessionLike]) -> Progress:
        """One pass over the sessions, in any order; a session counts on the
        local day it started, and sessions still being played count no minutes."""
        progress = cls()
        minutes, sessions, active, pain = (
            progress.minutes,
            progress.sessions,
            progress.active_days,
            progress.pain,
        )
        for record in records:
            day = record.started.date()
            progress.total_sessions += 1
            sessions[day] = sessions.get(day, 0) + 1
            duration = record.duration_s
            if duration:
                minutes[day] = minutes.get(day, 0.0) + duration / 60.0
            if record.reps_done:
                active.add(day)
            progress.done.add(record.routine_id, day, record.reps_done)
            if record.pain_before is not None or record.pain_after is not None:
                pain.append(
                    PainPoint(record.id, record.started, record.pain_before, record.pain_after)
                )
        pain.sort(key=lambda p: (p.started, p.session_id))
        return progress

    @property
    def empty(self) -> bool:
        return self.total_sessions == 0

    def minutes_per_day(self, today: date, days: int) -> list[tuple[date, float]]:
        """The last `days` days up to today, oldest first, 0 for a day off."""
        first = today - (days - 1) * DAY
        return [(first + i * DAY, self.minutes.get(first + i * DAY, 0.0)) for i in range(days)]

    def sessions_per_week(self, today: date, weeks: int) -> list[tuple[date, int]]:
        """(Monday, sessions) for the last `weeks` weeks, this week last."""
        monday = today - today.weekday() * DAY
        starts = [monday - 7 * (weeks - 1 - i) * DAY for i in range(weeks)]
        return [
            (start, sum(self.sessions.get(start + k * DAY, 0) for k in range(7)))
            for start in starts
        ]

    def done_vs_planned(
        self, frequencies: Mapping[str, Frequency | None], today: date, weeks: int
    ) -> list[PlanWeek]:
        """Per week, this week last: sessions done (at least one rep) against
        those planned by each routine's frequency (see `adherence`)."""
        return self.done.weeks(frequencies, today, weeks)

    def streaks(self, today: date) -> Streaks:
        """Runs of days with at least one rep done. Today not done yet does
        not break the current streak: it still counts up to yesterday."""
        days = self.active_days
        end = today if today in days else today - DAY
        current = 0
        while end - current * DAY in days:
            current += 1
        longest, longest_end, run, previous = 0, None, 0, None
        for day in sorted(d for d in days if d <= today):
            run = run + 1 if previous is not None and day - previous == DAY else 1
            if run > longest:
                longest, longest_end = run, day
            previous = day
        return Streaks(current, longest, longest_end)

    def heat_map(self, today: date, weeks: int = 12) -> HeatMap:
        first = today - today.weekday() * DAY - 7 * (weeks - 1) * DAY
        grid: list[list[float | None]] = [
            [
                None
                if first + (7 * col + row) * DAY > today
                else self.minutes.get(first + (7 * col + row) * DAY, 0.0)
                for col in range(weeks)
            ]
            for row in range(7)
        ]
        return HeatMap(first, grid)

    def pain_since(self, first_day: date | None = None) -> list[PainPoint]:
        if first_day is None:
            return list(self.pain)
        return [p for p in self.pain if p.started.date() >= first_day]

    @property
    def first_pain(self) -> PainPoint | None:
        return self.pain[0] if self.pain else None

    def goal_bands(self) -> list[GoalBand]:
        """The seed's goals placed after the first pain rating; none when the
        first rating was 0 (nothing to bring down) or there is none."""
        first = self.first_pain
        if first is None or first.first_rating == 0:
            return []
        p0, d0 = first.first_rating, first.started.date()
        return [
            GoalBand(label, d0 + start * DAY, d0 + end * DAY, share * p0)
            for label, share, start, end in GOALS
        ]

    def goal_path(self, until: date) -> list[tuple[date, float]]:
        """The goal as a line: the first rating, easing down to each band's
        ceiling across its window, then level to `until`."""
        first = self.first_pain
        bands = self.goal_bands()
        if first is None or not bands:
            return []
        level = float(first.first_rating)
        path = [(first.started.date(), level)]
        for band in bands:
            path += [(band.start, level), (band.end, band.ceiling)]
            level = band.ceiling
        if until > path[-1][0]:
            path.append((until, level))
        return path
