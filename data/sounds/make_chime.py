"""Make data/sounds/chime.wav: a soft two-tone "ding-dong" for a new call (run once, commit).

Synthesised here so the sound's licence is the project's own: two sine tones (E5 then C5, a
major third down, as many calling systems use) with a quick attack, an exponential decay and
a touch of the octave for warmth; 16-bit mono at 22.05 kHz, about 1.6 s, well under 100 KB.

    python data/sounds/make_chime.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE_HZ = 22_050
# (frequency Hz, start s, length s)
NOTES = ((659.25, 0.0, 0.9), (523.25, 0.55, 1.05))
PEAK = 0.45  # of full scale: loud enough on a TV, never clipping when the notes overlap
ATTACK_S = 0.012
DECAY_PER_S = 3.2


def sample(t: float) -> float:
    """The chime's value at ``t`` seconds (-1 to 1)."""
    value = 0.0
    for frequency, start, length in NOTES:
        local = t - start
        if not 0 <= local < length:
            continue
        envelope = min(1.0, local / ATTACK_S) * math.exp(-DECAY_PER_S * local)
        tail = min(1.0, (length - local) / 0.05)  # fade the last 50 ms: no click
        tone = math.sin(2 * math.pi * frequency * local)
        tone += 0.25 * math.sin(2 * math.pi * 2 * frequency * local)
        value += PEAK * envelope * tail * tone / 1.25
    return max(-1.0, min(1.0, value))


def write_chime(path: Path) -> None:
    """Write the WAV file."""
    length_s = max(start + length for _, start, length in NOTES)
    frames = b"".join(
        struct.pack("<h", round(sample(i / RATE_HZ) * 32767))
        for i in range(round(length_s * RATE_HZ))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE_HZ)
        out.writeframes(frames)


if __name__ == "__main__":
    target = Path(__file__).with_name("chime.wav")
    write_chime(target)
    print(f"{target}: {target.stat().st_size} bytes")
