"""Time that goes forward: ends and order chosen by time, not by comparing
text (wrong across a daylight-saving change), and no negative durations when
the clock is stepped back."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta, timezone

from coach.core.log import migrations
from coach.core.log.store import DB_NAME, SessionLog

SUMMER, WINTER = timezone(timedelta(hours=2)), timezone(timedelta(hours=1))


def rep(log: SessionLog, sid: int, n: int, at: datetime) -> None:
    log.record_rep(
        sid,
        item=0,
        exercise_id="knee-to-chest",
        side="left",
        set=1,
        rep=n,
        planned_hold_s=15,
        actual_hold_s=15,
        skipped=False,
        at=at,
    )


def test_an_interrupted_session_ends_at_its_last_rep_in_time(data_dir):
    """Clocks go back at 03:00 summer time: 02:50+02:00 (00:50 UTC) comes
    before 02:10+01:00 (01:10 UTC), though it sorts after it as text."""
    start = datetime(2024, 10, 27, 2, 40, tzinfo=SUMMER)
    last = datetime(2024, 10, 27, 2, 10, tzinfo=WINTER)
    log = SessionLog.open(data_dir)
    sid = log.begin_session("desk-break", "Desk break", 3, started=start)
    rep(log, sid, 1, datetime(2024, 10, 27, 2, 50, tzinfo=SUMMER))
    rep(log, sid, 2, last)
    log.close()  # the process "dies": the session is left open
    with SessionLog.open(data_dir) as log:
        [record] = log.sessions()
    assert record.outcome == "interrupted"
    assert record.ended == last
    assert record.duration_s == 30 * 60


def test_sessions_come_in_the_order_they_happened(data_dir):
    with SessionLog.open(data_dir) as log:
        later = log.begin_session("b", "B", 1, started=datetime(2024, 10, 27, 2, 10, tzinfo=WINTER))
        earlier = log.begin_session(
            "a", "A", 1, started=datetime(2024, 10, 27, 2, 50, tzinfo=SUMMER)
        )
        for sid in (later, earlier):
            log.end_session(sid, "completed")
        assert [r.id for r in log.sessions()] == [earlier, later]


def test_a_clock_stepped_back_never_gives_a_negative_duration(data_dir):
    start = datetime(2024, 5, 1, 9, 0, tzinfo=SUMMER)
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("r", "R", 1, started=start)
        log.end_session(sid, "completed", ended=start - timedelta(hours=1))  # NTP stepped back
        [record] = log.sessions()
    assert record.duration_s is not None and 0 <= record.duration_s < 60
    with closing(sqlite3.connect(data_dir / DB_NAME)) as db:
        [(elapsed,)] = db.execute("SELECT elapsed_s FROM sessions").fetchall()
    assert elapsed is not None and elapsed >= 0  # measured on the monotonic clock
    assert record.duration_s == elapsed


def test_the_monotonic_measure_is_a_schema_step(data_dir):
    SessionLog.open(data_dir).close()
    with closing(sqlite3.connect(data_dir / DB_NAME)) as db:
        assert migrations.user_version(db) == migrations.LATEST >= 4
        columns = [row[1] for row in db.execute("PRAGMA table_info(sessions)")]
    assert "elapsed_s" in columns
