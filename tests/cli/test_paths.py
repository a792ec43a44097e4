"""Where things live: settings follow the data folder given on the command
line, and folders we create are private whatever the umask."""

from __future__ import annotations

import os
import stat

from coach import paths


def test_settings_follow_the_data_dir_option(tmp_path, data_dir):
    assert paths.config_dir(tmp_path / "other") == tmp_path / "other" / "settings"
    assert paths.config_dir() == data_dir / "settings"  # COACH_DATA_DIR, as before


def test_a_created_folder_is_private_under_umask_022(tmp_path):
    old = os.umask(0o022)
    try:
        paths.make_private_dir(tmp_path / "a" / "b")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700


def test_crash_reports_stay_with_a_chosen_data_dir(tmp_path):
    assert paths.state_dir(tmp_path) == tmp_path
