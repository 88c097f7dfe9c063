"""desktop.logs: one rotating file per data folder, nothing on the console."""

from __future__ import annotations

import logging
import logging.handlers
import subprocess
import sys
from pathlib import Path

from desktop import logs


def _ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)]


def test_setup_writes_a_rotating_file_in_the_data_dir(tmp_path: Path) -> None:
    path = logs.setup(tmp_path)
    assert path == tmp_path / "logs" / "portdesk.log"
    (handler,) = _ours()
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == 1024 * 1024 and handler.backupCount == 5
    logging.getLogger("portdesk.test").info("你好 hello")
    handler.flush()
    assert "你好 hello" in path.read_text(encoding="utf-8")
    assert logs.current_log_file() == path


def test_setup_twice_replaces_the_handler(tmp_path: Path) -> None:
    logs.setup(tmp_path / "a")
    second = logs.setup(tmp_path / "b")
    assert len(_ours()) == 1 and logs.current_log_file() == second
    logs.shutdown()
    assert _ours() == [] and logs.current_log_file() is None


def test_warnings_go_to_the_log_not_stderr(tmp_path: Path) -> None:
    # In a fresh interpreter: pytest intercepts warnings in its own process.
    code = (
        "import sys, warnings; from pathlib import Path; from desktop import logs; "
        "logs.setup(Path(sys.argv[1])); warnings.warn('careful 小心'); "
        "logging = __import__('logging'); logging.getLogger('x').error('boom 出错')"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                            encoding="utf-8", timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0 and result.stderr == "" and result.stdout == ""
    text = (tmp_path / "logs" / "portdesk.log").read_text(encoding="utf-8")
    assert "careful 小心" in text and "boom 出错" in text
