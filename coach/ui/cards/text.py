"""What a printed routine card says, as plain data (no Qt).

A card shows one exercise of a routine with the figures that routine uses
(its hold, reps, sets and rest may differ from the exercise's defaults).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coach.core.catalog.model import Exercise, RoutineItem
from coach.core.vocabulary import PosePhase, Position, Side, Sidedness

_POSITIONS = {
    Position.STANDING: "Standing",
    Position.SEATED: "Seated",
    Position.LYING: "Lying on your back",
    Position.KNEELING: "Kneeling",
    Position.ALL_FOURS: "On hands and knees",
    Position.PRONE: "Lying face down",
}
_SIDES = {
    Sidedness.NONE: "Both together",
    Sidedness.EACH: "Left, then right",
    Sidedness.ALTERNATE: "Alternate",
}


@dataclass(frozen=True)
class Fact:
    """One cell of the dose box: a small label over a bold value."""

    label: str
    value: str


@dataclass(frozen=True)
class Panel:
    """One key pose drawn on the card, in the order it is done."""

    label: str
    phase: PosePhase  # start or hold
    side: Side | None  # None for an exercise done on both sides at once


@dataclass(frozen=True)
class CardContent:
    exercise: Exercise
    title: str
    subtitle: str
    summary: str
    panels: tuple[Panel, ...]
    facts: tuple[Fact, ...]
    walk: str  # empty when the exercise has no walk between reps
    steps: tuple[str, ...]
    first_step: int  # the number of steps[0]; above 1 on a continuation card
    cautions: tuple[str, ...]
    continued: bool = False  # a continuation card carries only the text that overflowed

    def continuation(
        self, first_step: int, steps: tuple[str, ...], cautions: tuple[str, ...]
    ) -> CardContent:
        """The card that takes the steps and cautions this one could not hold."""
        return replace(
            self,
            title=f"{self.exercise.name} (continued)",
            subtitle="",
            summary="",
            panels=(),
            facts=(),
            walk="",
            steps=steps,
            first_step=first_step,
            cautions=cautions,
            continued=True,
        )


def seconds(value: int) -> str:
    """'45 s', '1 min', '1 min 30 s'."""
    if value < 60:
        return f"{value} s"
    minutes, rest = divmod(value, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def card_for(exercise: Exercise, item: RoutineItem) -> CardContent:
    sided = exercise.sides != Sidedness.NONE
    panels: tuple[Panel, ...]
    if sided:
        panels = (
            Panel("Start", PosePhase.START, Side.LEFT),
            Panel("Hold, left", PosePhase.HOLD, Side.LEFT),
            Panel("Hold, right", PosePhase.HOLD, Side.RIGHT),
        )
    else:
        panels = (Panel("Start", PosePhase.START, None), Panel("Hold", PosePhase.HOLD, None))
    facts = (
        Fact("Hold", seconds(item.hold_s) if item.hold_s else "Keep moving"),
        Fact("Reps per side" if sided else "Reps", str(item.reps)),
        Fact("Sets", str(item.sets)),
        Fact("Rest", seconds(item.rest_s) if item.sets > 1 and item.rest_s else "None"),
        Fact("Sides", _SIDES[exercise.sides]),
    )
    walk = ""
    if exercise.walk_between_reps:
        walk = f"Between reps, get up and walk a few steps for about {seconds(exercise.walk_s)}."
    return CardContent(
        exercise=exercise,
        title=exercise.name,
        subtitle=_subtitle(exercise),
        summary=exercise.summary,
        panels=panels,
        facts=facts,
        walk=walk,
        steps=exercise.steps,
        first_step=1,
        cautions=exercise.cautions,
    )


def _subtitle(exercise: Exercise) -> str:
    position = _POSITIONS.get(exercise.position, exercise.position.capitalize())
    text = f"{position} · {exercise.kind}"
    if exercise.props:
        text += " · you need: " + ", ".join(p.replace("-", " ") for p in exercise.props)
    return text
