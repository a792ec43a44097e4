"""The right words at the right moment (issue 15, item 8): every exercise ×
session phase, played by the engine on a fake clock, shows a step that the
exercise's own `phase_steps` gives that phase; the walk shows the walk step
(or the player's walk line); the lead-in says what to do to get ready.

The check reads the mapping from one catalog (the truth) and plays another,
so a session that shows the wrong step is caught even when the mapping it
was given agrees with what it showed (see the sabotage test)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache

import pytest

from coach.core.catalog.loader import load_shipped
from coach.core.catalog.model import Catalog, Exercise, Routine, RoutineItem, StepPhase
from coach.core.session.clock import FakeClock
from coach.core.session.engine import Session, SessionState
from coach.core.session.events import Phase
from coach.core.session.steps import shown_step, step_for
from coach.ui import wording

TICK = 0.25
SESSION_PHASES = (
    Phase.LEAD_IN,
    Phase.MOVE_IN,
    Phase.HOLD,
    Phase.RELEASE,
    Phase.WALK,
    Phase.SWITCH_SIDE,
    Phase.REST,
)
# The phase's own key in `phase_steps`, then where it falls back to.
KEYS = {
    Phase.LEAD_IN: (StepPhase.START,),
    Phase.MOVE_IN: (StepPhase.MOVE,),
    Phase.HOLD: (StepPhase.HOLD,),
    Phase.RELEASE: (StepPhase.RELEASE,),
    Phase.WALK: (StepPhase.WALK,),
    Phase.SWITCH_SIDE: (StepPhase.SWITCH, StepPhase.START),
    Phase.REST: (StepPhase.REST, StepPhase.START),
}


@cache
def shipped() -> Catalog:
    catalog = load_shipped()
    assert catalog.problems == []
    return catalog


def solo(exercise: Exercise) -> Routine:
    """A routine of the one exercise with its own figures (sets, rests, walks)."""
    item = RoutineItem(
        exercise.id, exercise.hold_s.default, exercise.reps.default, exercise.sets, exercise.rest_s
    )
    return Routine(f"only-{exercise.id}", exercise.name, "", (item,))


def allowed(truth: Exercise, phase: Phase, getting_ready: str) -> list[str]:
    """The lines that may be shown in `phase`, by the mapping in `truth`."""
    lines = [getting_ready] if phase is Phase.LEAD_IN else []
    for key in KEYS[phase]:
        numbers = truth.step_numbers_for(key)
        if numbers:
            return lines + [f"{n}. {truth.steps[n - 1]}" for n in numbers]
    return lines + ([wording.WALK_STEP] if phase is Phase.WALK else [])


def play_and_check(
    routine: Routine,
    played: Catalog,
    truth: Catalog,
    shown: Callable[[SessionState], str] = wording.step_text,
) -> tuple[list[str], set[tuple[str, Phase]]]:
    """Play the routine to its end; return the mismatches (exercise, phase,
    what was shown) and the (exercise, phase) pairs visited. A phase mapped
    to several steps must show each of them on its way through."""
    clock = FakeClock(0.0)
    session = Session(routine, played, clock)
    session.start()
    wrong: list[str] = []
    seen: dict[int, set[str]] = {}  # step index -> lines shown
    visited: set[tuple[str, Phase]] = set()
    while not session.finished:
        state = session.state
        ex = truth.exercise(state.exercise.id)
        line = shown(state)
        ok = allowed(ex, state.phase, state.getting_ready)
        if line not in ok:
            wrong.append(f"{ex.id} {state.phase}: showed {line!r}, expected one of {ok}")
        if state.phase is Phase.LEAD_IN and not state.getting_ready:
            wrong.append(f"{ex.id} lead-in: says nothing about getting ready")
        visited.add((ex.id, state.phase))
        seen.setdefault(state.step_index, set()).add(line)
        clock.advance(TICK)
        session.tick()
    for index, lines in seen.items():
        step = session.steps[index]
        ex = truth.exercise(routine.items[step.item].exercise)
        every = set(allowed(ex, step.phase, step.getting_ready))
        if lines != every:
            wrong.append(f"{ex.id} {step.phase} (step {index}): showed {lines}, not all of {every}")
    return wrong, visited


def expected_phases(exercise: Exercise) -> set[Phase]:
    phases = {Phase.LEAD_IN, Phase.MOVE_IN, Phase.HOLD, Phase.RELEASE}
    if exercise.walk_between_reps:
        phases.add(Phase.WALK)
    if exercise.sides == "each":
        phases.add(Phase.SWITCH_SIDE)
    if exercise.sets > 1 and exercise.rest_s > 0:
        phases.add(Phase.REST)
    return phases


@pytest.mark.parametrize("ex_id", sorted(shipped().exercises))
def test_every_phase_of_every_exercise_shows_its_own_step(ex_id: str) -> None:
    exercise = shipped().exercise(ex_id)
    wrong, visited = play_and_check(solo(exercise), shipped(), shipped())
    assert wrong == []
    assert {phase for _, phase in visited} == expected_phases(exercise)


def test_all_seven_session_phases_are_walked() -> None:
    phases: set[Phase] = set()
    for exercise in shipped().exercises.values():
        phases |= expected_phases(exercise)
    assert phases == set(SESSION_PHASES)


@pytest.mark.parametrize("routine_id", sorted(shipped().routines))
def test_every_shipped_routine_shows_the_right_steps(routine_id: str) -> None:
    wrong, _ = play_and_check(shipped().routine(routine_id), shipped(), shipped())
    assert wrong == []


def test_the_walk_shows_the_walk_step_or_the_players_walk_line() -> None:
    bend = shipped().exercise("directed-forward-bend")
    line = step_for(bend, Phase.WALK, 0.5)
    assert line is not None and line.line == "6. Stroll a few paces before the next bend."
    no_walk_step = dataclasses.replace(
        bend, phase_steps=tuple(p for p in bend.phase_steps if p[0] != StepPhase.WALK)
    )
    assert step_for(no_walk_step, Phase.WALK, 0.5) is None  # the player shows WALK_STEP


def test_lower_back_rotation_holds_with_hold_there() -> None:
    """The bug this replaces: the hold showed "Bring your knees back to the middle"."""
    exercise = shipped().exercise("lower-back-rotation")
    shown = [step_for(exercise, Phase.HOLD, f) for f in (0.0, 0.5, 0.99)]
    assert {s.line for s in shown if s} == {"3. Hold there."}


def test_several_steps_follow_each_other_through_the_phase() -> None:
    fold = shipped().exercise("forward-fold")  # move = [2, 3]
    lines = [step_for(fold, Phase.MOVE_IN, f) for f in (0.0, 0.49, 0.5, 1.0)]
    assert [s.number for s in lines if s] == [2, 2, 3, 3]
    lead = [step_for(fold, Phase.LEAD_IN, f, "Stand up") for f in (0.0, 0.6)]
    assert [s.line for s in lead if s] == [
        "Stand up",
        "1. Stand with your feet about hip-width apart.",
    ]


def test_a_step_shown_in_the_wrong_phase_is_caught() -> None:
    """Sabotage: lower back rotation's hold mapped to its release step, in a
    copy played against the shipped mapping. The walk must fail."""
    truth = shipped()
    rotation = truth.exercise("lower-back-rotation")
    broken = dataclasses.replace(
        rotation,
        phase_steps=tuple(
            (key, (4,) if key == StepPhase.HOLD else numbers)
            for key, numbers in rotation.phase_steps
        ),
    )
    played = Catalog(exercises={**truth.exercises, broken.id: broken}, routines=truth.routines)
    wrong, _ = play_and_check(solo(rotation), played, truth)
    assert wrong and all(line.startswith("lower-back-rotation hold") for line in wrong)
    assert "Bring your knees back to the middle" in wrong[0]


def test_the_core_function_and_the_player_agree() -> None:
    clock = FakeClock(0.0)
    session = Session(shipped().routine("bedtime-five"), shipped(), clock)
    session.start()
    while not session.finished:
        state = session.state
        shown = shown_step(state)
        expected = wording.WALK_STEP if shown is None else shown.line
        assert wording.step_text(state) == expected
        clock.advance(1.0)
        session.tick()
