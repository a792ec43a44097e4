"""Shared steps for the player tests."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def start(coach_app, routine: str = "tiny", *, compact: bool = False):  # type: ignore[no-untyped-def]
    """Open the player and press Start on its get-ready page."""
    player = coach_app.play(routine, compact=compact)
    assert player.waiting_to_start
    player.begin()
    assert player.driver.running
    return player


def geometry(widget: QWidget) -> tuple[int, int, int, int]:
    """Where `widget` is inside its window, and its size."""
    top_left = widget.mapTo(widget.window(), widget.rect().topLeft())
    return (top_left.x(), top_left.y(), widget.width(), widget.height())
