"""A few months of generated sessions written through the SessionLog API,
shared by the stats and History window tests."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

from coach.core.log.store import SessionLog

TODAY = date(2024, 6, 30)  # a Sunday
TZ = timezone(timedelta(hours=2))
PAIN_DAYS = 75
ROUTINES = (
    ("desk-break", "Desk break"),
    ("bedtime-five", "Bedtime five"),
    ("morning-and-night", "Morning and night"),
)


def fill(log: SessionLog, *, days: int = 120, today: date = TODAY, seed: int = 1) -> list[int]:
    """Sessions on most of the `days` days up to `today`: mostly completed,
    some stopped, some interrupted, a few ended for pain. Pain is rated on
    most sessions of the last `PAIN_DAYS` days, starting near 8 and falling
    over about two months. Returns the session ids in order."""
    rng = random.Random(seed)
    ids = []
    for offset in range(days - 1, -1, -1):
        day = today - timedelta(days=offset)
        if rng.random() < 0.2:
            continue  # a day off
        for _ in range(rng.choice((1, 1, 1, 2))):
            pain = None
            if offset < PAIN_DAYS and rng.random() < 0.7:
                since_first = PAIN_DAYS - offset
                pain = max(0, min(10, round(8.4 * (1 - since_first / 60)) + rng.randint(-1, 1)))
            ids.append(_one_session(log, rng, day, len(ids), pain))
    return ids


def _one_session(log: SessionLog, rng: random.Random, day: date, n: int, pain: int | None) -> int:
    routine_id, name = ROUTINES[n % len(ROUTINES)]
    start = datetime(
        day.year, day.month, day.day, rng.randint(7, 21), rng.randint(0, 59), tzinfo=TZ
    )
    planned = 6
    outcome = rng.choices(("completed", "stopped", "interrupted", "pain"), (70, 15, 10, 5))[0]
    done = planned if outcome == "completed" else rng.randint(0, planned - 1)
    session_id = log.begin_session(routine_id, name, planned, started=start)
    at = start
    for k in range(done):
        at += timedelta(seconds=40)
        skipped = k == 2 and rng.random() < 0.3
        log.record_rep(
            session_id,
            item=k // 3,
            exercise_id=("knees-to-chest", "bridge")[k // 3],
            side=None,
            set=1,
            rep=k % 3 + 1,
            planned_hold_s=30.0,
            actual_hold_s=0.0 if skipped else 29.5,
            skipped=skipped,
            at=at,
        )
    if pain is not None:
        log.set_pain(session_id, before=pain, after=max(0, pain - rng.randint(0, 2)))
    if rng.random() < 0.1:
        log.set_note(session_id, f"note {n}")
    log.end_session(session_id, outcome, ended=at + timedelta(seconds=20))
    return session_id
