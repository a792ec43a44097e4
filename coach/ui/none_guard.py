"""Work around a PySide6 reference-count bug on Python 3.11.

PySide6 6.12 returns `None` from C++ methods that return void without taking
a reference to it (harmless from Python 3.12, where None is immortal). On
3.11 every such call — `QPainter.setPen`, `QFont.setBold`, … — takes one
reference away from None; a window that paints a few hundred times a second
brings None's count to zero within seconds and the interpreter aborts with
"none_dealloc: deallocating None".

`protect_none()` checks whether the running PySide6 has the bug and, if so,
gives None — and True and False, which the same binding code hands out and
which were seen to run out too — a very large reference count once, which is
what 3.12 does for good ("immortal" objects). It changes nothing when the bug
is absent.
"""

from __future__ import annotations

import ctypes
import platform
import sys

# Enough for 10^5 leaked references a second for a third of a million years.
_BALLAST = 1 << 50


def pyside_leaks_none() -> bool:
    """Call a void method a few times and see whether None loses references."""
    from PySide6.QtGui import QColor

    color = QColor(0, 0, 0)
    before = sys.getrefcount(None)
    for _ in range(64):
        color.setAlpha(255)
    return sys.getrefcount(None) < before - 32


def protect_none() -> bool:
    """Returns True when None needed (and got) protecting."""
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    if not pyside_leaks_none():
        return False
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < _BALLAST // 2:
            # ob_refcnt is the first field of every object in CPython 3.11.
            ctypes.c_ssize_t.from_address(id(singleton)).value += _BALLAST
    return True
