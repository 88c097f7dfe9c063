"""Logging: one rotating log file per data folder, never the console.

Users see one plain line for an error (printed by the CLI or shown by the GUI); the details and
tracebacks go to `<data dir>/logs/portdesk.log` (1 MB, 5 old files kept).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.paths import log_dir

LOG_NAME = "portdesk.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"
_MARK = "_portdesk_handler"


def setup(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to the rotating log file of `data_dir`; returns the file's path.

    Calling it again (another data folder, a test) replaces our previous handler instead of
    adding a second one. Python warnings are logged too, so nothing is written to stderr.
    Raises OSError when the log folder cannot be created.
    """
    path = log_dir(data_dir) / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    setattr(handler, _MARK, True)
    shutdown()
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return path


def current_log_file() -> Path | None:
    """The file our handler writes to, or None before `setup`."""
    for h in logging.getLogger().handlers:
        if getattr(h, _MARK, False) and isinstance(h, logging.FileHandler):
            return Path(h.baseFilename)
    return None


def shutdown() -> None:
    """Remove and close our log handler (at exit, or after a test)."""
    root = logging.getLogger()
    for h in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(h)
        h.close()
