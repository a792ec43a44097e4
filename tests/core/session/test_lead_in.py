"""Lead-ins grow with the change of position and say what to do (issue 15,
item 8), and the routine list's estimate is the engine's own plan, to the
second (issue 17)."""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from coach.core.catalog.loader import load_shipped
from coach.core.catalog.model import Catalog, Exercise
from coach.core.session.clock import FakeClock
from coach.core.session.engine import Session
from coach.core.session.events import Phase
from coach.core.session.plan import lead_in_for, plan_steps
from coach.core.vocabulary import Position


@cache
def shipped() -> Catalog:
    return load_shipped()


def ex(ex_id: str) -> Exercise:
    return shipped().exercise(ex_id)


def on_all_fours() -> Exercise:
    return dataclasses.replace(ex("plank"), id="cat-cow", position=Position.ALL_FOURS)


# (exercise before, or None at the start), exercise, other side? -> words, seconds
TABLE = [
    (None, "seated-forward-bend", False, "Sit on the front edge of a chair", 10),
    (None, "forward-fold", False, "Stand up", 10),
    (None, "knees-to-chest", False, "Lie down on your back", 15),
    (None, "doorway-hamstring", False, "Move to the doorway", 20),
    ("pelvic-tilt", "glute-bridge", False, "Stay on your back", 5),
    ("childs-pose", "childs-pose-side-reach", False, "Stay kneeling", 5),
    ("crossovers", "crossovers", True, "Stay on your back", 5),
    ("plank", "plank", False, "Stay face down", 5),  # after a rest between sets
    ("seated-forward-bend", "forward-fold", False, "Stand up", 10),
    ("forward-fold", "seated-forward-bend", False, "Sit on the front edge of a chair", 10),
    ("childs-pose-side-reach", "crossovers", False, "Lie down on your back", 10),
    ("glute-bridge", "plank", False, "Get down on the mat, face down", 10),
    ("knees-to-chest", "thoracic-foam-rolling", False, "Lie back over the foam roller", 10),
    ("knees-to-chest", "forward-fold", False, "Stand up", 15),
    ("knees-to-chest", "seated-forward-bend", False, "Sit on the front edge of a chair", 15),
    ("forward-fold", "childs-pose", False, "Kneel on the mat", 15),
    ("forward-fold", "plank", False, "Get down on the mat, face down", 15),
    ("forward-fold", "stability-ball-back-extension", False, "Kneel behind the ball", 15),
    ("forward-fold", "seated-spinal-twist", False, "Sit on the floor", 15),
    ("crossovers", "doorway-hamstring", False, "Move to the doorway", 20),
    ("doorway-hamstring", "doorway-hamstring", True, "Go to the other side of the door frame", 20),
]


@pytest.mark.parametrize(
    ("before", "after", "other_side", "text", "seconds"),
    TABLE,
    ids=[f"{b or 'start'}>{a}{'-other-side' if o else ''}" for b, a, o, *_ in TABLE],
)
def test_the_transition_table(
    before: str | None, after: str, other_side: bool, text: str, seconds: float
) -> None:
    lead = lead_in_for(ex(before) if before else None, ex(after), other_side=other_side)
    assert (lead.text, lead.length) == (text, seconds)


def test_hands_and_knees() -> None:
    lead = lead_in_for(ex("forward-fold"), on_all_fours())
    assert (lead.text, lead.length) == ("Come onto hands and knees", 15)
    lead = lead_in_for(ex("childs-pose"), on_all_fours())
    assert (lead.text, lead.length) == ("Come onto hands and knees", 10)


def lead_ins(routine_id: str) -> list[tuple[str, str, float]]:
    routine = shipped().routine(routine_id)
    steps = plan_steps([ex(i.exercise) for i in routine.items], routine)
    return [
        (routine.items[s.item].exercise, s.getting_ready, s.length)
        for s in steps
        if s.phase is Phase.LEAD_IN
    ]


def test_bedtime_lead_ins_grow_with_the_change_of_position() -> None:
    assert lead_ins("bedtime-five") == [
        ("knees-to-chest", "Lie down on your back", 15),
        ("forward-fold", "Stand up", 15),
        ("childs-pose", "Kneel on the mat", 15),
        ("childs-pose-side-reach", "Stay kneeling", 5),
        ("childs-pose-side-reach", "Stay kneeling", 5),  # right side
        ("crossovers", "Lie down on your back", 10),
        ("crossovers", "Stay on your back", 5),
        ("doorway-hamstring", "Move to the doorway", 20),
        ("doorway-hamstring", "Go to the other side of the door frame", 20),
    ]


def test_desk_break_lead_ins() -> None:
    assert lead_ins("desk-break") == [
        ("seated-forward-bend", "Sit on the front edge of a chair", 10),
        ("forward-fold", "Stand up", 10),
    ]


def test_only_lead_ins_get_ready_and_switches_stay_five_seconds() -> None:
    routine = shipped().routine("bedtime-five")
    steps = plan_steps([ex(i.exercise) for i in routine.items], routine)
    assert all(bool(s.getting_ready) == (s.phase is Phase.LEAD_IN) for s in steps)
    assert {s.length for s in steps if s.phase is Phase.SWITCH_SIDE} == {5.0}


def test_a_fixed_lead_in_still_overrides_the_lengths_but_not_the_words() -> None:
    routine = shipped().routine("bedtime-five")
    steps = plan_steps([ex(i.exercise) for i in routine.items], routine, lead_in_s=3)
    lead = [s for s in steps if s.phase is Phase.LEAD_IN]
    assert {s.length for s in lead} == {3.0}
    assert lead[-1].getting_ready == "Go to the other side of the door frame"


def test_the_session_state_says_how_to_get_ready_during_the_lead_in_only() -> None:
    clock = FakeClock(0.0)
    session = Session(shipped().routine("bedtime-five"), shipped(), clock)
    said: list[tuple[str, float]] = []
    session.start()
    while not session.finished:
        state = session.state
        if state.phase is Phase.LEAD_IN:
            if not said or said[-1][0] != state.getting_ready or state.seconds_into_phase == 0:
                said.append((state.getting_ready, state.phase_length))
        else:
            assert state.getting_ready == ""
        clock.advance(0.5)
        session.tick()
    assert said[0] == ("Lie down on your back", 15)
    assert said[-1] == ("Go to the other side of the door frame", 20)


def run_seconds(routine_id: str) -> float:
    """How long the engine takes to play a routine untouched."""
    clock = FakeClock(0.0)
    session = Session(shipped().routine(routine_id), shipped(), clock)
    session.start()
    while not session.finished:
        clock.advance(0.5)
        session.tick()
    return clock.now()


@pytest.mark.parametrize("routine_id", sorted(shipped().routines))
def test_the_estimate_is_the_plan_and_the_engine_to_the_second(routine_id: str) -> None:
    catalog = shipped()
    routine = catalog.routine(routine_id)
    steps = plan_steps([ex(i.exercise) for i in routine.items], routine)
    assert catalog.estimated_seconds(routine) == sum(s.length for s in steps)
    assert run_seconds(routine_id) == pytest.approx(catalog.estimated_seconds(routine), abs=0.5)
