"""`coach list | head`: a reader that stops early is not a crash. The output
goes to a pipe whose reading end is already closed, so the first write fails
(EPIPE) every time, not only when the timing is unlucky."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("argv", [["list"], ["list", "--json"], ["history", "--json"]])
def test_a_closed_pipe_is_not_a_crash(argv, data_dir):  # type: ignore[no-untyped-def]
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "coach", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 141, done.stderr
    assert done.stderr == ""
    assert not (data_dir / "crash-reports").exists()
