"""The session log's schema, built and upgraded step by step.

`PRAGMA user_version` is the schema version. `STEPS[n]` brings a database
from version n to n + 1; `upgrade()` runs the missing steps in order inside
one exclusive transaction, so a failed upgrade leaves the file as it was (the
habit of calibre's `schema_upgrades.py`). A released step is never edited:
a change is a new step, plus a fixture of the old version under
tests/core/fixtures/db/.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


class NewerSchema(Exception):
    """The file was written by a newer Stretch Coach."""

    def __init__(self, version: int) -> None:
        super().__init__(f"schema version {version} is newer than {len(STEPS)}")
        self.version = version


def _to_v1(db: sqlite3.Connection) -> None:
    """First release: sessions and their reps. Liveness was a bare pid."""
    db.execute("""
        CREATE TABLE sessions (
            id            INTEGER PRIMARY KEY,
            routine_id    TEXT NOT NULL,
            routine_name  TEXT NOT NULL,
            started       TEXT NOT NULL,  -- local ISO-8601 with offset
            ended         TEXT,
            outcome       TEXT CHECK (outcome IN ('completed', 'stopped', 'pain', 'interrupted')),
            reps_planned  INTEGER NOT NULL,
            pid           INTEGER          -- NULL outcome + pid: being played (or died)
        )""")
    db.execute("""
        CREATE TABLE reps (
            id              INTEGER PRIMARY KEY,
            session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            item            INTEGER NOT NULL,           -- place of the exercise in the routine
            exercise_id     TEXT NOT NULL,
            side            TEXT NOT NULL DEFAULT '',   -- 'left', 'right' or '' (no side)
            set_no          INTEGER NOT NULL,
            rep_no          INTEGER NOT NULL,
            planned_hold_s  REAL NOT NULL,
            actual_hold_s   REAL NOT NULL,
            skipped         INTEGER NOT NULL DEFAULT 0,
            at              TEXT NOT NULL
        )""")


def _to_v2(db: sqlite3.Connection) -> None:
    """Pain before and after (0-10) and a free note per session."""
    for column in ("pain_before", "pain_after"):
        db.execute(
            f"ALTER TABLE sessions ADD COLUMN {column} INTEGER CHECK ({column} BETWEEN 0 AND 10)"
        )
    db.execute("ALTER TABLE sessions ADD COLUMN note TEXT NOT NULL DEFAULT ''")


def _to_v3(db: sqlite3.Connection) -> None:
    """A lock-file owner instead of trusting a pid (pids are reused), a redone
    rep replaces its earlier record, and the indexes History needs."""
    db.execute("ALTER TABLE sessions ADD COLUMN owner TEXT")
    # v1/v2 appended a second row when a rep was redone; keep the later one.
    db.execute("""
        DELETE FROM reps WHERE id NOT IN (
            SELECT MAX(id) FROM reps GROUP BY session_id, item, side, set_no, rep_no)""")
    db.execute("CREATE UNIQUE INDEX reps_key ON reps (session_id, item, side, set_no, rep_no)")
    # Covers the per-session done/skipped counts without touching the table.
    db.execute("CREATE INDEX reps_by_session ON reps (session_id, skipped)")
    db.execute("CREATE INDEX sessions_by_start ON sessions (started)")
    db.execute("CREATE INDEX sessions_open ON sessions (outcome) WHERE outcome IS NULL")


def _to_v4(db: sqlite3.Connection) -> None:
    """How long a session really lasted, measured on the monotonic clock by
    the process that played it: wall-clock start and end can be stepped back
    (NTP, a manual change) and would give a negative duration. NULL for
    sessions from before, and for interrupted ones (no one measured them)."""
    db.execute("ALTER TABLE sessions ADD COLUMN elapsed_s REAL CHECK (elapsed_s >= 0)")


STEPS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2, _to_v3, _to_v4)
LATEST = len(STEPS)


def user_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def upgrade(db: sqlite3.Connection, target: int | None = None) -> int:
    """Bring `db` (opened with isolation_level=None) to `target` (default: the
    latest); returns the version it had. Raises NewerSchema, touching
    nothing, for a newer file."""
    steps = STEPS
    target = len(steps) if target is None else target
    version = user_version(db)
    if version > len(steps):
        raise NewerSchema(version)
    if version >= target:
        return version
    db.execute("BEGIN EXCLUSIVE")
    try:
        # Read again under the lock: another process may have upgraded the
        # file between our first look and getting the lock.
        version = user_version(db)
        if version < target:
            for step in steps[version:target]:
                step(db)
            db.execute(f"PRAGMA user_version = {int(target)}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return version
