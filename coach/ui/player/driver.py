"""Drives a session from the Qt event loop.

A QTimer heartbeat (only while a session runs) calls `session.tick()`; the
events that come back go to the recorder (the log) first and are then
re-emitted as Qt signals for the widgets. The driver never keeps time: what
is left of a phase is always read from `session.state`, which the engine
computes from a deadline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from coach.core.errors import CoachError
from coach.core.session.events import Event, SessionEnded

RING_STEPS = 500
MIN_BEAT_MS = 16  # about one frame of a 60 Hz screen


class Recorder(Protocol):
    def handle(self, events: Sequence[Event]) -> Any: ...


class SessionDriver(QObject):
    """The one object the player's widgets subscribe to.

    Signals: `event(Event)` for every engine event, in order; `ticked()` after
    every heartbeat and every command (read `state` then); `ended(SessionEnded)`
    once; `problem(str)` when the log could not be written (the session goes on).
    """

    event = Signal(object)
    ticked = Signal()
    ended = Signal(object)
    problem = Signal(str)

    def __init__(
        self,
        session: Any,
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
        self._started = False
        self._ended: SessionEnded | None = None
        self._last_error: object = None

    # -- reading ------------------------------------------------------------
    @property
    def session(self) -> Any:
        return self._session

    @property
    def state(self) -> Any:
        return self._session.state

    @property
    def recorder(self) -> Recorder | None:
        return self._recorder

    @property
    def running(self) -> bool:
        return self._started and self._ended is None

    @property
    def result(self) -> SessionEnded | None:
        """The SessionEnded event once the session is over."""
        return self._ended

    @property
    def heartbeat_active(self) -> bool:
        return self._timer.isActive()

    # -- commands -----------------------------------------------------------
    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._dispatch(self._session.start())

    def pump(self) -> None:
        """One heartbeat: let the engine catch up with its clock."""
        if self.running:
            self._dispatch(self._session.tick())

    def toggle_pause(self) -> None:
        self._command(self._session.toggle_pause)

    def skip(self) -> None:
        self._command(self._session.skip)

    def back(self) -> None:
        self._command(self._session.back)

    def stop(self, outcome: str = "stopped") -> None:
        if self.running:
            self._dispatch(self._session.stop(outcome))

    def _command(self, method: Any) -> None:
        if self.running:
            self._dispatch(method())

    # -- fan-out ------------------------------------------------------------
    def _dispatch(self, events: Sequence[Event]) -> None:
        if events and self._recorder is not None:
            try:
                self._recorder.handle(events)
            except CoachError as exc:  # the log failed; the person still gets their session
                self.problem.emit(str(exc))
            error = getattr(self._recorder, "error", None)  # a recorder that keeps going
            if error is not None and error is not self._last_error:
                self._last_error = error
                self.problem.emit(str(error))
        for item in events:
            if isinstance(item, SessionEnded):
                self._ended = item
                self._timer.stop()
            self.event.emit(item)
        self.ticked.emit()
        if self._ended is not None and any(isinstance(e, SessionEnded) for e in events):
            self.ended.emit(self._ended)
        elif self.running:
            self._timer.start(self._next_heartbeat_ms())

    def _next_heartbeat_ms(self) -> int:
        state = self._session.state
        if state.paused:
            return self._interval_ms
        scale = self._session.clock.scale
        left = max(0.0, state.seconds_left)
        to_next_second = left - math.floor(left) or 1.0  # the digits show whole seconds, rounded up
        # The ring should move by at most 1/500 of a turn per beat: a
        # 10-second hold gets 50 beats a second, a one-minute hold 8.
        ring_step = state.phase_length / RING_STEPS if state.phase_length > 0 else 1.0
        real_ms = min(to_next_second, ring_step) / scale * 1000
        return max(MIN_BEAT_MS, min(self._interval_ms, math.ceil(real_ms) + 1))
