"""Builders shared by the engine, store and recorder tests (no tests here).

Routines are made in code so these tests do not depend on the shipped
catalog, which other work changes."""

from __future__ import annotations

from coach.core.catalog.loader import Catalog, Exercise, Routine, RoutineItem, Span
from coach.core.session.clock import FakeClock
from coach.core.session.engine import Session
from coach.core.session.events import Event


def exercise(
    ex_id: str = "knee-hug",
    *,
    sides: str = "none",
    hold: int = 10,
    reps: int = 3,
    sets: int = 1,
    rest: int = 0,
    walk: int = 0,
    move: float = 2.0,
    release: float = 2.0,
) -> Exercise:
    return Exercise(
        id=ex_id,
        name=ex_id.replace("-", " ").capitalize(),
        kind="stretch",
        position="lying",
        sides=sides,
        hold_s=Span(0, 600, hold),
        reps=Span(1, 50, reps),
        sets=sets,
        rest_s=rest,
        walk_between_reps=walk > 0,
        walk_s=walk,
        move_s=move,
        release_s=release,
    )


def routine_of(*exercises: Exercise, routine_id: str = "test-routine") -> tuple[Routine, Catalog]:
    items = tuple(
        RoutineItem(ex.id, ex.hold_s.default, ex.reps.default, ex.sets, ex.rest_s)
        for ex in exercises
    )
    routine = Routine(routine_id, "Test routine", "", items)
    catalog = Catalog(exercises={ex.id: ex for ex in exercises}, routines={routine_id: routine})
    return routine, catalog


def session_of(
    *exercises: Exercise, lead_in: float = 5, switch: float = 5, gap: float = 5
) -> tuple[Session, FakeClock]:
    routine, catalog = routine_of(*exercises)
    clock = FakeClock(100.0)
    return Session(
        routine, catalog, clock, lead_in_s=lead_in, switch_side_s=switch, max_gap_s=gap
    ), clock


def run_for(session: Session, clock: FakeClock, seconds: float, step: float = 0.25) -> list[Event]:
    """Advance the clock in heartbeat-sized steps, ticking after each."""
    events: list[Event] = []
    end = clock.now() + seconds
    while clock.now() < end - 1e-9:
        clock.set(min(end, clock.now() + step))
        events += session.tick()
    return events


def run_to_end(
    session: Session, clock: FakeClock, step: float = 0.5, limit: float = 100_000
) -> list[Event]:
    events: list[Event] = []
    spent = 0.0
    while not session.finished and spent < limit:
        clock.advance(step)
        spent += step
        events += session.tick()
    return events
