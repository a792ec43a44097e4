"""The sharp-pain stop and every other control fit: at the player's
minimum size, at 640x480 and 800x560 (where "Sharp pain — stop" used to be
cut to "Sharp… stop"), and in the compact window at its minimum size; no
button is narrower than its text needs, none overlaps another, all are in
the window. F11 and its button make the player full screen, remembered."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QToolButton

from coach.core.session.events import Phase
from coach.ui import safety
from coach.ui.player import compact as compact_module
from coach.ui.player.window import MIN_SIZE
from tests.ui.conftest import press, run_until
from tests.ui.player.helpers import geometry, start


def check_buttons(window, buttons) -> None:  # type: ignore[no-untyped-def]
    window_rect = QRect(0, 0, window.width(), window.height())
    places = {}
    for button in buttons:
        assert button.isVisible(), button.text()
        hint = button.sizeHint()
        assert button.width() >= hint.width(), (
            f"{button.text()!r} is cut: {button.width()} < {hint.width()}"
        )
        assert button.height() >= hint.height(), f"{button.text()!r} is cut vertically"
        place = QRect(*geometry(button))
        assert window_rect.contains(place), f"{button.text()!r} is outside the window"
        places[button.text()] = place
    for (a, pa), (b, pb) in itertools.combinations(places.items(), 2):
        assert not pa.intersects(pb), f"{a!r} overlaps {b!r}"


def test_the_player_cannot_be_made_smaller_than_its_controls(coach_app) -> None:  # type: ignore[no-untyped-def]
    player = start(coach_app)
    player.resize(100, 100)
    coach_app.qapp.processEvents()
    assert (player.width(), player.height()) == MIN_SIZE


@pytest.mark.parametrize("size", [MIN_SIZE, (640, 480), (660, 500), (800, 560), (1120, 760)])
def test_every_control_fits(coach_app, size) -> None:  # type: ignore[no-untyped-def]
    player = start(coach_app)
    player.resize(*size)
    run_until(coach_app, lambda s: s.phase is Phase.HOLD)
    player.driver.toggle_pause()  # the longest texts: "Resume"
    coach_app.qapp.processEvents()
    assert player.view.pain_button.text() == safety.SHARP_PAIN_BUTTON
    check_buttons(player, [*player.view.buttons, *(b for b in player.switches if b.isVisible())])
    assert player.view.fits()


def test_the_compact_window_fits_its_controls(coach_app) -> None:  # type: ignore[no-untyped-def]
    player = start(coach_app, compact=True)
    compact = player.compact
    compact.resize(10, 10)
    coach_app.qapp.processEvents()
    assert (compact.width(), compact.height()) == compact_module.MIN_SIZE
    check_buttons(compact, compact.buttons)
    assert compact.pain_button.text() == safety.SHARP_PAIN_BUTTON


def test_the_get_ready_page_shows_its_controls_at_the_minimum_size(coach_app) -> None:  # type: ignore[no-untyped-def]
    player = coach_app.play("tiny")
    player.resize(*MIN_SIZE)
    coach_app.qapp.processEvents()
    ready = player.ready
    for button in (ready.start_button, ready.pain_button):
        assert button.width() >= button.sizeHint().width(), button.text()


def test_f11_and_its_button_switch_full_screen_and_it_is_remembered(coach_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    player = start(coach_app)
    press(qtbot, player, Qt.Key.Key_F11)
    assert player.isFullScreen() and player.view.large and coach_app.settings.large
    assert player.controls.large.text() == "Leave full screen"
    button = next(b for b in player.switches if b.defaultAction() is player.controls.large)
    assert isinstance(button, QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not player.isFullScreen() and not coach_app.settings.large
    press(qtbot, player, Qt.Key.Key_F11)
    player.close()
    again = coach_app.play("tiny")
    assert again.isFullScreen() and again.view.large, "the next player opens full screen"
