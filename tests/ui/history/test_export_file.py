"""The History window's CSV export is written whole or not at all (issue 13,
item 5): private (0600) whatever the umask, never over a special file, and a
failed write leaves the old export as it was and says so in one sentence."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from coach.core import files
from coach.core.errors import CoachError

OLD = "the old export, kept\n"


def test_the_export_is_private_whatever_the_umask(window, tmp_path, umask_022):  # type: ignore[no-untyped-def]
    out = tmp_path / "history.csv"
    window.export_csv(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    old = tmp_path / "shared.csv"
    old.write_text(OLD)
    old.chmod(0o644)
    window.export_csv(old)
    assert stat.S_IMODE(old.stat().st_mode) == 0o600  # pain ratings are health data
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_full_disk_keeps_the_old_export(window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    out = tmp_path / "history.csv"
    out.write_text(OLD)

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", fsync)
    with pytest.raises(CoachError) as info:
        window.export_csv(out)
    assert str(info.value) == f"Cannot write {out}: the disk is full."
    assert out.read_text() == OLD
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_named_pipe_is_refused(window, tmp_path):  # type: ignore[no-untyped-def]
    fifo = tmp_path / "history.csv"
    os.mkfifo(fifo)
    with pytest.raises(CoachError, match="is a named pipe, not a regular file"):
        window.export_csv(fifo)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_the_dialog_shows_the_one_sentence(window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    fifo = tmp_path / "history.csv"
    os.mkfifo(fifo)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(fifo), ""))
    )
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text: shown.append(text))
    )
    window.ask_export()
    assert shown == [
        f"Cannot write {fifo}: it is a named pipe, not a regular file, and is left as it is."
    ]
