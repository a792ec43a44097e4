"""The words the product lives on, typed once.

Each is a `StrEnum`, so a member compares equal to the text stored in an
exercise file, a routine or the log ("left" == Side.LEFT), and the files and
the database stay as they are. Parse text with the enum itself
(`Side("left")`); a wrong word raises ValueError, which the loaders turn into
one sentence naming the file and the field.
"""

from __future__ import annotations

from enum import StrEnum


class Side(StrEnum):
    """The side being stretched, for exercises done one side at a time."""

    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


class Sidedness(StrEnum):
    """How an exercise uses the two sides of the body."""

    NONE = "none"  # symmetric: both sides at once
    EACH = "each"  # all reps on one side, then all on the other
    ALTERNATE = "alternate"  # left, right, left, ...


class Outcome(StrEnum):
    """How a session ended, as the log stores it."""

    COMPLETED = "completed"
    STOPPED = "stopped"
    PAIN = "pain"  # stopped at once for a sharp pain
    INTERRUPTED = "interrupted"  # the process died; set by the log on the next start


class PosePhase(StrEnum):
    """The figure's keyframe phases (the session has finer ones)."""

    START = "start"
    MOVE = "move"
    HOLD = "hold"
    RELEASE = "release"
    WALK = "walk"


class Position(StrEnum):
    STANDING = "standing"
    SEATED = "seated"
    LYING = "lying"
    KNEELING = "kneeling"
    ALL_FOURS = "all-fours"
    PRONE = "prone"


class PropKind(StrEnum):
    CHAIR = "chair"
    WALL = "wall"
    DOORWAY = "doorway"
    BALL = "ball"
    MAT = "mat"
    FOAM_ROLLER = "foam-roller"


class Motion(StrEnum):
    """The low-back motions an exercise works."""

    FLEXION = "flexion"
    EXTENSION = "extension"
    ROTATION = "rotation"
    LATERAL = "lateral"
    HIP = "hip"


class Kind(StrEnum):
    STRETCH = "stretch"
    MOBILITY = "mobility"
    STRENGTH = "strength"


# A symmetric exercise (no side) is drawn facing this way everywhere: the
# player, the preview, `coach render`, contact sheets and printed cards.
SYMMETRIC_FACING = Side.LEFT


def facing(side: Side | str | None) -> Side:
    """The side a figure is drawn for: the exercise's side, or the one rule
    for symmetric exercises."""
    return SYMMETRIC_FACING if side is None else Side(side)
