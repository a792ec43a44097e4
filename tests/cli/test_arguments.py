"""Every out-of-range number on the command line is one sentence and exit 2:
no traceback, nothing logged."""

from __future__ import annotations

import pytest

from coach.cli import build_parser


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["play", "desk-break", "--time-scale", "1e-300"], "from 0.1 to 1000"),
        (["play", "desk-break", "--time-scale", "0.05"], "from 0.1 to 1000"),
        (["play", "desk-break", "--time-scale", "1001"], "from 0.1 to 1000"),
        (["play", "desk-break", "--time-scale", "nan"], "not a finite number"),
        (["play", "desk-break", "--time-scale", "inf"], "not a finite number"),
        (["play", "desk-break", "--time-scale", "fast"], "not a number"),
        (["render", "cat-cow", "-o", "x.png", "--time", "inf"], "not a finite number"),
        (["render", "cat-cow", "-o", "x.png", "--time", "nan"], "not a finite number"),
        (["render", "cat-cow", "-o", "x.png", "--time", "1e308"], "from 0 to 3600"),
        (["render", "cat-cow", "-o", "x.png", "--time", "-1"], "from 0 to 3600"),
        (["render", "cat-cow", "-o", "x.png", "--size", "8001x600"], "outside 16x16"),
        (["render", "cat-cow", "-o", "x.png", "--size", "0x0"], "outside 16x16"),
        (["render", "cat-cow", "-o", "x.png", "--size", "1e3x600"], "must look like"),
    ],
)
def test_a_bad_number_is_one_sentence(argv, words, capsys, data_dir):
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.count("\n") == 1 and err.startswith("coach: ") and "Traceback" not in err
    assert words in err
    assert list(data_dir.iterdir()) == []


@pytest.mark.parametrize("value", ["0.1", "1", "30", "1000"])
def test_time_scales_in_range_are_taken(value):
    args = build_parser().parse_args(["play", "desk-break", "--time-scale", value])
    assert args.time_scale == float(value)


def test_a_time_in_range_is_taken():
    args = build_parser().parse_args(["render", "cat-cow", "-o", "x.png", "--time", "2.5"])
    assert args.time == 2.5
