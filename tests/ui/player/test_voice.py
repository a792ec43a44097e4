"""The voice: the phrases of a whole routine in order, one phrase at a time
(Qt's own mock speech engine), one notice when no engine works, no speech
library for a muted voice, and a real speech-dispatcher heard speaking."""

from __future__ import annotations

import array
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.catalog.model import Routine, RoutineItem
from coach.ui.player.voice import HIGH, LOW, NO_VOICE_NOTICE, NORMAL, PHRASES, Voice
from tests.ui.conftest import RecordingTones, run_until

ROOT = Path(__file__).resolve().parents[3]


class RecordingVoice(Voice):
    """A voice that remembers what it was asked to say and never loads an engine."""

    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []

    def say(self, text: str, priority: int = NORMAL) -> None:
        if not self.muted:
            self.said.append(text)

    def prepare(self) -> None:
        pass


def test_the_phrases_are_short_and_calm() -> None:
    for key, (text, priority) in PHRASES.items():
        assert len(text.format(exercise="Knees to chest", side="left").split()) <= 7, key
        assert "!" not in text and priority in (LOW, NORMAL, HIGH)


def spoken_in(qapp, catalog, data_dir: Path, routine: Routine) -> list[str]:  # type: ignore[no-untyped-def]
    """Play `routine` to its end on a fake clock; what the voice was asked to say."""
    from coach.core.log.store import SessionLog
    from coach.core.session.clock import FakeClock
    from coach.ui.app import CoachApp
    from coach.ui.settings import AppSettings

    catalog.routines[routine.id] = routine
    clock = FakeClock(1000.0)
    voice = RecordingVoice()
    with SessionLog.open(data_dir) as log:
        app = CoachApp(
            qapp,
            catalog,
            log,
            AppSettings(),
            RecordingTones(),
            voice=voice,
            clock_factory=lambda: clock,
        )
        app.clock = clock  # type: ignore[attr-defined]
        app.play(routine.id)
        run_until(app, lambda state: state.finished, step=0.05)
        app.player.close()
        qapp.processEvents()
    return voice.said


def test_a_whole_routine_is_spoken_in_order(qapp, catalog, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    routine = Routine(
        "spoken",
        "Spoken test routine",
        "",
        (
            RoutineItem("seated-forward-bend", hold_s=10, reps=2, sets=1, rest_s=0),
            RoutineItem("crossovers", hold_s=10, reps=2, sets=1, rest_s=0),
        ),
    )
    said = spoken_in(qapp, catalog, data_dir, routine)
    count = ["Hold", "three", "two", "one", "Release"]
    assert said == [
        "Seated forward bend",
        *count,
        "Walk a few steps",
        "Last one",
        *count,
        "Next: Crossovers",
        "Crossovers, left side",
        *count,
        "Last one",
        *count,
        "Switch sides",
        "Crossovers, right side",
        *count,
        "Last one",
        *count,
        "Well done, that's the routine",
    ]


@pytest.fixture
def mock_voice(qapp) -> Iterator[tuple[Voice, list[str]]]:  # type: ignore[no-untyped-def]
    """A Voice on Qt's mock engine (speaks a word every 100 ms, silently)."""
    voice = Voice(engine="mock")
    spoken: list[str] = []
    voice.spoken.connect(spoken.append)
    assert voice.available
    yield voice, spoken
    voice.stop()


def test_a_higher_phrase_cuts_a_lower_one_and_a_lower_one_waits(qtbot, mock_voice) -> None:  # type: ignore[no-untyped-def]
    voice, spoken = mock_voice
    voice.say("Seated forward bend, left side", NORMAL)
    assert voice.speaking and spoken == ["Seated forward bend, left side"]
    voice.say("Next: Crossovers", LOW)  # waits: never two at once
    assert spoken == ["Seated forward bend, left side"]
    voice.say("Hold", HIGH)  # cuts the name; the waiting low phrase goes
    qtbot.waitUntil(lambda: spoken[-1] == "Hold", timeout=2000)
    voice.say("three", NORMAL)  # waits for "Hold" to end, then is said
    qtbot.waitUntil(lambda: not voice.speaking, timeout=3000)
    assert spoken == ["Seated forward bend, left side", "Hold", "three"]


def test_a_waiting_phrase_that_would_come_too_late_is_dropped(qtbot, mock_voice) -> None:  # type: ignore[no-untyped-def]
    voice, spoken = mock_voice
    # 26 words at 100 ms each: longer than a phrase may wait.
    voice.say(" ".join(["slowly"] * 26), HIGH)
    voice.say("two", NORMAL)
    qtbot.waitUntil(lambda: not voice.speaking, timeout=5000)
    assert spoken == [" ".join(["slowly"] * 26)]


def test_muting_silences_at_once(qtbot, mock_voice) -> None:  # type: ignore[no-untyped-def]
    voice, spoken = mock_voice
    changes: list[bool] = []
    voice.muted_changed.connect(changes.append)
    voice.say("Walk a few steps", HIGH)
    voice.set_muted(True)
    qtbot.waitUntil(lambda: not voice.speaking, timeout=1000)
    voice.say("Hold", HIGH)
    assert spoken == ["Walk a few steps"] and changes == [True] and voice.muted


def test_no_speech_engine_means_one_notice(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'none.sock'}")
    said: list[str] = []
    voice = Voice()
    voice.unavailable.connect(said.append)
    assert not voice.loaded, "nothing is made before the first phrase"
    voice.say("Hold", HIGH)
    qtbot.waitUntil(lambda: voice.loaded, timeout=20000)
    voice.say("Release", HIGH)
    assert not voice.available and voice.engine is None
    assert said == [NO_VOICE_NOTICE] and voice.notice == NO_VOICE_NOTICE


def test_a_muted_voice_and_start_up_never_load_the_speech_library() -> None:
    code = (
        "import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
        "from coach.ui.player.voice import Voice; v = Voice(muted=True); v.prepare();"
        "v.say('Hold', 2); import coach.ui.app;"
        "print(sorted(m for m in sys.modules if 'TextToSpeech' in m or 'Multimedia' in m))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]"


# -- a real speech-dispatcher, heard on a null sound sink ----------------------
@pytest.fixture
def speech_stack(tmp_path: Path, monkeypatch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The sound server and speech-dispatcher CI starts (PULSE_SERVER,
    SPEECHD_ADDRESS), or private ones started here: a PulseAudio null sink
    and speech-dispatcher on it with espeak-ng. Yields the sink's name."""
    if shutil.which("speech-dispatcher") is None:
        pytest.skip("no speech-dispatcher binary (apt-get install speech-dispatcher espeak-ng)")
    started: list[subprocess.Popen[bytes]] = []
    sink = "ci"
    try:
        if not os.environ.get("PULSE_SERVER"):
            if shutil.which("pulseaudio") is None:
                pytest.skip("no PulseAudio to speak into (apt-get install pulseaudio)")
            sink = "coachtest"
            socket_path = tmp_path / "pulse.sock"
            env = dict(os.environ, XDG_RUNTIME_DIR=str(tmp_path), HOME=str(tmp_path))
            started.append(
                subprocess.Popen(
                    [
                        "pulseaudio",
                        "--daemonize=no",
                        "-n",
                        "--exit-idle-time=-1",
                        f"--load=module-null-sink sink_name={sink}",
                        f"--load=module-native-protocol-unix socket={socket_path} auth-anonymous=1",
                    ],
                    env=env,
                    stderr=subprocess.DEVNULL,
                )
            )
            _wait_for(socket_path)
            monkeypatch.setenv("PULSE_SERVER", f"unix:{socket_path}")
        if not os.environ.get("SPEECHD_ADDRESS"):
            conf = tmp_path / "speechd"
            conf.mkdir()
            (conf / "speechd.conf").write_text(SPEECHD_CONF.format(log=tmp_path))
            shutil.copytree("/etc/speech-dispatcher/modules", conf / "modules")
            socket_path = tmp_path / "speechd.sock"
            started.append(
                subprocess.Popen(
                    [
                        "speech-dispatcher",
                        "-s",
                        "-t",
                        "0",
                        "-C",
                        str(conf),
                        "-c",
                        "unix_socket",
                        "-S",
                        str(socket_path),
                    ],
                    env=dict(os.environ, XDG_RUNTIME_DIR=str(tmp_path)),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            _wait_for(socket_path)
            monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{socket_path}")
        yield sink
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(10)


SPEECHD_CONF = """
LogLevel 2
LogDir "{log}"
AudioOutputMethod "pulse"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
"""


def _wait_for(path: Path) -> None:
    for _ in range(100):
        if path.exists():
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} did not appear")


HEAR = """
import json, time
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from coach.ui.player.voice import Voice
voice = Voice()
states = []
ok = voice.available
if ok:
    voice.engine.stateChanged.connect(lambda state: states.append(state.name))
    voice.say("Knees to chest, left side", 1)
    end = time.monotonic() + 15
    while time.monotonic() < end and not ("Speaking" in states and states[-1] == "Ready"):
        app.processEvents()
        time.sleep(0.01)
print(json.dumps({"available": ok, "notice": voice.notice, "states": states,
                  "speaking": voice.speaking}))
"""


def test_a_phrase_is_heard_on_a_real_speech_dispatcher(speech_stack: str) -> None:
    # A process of its own: QtMultimedia meets the sound server once per
    # process, and this one's may have been started by the fixture just now.
    recorder = None
    if shutil.which("parec"):
        recorder = subprocess.Popen(
            [
                "parec",
                "-d",
                f"{speech_stack}.monitor",
                "--format=s16le",
                "--rate=16000",
                "--channels=1",
                "--latency-msec=50",
            ],
            stdout=subprocess.PIPE,
        )
    try:
        out = subprocess.run(
            [sys.executable, "-c", HEAR], capture_output=True, text=True, cwd=ROOT, timeout=60
        )
    finally:
        if recorder is not None:
            time.sleep(0.3)
            recorder.terminate()
            audio, _ = recorder.communicate(timeout=10)
    assert out.returncode == 0, out.stderr[-500:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["available"], result["notice"]
    # The engine reported speaking, then ready again once the phrase was done.
    states = result["states"]
    assert "Speaking" in states and states[-1] == "Ready" and not result["speaking"], states
    if recorder is not None:
        samples = array.array("h", audio[: len(audio) // 2 * 2])
        loud = sum(1 for sample in samples if abs(sample) > 1000)
        # A tenth of a second of clearly loud samples: speech, not silence
        # (an idle null sink gives none; the phrase gives 3,000-8,000).
        assert loud > 1600, f"the sink heard {loud} loud samples of {len(samples)}"


def test_tones_and_voice_never_map_ffmpeg() -> None:
    """In a process of its own: a tone plays (where there is a device) and the
    voice loads; libavcodec is not mapped afterwards."""
    code = """
import sys, time
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from coach.paths import assets_dir
from coach.ui.player.sounds import Tones
from coach.ui.player.voice import Voice
tones = Tones(assets_dir() / "sounds")
played = tones.available
tones.play("hold-start")
end = time.monotonic() + 1.0
while time.monotonic() < end:
    app.processEvents()
Voice(engine="mock").say("Hold", 2)
maps = open("/proc/self/maps").read()
print(played, "libavcodec" in maps, "libavformat" in maps)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    played, avcodec, avformat = out.stdout.split()
    assert (avcodec, avformat) == ("False", "False"), out.stdout
    if played != "True":
        pytest.skip("no audio output device: the tone could not play (FFmpeg still unmapped)")


def test_an_exercise_done_on_one_side_only_still_says_what_comes_next(  # type: ignore[no-untyped-def]
    qapp, catalog, data_dir: Path
) -> None:
    routine = Routine(
        "left-only",
        "Left only",
        "",
        (
            RoutineItem("crossovers", hold_s=10, reps=1, sets=1, rest_s=0, sides="left"),
            RoutineItem("seated-forward-bend", hold_s=10, reps=1, sets=1, rest_s=0),
        ),
    )
    said = spoken_in(qapp, catalog, data_dir, routine)
    assert "Next: Seated forward bend" in said
    assert said.index("Next: Seated forward bend") < said.index("Seated forward bend")
