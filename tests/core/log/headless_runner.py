"""Plays a routine with no window and says what the log holds: `session ID`
once the session is begun, then one line per rep *after* the rep is
committed. The kill test runs it in a child process; by hand:

    python -m tests.core.log.headless_runner desk-break --time-scale 60
"""

from __future__ import annotations

import argparse
import sys
from typing import IO

from coach.core.catalog.loader import load_shipped
from coach.core.errors import CoachError
from coach.core.headless import LoggedCallback, play_headless
from coach.core.session.events import Event, RepCompleted, SessionStarted
from coach.paths import data_dir


def echo(out: IO[str]) -> LoggedCallback:
    def say(session_id: int, event: Event) -> None:
        if isinstance(event, SessionStarted):
            print(f"session {session_id}", file=out, flush=True)
        elif isinstance(event, RepCompleted):
            state = "skipped" if event.skipped else "done"
            side = event.side or "-"
            print(f"rep {event.item} {side} {event.set} {event.rep} {state}", file=out, flush=True)

    return say


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.core.log.headless_runner",
        description="Play a routine without a window.",
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
            on_logged=echo(sys.stdout),
        )
    except CoachError as exc:
        print(f"coach: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
