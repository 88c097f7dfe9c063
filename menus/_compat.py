"""Work around a PySide6 6.12 bug on Python < 3.12.

Its abi3 build returns None from every void method (QPainter.save, QPainterPath.addRect,
QFont.setBold...) without taking a reference, as if None were immortal, which it only is
from Python 3.12 on. On 3.11 each call drops one reference from None and a render of
a few thousand boxes aborts the process with "Fatal Python error: none_dealloc".
Giving None a huge reference count makes it effectively immortal, as on 3.12.
This belongs in the app's composition root (desktop/) once there is one; it is
idempotent, so calling it from several places is harmless.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40


def keep_none_alive() -> None:
    """Make None effectively immortal on CPython < 3.12 (no-op elsewhere)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _RESERVE:
        refcount.value += _RESERVE
