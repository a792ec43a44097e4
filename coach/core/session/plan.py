"""A routine flattened into the list of timed steps the engine walks through.

The plan itself lives with the catalog (`coach.core.catalog.plan`), so the
routine list's estimate is the same sum of steps the engine runs; it is
importable from here too.
"""

from __future__ import annotations

from coach.core.catalog.plan import (
    DEPTH_FIRST,
    DEPTH_LAST,
    SWITCH_SIDE_S,
    LeadIn,
    Step,
    depth_for,
    lead_in_for,
    plan_steps,
    planned_seconds,
    rep_order,
    reps_planned,
)

__all__ = [
    "DEPTH_FIRST",
    "DEPTH_LAST",
    "SWITCH_SIDE_S",
    "LeadIn",
    "Step",
    "depth_for",
    "lead_in_for",
    "plan_steps",
    "planned_seconds",
    "rep_order",
    "reps_planned",
]
