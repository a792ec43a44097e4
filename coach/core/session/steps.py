"""Which of an exercise's numbered steps belongs on screen at a moment of a
session: read from the exercise's own `phase_steps`, never guessed.

| session phase | steps shown                                          |
|---------------|------------------------------------------------------|
| lead-in       | the getting-ready words, then the `start` steps      |
| move-in       | `move`                                               |
| hold          | `hold`                                               |
| release       | `release`                                            |
| walk          | `walk`, or none (the player has its own walk line)   |
| rest          | `rest`, or else the `start` steps                    |
| switch side   | `switch`, or else the `start` steps                  |

When a phase has several, they follow each other in equal parts of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.core.catalog.model import Exercise, StepPhase
from coach.core.session.engine import SessionState
from coach.core.session.events import Phase

__all__ = ["ShownStep", "shown_step", "step_choices", "step_for"]

_KEYS: dict[Phase, tuple[StepPhase, ...]] = {
    Phase.LEAD_IN: (StepPhase.START,),
    Phase.MOVE_IN: (StepPhase.MOVE,),
    Phase.HOLD: (StepPhase.HOLD,),
    Phase.RELEASE: (StepPhase.RELEASE,),
    Phase.WALK: (StepPhase.WALK,),
    Phase.REST: (StepPhase.REST, StepPhase.START),
    Phase.SWITCH_SIDE: (StepPhase.SWITCH, StepPhase.START),
}


@dataclass(frozen=True)
class ShownStep:
    number: int | None  # 1-based into exercise.steps; None: the getting-ready words
    text: str

    @property
    def line(self) -> str:
        """ "3. Hold there." or, unnumbered, "Lie down on your back"."""
        return self.text if self.number is None else f"{self.number}. {self.text}"


def step_choices(
    exercise: Exercise, phase: Phase, getting_ready: str = ""
) -> tuple[ShownStep, ...]:
    """Everything that may be shown during `phase`, in the order shown."""
    shown: list[ShownStep] = []
    if phase is Phase.LEAD_IN and getting_ready:
        shown.append(ShownStep(None, getting_ready))
    for key in _KEYS.get(phase, ()):
        numbers = exercise.step_numbers_for(key)
        if numbers:
            shown += [ShownStep(n, exercise.steps[n - 1]) for n in numbers]
            break
    return tuple(shown)


def step_for(
    exercise: Exercise, phase: Phase, fraction: float, getting_ready: str = ""
) -> ShownStep | None:
    """The step for `fraction` (0..1) of the way through `phase`; None when
    the phase has none (a walk without a `walk` step, the end)."""
    choices = step_choices(exercise, phase, getting_ready)
    if not choices:
        return None
    at = int(min(max(fraction, 0.0), 1.0) * len(choices))
    return choices[min(at, len(choices) - 1)]


def shown_step(state: SessionState) -> ShownStep | None:
    """The step to show for a session state, by its phase and progress."""
    fraction = state.seconds_into_phase / state.phase_length if state.phase_length > 0 else 0.0
    return step_for(state.exercise, state.phase, fraction, state.getting_ready)
