"""rss_growth_mb and drift_ms: the real player over a long session.

Runs the app's own object graph in this process (offscreen) on a routine of
well over two hours, with the session clock 120x faster than real time, so
two simulated hours take about a minute.

- rss_growth_mb: resident memory at the end minus after the first ten
  simulated minutes (start-up costs excluded).
- drift_ms: every time the countdown is given a new time left, after the
  first 30 simulated minutes, compare it with the truth computed
  independently from the plan (sum of step lengths since the session
  started, read off the same clock at the same moment); the median error in
  session milliseconds (drift_max_ms: the largest). A player that counted
  timer ticks, or restarted each phase from "now", would drift here.
"""

from __future__ import annotations

import bisect
import os
import tempfile
from itertools import accumulate
from pathlib import Path

from tests.bench.procstat import median, rss_mb

SCALE = 120.0
LONG_S = 2 * 3600 + 300
DRIFT_AFTER_S = 30 * 60


class SteppedClock:
    """A scaled clock that moves only between event-loop iterations (a 1 ms
    timer calls `step`), so the engine's tick and the countdown it feeds read
    the same instant and what is compared is drift, not the microseconds of
    Python between them (which 120x would magnify into tens of ms)."""

    def __init__(self, inner) -> None:
        self._inner = inner
        self.scale = inner.scale
        self._now = inner.now()

    def step(self) -> None:
        self._now = self._inner.now()

    def now(self) -> float:
        return self._now


def long_routine(catalog):
    from coach.core.catalog.loader import Routine

    base = catalog.routine("bedtime-five").items + catalog.routine("directed-forward-bend").items
    items, total = [], 0.0
    while total < LONG_S + 600:
        for item in base:
            items.append(item)
            total = catalog.estimated_seconds(Routine("x", "x", "", tuple(items)))
    return Routine("bench-long", "Long benchmark session", "", tuple(items))


def run(quick: bool = False) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["COACH_DATA_DIR"] = folder
        # --quick plays the same two hours twice as fast.
        return _run(Path(folder), LONG_S, SCALE * (2 if quick else 1))


def _run(folder: Path, seconds: float, scale: float) -> dict[str, float]:
    from PySide6.QtCore import Qt, QTimer

    from coach.core.catalog.loader import load_shipped
    from coach.core.log.store import SessionLog
    from coach.core.session.clock import ScaledClock
    from coach.core.session.engine import LEAD_IN_S, SWITCH_SIDE_S
    from coach.core.session.plan import plan_steps
    from coach.paths import assets_dir
    from coach.ui.app import CoachApp, make_qapp
    from coach.ui.player.sounds import Tones
    from coach.ui.settings import AppSettings

    qapp = make_qapp()
    catalog = load_shipped()
    routine = long_routine(catalog)
    catalog.routines[routine.id] = routine
    log = SessionLog.open(folder)
    clock = SteppedClock(ScaledClock(scale))
    app = CoachApp(
        qapp,
        catalog,
        log,
        AppSettings(folder / "settings"),
        Tones(assets_dir() / "sounds"),
        clock_factory=lambda: clock,
    )
    player = app.play(routine.id)
    driver = player.driver
    # The instant the session started, by the engine's own first step.
    start = clock.now() - driver.state.seconds_into_phase
    # The truth, planned independently of the running session.
    exercises = [catalog.exercise(item.exercise) for item in routine.items]
    steps = plan_steps(exercises, routine, lead_in_s=LEAD_IN_S, switch_side_s=SWITCH_SIDE_S)
    ends = list(accumulate(step.length for step in steps))

    errors: list[float] = []
    ring = player.view.ring
    show_time = ring.show_time

    def checked_show_time(seconds_left, length, *args, **kwargs):
        elapsed = clock.now() - start
        if elapsed >= DRIFT_AFTER_S and not driver.state.paused:
            index = bisect.bisect_right(ends, elapsed)
            if index < len(ends):
                errors.append(abs(seconds_left - (ends[index] - elapsed)))
        return show_time(seconds_left, length, *args, **kwargs)

    ring.show_time = checked_show_time
    samples: dict[str, float] = {}

    def sample() -> None:
        elapsed = clock.now() - start
        if "early" not in samples and elapsed >= 600:
            samples["early"] = rss_mb()
        if elapsed >= seconds:
            samples["end"] = rss_mb()
            qapp.quit()

    timer = QTimer()
    timer.timeout.connect(sample)
    timer.start(250)
    stepper = QTimer()
    stepper.setTimerType(Qt.TimerType.PreciseTimer)
    stepper.timeout.connect(clock.step)
    stepper.start(1)
    qapp.exec()
    timer.stop()
    stepper.stop()
    paused = driver.state.paused
    log.close()
    if paused or not errors:
        raise RuntimeError("the long session paused itself or showed no countdown")
    return {
        "rss_growth_mb": samples["end"] - samples["early"],
        "drift_ms": 1000 * median(errors),
        "drift_max_ms": 1000 * max(errors),
    }


if __name__ == "__main__":
    import sys

    print(run(quick="--quick" in sys.argv))
