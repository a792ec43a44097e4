"""A damaged log is moved aside (never deleted); a read-only or full disk is
one clear sentence."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from coach.core.errors import StoreError
from coach.core.log import opening as store_open
from coach.core.log.store import DB_NAME, SessionLog

ROOT = Path(__file__).resolve().parents[3]


def filled_log(data_dir: Path, sessions: int = 40) -> None:
    with SessionLog.open(data_dir) as log:
        for _n in range(sessions):
            sid = log.begin_session("desk-break", "Desk break", 20)
            for k in range(20):
                log.record_rep(
                    sid,
                    item=k // 5,
                    exercise_id="knee-to-chest",
                    side="left",
                    set=1,
                    rep=k,
                    planned_hold_s=15,
                    actual_hold_s=15,
                    skipped=False,
                )
            log.end_session(sid, "completed")


def moved_aside(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.iterdir() if ".damaged-" in p.name)


def test_a_file_that_is_not_a_database_is_moved_aside(data_dir):
    path = data_dir / DB_NAME
    junk = b"these are not the sessions you are looking for\n" * 200
    path.write_bytes(junk)
    with SessionLog.open(data_dir) as log:
        [aside] = moved_aside(data_dir)
        assert log.notice is not None and str(aside) in log.notice
        assert log.sessions() == []
        log.end_session(log.begin_session("r", "R", 1), "completed")  # the new log works
    assert aside.read_bytes() == junk  # kept, byte for byte


def test_a_truncated_file_is_moved_aside(data_dir):
    filled_log(data_dir)
    path = data_dir / DB_NAME
    whole = path.read_bytes()
    assert not (data_dir / (DB_NAME + "-wal")).exists()  # closed cleanly: no WAL to rescue it
    path.write_bytes(whole[: len(whole) // 2])
    with SessionLog.open(data_dir) as log:
        assert "moved to" in log.notice and log.sessions() == []
    [aside] = moved_aside(data_dir)
    assert aside.read_bytes() == whole[: len(whole) // 2]


def test_damage_met_while_reading_is_moved_aside_at_the_next_start(data_dir):
    filled_log(data_dir)
    path = data_dir / DB_NAME
    with closing(sqlite3.connect(path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'reps'").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xff" * page_size  # the reps table's root
    path.write_bytes(bytes(data))
    with SessionLog.open(data_dir) as log:  # the cheap check at open does not read reps...
        assert log.notice is None
        with pytest.raises(StoreError, match="damaged; restart Stretch Coach"):
            log.reps(1)  # ...reading them does
    with SessionLog.open(data_dir) as log:
        assert log.notice is not None and log.sessions() == []
    assert len(moved_aside(data_dir)) == 1


def test_a_path_through_a_file_is_one_sentence(tmp_path):
    (tmp_path / "plain-file").write_text("x")
    with pytest.raises(StoreError, match="part of that path is a file"):
        SessionLog.open(tmp_path / "plain-file" / "data")


def test_a_read_only_database_error_becomes_one_sentence(data_dir, monkeypatch):
    """Tests run as root, for whom chmod does not stop writes, so take a real
    SQLITE_READONLY error from a read-only connection and make `connect` raise
    it, as it would on a read-only medium (the real thing is the next test)."""
    with closing(sqlite3.connect(data_dir / "probe.sqlite3")) as db:
        db.execute("CREATE TABLE t (x)")
    read_only = f"file:{data_dir / 'probe.sqlite3'}?mode=ro"
    with (
        closing(sqlite3.connect(read_only, uri=True)) as ro,
        pytest.raises(sqlite3.OperationalError) as real,
    ):
        ro.execute("INSERT INTO t VALUES (1)")
    assert real.value.sqlite_errorname == "SQLITE_READONLY"

    def refuse(*args, **kwargs):
        raise real.value

    monkeypatch.setattr(store_open.sqlite3, "connect", refuse)
    with pytest.raises(StoreError) as info:
        SessionLog.open(data_dir)
    assert str(info.value) == (
        f"Stretch Coach cannot write its session log in {data_dir}: the folder is read-only "
        f"or not yours; choose another with --data-dir."
    )


# -- real read-only and full file systems, in a private mount namespace -------

IN_NAMESPACE = textwrap.dedent("""
    import sys
    from pathlib import Path
    from coach.core.errors import StoreError
    from coach.core.log.store import SessionLog
    data, case = Path(sys.argv[1]) / "data", sys.argv[2]
    done = 0
    try:
        log = SessionLog.open(data)
        sid = log.begin_session("r", "R", 100000)
        for n in range(100000):
            log.record_rep(sid, item=0, exercise_id="x" * 200, side="left", set=1, rep=n,
                           planned_hold_s=1, actual_hold_s=1, skipped=False)
            done += 1
    except StoreError as exc:
        print(done, exc, sep="|")
""")

MOUNT = {
    "read-only": "mount -t tmpfs -o ro,size=1m tmpfs {dir}",
    "full": "mount -t tmpfs -o size=200k tmpfs {dir}",
}


def _namespace_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = subprocess.run(
            ["unshare", "-m", "sh", "-c", f"mount -t tmpfs tmpfs {folder}"],
            capture_output=True,
            check=False,
        )
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(
    not _namespace_works(), reason="needs root and unshare -m (mount namespaces)"
)


@needs_mounts
@pytest.mark.parametrize("case", ["read-only", "full"])
def test_a_real_read_only_or_full_disk_is_one_sentence(case, tmp_path):
    mount_point = tmp_path / "mnt"
    mount_point.mkdir()
    script = (
        f"{MOUNT[case].format(dir=mount_point)} && "
        f'exec {sys.executable} -c "$0" {mount_point} {case}'
    )
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, IN_NAMESPACE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    done, message = result.stdout.strip().split("|")
    if case == "read-only":
        assert (
            int(done) == 0
            and message.startswith("Stretch Coach cannot write its session log in")
            and "read-only" in message
        )
    else:
        assert int(done) > 0  # reps were saved until the disk filled up
        assert message == (
            f"The disk holding {mount_point / 'data'} is full, so the session "
            f"log cannot be saved; free some space and try again."
        )
