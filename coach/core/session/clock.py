"""Time sources for the session engine.

The engine never reads the time itself: it is handed a `Clock`, so tests drive
it with `FakeClock` and demos run faster with `ScaledClock`. All clocks are
monotonic seconds; wall-clock time (for the log) is `local_now()`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """Monotonic seconds. `scale` says how many clock seconds pass per real
    second (1 for real time), so the engine can tell a stalled process from a
    fast demo clock."""

    @property
    def scale(self) -> float: ...

    def now(self) -> float: ...


def _seconds_since_boot() -> float:
    """Monotonic seconds that keep counting while the machine sleeps (Linux
    CLOCK_BOOTTIME), so closing the lid mid-hold shows up as a heartbeat gap
    instead of time standing still; `time.monotonic` elsewhere."""
    return time.clock_gettime(time.CLOCK_BOOTTIME)


_system_seconds: Callable[[], float] = (
    _seconds_since_boot if hasattr(time, "CLOCK_BOOTTIME") else time.monotonic
)


class SystemClock:
    """Real time, monotonic: it never jumps with the wall clock."""

    scale = 1.0

    def now(self) -> float:
        return _system_seconds()


class ScaledClock:
    """Runs `k` times faster than real time, starting from 0 (`--time-scale`)."""

    def __init__(self, k: float, source: Callable[[], float] | None = None) -> None:
        if k <= 0:
            raise ValueError(f"time scale must be above 0, not {k}")
        self._k = float(k)
        self._source = source or _system_seconds
        self._origin = self._source()

    @property
    def scale(self) -> float:
        return self._k

    def now(self) -> float:
        return (self._source() - self._origin) * self._k


class FakeClock:
    """A clock that moves only when a test says so."""

    scale = 1.0

    def __init__(self, start: float = 0.0) -> None:
        self._t = float(start)

    def now(self) -> float:
        return self._t

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go back")
        self._t += seconds

    def set(self, t: float) -> None:
        if t < self._t:
            raise ValueError("a monotonic clock cannot go back")
        self._t = float(t)


def local_now() -> datetime:
    """The wall-clock time with the local UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)
