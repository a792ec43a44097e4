"""Drives a session from the Qt event loop: the one door between the
player's widgets and the engine.

A QTimer heartbeat (only while a session runs) calls `Session.tick()`; every
command (pause, skip, stop, a pain rating, tones off) goes to the engine too.
The events that come back go to the recorder (the log) first and are then
re-emitted as Qt signals for the widgets. The driver never keeps time: what
is left of a phase is always read from the engine's state, which it computes
from a deadline on the session clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from coach.core.catalog.loader import Routine
from coach.core.errors import CoachError
from coach.core.session.engine import Session, SessionState
from coach.core.session.events import Event, PainMoment, SessionEnded
from coach.core.vocabulary import Outcome

# The ring moves at most this often: a 10 s hold at 500 steps a turn asked
# for 50 heartbeats a second, each repainting the ring, for a change nobody
# sees from the floor. Five a second moves the end of a 250 px ring by about
# 15 px in the shortest (10 s) hold, and every beat costs an engine tick, a
# panel refresh and a ring repaint: at 10 a second the beats were two thirds
# of a hold's CPU. The whole seconds of the digits still turn over on time
# (the beat is armed for the next one), and the figure moves on its own
# frame timer.
RING_MAX_HZ = 5
RING_BEAT_MS = 1000 // RING_MAX_HZ
MIN_BEAT_MS = 16  # about one frame of a 60 Hz screen (fast demo clocks)


class Recorder(Protocol):
    """Writes events to the log; returns the ones it committed. A recorder
    that keeps going after a failed write says so in `error`."""

    @property
    def error(self) -> Exception | None: ...

    def handle(self, events: Sequence[Event]) -> Sequence[Event]: ...


class SessionDriver(QObject):
    """The one object the player's widgets hold.

    Signals: `happened(Event)` for every engine event, in order; `ticked()` after
    every heartbeat and every command (read `state` then); `ended(SessionEnded)`
    once; `problem(str)` when the log could not be written (the session goes
    on); `log_changed()` after the log took something (a rep, a rating, the
    end), so History can show it.
    """

    happened = Signal(object)
    ticked = Signal()
    ended = Signal(object)
    problem = Signal(str)
    log_changed = Signal()

    def __init__(
        self,
        session: Session,
        recorder: Recorder | None = None,
        *,
        interval_ms: int = 250,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._recorder = recorder
        self._interval_ms = interval_ms
        # One-shot, re-armed after every heartbeat: at most `interval_ms` apart,
        # and sooner when the whole second shown by the countdown is about to
        # change, so the digits turn over on time without a fast timer.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.pump)
        self._started_at: float | None = None
        self._ended_at: float | None = None
        self._ended: SessionEnded | None = None
        self._last_error: Exception | None = None

    # -- reading ------------------------------------------------------------
    @property
    def state(self) -> SessionState:
        return self._session.state

    @property
    def routine(self) -> Routine:
        return self._session.routine

    @property
    def running(self) -> bool:
        return self._started_at is not None and self._ended is None

    @property
    def elapsed(self) -> float:
        """Session-clock seconds since the start (pauses included), up to the end."""
        if self._started_at is None:
            return 0.0
        end = self._ended_at if self._ended_at is not None else self.now()
        return end - self._started_at

    def now(self) -> float:
        """The session clock: the figure's smooth motion between heartbeats
        runs on it, so a fast demo clock speeds up the figure too."""
        return self._session.clock.now()

    @property
    def heartbeat_active(self) -> bool:
        return self._timer.isActive()

    # -- commands -----------------------------------------------------------
    def start(self) -> None:
        if self._started_at is not None:
            return
        self._started_at = self.now()
        self._dispatch(self._session.start())

    def pump(self) -> None:
        """One heartbeat: let the engine catch up with its clock."""
        self._command(self._session.tick)

    def toggle_pause(self) -> None:
        self._command(self._session.toggle_pause)

    def skip(self) -> None:
        self._command(self._session.skip)

    def back(self) -> None:
        self._command(self._session.back)

    def stop(self, outcome: Outcome = Outcome.STOPPED) -> None:
        if self.running:
            self._dispatch(self._session.stop(outcome))

    def rate_pain(self, when: PainMoment, value: int | None) -> None:
        """Pain before (while the session runs) or after (on the summary)."""
        self._dispatch(self._session.rate_pain(when, value))

    def switch_tones(self, muted: bool) -> None:
        self._dispatch(self._session.switch_tones(muted))

    def _command(self, command: Callable[[], list[Event]]) -> None:
        if self.running:
            self._dispatch(command())

    # -- fan-out ------------------------------------------------------------
    def _dispatch(self, events: Sequence[Event]) -> None:
        written = self._record(events) if events else []
        for item in events:
            if isinstance(item, SessionEnded):
                self._ended = item
                self._ended_at = self.now()
                self._timer.stop()
            self.happened.emit(item)
        self.ticked.emit()
        if written:
            self.log_changed.emit()
        if self._ended is not None and any(isinstance(e, SessionEnded) for e in events):
            self.ended.emit(self._ended)
        elif self.running:
            self._timer.start(self._next_heartbeat_ms())

    def _record(self, events: Sequence[Event]) -> Sequence[Event]:
        if self._recorder is None:
            return []
        written: Sequence[Event] = []
        try:
            written = self._recorder.handle(events)
        except CoachError as exc:  # the log failed; the person still gets their session
            self.problem.emit(str(exc))
        error = self._recorder.error
        if error is not None and error is not self._last_error:
            self._last_error = error
            self.problem.emit(str(error))
        return written

    def _next_heartbeat_ms(self) -> int:
        state = self._session.state
        if state.paused:
            return self._interval_ms
        scale = self._session.clock.scale
        left = max(0.0, state.seconds_left)
        to_next_second = left - math.floor(left) or 1.0  # the digits show whole seconds, rounded up
        to_next_ms = math.ceil(to_next_second / scale * 1000) + 1
        ring_ms = RING_BEAT_MS if state.phase_length > 0 else self._interval_ms
        return max(MIN_BEAT_MS, min(self._interval_ms, ring_ms, to_next_ms))

    @property
    def next_heartbeat_ms(self) -> int:
        """Real milliseconds to the next heartbeat the driver would arm now."""
        return self._next_heartbeat_ms()
