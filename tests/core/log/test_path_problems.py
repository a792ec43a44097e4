"""Each way the log's path can be wrong gets a sentence that says which:
a folder at the database path, a file nobody may read, a dangling link, a
data folder that is a file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from coach.core.errors import LogPathUnusable
from coach.core.log.store import DB_NAME, SessionLog

ROOT = Path(__file__).resolve().parents[3]


def refusal(data_dir: Path) -> str:
    with pytest.raises(LogPathUnusable) as info:
        SessionLog.open(data_dir)
    message = str(info.value)
    assert "\n" not in message and message.endswith(".")
    assert "read-only or not yours" not in message and "File exists" not in message
    return message


def test_a_folder_at_the_database_path(data_dir):
    (data_dir / DB_NAME).mkdir()
    assert "is a folder, not a file" in refusal(data_dir)


def test_a_dangling_link_at_the_database_path(data_dir, tmp_path):
    (data_dir / DB_NAME).symlink_to(tmp_path / "gone" / "coach.sqlite3")
    message = refusal(data_dir)
    assert "is a link to" in message and "which does not exist" in message
    assert not (tmp_path / "gone").exists()


def test_a_data_folder_that_is_a_file(tmp_path):
    (tmp_path / "data").write_text("not a folder")
    assert "that is a file, not a folder" in refusal(tmp_path / "data")


AS_OTHER_USER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from coach.core.errors import CoachError
    from coach.core.log.store import SessionLog
    try:
        SessionLog.open(Path(sys.argv[1])).close()
    except CoachError as exc:
        print(type(exc).__name__, exc, sep="|")
""")


def test_a_file_with_no_permissions(data_dir):
    """Root reads any file, so as root the check runs in a child without the
    capabilities that let it (setpriv drops DAC override)."""
    SessionLog.open(data_dir).close()
    os.chmod(data_dir / DB_NAME, 0)
    if os.geteuid() != 0:
        message = refusal(data_dir)
    else:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv to drop DAC override")
        result = subprocess.run(
            [
                "setpriv",
                "--bounding-set=-dac_override,-dac_read_search",
                sys.executable,
                "-c",
                AS_OTHER_USER,
                str(data_dir),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        kind, message = result.stdout.strip().split("|")
        assert kind == "LogPathUnusable", result.stderr
    assert "cannot be read or written by you" in message and "0000" in message
