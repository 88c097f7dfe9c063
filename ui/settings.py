"""The app's own small settings (language, font size, window geometry) in a JSON file in the data dir.

Shop settings that sync live in the database (`Store.get_setting`); these are per-PC preferences.
Writes are atomic (write a temp file, then replace) so a power cut never leaves half a file.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "settings.json"


@dataclass
class AppSettings:
    """Per-PC preferences. `language` is "" (follow the system), "zh_CN" or "en"."""

    language: str = ""
    large_font: bool = False
    geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    splitter: str = ""  # base64 of QSplitter.saveState()

    @classmethod
    def load(cls, data_dir: Path) -> AppSettings:
        """The settings stored in `data_dir`, or defaults when missing or unreadable."""
        path = data_dir / FILE_NAME
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable settings file %s: %s", path, exc)
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
        try:
            return cls(**values)
        except TypeError:
            return cls()

    def save(self, data_dir: Path) -> None:
        """Write the settings atomically into `data_dir`."""
        path = data_dir / FILE_NAME
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)
