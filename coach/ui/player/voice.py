"""Spoken cues: a calm voice for the moments nobody can look at the screen.

`Voice` speaks through QtTextToSpeech (its speech-dispatcher engine, espeak-ng
behind it on Debian). The speech library is loaded only when the first
phrase is due and the voice is on: start-up, the main window and a muted
voice never pay for it. Making the speech-dispatcher engine lists every voice
it has (about a second with espeak-ng's 13,000), so that happens on a worker
thread; the phrase waits for it. Where no engine works, `unavailable` says so
once and the coach relies on its tones.

One phrase at a time: a phrase of higher priority cuts the one speaking
(stop, then say); one of the same or lower priority waits, at most
`QUEUE_S`, in a queue of one (a newer waiting phrase of at least its priority
replaces it), and is dropped when it would come too late.

`SpokenCues` turns the driver's events into phrases, all in `PHRASES`. The
last three seconds of a hold are counted from the time left in the driver's
state at each heartbeat, never by counting heartbeats.
"""

from __future__ import annotations

import math
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QThread, QTimer, Signal, Slot

from coach.core.session.events import (
    Event,
    Paused,
    Phase,
    PhaseStarted,
    SessionEnded,
)
from coach.core.vocabulary import Outcome, Side
from coach.ui.player.sounds import audio_output_available, multimedia_without_ffmpeg

if TYPE_CHECKING:
    from coach.core.session.engine import SessionState

NO_VOICE_NOTICE = (
    "No speech engine was found (speech-dispatcher with espeak-ng), so the coach "
    "gives its cues by tone only."
)

# Priorities: a higher one cuts a lower one that is speaking.
LOW, NORMAL, HIGH = 0, 1, 2
QUEUE_S = 1.5  # a waiting phrase older than this is dropped, not said late
LOAD_WAIT_S = 5.0  # the first phrase waits this long for the engine to be made
MAKE_TIMEOUT_S = 15.0  # an engine not made by then never will be: no voice
ANSWER_TIMEOUT_S = 2.0  # speech-dispatcher must answer a first command this fast
STUCK_S = 12.0  # no word from the engine for this long: take it as done
SPEECH_RATE = -0.1  # a little slower than the engine's default: calm, clear

# Every spoken phrase, in our own words: (text, priority).
PHRASES: dict[str, tuple[str, int]] = {
    "exercise": ("{exercise}", NORMAL),
    "exercise_side": ("{exercise}, {side} side", NORMAL),
    "hold": ("Hold", HIGH),
    "three": ("three", NORMAL),
    "two": ("two", NORMAL),
    "one": ("one", NORMAL),
    "release": ("Release", HIGH),
    "walk": ("Walk a few steps", HIGH),
    "back": ("Back into position", NORMAL),
    "switch": ("Switch sides", HIGH),
    "rest": ("Rest a moment", NORMAL),
    "last": ("Last one", NORMAL),
    "next": ("Next: {exercise}", LOW),
    "done": ("Well done, that's the routine", HIGH),
}
COUNTDOWN = {3: "three", 2: "two", 1: "one"}
COUNT_FROM_HOLD_S = 6.0  # shorter holds get "Hold" and "Release" only


def phrase(key: str, **values: str) -> tuple[str, int]:
    text, priority = PHRASES[key]
    return text.format(**values), priority


def speechd_socket() -> Path | None:
    """Where libspeechd looks for speech-dispatcher: SPEECHD_ADDRESS
    (unix_socket:PATH), else the user's runtime folder. None for an inet
    address (not probed)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    if address:
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("XDG_CACHE_HOME")
    folder = Path(runtime) if runtime else Path.home() / ".cache"
    return folder / "speech-dispatcher" / "speechd.sock"


def speechd_answers(path: Path, timeout: float = ANSWER_TIMEOUT_S) -> bool:
    """Whether the speech-dispatcher at `path` answers a first command in
    time. One that does not (its audio output failed, say) would hang
    QtTextToSpeech, which asks it for its voices while being made."""
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(timeout)
            sock.connect(str(path))
            sock.sendall(b"SET SELF CLIENT_NAME coach:probe:main\r\nQUIT\r\n")
            return sock.recv(64).startswith(b"2")
    except OSError:
        return False


def speechd_ready() -> bool:
    """Starts speech-dispatcher where it is installed but not running (as
    libspeechd would, but with a time limit) and checks that it answers."""
    path = speechd_socket()
    if path is None:
        return True
    if not path.exists() and "SPEECHD_ADDRESS" not in os.environ:
        program = shutil.which("speech-dispatcher")
        if program is None:
            return False
        command = [program, "--spawn", "--communication-method", "unix_socket"]
        try:
            subprocess.run(
                [*command, "--socket-path", str(path)],
                timeout=5,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return False
        for _ in range(30):
            if path.exists():
                break
            time.sleep(0.1)
    return path.exists() and speechd_answers(path)


def _make_engine(name: str) -> Any:
    """A QTextToSpeech on `name`, speaking English (the phrases are)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    tts = QTextToSpeech(name)
    if tts.state() != QTextToSpeech.State.Error:
        system = QLocale.system()
        english = system.language() == QLocale.Language.English
        tts.setLocale(system if english else QLocale(QLocale.Language.English))
        tts.setRate(SPEECH_RATE)
    return tts


class _Hand(QObject):
    """Carries the engine from the worker thread to the main thread."""

    made = Signal(object)


def _make_in_background(name: str, home: QThread, hand: _Hand) -> None:
    """On a daemon thread (a hung speech-dispatcher never holds up the exit):
    check that the server answers, make the engine, hand it to the main thread."""
    tts = _make_engine(name) if speechd_ready() else None
    if tts is not None:
        tts.moveToThread(home)
    hand.made.emit(tts)


class Voice(QObject):
    """Speaks one phrase at a time, with a mute switch.

    `muted` / `set_muted`; `say(text, priority)`; `stop()`. `available` says
    whether an engine works (reading it before the first phrase makes the
    engine at once, which can take a second). `unavailable(str)` is emitted
    once, with `notice`, when no engine works. `spoken(str)` is emitted for
    each phrase handed to the engine."""

    unavailable = Signal(str)
    muted_changed = Signal(bool)
    spoken = Signal(str)

    # Engines slow to make (the speech-dispatcher one lists every voice) are
    # made on a worker thread; others (Qt's "mock") at once, on this one.
    BACKGROUND_ENGINES = frozenset({"speechd"})

    def __init__(
        self, muted: bool = False, parent: QObject | None = None, engine: str = "speechd"
    ) -> None:
        super().__init__(parent)
        self._muted = muted
        self._engine_name = engine
        self._tts: Any = None
        self._available: bool | None = None
        self._loading = False
        self._hand: _Hand | None = None
        self._busy: int | None = None  # priority of the phrase speaking (or cut, about to end)
        self._pending: tuple[str, int, float] | None = None
        self.notice: str | None = None
        self._stuck = QTimer(self)
        self._stuck.setSingleShot(True)
        self._stuck.setInterval(round(STUCK_S * 1000))
        self._stuck.timeout.connect(self._finished)
        self._give_up = QTimer(self)
        self._give_up.setSingleShot(True)
        self._give_up.setInterval(round(MAKE_TIMEOUT_S * 1000))
        self._give_up.timeout.connect(lambda: self._engine_made(None))

    # -- switches -------------------------------------------------------------
    @property
    def muted(self) -> bool:
        return self._muted

    @muted.setter
    def muted(self, value: bool) -> None:
        self.set_muted(value)

    def set_muted(self, muted: bool) -> None:
        muted = bool(muted)
        if muted == self._muted:
            return
        self._muted = muted
        if muted:
            self.stop()
        self.muted_changed.emit(muted)

    # -- state ----------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        """Whether the speech engine was made (or found not to work)."""
        return self._available is not None

    @property
    def available(self) -> bool:
        """Whether speech works; makes the engine now if it was not yet."""
        if self._available is None:
            self._load()
        deadline = time.monotonic() + MAKE_TIMEOUT_S
        while self._available is None and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        if self._available is None:
            self._engine_made(None)
        return bool(self._available)

    @property
    def speaking(self) -> bool:
        return self._busy is not None

    @property
    def engine(self) -> Any:
        """The QTextToSpeech once made (None before)."""
        return self._tts

    # -- speaking -------------------------------------------------------------
    def prepare(self) -> None:
        """Start making the engine now, if the voice is on: the player calls
        this when it opens, so the first phrase need not wait for it."""
        if not self._muted:
            self._load()

    def say(self, text: str, priority: int = NORMAL) -> None:
        if self._muted or not text or self._available is False:
            return
        if self._available is None:
            self._wait_in_queue(text, priority)
            self._load()
            return
        if self._busy is None:
            self._speak(text, priority)
        elif priority > self._busy:
            self._cut(text, priority)
        else:
            self._wait_in_queue(text, priority)

    def stop(self) -> None:
        """Silence now, and forget what was waiting."""
        self._pending = None
        if self._tts is not None and self._busy is not None:
            self._tts.stop()

    def _wait_in_queue(self, text: str, priority: int) -> None:
        if self._pending is None or priority >= self._pending[1]:
            self._pending = (text, priority, time.monotonic())

    def _speak(self, text: str, priority: int) -> None:
        self._busy = priority
        self._stuck.start()
        self._tts.say(text)
        self.spoken.emit(text)

    def _cut(self, text: str, priority: int) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._tts.state() == QTextToSpeech.State.Speaking:
            # Stop, then say once the engine reports the cut (Ready): saying at
            # once could have the cut's late "Ready" taken for the new phrase's end.
            self._busy = priority
            self._pending = (text, priority, time.monotonic())
            self._tts.stop()
        else:  # handed over but not begun: nothing will report its end
            self._pending = None
            self._tts.stop()
            self._speak(text, priority)

    def _on_state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Speaking:
            self._stuck.start()
        elif state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._finished()

    def _finished(self) -> None:
        self._stuck.stop()
        self._busy = None
        pending, self._pending = self._pending, None
        if pending is not None and not self._muted:
            text, priority, asked = pending
            if time.monotonic() - asked <= QUEUE_S:
                self._speak(text, priority)

    # -- making the engine ----------------------------------------------------
    def _load(self) -> None:
        if self._loading or self._available is not None:
            return
        self._loading = True
        multimedia_without_ffmpeg()  # before the speech library links QtMultimedia in
        if self._engine_name not in self.BACKGROUND_ENGINES:
            self._engine_made(_make_engine(self._engine_name))
            return
        if not audio_output_available():  # nothing to hear, and speech-dispatcher would hang
            self._engine_made(None)
            return
        import PySide6.QtTextToSpeech  # noqa: F401  (imported here, not on the worker)

        self._hand = _Hand()
        self._hand.made.connect(self._engine_made)
        self._give_up.start()
        threading.Thread(
            target=_make_in_background,
            args=(self._engine_name, self.thread(), self._hand),
            name="coach-voice",
            daemon=True,
        ).start()

    @Slot(object)
    def _engine_made(self, tts: Any) -> None:
        if self._available is not None:  # made after giving up: never used
            if tts is not None:
                tts.deleteLater()
            return
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._give_up.stop()
        if tts is None or tts.state() == QTextToSpeech.State.Error:
            if tts is not None:
                tts.deleteLater()
            self._available = False
            self._pending = None
            self.notice = NO_VOICE_NOTICE
            self.unavailable.emit(NO_VOICE_NOTICE)
            return
        tts.setParent(self)
        tts.stateChanged.connect(self._on_state)
        self._tts = tts
        self._available = True
        if self._pending is not None:  # the first phrase, if the engine came in time
            text, priority, asked = self._pending
            fresh = time.monotonic() - asked <= LOAD_WAIT_S
            self._pending = (text, priority, time.monotonic()) if fresh else None
        self._finished()


class Speaker(Protocol):
    """What the cues need of a voice."""

    @property
    def muted(self) -> bool: ...

    def say(self, text: str, priority: int) -> None: ...

    def stop(self) -> None: ...

    def prepare(self) -> None: ...


class _Driver(Protocol):
    """What the cues read of `SessionDriver`."""

    @property
    def state(self) -> SessionState: ...


class SpokenCues:
    """Speaks the session: the exercise and side at the lead-in, "Hold", the
    last three seconds, "Release", the walk, the side switch, the last rep,
    what comes next, and the end.

    Connect `on_event` to the driver's `happened` and `on_tick` to its
    `ticked` (`connect` does both)."""

    def __init__(self, voice: Speaker, driver: _Driver) -> None:
        self._voice = voice
        self._driver = driver
        self._counted: int | None = None  # the last whole second said in this hold
        voice.prepare()
        self._phase: Phase | None = None
        self._previous: Phase | None = None

    def connect(self, happened: Any, ticked: Any) -> None:
        happened.connect(self.on_event)
        ticked.connect(self.on_tick)

    def _say(self, key: str, **values: str) -> None:
        text, priority = phrase(key, **values)
        self._voice.say(text, priority)

    def on_event(self, event: Event) -> None:
        if isinstance(event, PhaseStarted):
            self._previous, self._phase = self._phase, event.phase
            self._counted = None
            self._phase_started(event.phase, self._driver.state)
        elif isinstance(event, Paused):
            self._voice.stop()
        elif isinstance(event, SessionEnded):
            if event.outcome == Outcome.COMPLETED:
                self._say("done")
            else:
                self._voice.stop()

    def _phase_started(self, phase: Phase, state: SessionState) -> None:
        name = state.exercise.name
        if phase == Phase.LEAD_IN:
            if state.side is None:
                self._say("exercise", exercise=name)
            else:
                self._say("exercise_side", exercise=name, side=_side_word(state.side))
        elif phase == Phase.MOVE_IN:
            last = state.reps * state.sets > 1 and (state.rep, state.set) == (
                state.reps,
                state.sets,
            )
            if last:
                self._say("last")
            elif self._previous == Phase.WALK:
                self._say("back")
        elif phase == Phase.HOLD:
            self._say("hold")
        elif phase == Phase.RELEASE:
            self._say("release")
            # A release straight into a lead-in ends the exercise (a side switch or
            # a rest comes between otherwise), whichever side it was done on.
            if state.next_phase == Phase.LEAD_IN and state.next_exercise is not None:
                self._say("next", exercise=state.next_exercise.name)
        elif phase == Phase.WALK:
            self._say("walk")
        elif phase == Phase.SWITCH_SIDE:
            self._say("switch")
        elif phase == Phase.REST:
            self._say("rest")

    def on_tick(self) -> None:
        """Three, two, one at the end of a hold, from the time left."""
        if self._phase != Phase.HOLD:
            return
        state = self._driver.state
        if state.phase != Phase.HOLD or state.paused or state.phase_length < COUNT_FROM_HOLD_S:
            return
        second = math.ceil(state.seconds_left - 1e-6)  # what the countdown shows
        if second in COUNTDOWN and (self._counted is None or second < self._counted):
            self._counted = second
            self._say(COUNTDOWN[second])


def _side_word(side: Side) -> str:
    return "left" if side == Side.LEFT else "right"


__all__ = [
    "HIGH",
    "LOW",
    "NORMAL",
    "NO_VOICE_NOTICE",
    "PHRASES",
    "SpokenCues",
    "Voice",
    "phrase",
]
