"""The History window over a few months of generated sessions: the table,
a session's detail, notes, deleting, filters and the CSV export."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from coach.core.log.export import history_output
from coach.core.log.store import SessionLog
from coach.ui.history.window import HistoryWindow
from tests.core.log import history_sample
from tests.core.log.history_sample import TODAY


def cells(window, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_the_table_shows_every_session_newest_first(window, log):  # type: ignore[no-untyped-def]
    records = log.sessions()
    model = window.model
    assert model.rowCount() == len(records) > 80
    assert [model.record(r).id for r in range(model.rowCount())] == [
        r.id for r in reversed(records)
    ]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)] == [
        "Date and time",
        "Routine",
        "Duration",
        "Outcome",
        "Reps",
        "Skipped",
        "Pain",
        "Note",
    ]
    outcomes = {cells(window, r)[3] for r in range(model.rowCount())}
    assert outcomes == {"Completed", "Stopped", "Interrupted", "Stopped for pain"}
    rated = next(r for r in reversed(records) if r.pain_before is not None and r.note)
    row = model.row_of(rated.id)
    assert cells(window, row) == [
        rated.started.strftime("%Y-%m-%d  %H:%M"),
        rated.routine_name,
        f"{int(rated.duration_s) // 60}:{int(rated.duration_s) % 60:02d}",
        {
            "completed": "Completed",
            "stopped": "Stopped",
            "interrupted": "Interrupted",
            "pain": "Stopped for pain",
        }[rated.outcome],
        f"{rated.reps_done} / {rated.reps_planned}",
        str(rated.reps_skipped),
        f"{rated.pain_before} → {rated.pain_after}",
        rated.note,
    ]
    unrated = model.row_of(next(r for r in records if r.pain_before is None).id)
    assert cells(window, unrated)[6] == ""
    assert window.filters.count.text() == f"{len(records)} of {len(records)} sessions"


def test_columns_sort_both_ways(window):  # type: ignore[no-untyped-def]
    model = window.model
    window.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # duration
    durations = [model.record(r).duration_s for r in range(model.rowCount())]
    assert durations == sorted(durations)
    window.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # skipped
    skipped = [model.record(r).reps_skipped for r in range(model.rowCount())]
    assert skipped == sorted(skipped, reverse=True) and skipped[0] > 0
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    starts = [model.record(r).started for r in range(model.rowCount())]
    assert starts == sorted(starts)


def test_filters_by_dates_and_routine(window, log):  # type: ignore[no-untyped-def]
    records = log.sessions()
    window.filters.first.setDate(QDate(2024, 6, 1))
    window.filters.last.setDate(QDate(2024, 6, 15))
    june = [r for r in records if "2024-06-01" <= r.started.date().isoformat() <= "2024-06-15"]
    assert window.model.rowCount() == len(june)
    window.filters.routine.setCurrentIndex(window.filters.routine.findData("desk-break"))
    shown = window.model.visible()
    assert shown and all(r.routine_id == "desk-break" for r in shown)
    assert len(shown) == sum(1 for r in june if r.routine_id == "desk-break")
    assert window.filters.count.text() == f"{len(shown)} of {len(records)} sessions"
    window.filters.show_all()
    assert window.model.rowCount() == len(records)


def test_a_session_shows_its_reps_with_planned_and_actual_holds(window, log):  # type: ignore[no-untyped-def]
    record = next(r for r in log.sessions() if r.reps_skipped)
    window.tabs.setCurrentIndex(1)
    window.select(record.id)
    detail = window.detail
    assert detail.session == record
    reps = log.reps(record.id)
    rows = [
        [detail.reps.data(detail.reps.index(r, c)) for c in range(6)]
        for r in range(detail.reps.rowCount())
    ]
    assert len(rows) == len(reps) == record.reps_done + record.reps_skipped
    assert rows[0] == ["Knees to chest", "", "1", "1", "30 s", "29.5 s"]
    assert ["Knees to chest", "", "1", "3", "30 s", "skipped"] in rows
    assert record.routine_name in detail.title.text()


def test_a_note_is_edited_and_kept(window, log):  # type: ignore[no-untyped-def]
    record = log.sessions()[10]
    window.select(record.id)
    assert not window.detail.save_button.isEnabled()
    window.detail.note.setPlainText("Hamstrings tight after the long drive.")
    assert window.detail.save_button.isEnabled()
    window.detail.save_button.click()
    assert next(r for r in log.sessions() if r.id == record.id).note == (
        "Hamstrings tight after the long drive."
    )
    row = window.model.row_of(record.id)
    assert cells(window, row)[7] == "Hamstrings tight after the long drive."
    assert window.detail.session.id == record.id, "the edited session stays selected"


def test_a_session_is_deleted_only_after_confirming(window, log, monkeypatch):  # type: ignore[no-untyped-def]
    record = log.sessions()[5]
    before = len(log.sessions())
    window.select(record.id)
    answers = []

    def answer(choice):  # type: ignore[no-untyped-def]
        def ask(*args, **kwargs):  # type: ignore[no-untyped-def]
            answers.append(args[2])
            return choice

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    window.detail.delete_button.click()
    assert len(log.sessions()) == before and window.model.row_of(record.id) is not None
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.detail.delete_button.click()
    assert record.id not in {r.id for r in log.sessions()}
    assert window.model.rowCount() == before - 1 and window.model.row_of(record.id) is None
    assert window.detail.session is None
    assert "cannot be undone" in answers[0]


def test_csv_export_is_what_coach_history_csv_prints(window, data_dir, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "history.csv"
    assert window.export_csv(path) == window.model.rowCount()
    printed, _notice = history_output(data_dir, form="csv")
    assert path.read_text(encoding="utf-8") == printed
    assert printed.splitlines()[0].startswith("session,routine_id,routine,start,end")
    window.filters.routine.setCurrentIndex(window.filters.routine.findData("bedtime-five"))
    count = window.export_csv(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert count == len(lines) - 1 == window.model.rowCount()
    assert all(",bedtime-five," in line for line in lines[1:])


def test_an_empty_history_says_how_to_start(qtbot, data_dir):  # type: ignore[no-untyped-def]
    with SessionLog.open(data_dir) as log:
        window = HistoryWindow(log, today=TODAY)
        qtbot.addWidget(window)
        window.show()
        assert window.stack.currentWidget() is window.empty
        assert window.progress_page is None, "no charts for an empty log"
        texts = " ".join(label.text() for label in window.empty.findChildren(QLabel))
        assert "No sessions yet" in texts and "<b>Start</b>" in texts


def test_opening_history_code_does_not_import_pyqtgraph_until_there_is_data():
    script = "import sys, coach.ui.history.window, coach.ui.app; print('pyqtgraph' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_session_played_while_history_is_open_shows_up(window, log):  # type: ignore[no-untyped-def]
    assert not window.refresh_if_changed(), "nothing new: no reload"
    count = window.model.rowCount()
    started = datetime(2024, 6, 30, 22, 0, tzinfo=history_sample.TZ)
    session_id = log.begin_session("desk-break", "Desk break", 6, started=started)
    log.end_session(session_id, "stopped", ended=started + timedelta(minutes=2))
    assert window.refresh_if_changed()
    assert window.model.rowCount() == count + 1 and window.model.record(0).id == session_id
    assert window.progress_page.progress.total_sessions == count + 1


def test_the_chosen_filter_survives_a_reload(window):  # type: ignore[no-untyped-def]
    window.filters.routine.setCurrentIndex(window.filters.routine.findData("desk-break"))
    window.filters.first.setDate(QDate(2024, 5, 1))
    shown = window.model.rowCount()
    window.select(window.model.record(0).id)
    window.detail.note.setPlainText("kept")
    window.detail.save_button.click()
    assert window.filters.routine.currentData() == "desk-break"
    assert window.filters.first.date() == QDate(2024, 5, 1)
    assert window.model.rowCount() == shown and window.model.record(0).note == "kept"
