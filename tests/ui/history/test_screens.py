"""Screenshots of History in light and dark: with months of sessions
(Progress and Sessions tabs) and empty. Each test checks the one thing its
picture is for, then saves it to look at."""

from __future__ import annotations

import pytest

from coach.core.log.store import SessionLog
from coach.ui.history.window import HistoryWindow
from tests.core.log import history_sample
from tests.core.log.history_sample import TODAY


@pytest.fixture
def history(qtbot, data_dir):  # type: ignore[no-untyped-def]
    logs = []

    def open_window(fill: bool) -> HistoryWindow:
        log = SessionLog.open(data_dir)
        logs.append(log)
        if fill:
            history_sample.fill(log, days=120, today=TODAY)
        window = HistoryWindow(log, today=TODAY)
        qtbot.addWidget(window)
        window.resize(1180, 780)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield open_window
    for log in logs:
        log.close()


def test_history_progress(history, theme, shoot):  # type: ignore[no-untyped-def]
    window = history(True)
    assert window.tabs.currentWidget() is window.progress_page
    assert window.progress_page.pain.bands, "the goal bands are in the 90 days shown"
    shoot(window, f"history-progress-{theme}")


def test_history_sessions(history, theme, shoot):  # type: ignore[no-untyped-def]
    window = history(True)
    window.tabs.setCurrentIndex(1)
    record = next(r for r in reversed(window.records) if r.reps_skipped and r.note)
    window.select(record.id)
    assert window.detail.reps.rowCount() == record.reps_done + record.reps_skipped
    shoot(window, f"history-sessions-{theme}")


def test_history_empty(history, theme, shoot):  # type: ignore[no-untyped-def]
    window = history(False)
    assert window.stack.currentWidget() is window.empty
    shoot(window, f"history-empty-{theme}")
