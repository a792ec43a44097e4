"""The compact window: always on top, the same session, the same keys,
the sharp-pain stop, and a walk you cannot miss."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from coach.core.session.events import Phase
from coach.ui.player.panel import RING_DIGITS
from coach.ui.player.phase import Kind
from tests.ui.conftest import press, run_until
from tests.ui.player.helpers import start


def test_c_switches_to_compact_and_back(coach_app, qtbot):  # type: ignore[no-untyped-def]
    player = start(coach_app)
    press(qtbot, player, Qt.Key.Key_C)
    compact = player.compact
    assert compact is not None and compact.isVisible() and not player.isVisible()
    assert compact.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert player.controls.compact.text() == "Full view"
    press(qtbot, compact, Qt.Key.Key_C)
    assert player.isVisible() and not compact.isVisible()


def test_compact_asked_for_before_the_start_comes_after_it(coach_app):  # type: ignore[no-untyped-def]
    player = coach_app.play("tiny", compact=True)
    assert player.waiting_to_start and player.compact is None, "the questions need room"
    player.begin()
    assert player.compact is not None and player.compact.isVisible()


def test_c_on_the_get_ready_page_goes_compact_once_started(coach_app, qtbot):  # type: ignore[no-untyped-def]
    player = coach_app.play("tiny")
    press(qtbot, player, Qt.Key.Key_C)
    assert player.waiting_to_start and player.compact is None
    assert "compact window opens when the session starts" in player.statusBar().currentMessage()
    press(qtbot, player, Qt.Key.Key_Space)
    assert player.compact is not None and player.compact.isVisible()
    assert player.controls.compact.isChecked()


def test_compact_follows_the_session_and_takes_the_keys(coach_app, qtbot):  # type: ignore[no-untyped-def]
    player = start(coach_app, compact=True)
    compact = player.compact
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.rep == 2 and s.seconds_left < 4.5)
    assert compact.counter.text() == "Rep 2 of 7"
    assert compact.ring.digits == "5" and compact.ring.caption == "hold"
    assert compact.kind is Kind.HOLD and compact.phase.text() == "Hold"
    press(qtbot, compact, Qt.Key.Key_Space)
    assert player.driver.state.paused and compact.kind is Kind.PAUSED
    press(qtbot, compact, Qt.Key.Key_Space)
    press(qtbot, compact, Qt.Key.Key_Right)
    assert player.driver.state.phase is Phase.RELEASE


def test_escape_in_compact_asks_in_the_full_player(coach_app, qtbot):  # type: ignore[no-untyped-def]
    player = start(coach_app, compact=True)
    press(qtbot, player.compact, Qt.Key.Key_Escape)
    assert player.isVisible() and player.view.confirm.isVisible()
    assert player.driver.running and player.driver.state.paused


def test_compact_has_the_sharp_pain_stop_and_p_works(coach_app, qtbot):  # type: ignore[no-untyped-def]
    player = start(coach_app, compact=True)
    compact = player.compact
    assert compact.pain_button.isVisible()
    assert compact.pain_button.text() == "Sharp pain — stop"
    run_until(coach_app, lambda s: s.phase is Phase.HOLD)
    press(qtbot, compact, Qt.Key.Key_P)
    assert not player.driver.running
    assert coach_app.log.sessions()[0].outcome == "pain"
    assert player.isVisible() and player.summary.advice.isVisible()


def test_the_walk_changes_the_compact_window_too(coach_app):  # type: ignore[no-untyped-def]
    player = start(coach_app, compact=True)
    compact = player.compact
    run_until(coach_app, lambda s: s.phase is Phase.HOLD)
    background = compact.palette().color(QPalette.ColorRole.Window)
    hold_px = compact.phase.font().pixelSize()
    run_until(coach_app, lambda s: s.phase is Phase.WALK)
    coach_app.qapp.processEvents()
    assert compact.kind is Kind.WALK and compact.phase.text() == "Walk"
    assert compact.palette().color(QPalette.ColorRole.Window) != background
    walk_px = compact.phase.font().pixelSize()
    assert walk_px > hold_px * 1.5
    digits_px = min(compact.ring.width(), compact.ring.height()) * RING_DIGITS
    assert walk_px > digits_px, "'Walk' is the biggest word in the window"
    assert walk_px > compact.counter.font().pixelSize()
    run_until(coach_app, lambda s: s.phase is not Phase.WALK)
    assert compact.palette().color(QPalette.ColorRole.Window) == background


def test_the_summary_comes_back_to_the_full_window(coach_app):  # type: ignore[no-untyped-def]
    player = start(coach_app, compact=True)
    run_until(coach_app, lambda s: s.finished)
    assert player.isVisible() and not player.compact.isVisible()
    assert player.stack.currentWidget() is player.summary
    assert coach_app.log.sessions()[0].outcome == "completed"


def test_closing_compact_by_hand_returns_to_the_player(coach_app):  # type: ignore[no-untyped-def]
    player = start(coach_app, compact=True)
    player.compact.close()
    assert player.isVisible() and not player.controls.compact.isChecked()
    assert player.driver.running
