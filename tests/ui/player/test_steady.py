"""A steady screen: no message, question or answer moves the figure, the
ring, the counters or the buttons. Each step below makes one appear (or go)
and compares every watched widget's place and size with before."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, Qt

from coach.core.session.events import Phase
from tests.ui.conftest import press, run_until
from tests.ui.player.helpers import geometry, start

Key = Qt.Key


def watched(player) -> dict[str, tuple[int, int, int, int]]:  # type: ignore[no-untyped-def]
    view = player.view
    widgets = {
        "figure": view.figure,
        "ring": view.ring,
        "counter": view.counter,
        "phase": view.phase,
        "icon": view.icon,
        "name": view.name,
        "step": view.step,
        "cue": view.cue,
        "next": view.next,
        **{f"button {i}": b for i, b in enumerate(view.buttons)},
        **{f"switch {i}": b for i, b in enumerate(player.switches)},
    }
    player.coach_app_qapp.processEvents()
    return {name: geometry(widget) for name, widget in widgets.items()}


def steps(coach_app, player, qtbot) -> list[tuple[str, Callable[[], None]]]:  # type: ignore[no-untyped-def]
    def key(k: Key) -> Callable[[], None]:
        return lambda: press(qtbot, player, k)

    def advance(seconds: float) -> Callable[[], None]:
        def run() -> None:  # in heartbeats: a long gap would pause the session
            for _ in range(round(seconds / 0.25)):
                coach_app.clock.advance(0.25)
                player.driver.pump()

        return run

    return [
        ("a notice in the status bar", lambda: player.show_notice("No sound device was found.")),
        ("the log could not be written", lambda: player.driver.problem.emit("Disk full.")),
        ("tones off (M)", key(Key.Key_M)),
        ("tones on again", key(Key.Key_M)),
        ("paused (Space)", key(Key.Key_Space)),
        ("resumed", key(Key.Key_Space)),
        ("'Stop this session?' (Esc)", key(Key.Key_Escape)),
        ("time passes while it asks", advance(3)),
        ("Keep going (Enter)", key(Key.Key_Return)),
        ("the next cue during the hold", advance(6.5)),
        ("the hold ends: no cue", lambda: run_until(coach_app, lambda s: s.phase is Phase.RELEASE)),
        ("the next rep moves in", lambda: run_until(coach_app, lambda s: s.phase is Phase.MOVE_IN)),
    ]


@pytest.mark.parametrize("size", [(1120, 760), (1280, 800), (640, 480)])
def test_nothing_moves_when_a_message_or_question_appears(coach_app, qtbot, size):  # type: ignore[no-untyped-def]
    player = start(coach_app)
    player.coach_app_qapp = coach_app.qapp
    player.resize(*size)
    qtbot.waitExposed(player)
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.rep == 2)
    before = watched(player)
    seen = []
    for what, do in steps(coach_app, player, qtbot):
        do()
        after = watched(player)
        moved = {n: (before[n], after[n]) for n in before if before[n] != after[n]}
        assert not moved, f"{what} moved {moved}"
        seen.append(what)
    assert player.view.confirm.isHidden() and not player.driver.state.paused
    assert len(seen) == 12


def test_the_stop_question_floats_over_the_figure(coach_app, qtbot):  # type: ignore[no-untyped-def]
    player = start(coach_app)
    run_until(coach_app, lambda s: s.phase is Phase.HOLD)
    press(qtbot, player, Key.Key_Escape)
    confirm = player.view.confirm
    assert confirm.isVisible() and confirm.parentWidget() is player.view
    assert player.view.layout().indexOf(confirm) == -1, "in no layout: it takes no room"
    card = QRect(*geometry(confirm))
    assert QRect(*geometry(player.view.figure)).contains(card)
    for widget in (player.view.ring, player.view.counter, player.view.pain_button):
        assert not card.intersects(QRect(*geometry(widget))), widget.accessibleName()
