"""How much of its panel the drawn body fills, by the painter's own fitting
rule: the pose's `frame` is scaled uniformly to fit the panel and centred
(`coach.ui.figure.view._Canvas`). Plain Python, so checks and the stage's
framing can use it without Qt."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from coach.core.figure.skeleton import HEAD_RADIUS

Box2 = tuple[float, float, float, float]  # x0, y0, x1, y1
FILL_MIN = 0.6  # the body's box covers at least this share of the panel's width or height


def body_box(points: Mapping[str, tuple[float, float]]) -> Box2:
    """The drawn body's bounding box in metres (the head as a disc)."""
    xs: list[float] = []
    ys: list[float] = []
    for name, (x, y) in points.items():
        r = HEAD_RADIUS if name == "head" else 0.0
        xs += (x - r, x + r)
        ys += (y - r, y + r)
    return (min(xs), min(ys), max(xs), max(ys))


def union(boxes: Iterable[Box2]) -> Box2:
    b = list(boxes)
    return (
        min(x[0] for x in b),
        min(x[1] for x in b),
        max(x[2] for x in b),
        max(x[3] for x in b),
    )


def fill_of(box: Box2, frame: Box2, aspect: float = 1.0) -> float:
    """Share of a panel (width/height = `aspect`) that `box` covers along the
    panel's width or height, whichever is more, once `frame` is fitted to it."""
    fw, fh = frame[2] - frame[0], frame[3] - frame[1]
    if fw <= 0 or fh <= 0:
        return 0.0
    scale = min(aspect / fw, 1.0 / fh)  # panel height 1, width `aspect`
    bw, bh = box[2] - box[0], box[3] - box[1]
    return max(bw * scale / aspect, bh * scale)


class Framed(Protocol):
    """What body_fill reads of a Pose."""

    @property
    def points(self) -> Mapping[str, tuple[float, float]]: ...
    @property
    def frame(self) -> Box2: ...


def body_fill(pose: Framed, aspect: float = 1.0) -> float:
    """Share of the panel the body's bounding box covers (0..1, width or
    height, whichever is more) when `pose` is painted in a panel of this
    width/height ratio."""
    return fill_of(body_box(pose.points), pose.frame, aspect)
