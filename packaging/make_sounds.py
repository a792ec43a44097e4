"""Writes the player's short tones to assets/sounds/ as small WAV files.

Run from the top of the checkout: `python packaging/make_sounds.py`. The
files are committed; this script is how they were made and how to change
them. Standard library only.

The tones are soft sine notes with a short fade in and out (no clicks):
- hold-start: two rising notes, "off you go";
- hold-end:   two falling notes, "you can let go";
- walk-end:   three short equal pips, "back to the stretch".
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
VOLUME = 0.35  # of full scale: a cue, not an alarm
FADE_S = 0.012

# name -> list of (frequency Hz or 0 for silence, seconds)
TONES: dict[str, list[tuple[float, float]]] = {
    "hold-start": [(660.0, 0.12), (0.0, 0.03), (880.0, 0.18)],
    "hold-end": [(880.0, 0.12), (0.0, 0.03), (587.33, 0.22)],
    "walk-end": [(784.0, 0.08), (0.0, 0.06), (784.0, 0.08), (0.0, 0.06), (784.0, 0.08)],
}


def note(frequency: float, seconds: float) -> list[int]:
    """One note as 16-bit samples, faded at both ends."""
    count = int(RATE * seconds)
    fade = max(1, int(RATE * FADE_S))
    samples = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        value = math.sin(2 * math.pi * frequency * i / RATE) if frequency else 0.0
        samples.append(int(32767 * VOLUME * envelope * value))
    return samples


def write_tone(path: Path, parts: list[tuple[float, float]]) -> None:
    samples: list[int] = []
    for frequency, seconds in parts:
        samples.extend(note(frequency, seconds))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


def main(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for name, parts in TONES.items():
        write_tone(folder / f"{name}.wav", parts)
        print(folder / f"{name}.wav")
    return 0


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[1] / "assets" / "sounds"
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
