"""The figure painter, its widget and the animation driver."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from coach.core.catalog.loader import load_shipped
from coach.core.figure.poses import pose_at
from coach.ui.figure.colors import contrast
from coach.ui.figure.view import FigureColors, FigureView, paint_pose

CATALOG = load_shipped()
BEND = CATALOG.exercise("directed-forward-bend")


def painted(pose, colors: FigureColors, size=(400, 400), ratio: float = 1.0) -> QImage:
    image = QImage(
        int(size[0] * ratio), int(size[1] * ratio), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_pose(painter, QRectF(0, 0, *size), pose, colors)
    assert painter.transform() == QTransform()  # the painter is left as it was
    painter.end()
    return image


def pixel_at(image: QImage, pose, point, size=(400, 400)) -> QColor:
    """The colour where the world point `point` (metres) lands in `image`."""
    x0, y0, x1, y1 = pose.frame
    scale = min(size[0] / (x1 - x0), size[1] / (y1 - y0))
    px = size[0] / 2 + scale * (point[0] - (x0 + x1) / 2)
    py = size[1] / 2 - scale * (point[1] - (y0 + y1) / 2)
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(px * ratio), int(py * ratio))


def same(a: QColor, b: QColor) -> bool:
    """Equal as 8-bit pixels."""
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 1


def middle(pose, a: str, b: str) -> tuple[float, float]:
    (ax, ay), (bx, by) = pose.points[a], pose.points[b]
    return ((ax + bx) / 2, (ay + by) / 2)


def test_near_limbs_are_drawn_darker_than_far_limbs(qapp):
    pose = pose_at(BEND, "walk", 0.3, side="right")  # the legs apart
    colors = FigureColors.from_palette(qapp.palette())
    image = painted(pose, colors)
    near = pixel_at(image, pose, middle(pose, "knee_near", "ankle_near"))
    far = pixel_at(image, pose, middle(pose, "knee_far", "ankle_far"))
    assert same(near, colors.near) and same(far, colors.far)
    assert near.lightness() < far.lightness() < 240


def test_print_colours_are_black_on_white():
    colors = FigureColors.print()
    assert colors.ink == QColor("#000000") and colors.background == QColor("#ffffff")
    assert colors.near == colors.far == QColor("#ffffff")  # line art: no fills
    assert colors.far_ink.lightness() > colors.ink.lightness()  # far limbs in grey line
    assert all(
        c.red() == c.green() == c.blue() for c in (colors.far_ink, colors.floor, colors.prop)
    )


def test_the_stretched_area_is_highlighted(qapp):
    pose = pose_at(BEND, "hold", 0.0)
    colors = FigureColors.from_palette(qapp.palette())
    image = painted(pose, colors)
    warm = sum(
        1
        for y in range(0, 400, 2)
        for x in range(0, 400, 2)
        if (c := image.pixelColor(x, y)).saturation() > 150 and c.red() > c.blue() + 100
    )
    assert warm > 100
    assert pose.areas == ("lower_back", "glutes")


def test_the_floor_and_the_whole_figure_stay_in_view(qapp):
    for exercise in CATALOG.exercises.values():
        for phase, t in (
            ("start", 0),
            ("move", exercise.move_s / 2),
            ("hold", 0),
            ("release", exercise.release_s / 3),
        ):
            pose = pose_at(exercise, phase, t, side="left", phase_length=exercise.move_s)
            x0, y0, x1, y1 = pose.frame
            for x, y in pose.points.values():
                assert x0 <= x <= x1 and y0 <= y <= y1, exercise.id
            if pose.floor and len(pose.floor) == 2:
                assert y0 < 0 < y1, exercise.id


def test_high_dpi_paints_at_device_resolution(qapp):
    pose = pose_at(BEND, "start", 0.0)
    sharp = painted(pose, FigureColors.print(), ratio=2.0)
    assert (sharp.width(), sharp.height()) == (800, 800)
    dark = sum(
        1
        for y in range(0, 800, 4)
        for x in range(0, 800, 4)
        if sharp.pixelColor(x, y).lightness() < 60
    )
    assert dark > 200  # the figure covers the whole device-pixel image, not a corner


def test_widget_draws_in_light_and_dark_themes(qtbot, theme, shoot):
    view = FigureView()
    qtbot.addWidget(view)
    view.resize(360, 360)
    view.set_pose(pose_at(CATALOG.exercise("childs-pose"), "hold", 1.0))
    view.show()
    qtbot.waitExposed(view)
    image = shoot(view, f"figure-view-{theme}")
    grabbed = QImage(str(image))
    background = view.palette().color(view.backgroundRole())
    colors = view.colors()
    assert contrast(colors.ink, colors.near) >= 3  # outlines read on the body
    assert abs(colors.near.lightness() - background.lightness()) > 80  # and so does the body
    inked = sum(
        1
        for y in range(0, 360, 3)
        for x in range(0, 360, 3)
        if abs(grabbed.pixelColor(x, y).lightness() - background.lightness()) > 80
    )
    assert inked > 100
    assert view.accessibleName()


def test_widget_without_a_pose_paints_nothing(qtbot):
    view = FigureView()
    qtbot.addWidget(view)
    view.resize(100, 100)
    view.show()
    assert view.pose() is None
    view.grab()  # no crash


def test_the_view_repaints_only_changes_that_would_show(qtbot):
    view = FigureView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    first = pose_at(BEND, "hold", 1.0, phase_length=15)
    view.set_pose(first)
    assert view.pose() is first
    # A millisecond of a slow breath moves nothing by a whole pixel.
    view.set_pose(pose_at(BEND, "hold", 1.001, phase_length=15))
    assert view.pose() is first
    # Half-way into the bend moves a great deal.
    moved = pose_at(BEND, "move", 2.0, phase_length=5)
    view.set_pose(moved)
    assert view.pose() is moved
    view.set_pose(None)
    assert view.pose() is None


def test_the_player_figure_computes_frames_only_while_something_moves(qtbot, monkeypatch):
    """Behaviour, not the timer: count the poses the stage asks for while it
    is left alone for a while."""
    from types import SimpleNamespace

    import coach.ui.figure.stage as stage_module
    from coach.core.session.events import Phase

    asked: list[str] = []

    def counting_pose_at(exercise, phase, t, **options):
        asked.append(phase)
        return pose_at(exercise, phase, t, **options)

    monkeypatch.setattr(stage_module, "pose_at", counting_pose_at)
    stage = stage_module.FigureStage()
    qtbot.addWidget(stage)
    stage.show()

    def state(phase, paused=False):
        return SimpleNamespace(
            phase=phase,
            exercise=BEND,
            seconds_into_phase=1.0,
            side="left",
            depth=1.0,
            phase_length=5.0,
            paused=paused,
            finished=False,
        )

    def frames_while_left_alone(phase, paused=False, ms=300) -> int:
        stage.show_state(state(phase, paused))
        asked.clear()
        qtbot.wait(ms)
        return len(asked)

    assert frames_while_left_alone(Phase.MOVE_IN) > 3, "a bend in progress animates"
    assert frames_while_left_alone(Phase.LEAD_IN) == 0, "the start pose is still"
    # A breath is slow: the hold draws a couple of frames a second.
    assert frames_while_left_alone(Phase.HOLD, ms=1300) > 1, "a hold breathes"
    assert frames_while_left_alone(Phase.HOLD, paused=True, ms=1300) == 0, "paused: still"


def test_painting_is_antialiased_and_round_capped(qapp):
    pose = pose_at(BEND, "start", 0.0)
    image = painted(pose, FigureColors.print())
    hand = pose.points["hand_near"]
    edge = [pixel_at(image, pose, (hand[0] + dx / 400, hand[1])).lightness() for dx in range(0, 40)]
    assert any(0 < value < 255 for value in edge)  # soft edge pixels, not only black/white
