"""Where PortDesk keeps its data: the per-user data folder, or --data-dir / PORTDESK_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "PortDesk"
ENV_VAR = "PORTDESK_DATA_DIR"
DB_NAME = "shop.sqlite"


def data_dir(override: str | Path | None = None) -> Path:
    """The data folder: `override`, else $PORTDESK_DATA_DIR, else the per-user folder
    (Windows: %LOCALAPPDATA%\\PortDesk; Linux: ~/.local/share/PortDesk). Created if missing."""
    chosen = override or os.environ.get(ENV_VAR) or user_data_dir(APP_NAME, appauthor=False, roaming=False)
    path = Path(chosen).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(folder: Path) -> Path:
    """The shop database inside a data folder."""
    return folder / DB_NAME


def log_dir(folder: Path) -> Path:
    """The folder of rotating log files inside a data folder."""
    path = folder / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir(folder: Path) -> Path:
    """The folder of automatic and manual backups inside a data folder."""
    path = folder / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
