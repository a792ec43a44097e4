"""Play a routine with no window: the same engine and recorder the player
uses, ticked every ~10 ms. For tests (the kill test runs it in a child
process), demos and checking a routine's timing from a terminal:

    python -m coach.core.headless desk-break --time-scale 60

With `out`, it prints `session ID` once and then one line per rep *after*
the rep is committed, so a watcher knows what the log must contain.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import IO

from coach.core.catalog.loader import Catalog, Routine, load_shipped
from coach.core.log.recorder import SessionRecorder
from coach.core.log.store import SessionLog
from coach.core.session.clock import ScaledClock
from coach.core.session.engine import Session
from coach.core.session.events import RepCompleted


def play_headless(
    routine: Routine,
    data_dir: Path,
    time_scale: float = 1.0,
    *,
    catalog: Catalog | None = None,
    tick_s: float = 0.01,
    out: IO[str] | None = None,
) -> int:
    """Play `routine` to the end and return its session id. Ctrl-C stops
    the session as 'stopped'; a failing log is raised at the end."""
    catalog = catalog if catalog is not None else load_shipped()
    session = Session(routine, catalog, ScaledClock(time_scale))
    with SessionLog.open(data_dir) as log:
        recorder = SessionRecorder(
            log, routine, on_rep=(lambda rep: _echo(out, rep)) if out else None
        )
        recorder.handle(session.start())
        if out is not None:
            print(f"session {recorder.session_id}", file=out, flush=True)
        try:
            while not session.finished:
                time.sleep(tick_s)
                recorder.handle(session.tick())
        except KeyboardInterrupt:
            recorder.handle(session.stop())
        if recorder.error is not None:
            raise recorder.error
        assert recorder.session_id is not None
        return recorder.session_id


def _echo(out: IO[str] | None, rep: RepCompleted) -> None:
    if out is not None:
        state = "skipped" if rep.skipped else "done"
        print(f"rep {rep.item} {rep.side or '-'} {rep.set} {rep.rep} {state}", file=out, flush=True)


def main(argv: list[str] | None = None) -> int:
    from coach.core.errors import CoachError
    from coach.paths import data_dir

    parser = argparse.ArgumentParser(
        prog="python -m coach.core.headless", description="Play a routine without a window."
    )
    parser.add_argument("routine")
    parser.add_argument("--time-scale", type=float, default=1.0)
    parser.add_argument("--data-dir")
    args = parser.parse_args(argv)
    try:
        catalog = load_shipped()
        play_headless(
            catalog.routine(args.routine),
            data_dir(args.data_dir),
            args.time_scale,
            catalog=catalog,
            out=sys.stdout,
        )
    except CoachError as exc:
        print(f"coach: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
