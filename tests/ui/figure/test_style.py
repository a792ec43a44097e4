"""The figure's drawing style: volume from the 3-D points, near and far
limbs, the highlight on the body, the start-pose ghost and motion arrows,
and the three colour schemes."""

from __future__ import annotations

import dataclasses
import math

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from coach.core.catalog.loader import load_shipped
from coach.core.figure.poses import pose_at
from coach.core.figure.skeleton import forward_kinematics
from coach.ui.figure import view as view_module
from coach.ui.figure.arrows import MAX_ARROWS, MIN_MOVE, motion_arrows
from coach.ui.figure.body import Canvas, build_body, fit_view
from coach.ui.figure.colors import FigureColors, contrast
from coach.ui.figure.view import FigureView, framing, paint_pose

CATALOG = load_shipped()
FOLD = CATALOG.exercise("forward-fold")
SIZE = 300


def painted(pose, colors, ghost=None, size=SIZE) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(colors.background or QColor("#ffffff"))
    painter = QPainter(image)
    paint_pose(painter, QRectF(0, 0, size, size), pose, colors, ghost)
    painter.end()
    return image


def pixels(image: QImage) -> list[tuple[int, int, int]]:
    """Every pixel as (r, g, b), row by row."""
    raw = bytes(image.constBits())
    return [(raw[i + 2], raw[i + 1], raw[i]) for i in range(0, len(raw), 4)]


def changed(a: QImage, b: QImage) -> int:
    return sum(1 for p, q in zip(pixels(a), pixels(b), strict=True) if p != q)


def dark_colors() -> FigureColors:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    return FigureColors.from_palette(palette)


def light_colors() -> FigureColors:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f4f2"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d1d1f"))
    return FigureColors.from_palette(palette)


def test_the_ghost_is_drawn_only_when_given(qapp):
    hold = pose_at(FOLD, "hold", 1.0)
    start = pose_at(FOLD, "start", 0.0)
    colors = FigureColors.print()
    plain = painted(hold, colors)
    assert changed(plain, painted(hold, colors, ghost=None)) == 0
    assert changed(plain, painted(hold, colors, ghost=start)) > 2000
    # A ghost where the figure already is adds nothing: no outline, no arrow.
    assert changed(painted(start, colors), painted(start, colors, ghost=start)) == 0


def _close(p: tuple[int, int, int], c: QColor, tol: int = 6) -> bool:
    return max(abs(p[0] - c.red()), abs(p[1] - c.green()), abs(p[2] - c.blue())) <= tol


@pytest.mark.parametrize("scheme", ["light", "dark", "print"])
@pytest.mark.parametrize("exercise_id", ["knee-to-chest", "piriformis-stretch", "forward-fold"])
def test_the_ghost_never_looks_like_a_far_limb(qapp, monkeypatch, scheme, exercise_id):
    """The start pose's ghost is an outline only, in its own tint: it adds no
    far-limb coloured pixels and fills nothing (it changes only a small share
    of the area it covers), so a leg in the air is never mistaken for where
    the other leg started."""
    colors = {"light": light_colors, "dark": dark_colors, "print": FigureColors.print}[scheme]()
    assert colors.ghost.rgb() not in (colors.far.rgb(), colors.far_ink.rgb(), colors.near.rgb())
    exercise = CATALOG.exercise(exercise_id)
    side = None if exercise.sides == "none" else "right"
    hold = pose_at(exercise, "hold", 1.0, side=side)
    start = pose_at(exercise, "start", 0.0, side=side)
    hold = dataclasses.replace(hold, frame=framing(hold, start, 1.0))  # same frame both ways
    plain = pixels(painted(hold, colors))
    monkeypatch.setattr(view_module, "_arrows", lambda *args: None)  # the ghost alone
    ghosted = pixels(painted(hold, colors, ghost=start))
    new = [(p, q) for p, q in zip(ghosted, plain, strict=True) if p != q]
    assert new, "the ghost shows"
    far = colors.far if colors.far.rgb() != colors.halo.rgb() else colors.far_ink  # print
    far_like = [p for p, q in new if _close(p, far) and not _close(q, far)]
    assert len(far_like) < 0.02 * len(new), (
        f"{len(far_like)} of {len(new)} ghost pixels far-coloured"
    )
    # Outline, not area: the ghost's silhouette is far bigger than what it changes.
    canvas = Canvas(QRectF(0, 0, SIZE, SIZE), hold.frame)
    area = sum(
        abs(
            sum(a.x() * b.y() - b.x() * a.y() for a, b in zip(s, [*list(s)[1:], s[0]], strict=True))
        )
        / 2
        for s in build_body(start, canvas).silhouette()
    )
    assert len(new) < 0.6 * area, f"ghost changed {len(new)} px over a {area:.0f} px silhouette"


def test_arrows_follow_joints_that_moved_noticeably():
    for exercise in CATALOG.exercises.values():
        start = pose_at(exercise, "start", 0.0)
        hold = pose_at(exercise, "hold", 1.0)
        arrows = motion_arrows(start, hold)
        assert len(arrows) <= MAX_ARROWS, exercise.id
        assert motion_arrows(start, start) == [], exercise.id
        for arrow in arrows:
            if arrow.joint in ("pelvis_rock", "back_press", "chest_twist"):
                continue
            a, b = start.points[arrow.joint], hold.points[arrow.joint]
            assert arrow.path[0] == a and arrow.path[-1] == b, exercise.id
            assert ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 >= MIN_MOVE
    fold = motion_arrows(pose_at(FOLD, "start", 0.0), pose_at(FOLD, "hold", 1.0))
    head = next(a for a in fold if a.joint == "head")
    assert len(head.path) > 2  # the head swings down round the hips: a curve


@pytest.mark.parametrize(
    ("exercise_id", "joints"),
    [
        ("knee-to-chest", ["knee_far"]),  # the hands holding the knee went along
        ("seated-spinal-twist", ["chest_twist"]),  # the shoulders turn, not a knee lifting
        ("knees-to-chest", ["knee_near"]),  # both knees alike: one arrow
    ],
)
def test_arrows_sit_on_the_joint_that_defines_the_exercise(exercise_id, joints):
    exercise = CATALOG.exercise(exercise_id)
    side = None if exercise.sides == "none" else "right"
    start, hold = (
        pose_at(exercise, "start", 0.0, side=side),
        pose_at(exercise, "hold", 1.0, side=side),
    )
    assert [a.joint for a in motion_arrows(start, hold)] == joints


def test_a_pelvic_tilt_shows_the_pelvis_rocking():
    tilt = CATALOG.exercise("pelvic-tilt")
    arrows = motion_arrows(pose_at(tilt, "start", 0.0), pose_at(tilt, "hold", 1.0))
    # The rock, and the small of the back pressed down onto the mat.
    assert [a.joint for a in arrows] == ["pelvis_rock", "back_press"]
    press = arrows[1].path
    assert press[0][1] > press[-1][1]  # it points down


def test_print_is_line_art_without_grey_fills(qapp):
    """Every pixel is neutral, and grey only where a line runs: a grey pixel
    always has white within 2 pixels (a fill would not)."""
    colors = FigureColors.print()
    for exercise in CATALOG.exercises.values():
        side = None if exercise.sides == "none" else "right"
        hold = pose_at(exercise, "hold", 1.0, side=side)
        start = pose_at(exercise, "start", 0.0, side=side)
        image = painted(hold, colors, ghost=start, size=200)
        px = pixels(image)
        w = image.width()
        assert all(max(p) - min(p) <= 6 for p in px), exercise.id

        white = [min(p) >= 245 for p in px]
        interior = 0
        for y in range(2, w - 2):
            for x in range(2, w - 2):
                i = y * w + x
                if 40 <= min(px[i]) < 245 and not any(
                    white[i + dy * w + dx] for dy in (-2, 0, 2) for dx in (-2, 0, 2)
                ):
                    interior += 1
        assert interior < 0.005 * w * w, f"{exercise.id}: {interior} grey fill pixels"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_highlight_stands_out_on_the_page_and_on_the_body(qapp, scheme):
    colors = light_colors() if scheme == "light" else dark_colors()
    assert contrast(colors.highlight, colors.halo) >= 3
    assert abs(colors.highlight.hue() - colors.near.hue()) > 120  # warm on a cool body
    assert colors.highlight.hue() < 40 and colors.highlight.saturation() > 150  # warm


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_highlight_sits_on_the_body(qapp, scheme):
    """The tint changes only pixels the body covers without it: no glow round it."""
    colors = light_colors() if scheme == "light" else dark_colors()
    pose = pose_at(CATALOG.exercise("directed-forward-bend"), "hold", 1.0)
    plain_pose = dataclasses.replace(pose, areas=())
    tinted, plain = painted(pose, colors), painted(plain_pose, colors)
    background = colors.halo.red(), colors.halo.green(), colors.halo.blue()
    moved = [(p, q) for p, q in zip(pixels(tinted), pixels(plain), strict=True) if p != q]
    assert len(moved) > 300  # the highlight shows
    assert all(q != background for _, q in moved)  # and only where the body is


def test_near_limbs_in_front_far_limbs_behind_the_trunk(qapp):
    pose = pose_at(CATALOG.exercise("directed-forward-bend"), "start", 0.0)
    body = build_body(pose, Canvas(QRectF(0, 0, SIZE, SIZE), pose.frame))
    fars = [i for i, g in enumerate(body.groups) if g.far]
    trunk = [i for i, g in enumerate(body.groups) if not g.far and len(g.shapes) == 1]
    nears = [i for i, g in enumerate(body.groups) if not g.far and len(g.shapes) == 3]
    assert fars and trunk and nears
    assert max(fars) < min(trunk) and max(trunk) < min(nears)


def test_a_twist_changes_the_chest(qapp):
    """The chest is drawn from its 3-D cross-sections: turned toward the
    viewer it is wider in a side view than seen edge on."""
    base = pose_at(CATALOG.exercise("directed-forward-bend"), "start", 0.0)

    def chest_width(twist: float) -> float:
        world = forward_kinematics({"twist": twist})
        pose = dataclasses.replace(
            base, world=world, points={n: (x, y) for n, (x, y, _) in world.items()}
        )
        body = build_body(pose, Canvas(QRectF(0, 0, SIZE, SIZE), (-1, -1, 1, 1)))
        chest = max((g for g in body.groups if not g.far and len(g.shapes) == 1), key=_top)
        return chest.shapes[0].boundingRect().width()

    assert chest_width(60) > 1.3 * chest_width(0)


def _top(group) -> float:
    return -group.shapes[0].boundingRect().top()


def test_the_camera_is_found_from_the_points():
    plank = CATALOG.exercise("plank")
    side = pose_at(plank, "hold", 1.0)  # a side view a little from above, mirrored
    r0, r1, _ = fit_view(side.points, side.world)
    view = plank.stage.animation.view
    a, e = math.radians(view.azimuth), math.radians(view.elevation)
    ca, sa, ce, se = math.cos(a), math.sin(a), math.cos(e), math.sin(e)
    assert r0 == pytest.approx((ca, 0, sa), abs=1e-6)
    assert r1 == pytest.approx((sa * se, ce, -ca * se), abs=1e-6)
    above = pose_at(CATALOG.exercise("lower-back-rotation"), "hold", 1.0)
    r0, r1, _ = fit_view(above.points, above.world)
    toward = (
        r0[1] * r1[2] - r0[2] * r1[1],
        r0[2] * r1[0] - r0[0] * r1[2],
        r0[0] * r1[1] - r0[1] * r1[0],
    )
    assert toward[1] > 0.9  # seen from above: up is toward the viewer


def test_the_view_repaints_when_the_ghost_comes_or_goes(qtbot):
    view = FigureView()
    qtbot.addWidget(view)
    view.resize(300, 300)
    hold = pose_at(FOLD, "hold", 1.0)
    view.set_pose(hold)
    assert view.ghost() is None
    start = pose_at(FOLD, "start", 0.0)
    view.set_pose(hold, ghost=start)
    assert view.ghost() is start and view.pose() is hold
    view.set_pose(hold)
    assert view.ghost() is None


@pytest.mark.parametrize("aspect", [0.75, 1.0, 1.6])
def test_a_ghost_never_shrinks_the_figure_below_the_fill_rule(aspect):
    """The painted frame grows toward the start pose's ghost only while the
    body still fills 60 % of the panel; a taller ghost runs out of it."""
    from coach.core.figure.fill import FILL_MIN, body_fill
    from coach.ui.figure.view import framing

    grew = 0
    for ex in CATALOG.exercises.values():
        side = None if ex.sides == "none" else "right"
        ghost = pose_at(ex, "start", 0.0, side=side)
        for phase, t in (("hold", 1.0), ("move", ex.move_s)):
            pose = pose_at(ex, phase, t, side=side, phase_length=ex.move_s)
            shown = dataclasses.replace(pose, frame=framing(pose, ghost, aspect))
            assert body_fill(shown, aspect) >= min(FILL_MIN, body_fill(pose, aspect)) - 1e-6
            grew += shown.frame != pose.frame
    assert grew, "the frame makes room for some ghost"
