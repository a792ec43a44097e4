"""Every exercise faces the same way on screen and on its printed card: the
one rule for a symmetric exercise (`vocabulary.facing`) decides both."""

from __future__ import annotations

import pytest

from coach.core.catalog.loader import load_shipped
from coach.core.catalog.model import Exercise, RoutineItem
from coach.core.figure.poses import Pose, pose_at
from coach.core.vocabulary import SYMMETRIC_FACING, PosePhase, Side, Sidedness
from coach.ui.cards.figures import key_poses
from coach.ui.cards.text import card_for

CATALOG = load_shipped()


def player_sides(exercise: Exercise) -> tuple[Side | None, ...]:
    """The sides a session shows the exercise on: None when it is symmetric."""
    return (None,) if exercise.sides == Sidedness.NONE else (Side.LEFT, Side.RIGHT)


def on_screen(exercise: Exercise, phase: PosePhase, side: Side | None) -> Pose:
    """The player's call: the session state's side, passed on unchanged."""
    return pose_at(exercise, phase, 0.0, side=side, depth=1.0)


def head_x(pose: Pose) -> float:
    """Where the head is drawn, along the page, from the pelvis."""
    return pose.points["head"][0] - pose.points["pelvis"][0]


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_the_card_draws_each_pose_as_the_screen_does(exercise_id: str) -> None:
    exercise = CATALOG.exercise(exercise_id)
    item = RoutineItem(
        exercise.id, exercise.hold_s.default, exercise.reps.default, exercise.sets, exercise.rest_s
    )
    content = card_for(exercise, item)
    card = key_poses(content)
    assert len(card) == len(content.panels) >= 2
    for panel, printed in zip(content.panels, card, strict=True):
        assert panel.side in player_sides(exercise), "the card shows a side the player never does"
        screen = on_screen(exercise, panel.phase, panel.side)
        assert printed.facing is screen.facing, f"{panel.label}: faces the other way on the card"
        assert printed.points == screen.points, f"{panel.label}: not the screen's drawing"


def keeps_one_picture(exercise: Exercise) -> bool:
    """`sides = "swap"`: the other side is done by the other limbs, in the same
    picture (coach/core/figure/poses.py), so both sides face the one way."""
    anim = exercise.animation
    return anim is not None and anim.sides == "swap"


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_a_symmetric_exercise_faces_the_one_way_everywhere(exercise_id: str) -> None:
    exercise = CATALOG.exercise(exercise_id)
    one_picture = keeps_one_picture(exercise)
    for side in player_sides(exercise):
        pose = on_screen(exercise, PosePhase.START, side)
        expected = SYMMETRIC_FACING if side is None or one_picture else side
        assert pose.facing is expected
        if one_picture:
            # One picture for both sides: the other side's is the same way
            # round, its other limbs doing the work, not mirrored.
            other = on_screen(exercise, PosePhase.START, Side(side).other)
            assert other.facing is expected
            assert head_x(pose) == pytest.approx(head_x(other))
        else:
            # The drawing agrees with the flag: the same picture as that
            # side's, and the mirror image of the other side's.
            assert pose.points == on_screen(exercise, PosePhase.START, expected).points
            other = on_screen(exercise, PosePhase.START, expected.other)
            assert head_x(pose) == pytest.approx(-head_x(other))
