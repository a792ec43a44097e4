"""Writes what the session engine reports into the session log, so the player
only plays: it hands every event list to `SessionRecorder.handle` and the log
follows (begin on SessionStarted, one committed rep per RepCompleted, end on
SessionEnded)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from coach.core.catalog.loader import Routine
from coach.core.errors import StoreError
from coach.core.log.store import SessionLog
from coach.core.session.clock import local_now
from coach.core.session.events import Event, RepCompleted, SessionEnded, SessionStarted


class SessionRecorder:
    """`now` gives the wall-clock time stamped on the log (the engine's clock
    is monotonic and may run fast in a demo, so it is not used for dates).

    A failing log never stops the session: the error is kept in `error` (the
    player shows it once) and the recorder keeps trying with the next event,
    so a rep made after space was freed is still saved."""

    def __init__(
        self,
        log: SessionLog,
        routine: Routine,
        *,
        now: Callable[[], datetime] = local_now,
        pain_before: int | None = None,
        on_rep: Callable[[RepCompleted], None] | None = None,
    ) -> None:
        self.log = log
        self.routine = routine
        self.session_id: int | None = None
        self.error: StoreError | None = None
        self._now = now
        self._pain_before = pain_before
        self._on_rep = on_rep  # called after the rep is committed

    def handle(self, events: Iterable[Event]) -> None:
        for event in events:
            try:
                self._write(event)
            except StoreError as exc:
                self.error = exc

    def _write(self, event: Event) -> None:
        if isinstance(event, SessionStarted):
            if self.session_id is None:
                self.session_id = self.log.begin_session(
                    self.routine.id,
                    self.routine.name,
                    event.reps_planned,
                    started=self._now(),
                    pain_before=self._pain_before,
                )
        elif self.session_id is None:
            return
        elif isinstance(event, RepCompleted):
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
            if self._on_rep is not None:
                self._on_rep(event)
        elif isinstance(event, SessionEnded):
            self.log.end_session(self.session_id, event.outcome, ended=self._now())
