"""UI test set-up: offscreen Qt quirks, a small routine catalog, a player
built by the app's own object graph on a fake clock, and a screenshot folder.

Screenshots go to $COACH_SCREENSHOT_DIR, or to `screenshots/` under pytest's
temporary folder; the path is printed at the end of the run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coach.paths import assets_dir
from coach.ui.player.sounds import Tones

UI_TESTS = Path(__file__).resolve().parent
# The offscreen platform has no window manager to tell about size hints or
# stacking, and says so each time a layout changes a window's minimum size or
# a window is raised.
OFFSCREEN_CHATTER = r"^This plugin does not support (propagateSizeHints|raise)\(\)$"

TINY_ROUTINE = """
id = "tiny"
name = "Tiny test routine"
description = "Two bends with a walk between, then one twist each side."

[[items]]
exercise = "directed-forward-bend"
hold_s = 10
reps = 7

[[items]]
exercise = "seated-spinal-twist"
hold_s = 10
reps = 1
"""

_shots: list[Path] = []


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_CHATTER))


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    if _shots:
        terminalreporter.write_line(f"UI screenshots ({len(_shots)}) saved in {_shots[0].parent}")


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    env = os.environ.get("COACH_SCREENSHOT_DIR")
    folder = Path(env) if env else tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def shoot(screenshot_dir: Path, qapp) -> Callable[[object, str], Path]:  # type: ignore[no-untyped-def]
    """shoot(widget, name): process pending paints, save widget.grab() as PNG."""

    def save(widget, name: str) -> Path:  # type: ignore[no-untyped-def]
        qapp.processEvents()
        path = screenshot_dir / f"{name}.png"
        assert widget.grab().save(str(path)), f"could not save {path}"
        _shots.append(path)
        return path

    return save


@pytest.fixture
def catalog(tmp_path: Path):  # type: ignore[no-untyped-def]
    from coach.core.catalog.loader import load_catalog
    from coach.paths import assets_dir

    routines = tmp_path / "routines"
    routines.mkdir()
    (routines / "tiny.toml").write_text(TINY_ROUTINE, encoding="utf-8")
    result = load_catalog([assets_dir() / "exercises"], [assets_dir() / "routines", routines])
    assert not result.problems, result.problems
    return result


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from coach.ui.theme import apply_theme

    style, palette = qapp.style().name(), qapp.palette()
    apply_theme(qapp, request.param)
    yield request.param
    qapp.setStyle(style)
    qapp.setPalette(palette)


class RecordingTones(Tones):
    """Tones with no sound device that remember what would have sounded."""

    def __init__(self) -> None:
        super().__init__(assets_dir() / "sounds", probe=lambda: False)
        self.played: list[str] = []

    def play(self, name: str) -> None:
        if not self.muted:
            self.played.append(name)
        super().play(name)


@pytest.fixture
def coach_app(qapp, catalog, data_dir: Path):  # type: ignore[no-untyped-def]
    """The app's object graph on a fake clock, with silent tones that
    remember what they would have played."""
    from coach.core.log.store import SessionLog
    from coach.core.session.clock import FakeClock
    from coach.ui.app import CoachApp
    from coach.ui.settings import AppSettings

    clock = FakeClock(1000.0)
    log = SessionLog.open(data_dir)
    app = CoachApp(qapp, catalog, log, AppSettings(), RecordingTones(), clock_factory=lambda: clock)
    app.clock = clock  # type: ignore[attr-defined]
    yield app
    for window in (app.player, app.main_window, app.history):
        if window is not None:
            window.close()
    qapp.processEvents()
    log.close()


def run_until(
    app, predicate: Callable[[object], bool], *, step: float = 0.1, limit_s: float = 3600.0
) -> None:  # type: ignore[no-untyped-def]
    """Advance the fake clock in small steps, one heartbeat each, until
    `predicate(state)` holds (or the session ends)."""
    driver = app.player.driver
    if app.player.waiting_to_start:
        app.player.begin()  # Start on the get-ready page, as a person would
    waited = 0.0
    while not predicate(driver.state):
        assert waited < limit_s, f"gave up after {limit_s} s in {driver.state.phase}"
        app.clock.advance(step)
        driver.pump()
        waited += step


def press(qtbot, window, key) -> None:  # type: ignore[no-untyped-def]
    """A key press as a person makes it: into the active window (the
    shortcuts are window shortcuts)."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, key)


# -- History: a log with 120 days of generated sessions, and the window over it
@pytest.fixture
def log(data_dir):  # type: ignore[no-untyped-def]
    from coach.core.log.store import SessionLog
    from tests.core.log import history_sample

    with SessionLog.open(data_dir) as log:
        history_sample.fill(log, days=120, today=history_sample.TODAY)
        yield log


@pytest.fixture
def window(qtbot, log):  # type: ignore[no-untyped-def]
    from coach.ui.history.window import HistoryWindow
    from tests.core.log.history_sample import TODAY

    window = HistoryWindow(log, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
