"""What the player says at each moment, computed from the session state.

Plain functions of `SessionState`, so the player, the compact window and
the tests all word things the same way.
"""

from __future__ import annotations

import math

from coach.core.session.engine import SessionState
from coach.core.session.events import Phase
from coach.core.session.steps import shown_step
from coach.ui import safety

PHASE_TITLES = {
    Phase.LEAD_IN: "Get into position",
    Phase.MOVE_IN: "Ease into it",
    Phase.HOLD: "Hold",
    Phase.RELEASE: "Come back slowly",
    Phase.WALK: "Walk",
    Phase.REST: "Rest before the next set",
    Phase.SWITCH_SIDE: "Switch sides",
    Phase.DONE: "Well done",
    Phase.STOPPED: "Session stopped",
}

# The short word inside the ring.
RING_CAPTIONS = {
    Phase.LEAD_IN: "get ready",
    Phase.MOVE_IN: "ease in",
    Phase.HOLD: "hold",
    Phase.RELEASE: "release",
    Phase.WALK: "walk",
    Phase.REST: "rest",
    Phase.SWITCH_SIDE: "switch",
}

CUE_SECONDS = 6.0  # how long each cue stays up during a hold

WALK_STEP = "Take a few steps — walk around, then come back."
USER_PAUSE_TEXT = "Press Space, or Resume, to go on."
GAP_PAUSE_TEXT = (
    "Paused because the app lost track of time (was the computer asleep?). Press Space to go on."
)
PAUSE_TEXTS = (USER_PAUSE_TEXT, GAP_PAUSE_TEXT)

# Samples as long as the longest texts of their kind, so the player can keep
# room for them whatever comes (see SessionView: a steady screen).
STEP_SAMPLE = (
    "2. Lean forward from the hips with a long back and slide your hands down "
    "towards your ankles, only as far as it feels like a stretch and not a strain."
)
COUNTER_SAMPLES = ("Rep 10 of 10 · Set 3 of 3 · Right side", "Rep 10 of 10 done")
NEXT_SAMPLES = (
    "Next: that's the last one — the session ends here",
    "Next: back into position for rep 10, right side",
    "Next: rest 30 s, then set 3 of 3",
    "Next: the same rep on your right side",
)

# The get-ready page.
GET_READY_TITLE = "Get ready"
AUTO_START_S = 15.0  # the session starts by itself after this, when nothing is touched


def auto_start_text(seconds_left: float) -> str:
    return f"Starts by itself in {max(0, math.ceil(seconds_left - 1e-6))} s"


INJURY_REASON = (
    "Then leave that area alone today: don't stretch a part you injured in the last "
    "72 hours. Let it settle first — stretching it now can undo the healing that has "
    "just started. Gentle everyday movement helps more for now. If you are unsure, or "
    "it is not getting better, talk to a doctor or physiotherapist. Nothing has started "
    "yet."
)
INJURY_CLOSE = "Not today — close"
INJURY_CARRY_ON = "It's a different area — carry on"

WAITING_TEXT = "Waiting for you — press Space or Enter, or Start, when you are ready."


def counter_line(state: SessionState) -> str:
    """ "Rep 3 of 8 · Set 1 of 2 · Left side" (set and side only when they apply).
    A walk belongs to the rep after it, so during a walk it counts the rep done."""
    rep = state.rep
    if state.phase is Phase.WALK and state.exercise.sides != "alternate" and rep > 1:
        return f"Rep {rep - 1} of {state.reps} done"
    parts = [f"Rep {rep} of {state.reps}"]
    if state.sets > 1:
        parts.append(f"Set {state.set} of {state.sets}")
    if state.side:
        parts.append(f"{state.side.capitalize()} side")
    return " · ".join(parts)


def phase_title(state: SessionState) -> str:
    if state.phase is Phase.SWITCH_SIDE and state.side:
        return f"Switch to your {state.side} side"
    return PHASE_TITLES.get(state.phase, "")


def step_text(state: SessionState) -> str:
    """The exercise's step for this phase (its `phase_steps`); during a
    lead-in first what to do to get into position ("Lie down on your back")."""
    shown = shown_step(state)
    if shown is None:
        return WALK_STEP if state.phase is Phase.WALK else ""
    return shown.line


def pause_text(state: SessionState) -> str:
    return GAP_PAUSE_TEXT if state.pause_reason == "gap" else USER_PAUSE_TEXT


def cue_text(state: SessionState) -> str:
    """During a hold, the exercise's own cues, then the general ones, in turn."""
    if state.phase is not Phase.HOLD:
        return ""
    cues = tuple(state.exercise.cues) + safety.HOLD_CUES
    return cues[int(state.seconds_into_phase // CUE_SECONDS) % len(cues)]


def next_text(state: SessionState) -> str:
    """What comes after the current rep or gap."""
    phase, nxt = state.phase, state.next_phase
    if phase in (Phase.DONE, Phase.STOPPED):
        return ""
    if nxt is None or nxt is Phase.DONE:
        return "Next: that's the last one — the session ends here"
    if nxt is Phase.WALK:
        return f"Next: walk for {state.exercise.walk_s} seconds"
    if nxt is Phase.SWITCH_SIDE:
        return "Next: the other side"
    if nxt is Phase.REST:
        return f"Next: rest {state.item.rest_s} s, then set {state.set + 1} of {state.sets}"
    if nxt is Phase.LEAD_IN and state.next_exercise is not None:
        return f"Next: {state.next_exercise.name}"
    if phase is Phase.WALK:
        side = f", {state.side} side" if state.side else ""
        return f"Next: back into position for rep {state.rep}{side}"
    if phase is Phase.RELEASE and state.exercise.sides == "alternate" and state.side == "left":
        return "Next: the same rep on your right side"
    if phase is Phase.RELEASE and state.rep < state.reps:
        return f"Next: rep {state.rep + 1} of {state.reps}"
    if state.next_exercise is not None:
        return f"Then: {state.next_exercise.name}"
    return ""


def count(number: int, thing: str) -> str:
    """ "1 rep", "3 reps"."""
    return f"{number} {thing}{'' if number == 1 else 's'}"


def minutes_text(seconds: float) -> str:
    """ "about 12 min" / "45 s" for estimates and summaries."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest:02d} s" if rest else f"{minutes} min"


def pain_text(before: int | None, after: int | None) -> str:
    def one(value: int | None) -> str:
        return "–" if value is None else str(value)

    return f"{one(before)} → {one(after)}"
