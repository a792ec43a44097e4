"""Fixtures shared by the History tests: a log with 120 days of generated
sessions ending on history_sample.TODAY, and the window over it."""

from __future__ import annotations

import pytest

from coach.core.store import SessionLog
from coach.ui.history_view import HistoryWindow
from tests.core import history_sample
from tests.core.history_sample import TODAY


@pytest.fixture
def log(data_dir):  # type: ignore[no-untyped-def]
    with SessionLog.open(data_dir) as log:
        history_sample.fill(log, days=120, today=TODAY)
        yield log


@pytest.fixture
def window(qtbot, log):  # type: ignore[no-untyped-def]
    window = HistoryWindow(log, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
