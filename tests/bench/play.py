"""play_cpu_percent and play_rss_mb: the app process while it plays a hold.

Starts `coach play bedtime-five` in real time (its first exercise holds for a
minute), waits out the lead-in and the move into the stretch, then samples
the process's CPU time and resident memory over 10 s of the hold. Runs twice:
with tones (the default; QtMultimedia loads for the first tone) and muted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.procstat import cpu_seconds, rss_mb

SETTLE_S = 12.0  # lead-in (5 s) + move in (knees to chest: 4 s) + margin
MEASURE_S = 10.0


def run(quick: bool = False) -> dict[str, float]:
    figures = measure(muted=False)
    muted = measure(muted=True)
    figures["play_rss_muted_mb"] = muted["play_rss_mb"]
    return figures


def measure(*, muted: bool) -> dict[str, float]:
    """One playing process; with `muted`, tones are off in its settings, so
    QtMultimedia is never loaded (the figure without the sound back-end)."""
    with tempfile.TemporaryDirectory() as data:
        if muted:
            settings = Path(data) / "settings"
            settings.mkdir()
            (settings / "stretch-coach.ini").write_text("[sound]\nmuted=true\n")
        env = dict(
            os.environ,
            COACH_DATA_DIR=data,
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "coach", "play", "bedtime-five"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            time.sleep(SETTLE_S)
            if process.poll() is not None:
                raise RuntimeError(f"the player exited early: {process.stderr.read()[-300:]!r}")
            cpu0, t0 = cpu_seconds(process.pid), time.monotonic()
            rss = []
            while time.monotonic() - t0 < MEASURE_S:
                time.sleep(0.5)
                rss.append(rss_mb(process.pid))
            cpu1, t1 = cpu_seconds(process.pid), time.monotonic()
        finally:
            process.kill()
            process.wait()
    return {"play_cpu_percent": 100 * (cpu1 - cpu0) / (t1 - t0), "play_rss_mb": max(rss)}


if __name__ == "__main__":
    print(run())
