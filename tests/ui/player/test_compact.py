"""The compact window: always on top, the same session, the same keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coach.core.session.events import Phase
from tests.ui.conftest import press, run_until


def test_c_switches_to_compact_and_back(coach_app, qtbot):  # type: ignore[no-untyped-def]
    player = coach_app.play("tiny")
    press(qtbot, player, Qt.Key.Key_C)
    compact = player.compact
    assert compact is not None and compact.isVisible() and not player.isVisible()
    assert compact.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert player.controls.compact.text() == "Full view"
    press(qtbot, compact, Qt.Key.Key_C)
    assert player.isVisible() and not compact.isVisible()


def test_compact_follows_the_session_and_takes_the_keys(coach_app, qtbot):  # type: ignore[no-untyped-def]
    player = coach_app.play("tiny", compact=True)
    compact = player.compact
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.rep == 2 and s.seconds_left < 4.5)
    assert compact.counter.text() == "Rep 2 of 7"
    assert compact.ring.digits == "5" and compact.ring.caption == "hold"
    press(qtbot, compact, Qt.Key.Key_Space)
    assert player.driver.state.paused
    press(qtbot, compact, Qt.Key.Key_Space)
    press(qtbot, compact, Qt.Key.Key_Right)
    assert player.driver.state.phase is Phase.RELEASE


def test_escape_in_compact_asks_in_the_full_player(coach_app, qtbot):  # type: ignore[no-untyped-def]
    player = coach_app.play("tiny", compact=True)
    press(qtbot, player.compact, Qt.Key.Key_Escape)
    assert player.isVisible() and player.view.confirm.isVisible()
    assert player.driver.running


def test_the_summary_comes_back_to_the_full_window(coach_app):  # type: ignore[no-untyped-def]
    player = coach_app.play("tiny", compact=True)
    run_until(coach_app, lambda s: s.finished)
    assert player.isVisible() and not player.compact.isVisible()
    assert player.stack.currentWidget() is player.summary
    assert coach_app.log.sessions()[0].outcome == "completed"


def test_closing_compact_by_hand_returns_to_the_player(coach_app):  # type: ignore[no-untyped-def]
    player = coach_app.play("tiny", compact=True)
    player.compact.close()
    assert player.isVisible() and not player.controls.compact.isChecked()
    assert player.driver.running
