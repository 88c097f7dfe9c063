"""Guard against a Qt binding that corrupts None's reference count (PySide6 6.12.0 on Python 3.11).

Such a binding aborts the whole process with "Fatal Python error: none_dealloc" after a few
thousand void calls, so it is checked in a child process.
"""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
from PySide6.QtGui import QFont
font = QFont()
before = sys.getrefcount(None)
for _ in range(200):
    font.setBold(True)
print(sys.getrefcount(None) - before)
"""


def test_void_methods_keep_none_alive() -> None:
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert abs(int(result.stdout.strip())) < 50, "this PySide6 drops references to None: pin another version"
