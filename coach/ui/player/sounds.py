"""Short tones at the start and end of a hold and at the end of a walk.

QtMultimedia's QSoundEffect plays the WAV files in assets/sounds/ (made by
packaging/make_sounds.py). With no audio device the player runs on silently
and `Tones.notice` says so once. QtMultimedia is imported only here, and only
when tones are wanted.

QtMultimedia's only media back-end on Linux is FFmpeg (about 20 MB of
libavcodec, libavformat and the QtQuick libraries its plug-in links against),
and a sound effect does not need it: without a back-end, QSoundEffect plays
through PulseAudio on its own. `multimedia_without_ffmpeg` makes sure the
back-end never loads. `QT_MEDIA_BACKEND=none` alone is not enough in Qt 6.11:
an unknown back-end name makes Qt fall back to the first one it finds, so the
plug-in folder is also hidden for the moment Qt looks for back-ends.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QLoggingCategory,
    QObject,
    QUrl,
    Signal,
    qInstallMessageHandler,
)

from coach.core.session.events import (
    Event,
    HoldEnded,
    HoldStarted,
    Phase,
    PhaseStarted,
    SessionEnded,
    TonesSwitched,
)

TONE_NAMES = ("hold-start", "hold-end", "walk-end")
NO_DEVICE_NOTICE = "No sound device was found, so the session runs without tones."

# Messages the audio back-ends print when optional libraries or a sound
# server are missing; they say nothing the status bar does not.
_BACKEND_CHATTER = (
    "PulseAudioService:",
    "pa_context",
    "PipeWire",
    "No QtMultimedia backends found",  # what we want: QSoundEffect works without one
)
_media_ready = False


@contextmanager
def _without_backend_chatter() -> Iterator[None]:
    QLoggingCategory.setFilterRules(
        "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"
    )
    previous: Any = None

    def handler(kind: Any, context: Any, message: str) -> None:
        if message.startswith(_BACKEND_CHATTER):
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def multimedia_without_ffmpeg() -> None:
    """Imports QtMultimedia and creates its platform integration with no
    media back-end, so QSoundEffect plays through PulseAudio and FFmpeg is
    never mapped. Call it before anything else of QtMultimedia (QtTextToSpeech
    links it too); the second call does nothing."""
    global _media_ready
    if _media_ready:
        return
    _media_ready = True
    os.environ.setdefault("QT_MEDIA_BACKEND", "none")
    with _without_backend_chatter():
        from PySide6.QtMultimedia import QMediaDevices

        # Qt looks for back-end plug-ins once, when the integration is made
        # (the first QMediaDevices call): let it find none, then put the
        # plug-in folders back for every other kind of plug-in.
        paths = QCoreApplication.libraryPaths()
        QCoreApplication.setLibraryPaths([])
        try:
            QMediaDevices.audioOutputs()
        finally:
            QCoreApplication.setLibraryPaths(paths)


def audio_output_available() -> bool:
    """Whether Qt can see any audio output device (imports QtMultimedia)."""
    multimedia_without_ffmpeg()
    with _without_backend_chatter():
        from PySide6.QtMultimedia import QMediaDevices

        return bool(QMediaDevices.audioOutputs())


class Tones(QObject):
    """The three tones, a mute switch, and silence when there is no device.

    QtMultimedia is loaded only when the first tone is due and not muted (and
    then without its FFmpeg back-end): a muted coach, the main window and
    `coach` start-up never pay for it. `unavailable` is emitted
    once, with `notice`, if there turns out to be no audio device.
    """

    unavailable = Signal(str)

    def __init__(
        self,
        folder: Path,
        *,
        muted: bool = False,
        probe: Callable[[], bool] = audio_output_available,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.muted = muted
        self._effects: dict[str, Any] = {}
        self._folder = folder
        self._probe = probe
        self._available: bool | None = None
        self.notice: str | None = None

    @property
    def available(self) -> bool:
        """Whether tones can sound; the first call loads QtMultimedia."""
        if self._available is None:
            self._available = self._probe()
            if self._available:
                self._load(self._folder)
            else:
                self.notice = NO_DEVICE_NOTICE
                self.unavailable.emit(NO_DEVICE_NOTICE)
        return self._available

    @property
    def loaded(self) -> bool:
        return self._available is not None

    def _load(self, folder: Path) -> None:
        multimedia_without_ffmpeg()
        with _without_backend_chatter():
            from PySide6.QtMultimedia import QSoundEffect

            for name in TONE_NAMES:
                path = folder / f"{name}.wav"
                if path.is_file():
                    effect = QSoundEffect(self)
                    effect.setSource(QUrl.fromLocalFile(str(path)))
                    effect.setVolume(0.8)
                    self._effects[name] = effect

    def play(self, name: str) -> None:
        if self.muted:
            return
        if self.available:
            effect = self._effects.get(name)
            # A tone still sounding is never cut short or overlapped: at real
            # speed tones are seconds apart, and on a fast demo clock
            # overlapping plays made Qt's PulseAudio output loop on a closed
            # socket ("QSocketNotifier: Invalid socket") at full CPU.
            if effect is not None and not any(e.isPlaying() for e in self._effects.values()):
                effect.play()


class ToneSink(Protocol):
    """What the cues need of `Tones`: a mute switch and `play`."""

    muted: bool

    def play(self, name: str) -> None: ...


class ToneCues:
    """Turns session events into tones: a hold starts, a hold ends, a walk
    ends; and tones go off or on when the person switches them."""

    def __init__(self, tones: ToneSink) -> None:
        self._tones = tones
        self._walking = False

    def on_event(self, event: Event) -> None:
        if isinstance(event, HoldStarted):
            self._tones.play("hold-start")
        elif isinstance(event, HoldEnded) and not event.skipped:
            self._tones.play("hold-end")
        elif isinstance(event, PhaseStarted):
            if self._walking and event.phase != Phase.WALK:
                self._tones.play("walk-end")
            self._walking = event.phase == Phase.WALK
        elif isinstance(event, SessionEnded):
            self._walking = False
        elif isinstance(event, TonesSwitched):
            self._tones.muted = event.muted
