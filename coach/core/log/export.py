"""`coach history`: the session log as an aligned table, CSV or JSON.

`csv_columns()` / `csv_row()` / `write_csv()` are also what the History
window's "Export CSV" uses, so both exports are the same file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO, Any

from coach.core.errors import CoachError
from coach.core.log.store import RepRecord, SessionLog, SessionRecord

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_since(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        if _DATE.fullmatch(text.strip()):
            return date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise CoachError(
        f"--since needs a real date written YYYY-MM-DD, such as 2024-05-31, not '{text}'."
    )


def csv_columns() -> list[str]:
    return [
        "session",
        "routine_id",
        "routine",
        "start",
        "end",
        "duration_s",
        "outcome",
        "reps_done",
        "reps_planned",
        "reps_skipped",
        "pain_before",
        "pain_after",
        "note",
    ]


def csv_row(record: SessionRecord) -> list[Any]:
    """One session as values in `csv_columns()` order (None for unknown)."""
    duration = record.duration_s
    return [
        record.id,
        record.routine_id,
        record.routine_name,
        record.started.isoformat(),
        record.ended.isoformat() if record.ended else None,
        None if duration is None else round(duration),
        record.outcome,
        record.reps_done,
        record.reps_planned,
        record.reps_skipped,
        record.pain_before,
        record.pain_after,
        record.note,
    ]


# A spreadsheet reads a cell starting with one of these as a formula (or,
# for tab and carriage return, may drop them and then read the rest as one).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """OWASP's advice for CSV injection: text that a spreadsheet would run as
    a formula gets a leading single quote, so it shows as the text it is.
    Numbers are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def write_csv(records: Iterable[SessionRecord], handle: IO[str]) -> None:
    """One line per session, ending in LF. A cell holding a line break or a
    lone carriage return is quoted: the csv module quotes only the characters
    of its line terminator, so rows are written with CRLF (quoting both) and
    the terminator is then turned back into LF."""
    row = io.StringIO()
    writer = csv.writer(row, lineterminator="\r\n")
    for values in [csv_columns(), *(map(safe_cell, csv_row(r)) for r in records)]:
        writer.writerow(values)
        handle.write(row.getvalue()[:-2] + "\n")
        row.seek(0)
        row.truncate()


def session_as_dict(record: SessionRecord, reps: list[RepRecord]) -> dict[str, Any]:
    data = dict(zip(csv_columns(), csv_row(record), strict=True))
    data["reps"] = [
        {
            "item": rep.item,
            "exercise_id": rep.exercise_id,
            "side": rep.side,
            "set": rep.set,
            "rep": rep.rep,
            "planned_hold_s": rep.planned_hold_s,
            "actual_hold_s": rep.actual_hold_s,
            "skipped": rep.skipped,
            "at": rep.at.isoformat(),
        }
        for rep in reps
    ]
    return data


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, secs = divmod(max(0, round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def history_table(records: list[SessionRecord]) -> str:
    header = (
        "Routine",
        "Start",
        "End",
        "Duration",
        "Outcome",
        "Reps",
        "Skipped",
        "Pain before",
        "Pain after",
        "Note",
    )
    rows = [header]
    for r in records:
        same_day = r.ended is not None and r.ended.date() == r.started.date()
        end = (
            "-" if r.ended is None else r.ended.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M")
        )
        rows.append(
            (
                r.routine_name,
                r.started.strftime("%Y-%m-%d %H:%M"),
                end,
                format_duration(r.duration_s),
                r.outcome or "in progress",
                f"{r.reps_done}/{r.reps_planned}",
                str(r.reps_skipped),
                _pain(r.pain_before),
                _pain(r.pain_after),
                r.note.replace("\n", " "),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    right = {3, 5, 6, 7, 8}  # numbers line up on the right
    lines = []
    for row in rows:
        cells = [
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=False))
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def _pain(value: int | None) -> str:
    return "-" if value is None else str(value)


def history_output(
    data_dir: Path | None, *, form: str = "text", since: str | None = None
) -> tuple[str, str | None]:
    """`coach history`: the log since `since` (YYYY-MM-DD) as text, "json" or
    "csv", and the notice from opening the log (a damaged file set aside, ...)
    for the caller to show apart from the output, or None."""
    from coach.paths import data_dir as resolve_data_dir

    start = parse_since(since)
    out = io.StringIO()
    with SessionLog.open(resolve_data_dir(data_dir)) as log:
        records = log.sessions(start)
        if form == "json":
            data = [session_as_dict(r, log.reps(r.id)) for r in records]
            out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        elif form == "csv":
            write_csv(records, out)
        elif records:
            out.write(history_table(records) + "\n")
        else:
            out.write(
                "No sessions logged since that date.\n" if start else "No sessions logged yet.\n"
            )
        notice = log.notice
    return out.getvalue(), notice
