"""The importers package never imports Qt: a real read works with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_BLOCKED = """
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith(("PyQt5", "PyQt6")):
            raise ImportError("Qt is blocked in this test")
        return None
sys.meta_path.insert(0, Block())
import importers
for info in pkgutil.walk_packages(importers.__path__, "importers."):
    importlib.import_module(info.name)
from importers import read_table
t = read_table(sys.argv[1])
assert len(t.rows) == 2
assert not any(m.startswith("PySide6") for m in sys.modules)
print("ok")
"""


def test_importers_without_qt() -> None:
    data = Path(__file__).parent / "data" / "goods_template.xls"
    result = subprocess.run([sys.executable, "-c", _BLOCKED, str(data)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
