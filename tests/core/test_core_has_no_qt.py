"""coach/core must import and work where Qt cannot be imported at all."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "pyqtgraph"):
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, NoQt())
    import coach.core
    names = [m.name for m in pkgutil.walk_packages(coach.core.__path__, "coach.core.")]
    for name in names:
        importlib.import_module(name)
    from coach.core.catalog.loader import load_shipped
    catalog = load_shipped()
    assert catalog.exercises, "no exercises loaded"
    leaked = [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
    assert not leaked, leaked
    print(len(names))
    """
)


def test_every_core_module_imports_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 4  # catalog, schema, errors, listing at least
