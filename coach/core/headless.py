"""Play a routine with no window: the same engine and recorder the player
uses, ticked every ~10 ms. For tests (the kill test runs it in a child
process), demos and checking a routine's timing.

`on_logged(session_id, event)` is called for every event once it is
committed to the log, so a watcher knows what the log must contain.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from coach.core.catalog.loader import Catalog, Routine, load_shipped
from coach.core.log.recorder import SessionRecorder
from coach.core.log.store import SessionLog
from coach.core.session.clock import ScaledClock
from coach.core.session.engine import Session
from coach.core.session.events import Event

LoggedCallback = Callable[[int, Event], None]


def play_headless(
    routine: Routine,
    data_dir: Path,
    time_scale: float = 1.0,
    *,
    catalog: Catalog | None = None,
    tick_s: float = 0.01,
    on_logged: LoggedCallback | None = None,
) -> int:
    """Play `routine` to the end and return its session id. Ctrl-C stops
    the session as 'stopped'; a failing log is raised at the end."""
    catalog = catalog if catalog is not None else load_shipped()
    session = Session(routine, catalog, ScaledClock(time_scale))
    with SessionLog.open(data_dir) as log:
        recorder = SessionRecorder(log)

        def handle(events: list[Event]) -> None:
            written = recorder.handle(events)
            if on_logged is not None and recorder.session_id is not None:
                for event in written:
                    on_logged(recorder.session_id, event)

        handle(session.start())
        try:
            while not session.finished:
                time.sleep(tick_s)
                handle(session.tick())
        except KeyboardInterrupt:
            handle(session.stop())
        if recorder.error is not None:
            raise recorder.error
        assert recorder.session_id is not None
        return recorder.session_id
