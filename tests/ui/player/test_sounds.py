"""The tones: shipped, made by the committed script, silent without a device."""

from __future__ import annotations

import importlib.util
import wave
from pathlib import Path

import pytest

from coach.core.session.events import HoldEnded, HoldStarted, Phase, PhaseStarted, TonesSwitched
from coach.paths import assets_dir
from coach.ui.player.sounds import NO_DEVICE_NOTICE, TONE_NAMES, ToneCues, Tones
from tests.ui.conftest import RecordingTones

ROOT = Path(__file__).resolve().parents[3]


def test_the_shipped_tones_are_short_wav_files() -> None:
    for name in TONE_NAMES:
        with wave.open(str(assets_dir() / "sounds" / f"{name}.wav")) as tone:
            assert (tone.getnchannels(), tone.getsampwidth()) == (1, 2)
            assert 0.1 < tone.getnframes() / tone.getframerate() < 0.6


def test_the_script_makes_the_shipped_files(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_sounds", ROOT / "packaging" / "make_sounds.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in TONE_NAMES:
        made = (tmp_path / f"{name}.wav").read_bytes()
        assert made == (assets_dir() / "sounds" / f"{name}.wav").read_bytes()


def test_no_audio_device_means_silence_and_one_notice(qapp) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []
    tones = Tones(assets_dir() / "sounds", probe=lambda: False)
    tones.unavailable.connect(said.append)
    assert not tones.loaded, "nothing is probed before the first tone"
    tones.play("hold-start")
    tones.play("hold-end")
    assert tones.loaded and not tones.available
    assert tones.notice == NO_DEVICE_NOTICE and said == [NO_DEVICE_NOTICE]


def test_muted_tones_never_load_multimedia(qapp) -> None:  # type: ignore[no-untyped-def]
    probed: list[bool] = []
    tones = Tones(assets_dir() / "sounds", muted=True, probe=lambda: probed.append(True) or True)
    tones.play("hold-start")
    assert probed == [] and not tones.loaded


def test_a_tone_really_plays_on_a_sound_device(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The real probe. CI starts a PulseAudio null sink so this runs there;
    # on a machine with no sound server at all it cannot be checked.
    tones = Tones(assets_dir() / "sounds")
    if not tones.available:
        pytest.skip("no audio output device on this machine (start one: pulseaudio + null sink)")
    from PySide6.QtMultimedia import QSoundEffect

    # The sound effects Tones made, found as Qt sees them: its children.
    effects = {Path(e.source().toLocalFile()).stem: e for e in tones.findChildren(QSoundEffect)}
    assert set(effects) == set(TONE_NAMES)
    effect = effects["hold-start"]
    qtbot.waitUntil(lambda: effect.status() == effect.Status.Ready, timeout=3000)
    tones.play("hold-start")
    qtbot.waitUntil(effect.isPlaying, timeout=3000)
    # A second tone while one sounds is dropped, not overlapped (fast demo
    # clocks: overlapping plays sent Qt's PulseAudio output into a busy loop).
    tones.play("hold-end")
    assert not effects["hold-end"].isPlaying()
    qtbot.waitUntil(lambda: not effect.isPlaying(), timeout=3000)  # 0.1-0.6 s long


def test_tone_cues_follow_holds_and_walks(qapp) -> None:  # type: ignore[no-untyped-def]
    tones = RecordingTones()
    cues = ToneCues(tones)
    for event in (
        PhaseStarted(Phase.HOLD, 10),
        HoldStarted("x", None, 1, 1, 10),
        HoldEnded(10, False),
        PhaseStarted(Phase.WALK, 20),
        PhaseStarted(Phase.MOVE_IN, 3),
        HoldStarted("x", None, 1, 2, 10),
        HoldEnded(4, True),
    ):
        cues.on_event(event)
    assert tones.played == ["hold-start", "hold-end", "walk-end", "hold-start"]
    cues.on_event(TonesSwitched(muted=True))
    assert tones.muted
    cues.on_event(HoldStarted("x", None, 1, 3, 10))
    assert len(tones.played) == 4
    cues.on_event(TonesSwitched(muted=False))
    cues.on_event(HoldStarted("x", None, 1, 4, 10))
    assert tones.played[-1] == "hold-start" and len(tones.played) == 5
