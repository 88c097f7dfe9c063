"""The cores (catalog, importers, sync) never import Qt: checked in a fresh interpreter with PySide6 blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_BLOCK = """
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
        return None
sys.meta_path.insert(0, Block())
for pkg in ("catalog", "importers", "sync"):
    mod = importlib.import_module(pkg)
    for info in pkgutil.walk_packages(mod.__path__, pkg + "."):
        importlib.import_module(info.name)
print("ok")
"""


def test_cores_import_with_pyside6_blocked() -> None:
    result = subprocess.run([sys.executable, "-c", _BLOCK], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_every_core_module_is_visited() -> None:
    import catalog

    names = [m.name for m in pkgutil.walk_packages(catalog.__path__, "catalog.")]
    assert "catalog.store" in names and "catalog.search" in names
