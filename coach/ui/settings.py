"""The user's settings: window geometry, last routine, mute, theme, whether
the first-run caution was seen.

Stored with QSettings as an INI file in `coach.paths.config_dir()`, which
follows COACH_DATA_DIR, so tests never read or write the real user's file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from coach.paths import config_dir

THEMES = ("system", "light", "dark")


class AppSettings:
    """Typed access to the settings file; every setter writes through."""

    FILE_NAME = "stretch-coach.ini"

    def __init__(self, folder: Path | None = None) -> None:
        folder = config_dir() if folder is None else folder
        self.path = folder / self.FILE_NAME
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- plain values -------------------------------------------------------
    @property
    def last_routine(self) -> str | None:
        value = self._qs.value("session/last_routine", None)
        return str(value) if value else None

    @last_routine.setter
    def last_routine(self, routine_id: str) -> None:
        self._qs.setValue("session/last_routine", routine_id)

    @property
    def muted(self) -> bool:
        return self._bool("sound/muted", False)

    @muted.setter
    def muted(self, value: bool) -> None:
        self._qs.setValue("sound/muted", bool(value))

    @property
    def voice_muted(self) -> bool:
        """Whether the spoken cues are off (the tones have their own switch)."""
        return self._bool("sound/voice_muted", False)

    @voice_muted.setter
    def voice_muted(self, value: bool) -> None:
        self._qs.setValue("sound/voice_muted", bool(value))

    @property
    def caution_seen(self) -> bool:
        return self._bool("safety/caution_seen", False)

    @caution_seen.setter
    def caution_seen(self, value: bool) -> None:
        self._qs.setValue("safety/caution_seen", bool(value))

    @property
    def ask_injury(self) -> bool:
        """Whether the 72-hour injury question is asked before a session."""
        return self._bool("safety/ask_injury", True)

    @ask_injury.setter
    def ask_injury(self, value: bool) -> None:
        self._qs.setValue("safety/ask_injury", bool(value))

    @property
    def large(self) -> bool:
        """Whether the player opens full screen (to read from across the room)."""
        return self._bool("look/player_large", False)

    @large.setter
    def large(self, value: bool) -> None:
        self._qs.setValue("look/player_large", bool(value))

    @property
    def theme(self) -> str:
        value = str(self._qs.value("look/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qs.setValue("look/theme", value if value in THEMES else "system")

    # -- window geometry ----------------------------------------------------
    def save_geometry(self, name: str, window: QWidget) -> None:
        self._qs.setValue(f"windows/{name}", window.saveGeometry())

    def restore_geometry(self, name: str, window: QWidget) -> bool:
        data = self._qs.value(f"windows/{name}", None)
        if isinstance(data, QByteArray) and not data.isEmpty():
            return window.restoreGeometry(data)
        return False

    def sync(self) -> None:
        self._qs.sync()

    def _bool(self, key: str, default: bool) -> bool:
        value = self._qs.value(key, default)
        if isinstance(value, str):  # INI files give back strings
            return value.lower() in ("true", "1", "yes")
        return bool(value)
