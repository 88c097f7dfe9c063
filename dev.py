"""Set up PortDesk in a local virtual environment, then start the app or run the tests.

    python3 dev.py app      # Windows: py dev.py app
    python3 dev.py test     # ruff, mypy, then the whole pytest suite (Qt offscreen)

Only the standard library is used here, so this runs on a fresh Python 3.11+.
The environment lives in .venv next to this file and is reinstalled only when
pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def _ensure_env(extra: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py must explain itself on an old Python
        sys.exit(f"PortDesk needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PY.exists():
        print("Creating .venv ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as exc:  # e.g. Debian without python3-venv
            sys.exit(f"Could not create a virtual environment ({exc}). On Debian/Ubuntu: "
                     "sudo apt-get install python3-venv")
    stamp = VENV / f".portdesk-{extra or 'app'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    print("Installing PortDesk and its dependencies into .venv ...", flush=True)
    target = f".[{extra}]" if extra else "."
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "-e", target], cwd=ROOT)
    stamp.write_text(digest)


QT_APT = ("libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0 "
          "libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 "
          "libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 fonts-wqy-microhei")


def _check_qt() -> None:
    """On Linux, say which apt packages to install when Qt cannot load its system libraries."""
    if not sys.platform.startswith("linux"):
        return
    probe = subprocess.run([str(PY), "-c", "import PySide6.QtWidgets"], capture_output=True, text=True)
    if probe.returncode != 0:
        sys.exit("Qt cannot start: " + probe.stderr.strip().splitlines()[-1]
                 + f"\nOn Debian/Ubuntu: sudo apt-get install {QT_APT}")


def app(args: list[str]) -> int:
    """Install (once) and start the desktop app."""
    _ensure_env("")
    _check_qt()
    return subprocess.call([str(PY), "-m", "desktop", *args], cwd=ROOT)


def test(args: list[str]) -> int:
    """Install (once) with test extras, lint, type-check and run the whole suite."""
    _ensure_env("test")
    _check_qt()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    steps = [
        [str(PY), "-m", "ruff", "check", "."],
        [str(PY), "-m", "mypy"],
        [str(PY), "-m", "pytest", *args],
    ]
    for step in steps:
        print("$", " ".join(Path(step[0]).name if i == 0 else a for i, a in enumerate(step)), flush=True)
        rc = subprocess.call(step, cwd=ROOT, env=env)
        if rc != 0:
            return rc
    return 0


def main() -> int:
    """Dispatch `app` or `test`."""
    if len(sys.argv) < 2 or sys.argv[1] not in ("app", "test"):
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    return app(rest) if command == "app" else test(rest)


if __name__ == "__main__":
    sys.exit(main())
