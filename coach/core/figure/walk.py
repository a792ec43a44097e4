"""The walking cycle every exercise shares for the walk between reps: the
figure walks on the spot (as on a treadmill) with arms swinging against the
legs. A stride (two steps) takes STRIDE_S seconds."""

from __future__ import annotations

import math

STRIDE_S = 1.1


def walk_angles(t: float) -> dict[str, float]:
    """Joint angles `t` seconds into the walk; the cycle repeats every stride."""
    phase = 2.0 * math.pi * ((t / STRIDE_S) % 1.0)
    angles = {"trunk": 4.0, "neck": 4.0, "lumbar": 0.0, "thoracic": 2.0}
    for side, shift in (("near", 0.0), ("far", math.pi)):
        p = phase + shift
        swing = max(0.0, math.cos(p))  # 1 in mid-swing, 0 through stance
        angles[f"hip_{side}"] = 16.0 * math.sin(p) + 6.0 * swing
        angles[f"knee_{side}"] = 5.0 + 45.0 * swing**2 + 6.0 * max(0.0, -math.sin(p))
        angles[f"ankle_{side}"] = -12.0 * swing + 10.0 * max(0.0, -math.sin(p)) ** 2
        angles[f"shoulder_{side}"] = -20.0 * math.sin(p)
        angles[f"shoulder_{side}_out"] = 6.0
        angles[f"elbow_{side}"] = 18.0 + 12.0 * max(0.0, -math.sin(p))
    return angles
