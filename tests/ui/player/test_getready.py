"""The get-ready page: the questions come before the clock starts, the
session starts on Space, Enter or Start, or by itself after a visible
countdown, unless the person touched the page; "yes, injured" offers to
stop before anything starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coach.ui import wording
from tests.ui.conftest import press, run_until

Key = Qt.Key


@pytest.fixture
def player(coach_app, qtbot):  # type: ignore[no-untyped-def]
    window = coach_app.play("tiny")
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def wait(coach_app, player, seconds: float) -> None:  # type: ignore[no-untyped-def]
    """Let `seconds` pass on the session clock, as the page's timer sees them."""
    coach_app.clock.advance(seconds)
    player.ready.tick()


def test_the_questions_come_before_the_clock(coach_app, player):  # type: ignore[no-untyped-def]
    assert player.stack.currentWidget() is player.ready
    assert not player.driver.running and coach_app.log.sessions() == []
    ready = player.ready
    assert ready.caution.isVisible() and ready.injury.isVisible() and ready.pain_before.isVisible()
    assert ready.countdown.text() == "Starts by itself in 15 s"
    assert player.view.figure.shown is None, "nothing on the stage moves yet"


def test_it_starts_by_itself_when_nothing_is_touched(coach_app, player):  # type: ignore[no-untyped-def]
    wait(coach_app, player, 10.2)
    assert player.ready.countdown.text() == "Starts by itself in 5 s"
    assert not player.driver.running
    wait(coach_app, player, 5)
    assert player.driver.running and player.stack.currentWidget() is player.view
    run_until(coach_app, lambda s: s.finished)
    [session] = coach_app.log.sessions()
    assert session.outcome == "completed" and session.pain_before is None


def test_its_timer_runs_on_the_session_clock(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    coach_app.clock.advance(16)
    qtbot.waitUntil(lambda: player.driver.running, timeout=2000)


@pytest.mark.parametrize("key", [Key.Key_Space, Key.Key_Return, Key.Key_Enter])
def test_space_or_enter_starts(coach_app, player, qtbot, key):  # type: ignore[no-untyped-def]
    press(qtbot, player, key)
    assert player.driver.running and not player.driver.state.paused
    assert player.stack.currentWidget() is player.view


def test_the_start_button_starts(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(player.ready.start_button, Qt.MouseButton.LeftButton)
    assert player.driver.running


def test_a_key_stops_the_countdown(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    press(qtbot, player, Key.Key_A)
    assert player.ready.countdown.text() == wording.WAITING_TEXT
    wait(coach_app, player, 60)
    assert not player.driver.running, "it waits for Start"
    press(qtbot, player, Key.Key_Space)
    assert player.driver.running


def test_a_click_stops_the_countdown(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(player.ready.summary, Qt.MouseButton.LeftButton)
    wait(coach_app, player, 60)
    assert not player.driver.running and not player.ready.counting


def test_pain_before_is_logged_once_started(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(player.ready.pain_before.group.button(4), Qt.MouseButton.LeftButton)
    assert not player.driver.running and player.ready.countdown.text() == wording.WAITING_TEXT
    press(qtbot, player, Key.Key_Space)
    run_until(coach_app, lambda s: s.finished)
    qtbot.mouseClick(player.summary.pain_scale.group.button(2), Qt.MouseButton.LeftButton)
    [session] = coach_app.log.sessions()
    assert (session.pain_before, session.pain_after) == (4, 2)
    assert player.summary.pain.text() == "4 → 2"


def test_the_caution_is_remembered(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(player.ready.caution.ok, Qt.MouseButton.LeftButton)
    assert coach_app.settings.caution_seen and not player.ready.caution.isVisible()


def test_injured_offers_to_stop_with_the_reason(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    injury = player.ready.injury
    qtbot.mouseClick(injury.yes, Qt.MouseButton.LeftButton)
    assert injury.explanation.isVisible()
    text = injury.explanation.text()
    assert "72 hours" in text and "settle" in text and "don't stretch" in text
    assert injury.stop.isVisible() and injury.stop.text() == wording.INJURY_CLOSE
    wait(coach_app, player, 60)
    assert not player.driver.running, "nothing starts while it asks"
    qtbot.mouseClick(injury.stop, Qt.MouseButton.LeftButton)
    assert not player.isVisible()
    assert coach_app.log.sessions() == [], "nothing was started, so nothing is logged"


def test_injured_elsewhere_carries_on(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    injury = player.ready.injury
    qtbot.mouseClick(injury.yes, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(injury.carry_on, Qt.MouseButton.LeftButton)
    assert not injury.isVisible() and not player.driver.running
    press(qtbot, player, Key.Key_Return)
    assert player.driver.running


def test_nothing_is_asked_once_the_clock_runs(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    press(qtbot, player, Key.Key_Space)
    run_until(coach_app, lambda s: s.rep == 2)
    assert not player.ready.isVisible()
    assert not any(w.isVisible() for w in (player.ready.injury, player.ready.pain_before))


def test_sharp_pain_on_the_page_logs_it_and_says_what_to_do(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    press(qtbot, player, Key.Key_P)
    assert player.stack.currentWidget() is player.summary and player.summary.advice.isVisible()
    [session] = coach_app.log.sessions()
    assert session.outcome == "pain" and session.reps_done == 0


def test_p_on_the_summary_does_nothing_harmful(coach_app, player, qtbot):  # type: ignore[no-untyped-def]
    press(qtbot, player, Key.Key_Space)
    run_until(coach_app, lambda s: s.finished)
    press(qtbot, player, Key.Key_P)
    press(qtbot, player, Key.Key_Escape)
    press(qtbot, player, Key.Key_Space)
    assert player.stack.currentWidget() is player.summary
    assert player.summary.title.text() == "Session complete — well done"
    [session] = coach_app.log.sessions()
    assert session.outcome == "completed"


def test_the_time_scale_shortens_the_countdown(qtbot):  # type: ignore[no-untyped-def]
    """`coach play --time-scale 30`: the page counts on the session's scaled
    clock, so its 15 s go by in half a real second."""
    from coach.core.session.clock import ScaledClock
    from coach.ui.player.controls import PlayerActions
    from coach.ui.player.getready import GetReadyPage

    real = [100.0]
    clock = ScaledClock(30, source=lambda: real[0])
    page = GetReadyPage(
        "Demo", "", PlayerActions(), now=clock.now, show_caution=False, ask_injury=False
    )
    qtbot.addWidget(page)
    page.begin_countdown()
    with qtbot.assertNotEmitted(page.start_requested):
        real[0] += 0.45
        page.tick()
    assert page.countdown.text() == "Starts by itself in 2 s"
    with qtbot.waitSignal(page.start_requested, timeout=100):
        real[0] += 0.06
        page.tick()
