"""The session engine: walks a routine's steps against an injected clock.

Time left always comes from a deadline on the monotonic clock, never from
counting ticks, so a late or missed tick costs no accuracy. `tick()` is the
heartbeat: when it stops for longer than `max_gap_s` (lid closed, process
stopped) the session pauses as of the last heartbeat instead of counting the
missed time as held. Every command returns the events it caused.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.core.catalog.loader import Catalog, Exercise, Routine, RoutineItem
from coach.core.catalog.plan import LEAD_IN_SAME_S
from coach.core.session.clock import Clock
from coach.core.session.events import (
    Event,
    HoldEnded,
    HoldStarted,
    PainMoment,
    PainRated,
    Paused,
    Phase,
    PhaseStarted,
    RepCompleted,
    Resumed,
    SessionEnded,
    SessionStarted,
    TonesSwitched,
)
from coach.core.session.plan import SWITCH_SIDE_S, Step, plan_steps, reps_planned
from coach.core.vocabulary import Outcome, Side

__all__ = ["LEAD_IN_S", "MAX_GAP_S", "SWITCH_SIDE_S", "Phase", "Session", "SessionState"]

RepKey = tuple[int, Side | None, int, int]  # item, side, set, rep

# The shortest "get ready", when the position stays; lead-ins grow with the
# change of position (`coach.core.catalog.plan.lead_in_for`).
LEAD_IN_S = LEAD_IN_SAME_S
MAX_GAP_S = 5.0  # real seconds without a heartbeat that pause the session
PAIN_SCALE = range(11)  # 0 (none) to 10 (worst)


@dataclass(frozen=True)
class SessionState:
    phase: Phase
    paused: bool
    pause_reason: str | None
    seconds_left: float
    phase_length: float
    seconds_into_phase: float
    exercise_index: int
    exercise: Exercise
    item: RoutineItem
    next_exercise: Exercise | None
    next_phase: Phase | None
    rep: int
    reps: int
    set: int
    sets: int
    side: Side | None
    depth: float
    reps_done: int
    reps_skipped: int
    reps_planned: int
    step_index: int
    finished: bool
    # During a lead-in: what to do to get into position ("Lie down on your
    # back"), from the change since the exercise before; "" in other phases.
    getting_ready: str = ""


class Session:
    def __init__(
        self,
        routine: Routine,
        catalog: Catalog,
        clock: Clock,
        *,
        lead_in_s: float | None = None,
        switch_side_s: float = SWITCH_SIDE_S,
        max_gap_s: float = MAX_GAP_S,
    ) -> None:
        self.routine = routine
        self.clock = clock
        self.exercises = tuple(catalog.exercise(item.exercise) for item in routine.items)
        self.steps: tuple[Step, ...] = plan_steps(
            self.exercises, routine, lead_in_s=lead_in_s, switch_side_s=switch_side_s
        )
        self.reps_planned = reps_planned(self.exercises, routine)
        # A gap is measured in real seconds: a demo clock at 100x moves 100 s
        # between two ticks 1 s apart without anything being wrong.
        self._max_gap = max_gap_s * clock.scale
        self._index = 0
        self._deadline = 0.0
        self._remaining = self.steps[0].length if self.steps else 0.0  # valid while paused
        self._paused = False
        self._pause_reason: str | None = None
        self._started = False
        self._end_phase: Phase | None = None
        self._heartbeat = 0.0
        self._results: dict[RepKey, bool] = {}  # rep -> skipped; a redone rep replaces its entry

    # -- commands ---------------------------------------------------------

    def start(self) -> list[Event]:
        if self._started:
            return []
        self._started = True
        now = self.clock.now()
        self._heartbeat = now
        events: list[Event] = [
            SessionStarted(self.routine.id, self.routine.name, self.reps_planned)
        ]
        if not self.steps:
            return events + self._finish(Phase.DONE, Outcome.COMPLETED)
        events += self._enter(0, now)
        return events + self._run_until(now)

    def tick(self) -> list[Event]:
        return self._catch_up(self.clock.now())

    def pause(self) -> list[Event]:
        now = self.clock.now()
        events = self._catch_up(now)
        if not self._active or self._paused:
            return events
        self._remaining = self._left(now)
        self._paused, self._pause_reason = True, "user"
        return [*events, Paused("user")]

    def resume(self) -> list[Event]:
        now = self.clock.now()
        if not self._paused:
            return self._catch_up(now)  # like any command, also a heartbeat
        if not self._active:
            return []
        self._deadline = now + self._remaining
        self._paused, self._pause_reason = False, None
        self._heartbeat = now
        return [Resumed(), *self._run_until(now)]

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self._paused else self.pause()

    def skip(self) -> list[Event]:
        """End the current step now; skipping a hold logs its rep as skipped."""
        now = self.clock.now()
        events = self._catch_up(now)
        if not self._active:
            return events
        events += self._leave(now, skipped=True)
        if self._index + 1 >= len(self.steps):
            return events + self._finish(Phase.DONE, Outcome.COMPLETED)
        return events + self._enter(self._index + 1, now) + self._run_until(now)

    def back(self) -> list[Event]:
        """Go to the previous step (or restart the first). A rep done again is
        logged again; the later record replaces the earlier one."""
        now = self.clock.now()
        events = self._catch_up(now)
        if not self._active:
            return events
        step = self.steps[self._index]
        if step.phase is Phase.HOLD:
            events.append(HoldEnded(self._held(now), skipped=True))
        return events + self._enter(max(self._index - 1, 0), now) + self._run_until(now)

    def stop(self, outcome: Outcome = Outcome.STOPPED) -> list[Event]:
        """End the session early; reps already done stay logged, and a hold in
        progress is logged as skipped with the seconds actually held."""
        if outcome not in (Outcome.STOPPED, Outcome.PAIN):
            raise ValueError(f"a session is stopped with 'stopped' or 'pain', not {outcome!r}")
        outcome = Outcome(outcome)
        now = self.clock.now()
        events = self._catch_up(now)
        if not self._active:
            return events
        step = self.steps[self._index]
        if step.phase is Phase.HOLD and self._held(now) > 0:
            events += self._leave(now, skipped=True)
        return events + self._finish(Phase.STOPPED, outcome)

    def rate_pain(self, when: PainMoment, value: int | None) -> list[Event]:
        """The person's pain 0-10 before or after (None: they skipped the
        question). Allowed at any time, also once the session is over."""
        if when not in ("before", "after"):
            raise ValueError(f"pain is rated 'before' or 'after', not {when!r}")
        if value is not None and value not in PAIN_SCALE:
            raise ValueError(f"pain is rated 0 to 10, not {value}")
        return [*self._catch_up(self.clock.now()), PainRated(when, value)]

    def switch_tones(self, muted: bool) -> list[Event]:
        """Tones off (`muted`) or on again; the engine only reports it."""
        return [*self._catch_up(self.clock.now()), TonesSwitched(muted)]

    # -- what the player shows -------------------------------------------

    @property
    def finished(self) -> bool:
        return self._end_phase is not None

    @property
    def state(self) -> SessionState:
        now = self.clock.now()
        index = min(self._index, max(len(self.steps) - 1, 0))
        step = self.steps[index] if self.steps else None
        item_index = step.item if step else 0
        if self._end_phase is not None or step is None:
            phase, length, left = self._end_phase or Phase.DONE, 0.0, 0.0
        else:
            phase, length = step.phase, step.length
            left = self._left(now) if self._started else length
        nxt = self.steps[index + 1].phase if index + 1 < len(self.steps) else Phase.DONE
        item = self.routine.items[item_index]
        return SessionState(
            phase=phase,
            paused=self._paused,
            pause_reason=self._pause_reason,
            seconds_left=left,
            phase_length=length,
            seconds_into_phase=length - left,
            exercise_index=item_index,
            exercise=self.exercises[item_index],
            item=item,
            next_exercise=(
                self.exercises[item_index + 1] if item_index + 1 < len(self.exercises) else None
            ),
            next_phase=None if self.finished else nxt,
            rep=step.rep if step else 0,
            reps=item.reps,
            set=step.set if step else 0,
            sets=item.sets,
            side=step.side if step else None,
            depth=step.depth if step else 1.0,
            reps_done=self.reps_done,
            reps_skipped=self.reps_skipped,
            reps_planned=self.reps_planned,
            step_index=index,
            finished=self.finished,
            getting_ready=step.getting_ready if step and phase is Phase.LEAD_IN else "",
        )

    @property
    def reps_done(self) -> int:
        return sum(1 for skipped in self._results.values() if not skipped)

    @property
    def reps_skipped(self) -> int:
        return sum(1 for skipped in self._results.values() if skipped)

    # -- internals --------------------------------------------------------

    @property
    def _active(self) -> bool:
        return self._started and self._end_phase is None

    def _left(self, now: float) -> float:
        return self._remaining if self._paused else max(0.0, self._deadline - now)

    def _held(self, now: float) -> float:
        return max(0.0, self.steps[self._index].length - self._left(now))

    def _catch_up(self, now: float) -> list[Event]:
        if not self._active or self._paused:
            return []
        if now - self._heartbeat > self._max_gap:
            # Freeze the step as it was at the last sign of life.
            self._remaining = max(0.0, self._deadline - self._heartbeat)
            self._paused, self._pause_reason = True, "gap"
            self._heartbeat = now
            return [Paused("gap")]
        self._heartbeat = now
        return self._run_until(now)

    def _run_until(self, now: float) -> list[Event]:
        """Let every step whose deadline has passed end on its own; the next
        one starts at the old deadline, so no time is lost or gained."""
        events: list[Event] = []
        while self._active and not self._paused and now >= self._deadline:
            at = self._deadline
            events += self._leave(at, skipped=False)
            if self._index + 1 >= len(self.steps):
                events += self._finish(Phase.DONE, Outcome.COMPLETED)
            else:
                events += self._enter(self._index + 1, at)
        return events

    def _enter(self, index: int, start: float) -> list[Event]:
        self._index = index
        step = self.steps[index]
        if self._paused:
            self._remaining = step.length
        self._deadline = start + step.length
        exercise = self.exercises[step.item]
        events: list[Event] = [PhaseStarted(step.phase, step.length)]
        if step.phase is Phase.HOLD:
            events.append(HoldStarted(exercise.id, step.side, step.set, step.rep, step.length))
        return events

    def _leave(self, now: float, *, skipped: bool) -> list[Event]:
        step = self.steps[self._index]
        events: list[Event] = []
        held = self._held(now) if step.phase is Phase.HOLD else 0.0
        if step.phase is Phase.HOLD:
            events.append(HoldEnded(held, skipped))
        if step.ends_rep:
            self._results[(step.item, step.side, step.set, step.rep)] = skipped
            planned = float(self.routine.items[step.item].hold_s)
            events.append(
                RepCompleted(
                    self.exercises[step.item].id,
                    step.side,
                    step.set,
                    step.rep,
                    planned,
                    held,
                    skipped,
                    step.item,
                )
            )
        return events

    def _finish(self, phase: Phase, outcome: Outcome) -> list[Event]:
        self._end_phase = phase
        self._paused, self._pause_reason = False, None
        return [PhaseStarted(phase, 0.0), SessionEnded(outcome, self.reps_done, self.reps_skipped)]
