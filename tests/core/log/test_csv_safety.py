"""CSV export is safe to open in a spreadsheet: no cell is run as a formula,
and a line break or carriage return in a note stays inside its row."""

from __future__ import annotations

import csv
import io

import pytest

from coach.core.log.export import csv_columns, write_csv
from coach.core.log.store import SessionLog

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "first line\nsecond line",
    "before\rafter",
    'a "quoted" word, and a comma',
    "plain note",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def exported(data_dir) -> str:
    with SessionLog.open(data_dir) as log:
        for note in HOSTILE:
            sid = log.begin_session("desk-break", note, 1)
            log.set_note(sid, note)
            log.end_session(sid, "completed")
        records = log.sessions()
    buffer = io.StringIO()
    write_csv(records, buffer)
    return buffer.getvalue()


def test_the_export_reads_back_row_for_row(exported):
    rows = list(csv.reader(io.StringIO(exported, newline="")))
    assert rows[0] == csv_columns()
    assert len(rows) == 1 + len(HOSTILE)  # no note split a row
    note = csv_columns().index("note")
    for row, original in zip(rows[1:], HOSTILE, strict=True):
        assert len(row) == len(csv_columns())
        shown = row[note]
        expected = "'" + original if original.startswith(FORMULA_STARTS) else original
        assert shown == expected


def test_no_cell_starts_like_a_formula(exported):
    """What a spreadsheet does: split the file into lines the way it would
    (CR, LF or CRLF outside quotes) and look at the first character of each
    cell."""
    rows = list(csv.reader(io.StringIO(exported, newline="")))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell
    # Every line break sits inside quotes: outside them the file has
    # exactly one line per row.
    outside, quoted = [], False
    for char in exported:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(char)
    assert "".join(outside).count("\n") == 1 + len(HOSTILE)
    assert "\r" not in "".join(outside)
