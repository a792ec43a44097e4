"""Settings follow --data-dir (issue 13, item 9), are private (item 4) and are
written whole or not at all (item 5): the folder is 0700 and the file 0600
whatever the umask, a full disk leaves the old file and is one sentence."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from coach.core import files
from coach.core.errors import CoachError
from coach.paths import config_dir
from coach.ui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[3]


def _full_disk(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", fsync)


IN_A_PROCESS = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from coach.ui.app import make_qapp, run_app
    from coach.ui.main.window import MainWindow

    qapp = make_qapp()  # run_app uses it, so the timer can look at its windows

    def look():
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        print(window.settings.path)
        print(window.current_routine.id)
        window.settings.muted = True
        qapp.quit()

    QTimer.singleShot(0, look)
    sys.exit(run_app(Path(sys.argv[1])))
""")


def test_the_app_keeps_its_settings_in_the_data_dir_option(tmp_path, data_dir):  # type: ignore[no-untyped-def]
    """`coach --data-dir X` reads and writes X/settings, not the settings of
    COACH_DATA_DIR (or the real user's). Run in its own process: a real
    run_app leaves the application's state (theme, quitting) behind."""
    other = tmp_path / "profile"
    AppSettings(config_dir(other)).last_routine = "bedtime-five"
    done = subprocess.run(
        [sys.executable, "-c", IN_A_PROCESS, str(other)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    path = other / "settings" / AppSettings.FILE_NAME
    assert done.stdout.splitlines() == [str(path), "bedtime-five"]  # read from there
    assert "muted=true" in path.read_text()  # and written there
    assert not (data_dir / "settings").exists()


def test_history_opened_by_the_app_shares_its_settings(coach_app):  # type: ignore[no-untyped-def]
    coach_app.open_history()
    assert coach_app.history.settings is coach_app.settings


def test_settings_are_private_whatever_the_umask(tmp_path, umask_022):  # type: ignore[no-untyped-def]
    folder = tmp_path / "settings"
    settings = AppSettings(folder)
    assert not folder.exists(), "reading creates nothing"
    settings.theme = "dark"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(settings.path.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == [AppSettings.FILE_NAME]  # no temporary file


def test_an_older_world_readable_settings_file_is_tightened(tmp_path, umask_022):  # type: ignore[no-untyped-def]
    folder = tmp_path / "settings"
    folder.mkdir(mode=0o755)
    (folder / AppSettings.FILE_NAME).write_text("[sound]\nmuted=true\n")
    (folder / AppSettings.FILE_NAME).chmod(0o644)
    settings = AppSettings(folder)
    assert settings.muted  # an older version's file is read
    settings.caution_seen = True
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(settings.path.stat().st_mode) == 0o600
    assert AppSettings(folder).muted and AppSettings(folder).caution_seen


def test_values_and_geometry_survive_a_restart(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    settings = AppSettings(tmp_path)
    settings.last_routine = "desk-break"
    settings.muted, settings.theme, settings.ask_injury = True, "light", False
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(321, 234)
    settings.save_geometry("main", window)
    again = AppSettings(tmp_path)
    assert (again.last_routine, again.muted, again.theme, again.ask_injury) == (
        "desk-break",
        True,
        "light",
        False,
    )
    other = QWidget()
    qtbot.addWidget(other)
    assert again.restore_geometry("main", other)
    assert (other.width(), other.height()) == (321, 234)


def test_two_windows_changing_different_settings_keep_both(tmp_path):  # type: ignore[no-untyped-def]
    first, second = AppSettings(tmp_path), AppSettings(tmp_path)
    first.muted = True
    second.theme = "dark"
    again = AppSettings(tmp_path)
    assert again.muted and again.theme == "dark"


def test_a_full_disk_keeps_the_old_settings_and_says_so(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    told: list[str] = []
    settings = AppSettings(tmp_path, on_problem=told.append)
    settings.theme = "dark"
    before = settings.path.read_bytes()
    _full_disk(monkeypatch)
    settings.muted = True  # a setter in a Qt slot: told, never raised
    assert settings.path.read_bytes() == before
    sentence = f"The settings were not saved. Cannot write {settings.path}: the disk is full."
    assert told == [sentence] and settings.problem == sentence
    with pytest.raises(CoachError) as info:  # at exit: the app's exit code says so
        settings.sync()
    assert str(info.value) == sentence
    monkeypatch.undo()
    settings.sync()
    assert settings.problem is None and AppSettings(tmp_path).muted
