"""Where things live: the shipped assets, the user's data and settings.

The data directory is, in order: the `--data-dir` option, the `COACH_DATA_DIR`
environment variable, then platformdirs' per-user data directory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "stretch-coach"
DATA_DIR_ENV = "COACH_DATA_DIR"


def assets_dir() -> Path:
    """The shipped assets: inside the installed package, in a PyInstaller
    bundle, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    candidates = [here / "assets", here.parent / "assets"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "coach" / "assets")
    for candidate in candidates:
        if (candidate / "exercises").is_dir():
            return candidate
    raise FileNotFoundError("the exercise files are missing from this installation")


def data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The directory holding the session log; not created here."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings (window geometry, last routine, mute); follows the data dir
    when one is given so tests never touch the real user's settings."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser() / "settings"
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
