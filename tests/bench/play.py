"""The player while it plays desk-break, in a real window on a virtual screen.

Starts Xvfb (a real X server, no monitor), then for each run a process that
runs `coach play desk-break` exactly as the command line does (xcb, real
time), with tones and voice on, and measures its CPU time (all threads)
over:

- play_cpu_hold_percent: the first hold (10 s, the routine's shortest),
  from 0.5 s after it starts to 0.5 s before it ends;
- play_cpu_walk_percent: the first walk (15 s), the same way;
- play_cpu_leadin_percent: the lead-in of the second exercise (5 s; reached
  by skipping the bends' remaining reps), 0.8 s to 4.6 s into it. The first
  lead-in is not used: it holds the process's start-up.

play_rss_mb is the largest resident memory seen in the run (tones and voice
loaded by then: the first tone and the first phrase are long past);
play_rss_muted_mb the same with tones and voice off in the settings (neither
QtMultimedia nor QtTextToSpeech loads). Figures are medians over the runs
(3, or 1 with --quick); `*_spread` is max - min over them. The voice speaks
where speech-dispatcher works (CI starts one); `play_voice_on` says whether it did.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.procstat import cpu_seconds, median, rss_mb

ROOT = Path(__file__).resolve().parents[2]
MARK = "PLAY-JSON "
HOLD_WINDOW = (0.5, 9.0)  # start after the phase starts, length (s)
WALK_WINDOW = (0.5, 14.0)
LEADIN_WINDOW = (0.8, 3.8)


def run(quick: bool = False) -> dict[str, float]:
    runs = 1 if quick else 3
    with xvfb() as display:
        loud = [_child(display, muted=False) for _ in range(runs)]
        muted = [_child(display, muted=True, only_hold=quick) for _ in range(runs)]
    figures: dict[str, float] = {}
    for key in ("play_cpu_hold_percent", "play_cpu_walk_percent", "play_cpu_leadin_percent"):
        _put(figures, key, [r[key] for r in loud])
    _put(figures, "play_rss_mb", [r["rss_mb"] for r in loud])
    _put(figures, "play_rss_muted_mb", [r["rss_mb"] for r in muted])
    figures["play_cpu_percent"] = max(
        figures["play_cpu_hold_percent"], figures["play_cpu_leadin_percent"]
    )
    figures["play_voice_on"] = float(all(r["voice"] for r in loud))
    figures["play_tones_on"] = float(all(r["tones"] for r in loud))
    figures["play_runs"] = float(runs)
    return figures


def _put(figures: dict[str, float], key: str, values: list[float]) -> None:
    figures[key] = median(values)
    figures[f"{key}_spread"] = max(values) - min(values)


class xvfb:  # a context manager, used like a function
    """A private Xvfb for the runs; yields its DISPLAY."""

    def __enter__(self) -> str:
        if shutil.which("Xvfb") is None:
            raise RuntimeError("Xvfb is not installed (apt-get install xvfb xauth)")
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        return f":{number}"

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(10)


def _child(display: str, *, muted: bool, only_hold: bool = False) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as data:
        if muted:
            settings = Path(data) / "settings"
            settings.mkdir()
            (settings / "stretch-coach.ini").write_text("[sound]\nmuted=true\nvoice_muted=true\n")
        env = dict(os.environ, COACH_DATA_DIR=data, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        args = ["--only-hold"] if only_hold else []
        done = subprocess.run(
            [sys.executable, "-m", "tests.bench.play", "--child", *args],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the player run failed: {done.stderr[-400:]!r}")
    return json.loads(lines[-1][len(MARK) :])


def child(only_hold: bool) -> None:
    """In the playing process: the app exactly as `coach play desk-break`
    runs it, with timers that read this process's CPU time at set moments."""
    from PySide6.QtCore import QTimer

    from coach.core.session.events import Phase, PhaseStarted
    from coach.ui.app import make_qapp, run_app

    qapp = make_qapp()
    out: dict[str, float] = {}
    seen: set[str] = set()
    rss: list[float] = []
    keep: list[object] = []

    def window(name: str, delay: float, length: float, then=None) -> None:  # type: ignore[no-untyped-def]
        def begin() -> None:
            rss.append(rss_mb())
            start = (cpu_seconds(), time.monotonic())

            def end() -> None:
                cpu, now = cpu_seconds(), time.monotonic()
                out[f"play_cpu_{name}_percent"] = 100 * (cpu - start[0]) / (now - start[1])
                rss.append(rss_mb())
                if then is not None:
                    then()

            QTimer.singleShot(round(length * 1000), end)

        QTimer.singleShot(round(delay * 1000), begin)

    def finish() -> None:
        player = _player()
        voice = getattr(player, "voice", None)
        out["rss_mb"] = max(rss)
        out["voice"] = float(bool(voice is not None and voice.loaded and voice.available))
        tones = _tones(player)
        out["tones"] = float(bool(tones is not None and tones.loaded and tones.available))
        print(MARK + json.dumps(out), flush=True)
        qapp.exit(0)

    def to_next_leadin() -> None:
        driver = _player().driver
        while not driver.state.finished and not (
            driver.state.phase == Phase.LEAD_IN and driver.state.exercise_index == 1
        ):
            driver.skip()

    def on_event(event: object) -> None:
        if not isinstance(event, PhaseStarted):
            return
        state = _player().driver.state
        if event.phase == Phase.HOLD and "hold" not in seen:
            seen.add("hold")
            window("hold", *HOLD_WINDOW, then=finish if only_hold else None)
        elif event.phase == Phase.WALK and "walk" not in seen and not only_hold:
            seen.add("walk")
            window("walk", *WALK_WINDOW, then=lambda: QTimer.singleShot(0, to_next_leadin))
        elif event.phase == Phase.LEAD_IN and state.exercise_index == 1 and "leadin" not in seen:
            seen.add("leadin")
            window("leadin", *LEADIN_WINDOW, then=finish)

    def hook() -> None:
        player = _player()
        keep.append(player)
        player.driver.happened.connect(on_event)

    QTimer.singleShot(0, hook)
    run_app(None, "desk-break")


def _player():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "PlayerWindow":
            return widget
    raise RuntimeError("no player window")


def _tones(player):  # type: ignore[no-untyped-def]
    cues = getattr(player, "_cues", None)
    return getattr(cues, "_tones", None)


if __name__ == "__main__":
    if "--child" in sys.argv:
        child(only_hold="--only-hold" in sys.argv)
    else:
        print(run(quick="--quick" in sys.argv))
