"""The user's settings: window geometry, last routine, mute, theme, whether
the first-run caution was seen.

Stored as an INI file in `coach.paths.config_dir(data_dir)`, which follows
`--data-dir` and then COACH_DATA_DIR, so a second profile or a test never
reads or writes the real user's file. The folder is 0700 and the file 0600
(it says when and how a person exercises), and every change rewrites the file
whole through coach.core.files: a full disk leaves the old file as it was.
QSettings is not used because it rewrites the file with the umask's
permissions and keeps its write errors to itself.
"""

from __future__ import annotations

import base64
import binascii
import configparser
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget

from coach.core.errors import CoachError
from coach.core.files import PRIVATE, write_text
from coach.paths import config_dir, make_private_dir

THEMES = ("system", "light", "dark")
GENERAL = "General"  # the section of a key without a group, as QSettings names it
_BYTES = "base64:"


class IniValues:
    """The settings file as 'group/key' -> text, with QSettings' `value` and
    `setValue`. Each change is written at once, merged into what is on the
    disk then (another window of the app may have changed other keys). A
    failed write is kept as one sentence in `problem` and handed to
    `on_problem`; `sync` tries again and raises it."""

    def __init__(self, path: Path, on_problem: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.on_problem = on_problem
        self.problem: str | None = None
        self._mine: dict[str, str] = {}  # what this process set, kept until written
        self._values = self._read()

    def value(self, key: str, default: object = None) -> object:
        return self._values.get(key, default)

    def setValue(self, key: str, value: object) -> None:
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        if self._values.get(key) == text and key not in self._mine:
            return
        self._values[key] = text
        self._mine[key] = text
        try:
            self.sync()
        except CoachError as exc:
            if self.on_problem is not None:
                self.on_problem(str(exc))

    def sync(self) -> None:
        """Write what this process changed; raises CoachError (one sentence)
        when that cannot be done, leaving the file as it was."""
        if not self._mine:
            return
        values = {**self._read(), **self._mine}
        try:
            make_private_dir(self.path.parent)
            os.chmod(self.path.parent, 0o700)  # the settings folder is ours by name
        except OSError as exc:
            self.problem = (
                f"Cannot save the settings in {self.path.parent} ({exc.strerror or exc})."
            )
            raise CoachError(self.problem) from None
        try:
            write_text(self.path, _ini(values), mode=PRIVATE)
        except CoachError as exc:
            self.problem = f"The settings were not saved. {exc}"
            raise CoachError(self.problem) from None
        self._values = values
        self._mine.clear()
        self.problem = None

    def _read(self) -> dict[str, str]:
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        try:
            parser.read_string(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, configparser.Error):
            return {}  # none yet, or unreadable: the defaults, rewritten on the next change
        return {
            (key if section == GENERAL else f"{section}/{key}"): value
            for section in parser.sections()
            for key, value in parser.items(section)
        }


def _ini(values: dict[str, str]) -> str:
    sections: dict[str, list[str]] = {}
    for key, value in sorted(values.items()):
        section, _, name = key.rpartition("/")
        sections.setdefault(section or GENERAL, []).append(f"{name}={value}")
    return "\n".join(f"[{s}]\n" + "\n".join(lines) + "\n" for s, lines in sections.items())


class AppSettings:
    """Typed access to the settings file; every setter writes through."""

    FILE_NAME = "stretch-coach.ini"

    def __init__(
        self, folder: Path | None = None, *, on_problem: Callable[[str], None] | None = None
    ) -> None:
        """`folder` None: `config_dir()` (COACH_DATA_DIR, else the per-user
        settings folder); the app passes `config_dir(data_dir)`. Nothing is
        created until a setting changes."""
        folder = config_dir() if folder is None else folder
        self.path = folder / self.FILE_NAME
        self._qs = IniValues(self.path, on_problem)  # QSettings-shaped: value / setValue

    @property
    def on_problem(self) -> Callable[[str], None] | None:
        """Told the sentence when a change could not be saved (the app shows it)."""
        return self._qs.on_problem

    @on_problem.setter
    def on_problem(self, callback: Callable[[str], None] | None) -> None:
        self._qs.on_problem = callback

    @property
    def problem(self) -> str | None:
        """Why the last change could not be saved; None once saved."""
        return self._qs.problem

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
        data = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
        self._qs.setValue(f"windows/{name}", _BYTES + data)

    def restore_geometry(self, name: str, window: QWidget) -> bool:
        text = self._qs.value(f"windows/{name}", None)
        if not isinstance(text, str) or not text.startswith(_BYTES):
            return False  # none yet, or an older version's QSettings encoding
        try:
            data = base64.b64decode(text[len(_BYTES) :], validate=True)
        except (binascii.Error, ValueError):
            return False
        return bool(data) and window.restoreGeometry(QByteArray(data))

    def sync(self) -> None:
        """Save what is not saved yet; raises CoachError in one sentence when
        it cannot be (the app's exit code then says so)."""
        self._qs.sync()

    def _bool(self, key: str, default: bool) -> bool:
        value = self._qs.value(key, default)
        if isinstance(value, str):  # INI files give back strings
            return value.lower() in ("true", "1", "yes")
        return bool(value)
