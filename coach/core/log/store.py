"""The session log: one SQLite file, `coach.sqlite3`, in the data directory.

Each rep is its own committed statement, so a crash loses at most the rep in
progress. A session whose process died is marked `interrupted` (with every
rep it finished) the next time the log is opened; a session another process
is still playing is left alone (see session_owner). WAL journal with
synchronous=NORMAL: a commit survives the process being killed; a power cut
may lose the last few reps but never corrupts the file.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Self

from coach.core.errors import StoreError
from coach.core.log.liveness import LOCK_DIR, OwnerLock, owner_alive
from coach.core.log.opening import (
    check_marker,
    connect,
    is_damage,
    raise_for_user,
    touch_private,
)
from coach.core.session.clock import local_now
from coach.paths import make_private_dir

DB_NAME = "coach.sqlite3"


@dataclass(frozen=True)
class SessionRecord:
    id: int
    routine_id: str
    routine_name: str
    started: datetime
    ended: datetime | None
    outcome: str | None  # None while the session is being played
    reps_planned: int
    reps_done: int
    reps_skipped: int
    pain_before: int | None
    pain_after: int | None
    note: str
    elapsed_s: float | None = None  # measured on the monotonic clock (schema 4)

    @property
    def duration_s(self) -> float | None:
        """End minus start (both carry their UTC offset, so a daylight-saving
        change is no problem); when the wall clock was stepped back during
        the session, the monotonic measure; never below zero."""
        if self.ended is None:
            return None
        wall = (self.ended - self.started).total_seconds()
        if wall >= 0:
            return wall
        return self.elapsed_s if self.elapsed_s is not None else 0.0


@dataclass(frozen=True)
class RepRecord:
    session_id: int
    item: int
    exercise_id: str
    side: str | None
    set: int
    rep: int
    planned_hold_s: float
    actual_hold_s: float
    skipped: bool
    at: datetime


_SESSIONS = """
    SELECT s.id, s.routine_id, s.routine_name, s.started, s.ended, s.outcome, s.reps_planned,
           (SELECT COUNT(*) FROM reps r WHERE r.session_id = s.id AND r.skipped = 0),
           (SELECT COUNT(*) FROM reps r WHERE r.session_id = s.id AND r.skipped = 1),
           s.pain_before, s.pain_after, s.note, s.elapsed_s
    FROM sessions s WHERE s.started >= ?"""

_REP_UPSERT = """
    INSERT INTO reps (session_id, item, exercise_id, side, set_no, rep_no,
                      planned_hold_s, actual_hold_s, skipped, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (session_id, item, side, set_no, rep_no) DO UPDATE SET
        exercise_id = excluded.exercise_id, planned_hold_s = excluded.planned_hold_s,
        actual_hold_s = excluded.actual_hold_s, skipped = excluded.skipped, at = excluded.at"""


def _stamp(moment: datetime | None) -> str:
    return (moment or local_now()).isoformat(timespec="seconds")


def _check_pain(value: int | None) -> None:
    if value is not None and not 0 <= value <= 10:
        raise ValueError(f"pain is rated 0 to 10, not {value}")


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


class SessionLog:
    """Domain-named access to the log; returns records, never rows."""

    def __init__(self, db: sqlite3.Connection, path: Path, notice: str | None = None) -> None:
        self._db = db
        self.path = path
        self.notice = notice  # one sentence when a damaged file was moved aside
        self._lock_dir = path.parent / LOCK_DIR
        self._owned: dict[int, OwnerLock] = {}
        self._began: dict[int, float] = {}  # monotonic start of the sessions we play

    @classmethod
    def open(cls, data_dir: Path) -> SessionLog:
        path = Path(data_dir) / DB_NAME
        db, notice = connect(path)
        log = cls(db, path, notice)
        try:
            with log._guard():
                make_private_dir(log._lock_dir)
            log.mark_interrupted()
        except BaseException:
            db.close()
            raise
        return log

    # -- writing ------------------------------------------------------------

    def begin_session(
        self,
        routine_id: str,
        routine_name: str,
        reps_planned: int,
        *,
        started: datetime | None = None,
        pain_before: int | None = None,
    ) -> int:
        _check_pain(pain_before)
        with self._guard():
            lock = OwnerLock(self._lock_dir)
            try:
                cursor = self._db.execute(
                    "INSERT INTO sessions (routine_id, routine_name, started, reps_planned,"
                    " pid, owner, pain_before) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        routine_id,
                        routine_name,
                        _stamp(started),
                        reps_planned,
                        os.getpid(),
                        lock.token,
                        pain_before,
                    ),
                )
            except BaseException:
                lock.release()
                raise
        session_id = int(cursor.lastrowid or 0)
        self._owned[session_id] = lock
        self._began[session_id] = time.monotonic()
        return session_id

    def record_rep(
        self,
        session_id: int,
        *,
        item: int,
        exercise_id: str,
        side: str | None,
        set: int,
        rep: int,
        planned_hold_s: float,
        actual_hold_s: float,
        skipped: bool,
        at: datetime | None = None,
    ) -> None:
        """Commit one rep; a rep recorded again (done over) replaces the first."""
        with self._guard():
            self._db.execute(
                _REP_UPSERT,
                (
                    session_id,
                    item,
                    exercise_id,
                    side or "",
                    set,
                    rep,
                    float(planned_hold_s),
                    round(float(actual_hold_s), 3),
                    int(skipped),
                    _stamp(at),
                ),
            )

    def set_pain(
        self, session_id: int, before: int | None = None, after: int | None = None
    ) -> None:
        _check_pain(before)
        _check_pain(after)
        with self._guard():
            self._db.execute(
                "UPDATE sessions SET pain_before = COALESCE(?, pain_before),"
                " pain_after = COALESCE(?, pain_after) WHERE id = ?",
                (before, after, session_id),
            )

    def set_note(self, session_id: int, text: str) -> None:
        with self._guard():
            self._db.execute("UPDATE sessions SET note = ? WHERE id = ?", (text, session_id))

    def end_session(self, session_id: int, outcome: str, ended: datetime | None = None) -> None:
        if outcome not in ("completed", "stopped", "pain", "interrupted"):
            raise ValueError(f"unknown session outcome {outcome!r}")
        began = self._began.pop(session_id, None)
        elapsed = None if began is None else max(0.0, round(time.monotonic() - began, 3))
        with self._guard():
            self._db.execute(
                "UPDATE sessions SET outcome = ?, ended = ?, elapsed_s = ? WHERE id = ?",
                (outcome, _stamp(ended), elapsed, session_id),
            )
        lock = self._owned.pop(session_id, None)
        if lock is not None:
            lock.release()

    def delete_session(self, session_id: int) -> None:
        if session_id in self._owned:
            raise StoreError("A session cannot be deleted while it is being played.")
        with self._guard():
            self._db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def mark_interrupted(self) -> int:
        """Close every session whose process has died as `interrupted`, ending
        it at its last rep; returns how many. Live sessions are left alone."""
        with self._guard():
            rows = self._db.execute(
                "SELECT id, owner, pid FROM sessions WHERE outcome IS NULL"
            ).fetchall()
        closed = 0
        for session_id, owner, pid in rows:
            if session_id in self._owned or owner_alive(self._lock_dir, owner, pid):
                continue
            with self._guard():
                # The last rep by time, not by text: stamps carry their UTC
                # offset, which changes with daylight saving.
                stamps = [
                    datetime.fromisoformat(at)
                    for (at,) in self._db.execute(
                        "SELECT at FROM reps WHERE session_id = ?", (session_id,)
                    )
                ]
                ended = max(stamps).isoformat() if stamps else None
                # `outcome IS NULL` again: the owner may have ended it meanwhile.
                closed += self._db.execute(
                    "UPDATE sessions SET outcome = 'interrupted', ended = COALESCE(?, started)"
                    " WHERE id = ? AND outcome IS NULL",
                    (ended, session_id),
                ).rowcount
        return closed

    # -- reading ------------------------------------------------------------

    def sessions(self, since: date | None = None) -> list[SessionRecord]:
        """Every session started on or after `since` (local date), oldest
        first, with its reps done and skipped counted by SQLite in one query."""
        self.mark_interrupted()
        with self._guard():
            rows = self._db.execute(_SESSIONS, (since.isoformat() if since else "",)).fetchall()
        records = [
            SessionRecord(
                r[0],
                r[1],
                r[2],
                datetime.fromisoformat(r[3]),
                _when(r[4]),
                r[5],
                r[6],
                r[7],
                r[8],
                r[9],
                r[10],
                r[11],
                r[12],
            )
            for r in rows
        ]
        # By time, not text: a session at 02:30+02:00 came before 02:10+01:00.
        records.sort(key=lambda record: (record.started, record.id))
        return records

    def reps(self, session_id: int) -> list[RepRecord]:
        """A session's reps in the order they were first done."""
        with self._guard():
            rows = self._db.execute(
                "SELECT session_id, item, exercise_id, side, set_no, rep_no, planned_hold_s,"
                " actual_hold_s, skipped, at FROM reps WHERE session_id = ? ORDER BY id",
                (session_id,),
            ).fetchall()
        return [
            RepRecord(
                r[0],
                r[1],
                r[2],
                r[3] or None,
                r[4],
                r[5],
                r[6],
                r[7],
                bool(r[8]),
                datetime.fromisoformat(r[9]),
            )
            for r in rows
        ]

    def close(self) -> None:
        for lock in self._owned.values():
            lock.release()  # the rows stay open: next start marks them interrupted
        self._owned.clear()
        self._began.clear()
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            if is_damage(exc):
                with suppress(OSError):
                    touch_private(check_marker(self.path))
            raise_for_user(exc, self.path)
