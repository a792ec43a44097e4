"""Easing curves and angle blending for keyframe interpolation (core cannot
use QEasingCurve)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

EASES: dict[str, Callable[[float], float]] = {
    "linear": lambda u: u,
    "in": lambda u: u * u * u,
    "out": lambda u: 1.0 - (1.0 - u) ** 3,
    "in_out": lambda u: 4.0 * u * u * u if u < 0.5 else 1.0 - (-2.0 * u + 2.0) ** 3 / 2.0,
}


def ease(name: str, u: float) -> float:
    """`u` in 0..1 (clamped) mapped through the named curve."""
    return EASES[name](min(1.0, max(0.0, u)))


def arc(a: float, b: float) -> float:
    """The signed change from angle a to b along the shorter way round, in degrees."""
    return (b - a + 180.0) % 360.0 - 180.0


def blend(a: Mapping[str, float], b: Mapping[str, float], u: float) -> dict[str, float]:
    """Angles a part `u` of the way to b, each along its shorter arc."""
    return {k: a[k] + arc(a[k], b[k]) * u for k in a}
