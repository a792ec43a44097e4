"""rss_growth_mb and drift_ms: the real player over a long session, frame by frame.

Runs the app's own object graph (offscreen) on a routine of well over two
hours. The session clock is a fake one that moves, at each frame, by exactly
the time the driver would wait for its next heartbeat (about 100 ms): every
heartbeat a real session has is played, with its repaint, only without the
waiting. Two hours and five minutes are about 75,000 frames (the old 120x
real-time clock ran about 4,000).

- rss_growth_mb: resident memory at the end minus after the first ten
  simulated minutes (start-up costs excluded); rss_growth_frames: frames run.
- drift_ms: every time the countdown is given a new time left, after the
  first 30 simulated minutes, compare it with the truth computed
  independently from the plan (sum of step lengths since the session
  started, read off the same clock); the median error in session
  milliseconds (drift_max_ms: the largest). A player that counted timer
  ticks, or restarted each phase from "now", would drift here.

Each run is a process of its own; figures are medians over the runs (5, or 2
with --quick), `*_spread` is max - min.
"""

from __future__ import annotations

import bisect
import json
import os
import subprocess
import sys
import tempfile
from array import array
from itertools import accumulate
from pathlib import Path

from tests.bench.procstat import median, rss_mb

ROOT = Path(__file__).resolve().parents[2]
MARK = "LONG-JSON "
LONG_S = 2 * 3600 + 300
DRIFT_AFTER_S = 30 * 60
EARLY_S = 600


class FrameClock:
    """The session clock, moved by the benchmark one heartbeat at a time."""

    scale = 1.0

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds


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
    runs = 2 if quick else 5
    results = [_child(LONG_S) for _ in range(runs)]
    figures: dict[str, float] = {}
    for key in ("rss_growth_mb", "drift_ms"):
        values = [r[key] for r in results]
        figures[key] = median(values)
        figures[f"{key}_spread"] = max(values) - min(values)
    figures["drift_max_ms"] = max(r["drift_max_ms"] for r in results)
    figures["rss_growth_frames"] = median([r["frames"] for r in results])
    figures["rss_growth_runs"] = float(runs)
    return figures


def _child(seconds: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        env = dict(
            os.environ,
            COACH_DATA_DIR=folder,
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        )
        done = subprocess.run(
            [sys.executable, "-m", "tests.bench.long_session", "--child", str(seconds)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1200,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the long session failed: {done.stderr[-400:]!r}")
    return json.loads(lines[-1][len(MARK) :])


def child(seconds: float) -> dict[str, float]:
    from coach.core.catalog.loader import load_shipped
    from coach.core.log.store import SessionLog
    from coach.core.session.engine import SWITCH_SIDE_S
    from coach.core.session.plan import plan_steps
    from coach.paths import assets_dir
    from coach.ui.app import CoachApp, make_qapp
    from coach.ui.player.sounds import Tones
    from coach.ui.settings import AppSettings

    folder = Path(os.environ["COACH_DATA_DIR"])
    qapp = make_qapp()
    catalog = load_shipped()
    routine = long_routine(catalog)
    catalog.routines[routine.id] = routine
    log = SessionLog.open(folder)
    clock = FrameClock()
    app = CoachApp(
        qapp,
        catalog,
        log,
        AppSettings(folder / "settings"),
        Tones(assets_dir() / "sounds", probe=lambda: False),
        clock_factory=lambda: clock,
    )
    player = app.play(routine.id)
    player.begin()  # past the get-ready page: the clock starts now
    driver = player.driver
    start = clock.now() - driver.state.seconds_into_phase
    exercises = [catalog.exercise(item.exercise) for item in routine.items]
    # The engine's own plan: lead-ins as long as the change of position needs.
    steps = plan_steps(exercises, routine, switch_side_s=SWITCH_SIDE_S)
    ends = list(accumulate(step.length for step in steps))

    # A compact array, not a list of float objects: the benchmark must not
    # grow by what it records (75,000 floats in a list are ~2.4 MB).
    errors = array("d")
    ring = player.view.ring
    show_time = ring.show_time

    def checked_show_time(seconds_left, length, *args, **kwargs):  # type: ignore[no-untyped-def]
        elapsed = clock.now() - start
        if elapsed >= DRIFT_AFTER_S and not driver.state.paused:
            index = bisect.bisect_right(ends, elapsed)
            if index < len(ends):
                errors.append(abs(seconds_left - (ends[index] - elapsed)))
        return show_time(seconds_left, length, *args, **kwargs)

    ring.show_time = checked_show_time
    early: float | None = None
    frames = 0
    while clock.now() - start < seconds and driver.running:
        clock.advance(driver.next_heartbeat_ms / 1000)
        driver.pump()
        qapp.processEvents()
        frames += 1
        if early is None and clock.now() - start >= EARLY_S:
            early = rss_mb()
    end = rss_mb()
    paused = driver.state.paused
    player.close()
    log.close()
    if paused or not errors or early is None:
        raise RuntimeError("the long session paused itself or showed no countdown")
    return {
        "rss_growth_mb": end - early,
        "drift_ms": 1000 * median(errors.tolist()),
        "drift_max_ms": 1000 * max(errors),
        "frames": float(frames),
    }


if __name__ == "__main__":
    if "--child" in sys.argv:
        result = child(float(sys.argv[sys.argv.index("--child") + 1]))
        print(MARK + json.dumps(result), flush=True)
    else:
        print(run(quick="--quick" in sys.argv))
