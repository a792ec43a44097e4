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
    return find_assets(candidates)


def find_assets(candidates: list[Path]) -> Path:
    """The first candidate holding an `exercises` folder; FileNotFoundError
    (one clause naming every folder looked for) when none does."""
    for candidate in candidates:
        if (candidate / "exercises").is_dir():
            return candidate
    looked = " or ".join(str(candidate / "exercises") for candidate in candidates)
    raise FileNotFoundError(
        f"the exercise files are missing from this installation (there is no folder {looked})"
    )


def data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The directory holding the session log; not created here."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def state_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """Where crash reports go: the data directory when one was chosen (so a
    test or a portable install keeps everything in one place), else
    platformdirs' per-user state directory. Not created here."""
    if option or os.environ.get(DATA_DIR_ENV):
        return data_dir(option)
    return Path(platformdirs.user_state_dir(APP_DIR_NAME, appauthor=False))


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def make_private_dir(path: Path) -> None:
    """Create `path` (and missing parents) so that only its owner can read
    it: 0700 whatever the umask. A folder that existed is tightened only when
    it is one of ours by name (the default data folder); a folder the user
    chose keeps its mode, while every file we put in it is 0600."""
    existed = path.is_dir()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not existed or path == default_data_dir():
        os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask


def config_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """Settings (window geometry, last routine, mute); follows the data dir
    when one is given (`--data-dir`, then COACH_DATA_DIR) so a test or a
    second profile never touches the real user's settings."""
    if option:
        return Path(option).expanduser() / "settings"
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser() / "settings"
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
