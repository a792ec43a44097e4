"""Writes what the session engine reports into the session log, so the player
only plays: it hands every event list to `SessionRecorder.handle` and the log
follows (begin on SessionStarted, one committed rep per RepCompleted, the
pain ratings from PainRated, end on SessionEnded)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from coach.core.errors import StoreError
from coach.core.log.store import SessionLog
from coach.core.session.clock import local_now
from coach.core.session.events import (
    Event,
    PainMoment,
    PainRated,
    RepCompleted,
    SessionEnded,
    SessionStarted,
)


class SessionRecorder:
    """`now` gives the wall-clock time stamped on the log (the engine's clock
    is monotonic and may run fast in a demo, so it is not used for dates).

    A failing log never stops the session: the error is kept in `error` (the
    player shows it once) and the recorder keeps trying with the next event,
    so a rep made after space was freed is still saved."""

    def __init__(self, log: SessionLog, *, now: Callable[[], datetime] = local_now) -> None:
        self.log = log
        self.session_id: int | None = None
        self.error: StoreError | None = None
        self._now = now
        self._pain: dict[PainMoment, int] = {}  # rated before the session began

    def handle(self, events: Iterable[Event]) -> list[Event]:
        """Write what belongs in the log; returns the events now committed
        to it, in order (the others change nothing there)."""
        written: list[Event] = []
        for event in events:
            try:
                if self._write(event):
                    written.append(event)
            except StoreError as exc:
                self.error = exc
        return written

    def _write(self, event: Event) -> bool:
        if isinstance(event, PainRated):
            return self._rate(event)
        if isinstance(event, SessionStarted):
            if self.session_id is not None:
                return False
            self.session_id = self.log.begin_session(
                event.routine_id,
                event.routine_name,
                event.reps_planned,
                started=self._now(),
                pain_before=self._pain.pop("before", None),
            )
            if self._pain:
                self.log.set_pain(self.session_id, **self._pain)
                self._pain.clear()
            return True
        if self.session_id is None:
            return False
        if isinstance(event, RepCompleted):
            self.log.record_rep(
                self.session_id,
                item=event.item,
                exercise_id=event.exercise_id,
                side=event.side,
                set=event.set,
                rep=event.rep,
                planned_hold_s=event.planned_hold_s,
                actual_hold_s=event.actual_hold_s,
                skipped=event.skipped,
                at=self._now(),
            )
            return True
        if isinstance(event, SessionEnded):
            self.log.end_session(self.session_id, event.outcome, ended=self._now())
            return True
        return False

    def _rate(self, event: PainRated) -> bool:
        if event.value is None:  # the question was skipped: nothing to keep
            return False
        if self.session_id is None:
            self._pain[event.when] = event.value
            return False
        self.log.set_pain(self.session_id, **{event.when: event.value})
        return True
