"""Shared test set-up: Qt offscreen, and a temporary data directory for every
test so that no test ever reads or writes the real user's data."""

from __future__ import annotations

import os

# pytest-qt has no ini option for the platform; without a display and without
# this, Qt aborts the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own data directory (COACH_DATA_DIR)."""
    path = tmp_path / "coach-data"
    path.mkdir()
    monkeypatch.setenv("COACH_DATA_DIR", str(path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    return path


@pytest.fixture
def umask_022():
    """The usual umask (group and others may read new files), put back after."""
    old = os.umask(0o022)
    yield
    os.umask(old)
