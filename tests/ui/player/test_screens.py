"""Screenshots of every player state, in light and dark, to look at.

Each test also checks the one thing the picture is for, so a screenshot of
the wrong state fails rather than being saved quietly.
"""

from __future__ import annotations

from coach.core.session.events import Phase
from tests.ui.conftest import run_until
from tests.ui.player.helpers import start


def test_main_window(coach_app, theme, shoot):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    window.resize(1000, 680)
    coach_app.qapp.processEvents()
    assert window.title.text()
    shoot(window, f"main-window-{theme}")


def test_player_hold(coach_app, theme, shoot):  # type: ignore[no-untyped-def]
    player = start(coach_app)
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.rep == 3 and s.seconds_left < 6.5)
    assert player.view.ring.caption == "hold"
    shoot(player, f"player-hold-{theme}")


def test_player_get_ready(coach_app, theme, shoot):  # type: ignore[no-untyped-def]
    player = coach_app.play("tiny")
    assert player.ready.pain_before.isVisible() and player.ready.injury.isVisible()
    shoot(player, f"player-get-ready-{theme}")


def test_player_lead_in(coach_app, theme, shoot):  # type: ignore[no-untyped-def]
    player = start(coach_app)
    run_until(coach_app, lambda s: s.seconds_left < 3.5)
    assert player.view.ring.caption == "get ready"
    shoot(player, f"player-lead-in-{theme}")


def test_player_walk(coach_app, theme, shoot):  # type: ignore[no-untyped-def]
    player = start(coach_app)
    run_until(coach_app, lambda s: s.phase is Phase.WALK and s.seconds_left < 12.5)
    assert player.view.phase.text() == "Walk"
    shoot(player, f"player-walk-{theme}")


def test_player_paused(coach_app, theme, shoot):  # type: ignore[no-untyped-def]
    player = start(coach_app)
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.side == "left")
    player.driver.toggle_pause()
    assert player.view.phase.text().startswith("Paused")
    shoot(player, f"player-paused-{theme}")


def test_player_confirm_stop(coach_app, theme, shoot):  # type: ignore[no-untyped-def]
    player = start(coach_app)
    run_until(coach_app, lambda s: s.phase is Phase.MOVE_IN and s.rep == 2)
    player.controls.stop.trigger()
    assert player.view.confirm.isVisible()
    shoot(player, f"player-confirm-stop-{theme}")


def test_summary(coach_app, theme, shoot):  # type: ignore[no-untyped-def]
    player = coach_app.play("tiny")
    player.ready.pain_before.answer(5)
    player.begin()
    run_until(coach_app, lambda s: s.finished)
    player.summary.pain_scale.answer(3)
    assert player.summary.pain.text() == "5 → 3"
    shoot(player, f"summary-{theme}")


def test_summary_after_sharp_pain(coach_app, theme, shoot):  # type: ignore[no-untyped-def]
    player = start(coach_app)
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.rep == 2)
    player.controls.pain.trigger()
    assert player.summary.advice.isVisible()
    shoot(player, f"summary-pain-{theme}")


def test_compact(coach_app, theme, shoot):  # type: ignore[no-untyped-def]
    player = start(coach_app)
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and s.rep == 2 and s.seconds_left < 4.5)
    player.controls.compact.trigger()
    assert player.compact is not None and player.compact.isVisible()
    shoot(player.compact, f"compact-{theme}")
