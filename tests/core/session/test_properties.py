"""Property tests: random routines, random commands, the engine's promises."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.core.session.clock import FakeClock
from coach.core.session.engine import Session
from coach.core.session.events import Phase, PhaseStarted, RepCompleted, SessionEnded
from coach.core.session.plan import rep_order
from coach.core.vocabulary import Outcome
from tests.core.session.support import exercise, routine_of

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

P = Phase
# Where a step may lead when time runs out or the user skips ahead.
FORWARD: dict[Phase | None, set[Phase]] = {
    None: {P.LEAD_IN, P.MOVE_IN},
    P.LEAD_IN: {P.MOVE_IN},
    P.MOVE_IN: {P.HOLD, P.RELEASE},
    P.HOLD: {P.RELEASE},
    P.RELEASE: {P.WALK, P.MOVE_IN, P.REST, P.SWITCH_SIDE, P.LEAD_IN, P.DONE},
    P.WALK: {P.MOVE_IN},
    P.REST: {P.LEAD_IN, P.SWITCH_SIDE, P.MOVE_IN},
    P.SWITCH_SIDE: {P.LEAD_IN, P.MOVE_IN},
}
BACKWARD = {
    p: {q for q, nexts in FORWARD.items() if p in nexts and q is not None} | {p}
    for p in FORWARD
    if p is not None
}

exercises = st.builds(
    lambda n, sides, hold, reps, sets, rest, walk, move, release: exercise(
        f"ex-{n}",
        sides=sides,
        hold=hold,
        reps=reps,
        sets=sets,
        rest=rest,
        walk=walk,
        move=move,
        release=release,
    ),
    st.integers(0, 3),
    st.sampled_from(["none", "each", "alternate"]),
    st.sampled_from([0, 1, 3, 10]),
    st.integers(1, 3),
    st.integers(1, 3),
    st.sampled_from([0, 0, 5]),
    st.sampled_from([0, 0, 4]),
    st.sampled_from([0.5, 1.0, 2.5]),
    st.sampled_from([0.5, 2.0]),
)

sessions = st.builds(
    lambda exs, lead_in, switch: _session(exs, lead_in, switch),
    st.lists(exercises, min_size=1, max_size=3),
    st.sampled_from([0, 2, 5]),
    st.sampled_from([0, 3]),
)

commands = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.floats(0, 4)),
        st.tuples(st.just("gap"), st.floats(5.5, 100)),
        st.tuples(
            st.sampled_from(["pause", "resume", "toggle_pause", "skip", "skip", "back"]),
            st.just(0.0),
        ),
    ),
    max_size=60,
)
# Half the sessions are stopped somewhere in the sequence, the rest play out.
endings = st.tuples(st.sampled_from([None, "stop", "pain"]), st.integers(0, 60))


def _session(exs, lead_in, switch):
    unique = list({ex.id: ex for ex in exs}.values())
    routine, catalog = routine_of(*unique)
    clock = FakeClock(0)
    return Session(
        routine, catalog, clock, lead_in_s=lead_in, switch_side_s=switch, max_gap_s=5
    ), clock


class Watcher:
    """Checks every event list and state as the session goes."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.phase: Phase | None = None
        self.ends = 0
        self.reps: dict[tuple, bool] = {}
        self.outcome: str | None = None

    def apply(self, name: str, events: list) -> None:
        first_move = True
        for event in events:
            if isinstance(event, PhaseStarted):
                new = event.phase
                if new in (P.DONE, P.STOPPED):
                    assert self.phase not in (P.DONE, P.STOPPED)
                elif name == "back" and first_move:
                    assert new in BACKWARD[self.phase], (self.phase, new)
                else:
                    assert new in FORWARD[self.phase], (self.phase, new)
                first_move = False
                self.phase = new
            elif isinstance(event, RepCompleted):
                assert self.ends == 0
                assert 0 <= event.actual_hold_s <= event.planned_hold_s + 1e-9
                self.reps[(event.item, event.side, event.set, event.rep)] = event.skipped
            elif isinstance(event, SessionEnded):
                self.ends += 1
                self.outcome = event.outcome
        state = self.session.state
        assert 0 <= state.seconds_left <= state.phase_length + 1e-9
        assert state.seconds_into_phase >= -1e-9
        assert 0.6 - 1e-9 <= state.depth <= 1.0 + 1e-9
        assert state.reps_done + state.reps_skipped <= state.reps_planned
        assert self.ends <= 1


def _drive(session: Session, clock: FakeClock, cmds) -> Watcher:
    watcher = Watcher(session)
    watcher.apply("start", session.start())
    for name, dt in cmds:
        if name in ("tick", "gap"):
            clock.advance(dt)
            watcher.apply(name, session.tick())
        elif name in ("stop", "pain"):
            watcher.apply(name, session.stop(Outcome.PAIN if name == "pain" else Outcome.STOPPED))
        else:
            watcher.apply(name, getattr(session, name)())
    # Then let it play to the end, as a user who stops touching keys would.
    for _ in range(100_000):
        if session.finished:
            break
        if session.state.paused:
            watcher.apply("resume", session.resume())
        clock.advance(1.0)
        watcher.apply("tick", session.tick())
    return watcher


@SETTINGS
@given(sessions, commands, endings)
def test_random_commands_keep_every_promise(built, cmds, ending):
    session, clock = built
    kind, at = ending
    if kind is not None:
        cmds = [*cmds[:at], (kind, 0.0), *cmds[at:]]
    watcher = _drive(session, clock, cmds)
    assert session.finished and watcher.ends == 1
    state = session.state
    assert (state.reps_done, state.reps_skipped) == (
        sum(not s for s in watcher.reps.values()),
        sum(watcher.reps.values()),
    )
    if watcher.outcome == "completed":
        planned = {
            (i, side, set_no, rep)
            for i, (ex, item) in enumerate(
                zip(session.exercises, session.routine.items, strict=False)
            )
            for set_no, side, rep in rep_order(ex, item)
        }
        assert set(watcher.reps) == planned
        assert state.reps_done + state.reps_skipped == state.reps_planned == len(planned)
    for method in ("tick", "skip", "back", "pause", "resume", "stop"):
        assert getattr(session, method)() == []


@SETTINGS
@given(sessions, st.lists(st.floats(0.01, 4.9), min_size=1, max_size=200))
def test_time_left_follows_the_plan_whatever_the_tick_sizes(built, ticks):
    """Without commands, the step and time left at any moment depend only on
    the time since start, never on how often the engine was ticked."""
    session, clock = built
    session.start()
    bounds = list(itertools.accumulate(step.length for step in session.steps))
    elapsed = 0.0
    for dt in ticks:
        clock.advance(dt)
        elapsed += dt
        session.tick()
        if elapsed >= bounds[-1]:
            assert session.finished
            break
        index = next(i for i, end in enumerate(bounds) if elapsed < end)
        state = session.state
        assert state.step_index == index
        assert abs(state.seconds_left - (bounds[index] - elapsed)) < 1e-6
