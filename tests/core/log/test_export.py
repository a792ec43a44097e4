"""`coach history` as a table, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import pytest

from coach.cli import main
from coach.core.log.export import csv_columns, csv_row, format_duration, parse_since, write_csv
from coach.core.log.store import SessionLog

TZ = timezone(timedelta(hours=1))


@pytest.fixture
def logged(data_dir):
    """Two finished sessions and one still being played."""
    start = datetime(2024, 4, 2, 9, 15, tzinfo=TZ)
    with SessionLog.open(data_dir) as log:
        first = log.begin_session("desk-break", "Desk break", 3, started=start, pain_before=5)
        for rep in (1, 2, 3):
            log.record_rep(
                first,
                item=0,
                exercise_id="seated-forward-bend",
                side=None,
                set=1,
                rep=rep,
                planned_hold_s=15,
                actual_hold_s=15 if rep < 3 else 6.5,
                skipped=rep == 3,
                at=start + timedelta(minutes=rep),
            )
        log.set_pain(first, after=3)
        log.set_note(first, "tight, then better")
        log.end_session(first, "completed", ended=start + timedelta(minutes=6, seconds=40))
        second = log.begin_session(
            "bedtime-five", "Bedtime five", 10, started=start + timedelta(days=3)
        )
        log.end_session(second, "pain", ended=start + timedelta(days=3, minutes=1))
        live = SessionLog.open(data_dir)
        live.begin_session("desk-break", "Desk break", 3, started=start + timedelta(days=5))
    yield data_dir
    live.close()


def run(capsys, *args):
    code = main(["history", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_plain_text_is_an_aligned_table(logged, capsys):
    code, out, err = run(capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == [
        "Routine",
        "Start",
        "End",
        "Duration",
        "Outcome",
        "Reps",
        "Skipped",
        "Pain",
        "before",
        "Pain",
        "after",
        "Note",
    ]
    assert len(lines) == 4
    assert "Desk break" in lines[1] and "2024-04-02 09:15" in lines[1] and "09:21" in lines[1]
    assert "6:40" in lines[1] and "2/3" in lines[1] and "tight, then better" in lines[1]
    assert "pain" in lines[2] and "in progress" in lines[3]
    # Aligned: every column starts at the same place on every line.
    outcome_at = lines[0].index("Outcome")
    assert {line[outcome_at:].split("  ")[0].strip() for line in lines[1:]} == {
        "completed",
        "pain",
        "in progress",
    }


def test_csv_uses_the_shared_columns(logged, capsys):
    _, out, _ = run(capsys, "--csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == csv_columns()
    first = dict(zip(rows[0], rows[1], strict=False))
    assert first["start"] == "2024-04-02T09:15:00+01:00" and first["duration_s"] == "400"
    assert (first["reps_done"], first["reps_planned"], first["reps_skipped"]) == ("2", "3", "1")
    assert (first["pain_before"], first["pain_after"], first["outcome"]) == ("5", "3", "completed")
    assert rows[3][csv_columns().index("outcome")] == ""  # still being played


def test_json_lists_each_session_with_its_reps(logged, capsys):
    _, out, _ = run(capsys, "--json")
    sessions = json.loads(out)
    assert [s["routine"] for s in sessions] == ["Desk break", "Bedtime five", "Desk break"]
    first = sessions[0]
    assert first["note"] == "tight, then better" and len(first["reps"]) == 3
    assert first["reps"][2] == {
        "item": 0,
        "exercise_id": "seated-forward-bend",
        "side": None,
        "set": 1,
        "rep": 3,
        "planned_hold_s": 15.0,
        "actual_hold_s": 6.5,
        "skipped": True,
        "at": "2024-04-02T09:18:00+01:00",
    }
    assert sessions[2]["outcome"] is None and sessions[2]["end"] is None


def test_since_filters_by_local_date(logged, capsys):
    _, out, _ = run(capsys, "--json", "--since", "2024-04-05")
    assert [s["routine"] for s in json.loads(out)] == ["Bedtime five", "Desk break"]
    _, out, _ = run(capsys, "--since", "2030-01-01")
    assert out.strip() == "No sessions logged since that date."


@pytest.mark.parametrize("bad", ["yesterday", "2024-02-30", "2024-5-1", "20240501"])
def test_a_bad_since_is_one_sentence(bad, capsys):
    code, out, err = run(capsys, "--since", bad)
    assert code == 1 and out == ""
    assert err == (
        f"coach: --since needs a real date written YYYY-MM-DD, such as 2024-05-31, not '{bad}'.\n"
    )


def test_an_empty_log(capsys):
    code, out, _ = run(capsys)
    assert code == 0 and out.strip() == "No sessions logged yet."


def test_a_damaged_log_is_reported_on_stderr(data_dir, capsys):
    (data_dir / "coach.sqlite3").write_bytes(b"garbage" * 500)
    code, _, err = run(capsys)
    assert code == 0 and err.startswith("coach: The session log was damaged, so it was moved to")


def test_csv_helpers_are_usable_on_their_own(logged):
    with SessionLog.open(logged) as log:
        records = log.sessions()
    assert len(csv_row(records[0])) == len(csv_columns())
    buffer = io.StringIO()
    write_csv(records, buffer)
    assert buffer.getvalue().count("\n") == 4


def test_small_helpers():
    assert parse_since(None) is None and str(parse_since(" 2024-01-31 ")) == "2024-01-31"
    assert [format_duration(s) for s in (None, 0, 59.6, 61, 3725)] == [
        "-",
        "0:00",
        "1:00",
        "1:01",
        "1:02:05",
    ]
