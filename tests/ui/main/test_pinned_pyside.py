"""The PySide6 pin (<6.12) holds for a reason this test keeps checking.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of
a C++ method that returns void, so a window painting for a while brought
None's count to zero and the interpreter aborted ("none_dealloc"). The app
used to patch None's count at start-up; with the pin it needs nothing, and
an upgrade that brought the bug back fails here instead of in a user's
session.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QFont


def test_void_calls_do_not_use_up_none(qapp) -> None:  # type: ignore[no-untyped-def]
    color, font = QColor(0, 0, 0), QFont()
    before = sys.getrefcount(None)
    for _ in range(5000):
        color.setAlpha(255)
        font.setBold(True)
    assert sys.getrefcount(None) >= before - 100, "PySide6 leaks None: keep it below 6.12"
