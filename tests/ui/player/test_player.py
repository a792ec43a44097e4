"""The player on a fake clock: a whole routine, keyboard controls, the
sharp-pain stop, and what the log recorded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coach.core.session.events import Phase
from coach.ui import wording
from coach.ui.player.phase import Kind
from tests.ui.conftest import press, run_until
from tests.ui.player.helpers import start

Key = Qt.Key


@pytest.fixture
def player(coach_app, qtbot):  # type: ignore[no-untyped-def]
    window = start(coach_app)
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def only_session(coach_app):  # type: ignore[no-untyped-def]
    sessions = coach_app.log.sessions()
    assert len(sessions) == 1
    return sessions[0]


def test_a_whole_routine_is_played_and_logged(coach_app, player):  # type: ignore[no-untyped-def]
    run_until(coach_app, lambda s: s.finished)
    session = only_session(coach_app)
    assert session.outcome == "completed"
    reps = coach_app.log.reps(session.id)
    assert [(r.exercise_id, r.side, r.rep) for r in reps] == (
        [("directed-forward-bend", None, n) for n in range(1, 8)]
        + [("seated-spinal-twist", "left", 1), ("seated-spinal-twist", "right", 1)]
    )
    assert all(not r.skipped and r.actual_hold_s == pytest.approx(10, abs=0.15) for r in reps)
    assert player.stack.currentWidget() is player.summary
    assert player.summary.reps.text() == "9 of 9"
    assert not player.driver.heartbeat_active, "the heartbeat stops with the session"


def test_the_display_follows_the_session(coach_app, player):  # type: ignore[no-untyped-def]
    view = player.view
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.rep == 3 and s.seconds_left < 7.5)
    assert view.counter.text() == "Rep 3 of 7"
    assert view.ring.digits == "8" and view.ring.caption == "hold"
    assert view.phase.text() == "Hold" and view.icon.kind is Kind.HOLD
    assert view.cue.text() and view.step.text().startswith("4. ")
    run_until(coach_app, lambda s: s.phase is Phase.WALK)
    assert view.phase.text() == "Walk" and view.icon.kind is Kind.WALK
    assert view.ring.caption == "walk" and view.ring.digits == "20"
    assert view.counter.text() == "Rep 3 of 7 done"
    assert view.next.text() == "Next: back into position for rep 4"
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.side == "right")
    assert view.counter.text() == "Rep 1 of 1 · Right side"
    assert view.name.text() == "Seated spinal twist (2 of 2)"


def test_space_pauses_and_the_countdown_stands_still(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    run_until(coach_app, lambda s: s.phase is Phase.HOLD)
    press(qtbot, player, Key.Key_Space)
    assert player.driver.state.paused
    left = player.driver.state.seconds_left
    coach_app.clock.advance(30)
    player.driver.pump()
    assert player.driver.state.seconds_left == left
    assert player.view.phase.text().startswith("Paused")
    assert player.view.icon.kind is Kind.PAUSED
    assert player.view.cue.text() == wording.USER_PAUSE_TEXT
    assert player.controls.pause.text() == "Resume"
    press(qtbot, player, Key.Key_Space)
    assert not player.driver.state.paused
    assert player.controls.pause.text() == "Pause"


def test_right_skips_and_left_goes_back(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.rep == 1)
    press(qtbot, player, Key.Key_Right)  # skip the hold of rep 1
    assert player.driver.state.phase is Phase.RELEASE
    press(qtbot, player, Key.Key_Left)  # back into the hold
    assert player.driver.state.phase is Phase.HOLD and player.driver.state.rep == 1
    run_until(coach_app, lambda s: s.phase is Phase.WALK)
    press(qtbot, player, Key.Key_Right)  # skip the walk
    assert player.driver.state.phase is Phase.MOVE_IN and player.driver.state.rep == 2
    reps = coach_app.log.reps(only_session(coach_app).id)
    assert [(r.rep, r.skipped) for r in reps] == [(1, False)], "the redone rep replaces the skip"


def test_escape_asks_and_pauses_until_answered(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.rep == 2 and s.seconds_left < 5)
    press(qtbot, player, Key.Key_Escape)
    assert player.view.confirm.isVisible()
    assert player.driver.state.paused, "the clock waits for the answer"
    before = player.driver.state.seconds_left
    coach_app.clock.advance(30)
    player.driver.pump()
    assert player.driver.state.seconds_left == before
    press(qtbot, player, Key.Key_Return)  # Enter: keep going
    assert not player.view.confirm.isVisible() and player.driver.running
    assert not player.driver.state.paused
    press(qtbot, player, Key.Key_Escape)
    qtbot.mouseClick(player.view.confirm.keep, Qt.MouseButton.LeftButton)
    assert not player.view.confirm.isVisible() and not player.driver.state.paused
    press(qtbot, player, Key.Key_Escape)
    press(qtbot, player, Key.Key_Escape)  # Esc again: stop
    assert not player.driver.running
    session = only_session(coach_app)
    assert session.outcome == "stopped"
    reps = coach_app.log.reps(session.id)
    assert [(r.rep, r.skipped) for r in reps] == [(1, False), (2, True)]
    assert player.summary.title.text() == "Session stopped"


def test_a_session_paused_before_the_question_stays_paused(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    run_until(coach_app, lambda s: s.phase is Phase.HOLD)
    press(qtbot, player, Key.Key_Space)
    press(qtbot, player, Key.Key_Escape)
    qtbot.mouseClick(player.view.confirm.keep, Qt.MouseButton.LeftButton)
    assert player.driver.state.paused, "Keep going does not resume what the person paused"


def test_the_stop_button_on_the_question_stops(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    run_until(coach_app, lambda s: s.phase is Phase.MOVE_IN)
    press(qtbot, player, Key.Key_Escape)
    qtbot.mouseClick(player.view.confirm.stop, Qt.MouseButton.LeftButton)
    assert only_session(coach_app).outcome == "stopped"


def test_sharp_pain_stops_at_once_and_says_why(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.rep == 2)
    qtbot.mouseClick(player.view.pain_button, Qt.MouseButton.LeftButton)
    assert not player.driver.running
    session = only_session(coach_app)
    assert session.outcome == "pain"
    assert session.reps_done == 1
    assert player.summary.advice.isVisible()
    assert (
        "talk to a doctor or physiotherapist"
        in player.summary.advice.findChild(type(player.summary.title)).text()
    )


def test_mute_by_key_is_remembered(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    press(qtbot, player, Key.Key_M)
    assert coach_app.tones.muted and coach_app.settings.muted
    assert player.controls.mute.text() == "Tones off"
    run_until(coach_app, lambda s: s.phase is Phase.RELEASE)
    assert coach_app.tones.played == []
    press(qtbot, player, Key.Key_M)
    run_until(coach_app, lambda s: s.phase is Phase.MOVE_IN and s.rep == 2)
    assert coach_app.tones.played == ["walk-end"]
    run_until(coach_app, lambda s: s.phase is Phase.RELEASE)
    assert coach_app.tones.played == ["walk-end", "hold-start", "hold-end"]


def test_summary_links_to_history(coach_app, player):  # type: ignore[no-untyped-def]
    run_until(coach_app, lambda s: s.finished)
    player.summary.history_link.linkActivated.emit("history")
    assert coach_app.history is not None and coach_app.history.isVisible()


def test_history_follows_a_session_played_while_it_is_open(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    coach_app.open_history()
    history = coach_app.history
    [record] = history.records
    assert record.outcome is None, "in progress"
    run_until(coach_app, lambda s: s.finished)
    assert history.records[-1].outcome == "completed", "no need to click History first"
    qtbot.mouseClick(player.summary.pain_scale.group.button(2), Qt.MouseButton.LeftButton)
    assert history.records[-1].pain_after == 2


def test_the_figure_moves_on_the_session_clock(coach_app, player):  # type: ignore[no-untyped-def]
    run_until(coach_app, lambda s: s.phase is Phase.MOVE_IN)
    figure = player.view.figure
    assert figure.shown.phase == "move" and figure.animating
    assert figure.shown.side is None, "a symmetric exercise: the one facing rule decides"
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.side == "right")
    assert figure.shown.side == "right"


def test_v_switches_the_voice_and_is_remembered(coach_app, qtbot):  # type: ignore[no-untyped-def]
    from coach.ui.player.voice import Voice

    coach_app.voice = Voice(muted=True, engine="mock")
    player = start(coach_app)
    assert player.controls.voice.isEnabled() and player.controls.voice.text() == "Voice off"
    press(qtbot, player, Key.Key_V)
    assert not coach_app.voice.muted and not coach_app.settings.voice_muted
    assert player.controls.voice.text() == "Voice on"
    press(qtbot, player, Key.Key_V)
    assert coach_app.voice.muted and coach_app.settings.voice_muted
    assert not coach_app.tones.muted, "the tones have their own switch"


def test_without_a_voice_the_switch_is_hidden(coach_app, player):  # type: ignore[no-untyped-def]
    assert not player.controls.voice.isEnabled()
    assert [b.text() for b in player.switches if b.isVisible()] == [
        "Tones on",
        "Compact",
        "Full screen",
    ]
