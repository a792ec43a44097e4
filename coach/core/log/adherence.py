"""Done vs planned, per week: how many sessions of each routine were done in
a Monday-to-Sunday local week against how many its frequency plans.

A session is *done* when at least one rep was done in it, whatever its
outcome (completed, stopped, ended for pain, interrupted): the same rule as
the streaks, so stopping for pain after a few reps never counts as skipping.

A routine is *planned* from the week of its first done session on, at
`Frequency.sessions_per_week()`: the shipped routines all carry a
frequency, and a routine the person never took up is not in their plan.
The frequency read today stands for every week (the log does not keep
older ones). A routine without a frequency (or no longer in the catalog)
is planned nowhere, but its sessions still count as done.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from coach.core.catalog.model import Frequency

WEEK = timedelta(days=7)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class RoutineWeek:
    routine_id: str
    done: int
    planned: int  # 0: not in the plan that week (no frequency, or not taken up yet)


@dataclass(frozen=True)
class PlanWeek:
    """One week: each routine done or planned in it (by id), and the totals."""

    monday: date
    routines: tuple[RoutineWeek, ...]

    @property
    def done(self) -> int:
        return sum(r.done for r in self.routines)

    @property
    def planned(self) -> int:
        return sum(r.planned for r in self.routines)


@dataclass
class DoneCounts:
    """Done sessions per (routine, Monday), filled one session at a time."""

    done: dict[tuple[str, date], int] = field(default_factory=dict)
    first_week: dict[str, date] = field(default_factory=dict)  # the Monday it was taken up

    def add(self, routine_id: str, day: date, reps_done: int) -> None:
        if reps_done < 1:
            return
        monday = monday_of(day)
        key = (routine_id, monday)
        self.done[key] = self.done.get(key, 0) + 1
        first = self.first_week.get(routine_id)
        if first is None or monday < first:
            self.first_week[routine_id] = monday

    def weeks(
        self, frequencies: Mapping[str, Frequency | None], today: date, weeks: int
    ) -> list[PlanWeek]:
        """The last `weeks` weeks up to today's, oldest first; in each, the
        routines done or planned that week, sorted by id."""
        last = monday_of(today)
        result = []
        for n in range(weeks - 1, -1, -1):
            monday = last - n * WEEK
            rows = []
            for routine_id in sorted(self.first_week):
                done = self.done.get((routine_id, monday), 0)
                frequency = frequencies.get(routine_id)
                planned = (
                    frequency.sessions_per_week()
                    if frequency is not None and self.first_week[routine_id] <= monday
                    else 0
                )
                if done or planned:
                    rows.append(RoutineWeek(routine_id, done, planned))
            result.append(PlanWeek(monday, tuple(rows)))
        return result
