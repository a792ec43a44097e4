"""Readable from three metres: contrast of every colour pair the theme
uses, phase colours apart under red-green colour blindness, a shape per
phase, text sizes that follow the window (never below the system font),
and in full screen a figure over half the window and countdown digits over
15 % of its height (measured on the painted pixels)."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtGui import QColor, QImage, QPalette

from coach.core.session.events import Phase
from coach.ui.player.panel import PAIN_RED, RING_DIGITS, system_pixel_size
from coach.ui.player.phase import KINDS, Kind
from coach.ui.theme import Accents, contrast_ratio, dark_palette, light_palette, mix
from tests.ui.conftest import run_until
from tests.ui.player.helpers import start

Role = QPalette.ColorRole
PALETTES = {"light": light_palette, "dark": dark_palette}


def backgrounds(palette: QPalette) -> dict[str, QColor]:
    accents = Accents.from_palette(palette)
    return {
        "window": palette.color(Role.Window),
        "panel": palette.color(Role.AlternateBase),
        "base": palette.color(Role.Base),
        "walk stage": accents.walk_tint,
    }


@pytest.mark.parametrize("theme", PALETTES)
def test_every_text_colour_has_contrast(theme: str) -> None:
    palette = PALETTES[theme]()
    accents = Accents.from_palette(palette)
    texts = {
        "text": palette.color(Role.WindowText),
        "hold": accents.hold,
        "move": accents.move,
        "walk": accents.walk,
        "rest": accents.rest,
        "paused": accents.paused,
        "danger": accents.danger,
        "link": palette.color(Role.Link),
    }
    low = []
    for (fg_name, fg), (bg_name, bg) in itertools.product(
        texts.items(), backgrounds(palette).items()
    ):
        if fg_name == "link" and bg_name == "walk stage":
            continue  # no link on the walk stage
        ratio = contrast_ratio(fg, bg)
        if ratio < 4.5:
            low.append(f"{fg_name} on {bg_name}: {ratio:.2f}")
    assert not low
    assert contrast_ratio(QColor("white"), QColor(PAIN_RED)) >= 4.5
    assert contrast_ratio(palette.color(Role.ButtonText), palette.color(Role.Button)) >= 4.5


def test_contrast_ratio_is_wcag() -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21)
    assert contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)


# Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB.
CVD = {
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
}


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen(color: QColor, vision: str) -> tuple[float, float, float]:
    """The colour in CIELAB as a person with `vision` sees it."""
    rgb = tuple(_linear(c) for c in (color.redF(), color.greenF(), color.blueF()))
    if vision != "typical":
        rgb = tuple(
            min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
            for row in CVD[vision]
        )
    return _lab(rgb)  # type: ignore[arg-type]


def apart(a: QColor, b: QColor, vision: str) -> bool:
    """Told apart by someone with `vision`: different hues (both coloured,
    60 degrees or more apart), lightness 20 or more apart, or a colour
    against a grey. Saturation alone does not count: that is how amber and
    green fail a deuteranope (both turn the same yellow-brown)."""
    (l1, a1, b1), (l2, a2, b2) = seen(a, vision), seen(b, vision)
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    hue = abs(math.degrees(math.atan2(b1, a1) - math.atan2(b2, a2))) % 360
    hue = min(hue, 360 - hue)
    return (
        (min(c1, c2) >= 15 and hue >= 60)
        or abs(l1 - l2) >= 20
        or (max(c1, c2) >= 30 and min(c1, c2) < 10)
    )


VISIONS = ["typical", "deuteranopia", "protanopia"]


@pytest.mark.parametrize("theme", PALETTES)
@pytest.mark.parametrize("vision", VISIONS)
def test_phase_colours_stay_apart_for_red_green_colour_blindness(theme, vision) -> None:  # type: ignore[no-untyped-def]
    accents = Accents.from_palette(PALETTES[theme]())
    pairs = {
        ("hold", "move"): (accents.hold, accents.move),
        ("move", "walk"): (accents.move, accents.walk),
        ("hold", "rest"): (accents.hold, accents.rest),
        ("move", "rest"): (accents.move, accents.rest),
        ("walk", "rest"): (accents.walk, accents.rest),
    }
    for (a, b), (ca, cb) in pairs.items():
        assert apart(ca, cb, vision), f"{a} and {b} look alike with {vision}"
    # Hold and walk share the blue side for a deuteranope in the light theme
    # (teal turns a greyer blue): still 20 apart in CIELAB, and the walk is
    # told by its stage (tint, footprints, the word) besides.
    assert math.dist(seen(accents.hold, vision), seen(accents.walk, vision)) >= 20


def test_the_old_amber_and_green_would_fail() -> None:
    """The check above is able to fail: the palette this replaced."""
    amber, green = QColor("#9a6b00"), QColor("#1d8a47")
    assert apart(amber, green, "typical")
    assert not apart(amber, green, "deuteranopia")
    assert not apart(amber, green, "protanopia")


def test_every_phase_has_its_own_shape() -> None:
    kinds = set(KINDS.values()) | {Kind.PAUSED}
    assert {Kind.HOLD, Kind.MOVE, Kind.RELEASE, Kind.WALK, Kind.REST, Kind.PAUSED} <= kinds
    from coach.ui.player import phase

    shapes = {
        kind: getattr(phase, name)
        for kind, name in {
            Kind.HOLD: "_square",
            Kind.MOVE: "_forward",
            Kind.RELEASE: "_back",
            Kind.WALK: "_feet",
            Kind.SWITCH: "_switch",
            Kind.PAUSED: "_bars",
        }.items()
    }
    assert len(set(shapes.values())) == len(shapes)


def test_shapes_differ_on_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    from coach.ui.player.phase import PhaseIcon

    icon = PhaseIcon()
    qtbot.addWidget(icon)
    icon.resize(64, 64)
    pictures = {}
    for kind in (
        Kind.READY,
        Kind.MOVE,
        Kind.HOLD,
        Kind.RELEASE,
        Kind.WALK,
        Kind.SWITCH,
        Kind.PAUSED,
    ):
        icon.show_kind(kind, QColor("black"))
        pictures[kind] = icon.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    for (a, pa), (b, pb) in itertools.combinations(pictures.items(), 2):
        assert pa != pb, f"{a} and {b} look the same"


def sizes(player) -> dict[str, int]:  # type: ignore[no-untyped-def]
    view = player.view
    return {
        name: getattr(view, name).font().pixelSize()
        for name in ("name", "phase", "counter", "step", "cue", "next")
    }


def settle(coach_app, player, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    player.resize(width, height)
    coach_app.qapp.processEvents()
    player.view.refresh()
    coach_app.qapp.processEvents()


def test_text_follows_the_window_and_never_drops_below_the_system_font(coach_app) -> None:  # type: ignore[no-untyped-def]
    player = start(coach_app)
    run_until(coach_app, lambda s: s.phase is Phase.HOLD)
    base = system_pixel_size()
    seen_sizes = {}
    for width, height in ((640, 480), (1120, 760), (1600, 1000), (1920, 1200)):
        settle(coach_app, player, width, height)
        seen_sizes[height] = sizes(player)
        assert min(seen_sizes[height].values()) >= base
    assert seen_sizes[760]["step"] >= 18 and seen_sizes[760]["cue"] >= 18, "at the default size"
    for role in ("phase", "counter", "step"):
        assert seen_sizes[480][role] <= seen_sizes[760][role] < seen_sizes[1200][role], role


def digit_height(ring) -> int:  # type: ignore[no-untyped-def]
    """Rows of the ring's middle holding the digits' colour: their height in pixels."""
    image = ring.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ink = ring.palette().color(ring.foregroundRole())
    side = min(image.width(), image.height())
    left, right = (image.width() - side // 2) // 2, (image.width() + side // 2) // 2
    rows = [
        y
        for y in range(image.height())
        if any(
            abs(QColor(image.pixel(x, y)).lightness() - ink.lightness()) < 30
            for x in range(left, right, 2)
        )
    ]
    # the digits are the tallest run of rows; the caption is a separate, lower run
    runs, start_row = [], rows[0]
    for a, b in itertools.pairwise([*rows, 10**9]):
        if b != a + 1:
            runs.append(a - start_row + 1)
            start_row = b
    return max(runs)


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_full_screen_figure_over_half_and_digits_over_15_percent(coach_app, theme_name) -> None:  # type: ignore[no-untyped-def]
    from coach.ui.theme import apply_theme

    qapp = coach_app.qapp
    style, palette = qapp.style().name(), qapp.palette()
    apply_theme(qapp, theme_name)
    try:
        _full_screen_measures(coach_app)
    finally:  # a dark palette left on the application would change later tests' colours
        qapp.setStyle(style)
        qapp.setPalette(palette)


def _full_screen_measures(coach_app) -> None:  # type: ignore[no-untyped-def]
    player = start(coach_app)
    player.view.set_large(True)
    run_until(coach_app, lambda s: s.phase is Phase.HOLD and 5 < s.seconds_left < 9)
    for width, height in ((1920, 1080), (2560, 1440), (1280, 800), (1366, 768)):
        settle(coach_app, player, width, height)
        figure = player.view.figure
        assert figure.width() * figure.height() >= 0.5 * width * height, (width, height)
        assert digit_height(player.view.ring) >= 0.15 * height, (width, height)
    assert not player.view.next.isVisible(), "full screen keeps to what matters"


def test_the_walk_is_the_biggest_word(coach_app) -> None:  # type: ignore[no-untyped-def]
    player = start(coach_app)
    view = player.view
    run_until(coach_app, lambda s: s.phase is Phase.HOLD)
    background = view.palette().color(Role.Window)
    run_until(coach_app, lambda s: s.phase is Phase.WALK)
    coach_app.qapp.processEvents()
    assert view.phase.text() == "Walk" and view.icon.kind is Kind.WALK
    walk = view.phase.font().pixelSize()
    digits = min(view.ring.width(), view.ring.height()) * RING_DIGITS
    assert walk > digits and walk > max(v for k, v in sizes(player).items() if k != "phase")
    tint = view.palette().color(Role.Window)
    accents = Accents.from_palette(coach_app.qapp.palette())
    assert tint != background and tint == accents.walk_tint == mix(background, accents.walk, 0.1)
    assert view.phase.palette().color(Role.WindowText) == accents.walk
