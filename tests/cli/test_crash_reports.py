"""A bug reaches the user as one sentence and a crash report: a new private
file in the user's state/data folder, never a fixed name in the shared temp
folder, never written through a link; the sentence names the file only when
it was written."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from coach import cli
from coach.core.errors import LogLocked


def crash(monkeypatch, exc: BaseException) -> None:
    def dispatch(args):
        raise exc

    monkeypatch.setattr(cli, "_dispatch", dispatch)


def reports(data_dir):
    folder = data_dir / cli.CRASH_DIR
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_a_bug_writes_a_private_report_and_names_it(data_dir, monkeypatch, capsys):
    os.umask(0o022)
    crash(monkeypatch, RuntimeError("boom"))
    assert cli.main(["list"]) == 70
    [report] = reports(data_dir)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"details are in {report}" in err and "RuntimeError: boom" in err
    assert "RuntimeError: boom" in report.read_text()
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert stat.S_IMODE(report.parent.stat().st_mode) == 0o700
    assert cli.main(["list"]) == 70  # a second crash gets its own file
    assert len(reports(data_dir)) == 2


def test_a_report_that_cannot_be_written_is_not_claimed(data_dir, monkeypatch, capsys):
    (data_dir / cli.CRASH_DIR).write_text("a file where the folder goes")
    crash(monkeypatch, RuntimeError("boom"))
    assert cli.main(["list"]) == 70
    err = capsys.readouterr().err
    assert "could not be written" in err and "details are in" not in err


def test_a_planted_link_is_never_followed(data_dir, tmp_path, monkeypatch, capsys):
    elsewhere = tmp_path / "victim"
    elsewhere.mkdir()
    (data_dir / cli.CRASH_DIR).symlink_to(elsewhere)
    crash(monkeypatch, RuntimeError("boom"))
    assert cli.main(["list"]) == 70
    assert list(elsewhere.iterdir()) == []
    assert "could not be written" in capsys.readouterr().err


def test_no_report_goes_to_the_shared_temp_folder(data_dir, tmp_path, monkeypatch):
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setenv("TMPDIR", str(shared))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    crash(monkeypatch, RuntimeError("boom"))
    assert cli.main(["list"]) == 70
    assert list(shared.iterdir()) == []


def test_an_environment_error_is_one_sentence_and_no_report(data_dir, monkeypatch, capsys):
    crash(monkeypatch, LogLocked("The session log is locked by another program."))
    assert cli.main(["history"]) == 1
    assert capsys.readouterr().err == "coach: The session log is locked by another program.\n"
    assert reports(data_dir) == []


def test_an_unexpected_sqlite_error_is_a_bug(data_dir, monkeypatch, capsys):
    crash(monkeypatch, sqlite3.ProgrammingError("Cannot operate on a closed database."))
    assert cli.main(["history"]) == 70
    assert len(reports(data_dir)) == 1


@pytest.fixture(autouse=True)
def _restore_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)
