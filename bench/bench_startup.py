"""Startup time: process start → first painted main window on a 100,000-product shop (goal <= 1.0 s),
and the same for a bare QMainWindow started the same way, as a ratio.

Each start runs in a fresh subprocess (QT_QPA_PLATFORM=offscreen). The parent passes its
`time.perf_counter()` just before spawning (a system-wide monotonic clock), so the figures include
interpreter start-up and every import. The child stops the clock when the product table has
painted its rows (and also reports the main window's own first paint).

    python bench/bench_startup.py [--n 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
T0_VAR = "PORTDESK_BENCH_T0"
GOAL_S = 1.0


def _child_bare() -> int:
    t0 = float(os.environ[T0_VAR])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 760)
    marks: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "window" not in marks:
                marks["window"] = marks["table"] = time.perf_counter() - t0
                QTimer.singleShot(0, app.quit)
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    app.exec()
    print(json.dumps(marks))
    return 0


def _child_main(data_dir: Path) -> int:
    t0 = float(os.environ[T0_VAR])
    from PySide6.QtCore import QEvent, QObject, QTimer

    from desktop import gui

    session = gui.start(data_dir, "zh_CN")
    assert session is not None, "another PortDesk runs on the bench data folder"
    window = session.window
    marks: dict[str, float] = {"started": time.perf_counter() - t0}

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                key = "window" if obj is window else "table"
                if key not in marks:
                    marks[key] = time.perf_counter() - t0
                    if key == "table":
                        QTimer.singleShot(0, session.app.quit)
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)  # type: ignore[attr-defined]
    window.table.viewport().installEventFilter(spy)  # type: ignore[attr-defined]
    session.app.exec()
    marks["rows"] = window.model.rowCount()  # type: ignore[attr-defined]
    session.close()
    print(json.dumps(marks))
    return 0


def _spawn(args: list[str]) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false")
    env[T0_VAR] = repr(time.perf_counter())
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], env=env, check=True,
                         capture_output=True, text=True, cwd=HERE.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _prepare(n: int) -> Path:
    sys.path.insert(0, str(HERE))
    from synth import make_shop

    data_dir = Path(tempfile.gettempdir()) / f"portdesk-bench-startup-{n}"
    data_dir.mkdir(exist_ok=True)
    db = data_dir / "shop.sqlite"
    shared = Path(tempfile.gettempdir()) / f"portdesk-bench-{n}.sqlite"  # bench_search's shop, if made
    if not db.exists() and shared.exists():
        shutil.copyfile(shared, db)
    make_shop(db, n)
    return data_dir


def main() -> int:
    """Print median startup times of PortDesk and of a bare QMainWindow, and their ratio."""
    parser = argparse.ArgumentParser(description="PortDesk startup benchmark")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", choices=("bare", "main"))
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    if args.child == "bare":
        return _child_bare()
    if args.child == "main":
        return _child_main(args.data_dir)

    t = time.perf_counter()
    data_dir = _prepare(args.n)
    print(f"shop with {args.n:,} products ready in {time.perf_counter() - t:.1f} s ({data_dir})")
    _spawn(["--child", "main", "--data-dir", str(data_dir)])  # warm the OS file cache once
    bare, main_runs = [], []
    for _ in range(args.rounds):
        bare.append(_spawn(["--child", "bare"]))
        main_runs.append(_spawn(["--child", "main", "--data-dir", str(data_dir)]))
    b = statistics.median(r["window"] for r in bare)
    m_window = statistics.median(r["window"] for r in main_runs)
    m_table = statistics.median(r["table"] for r in main_runs)
    m_started = statistics.median(r["started"] for r in main_runs)
    print(f"bare QMainWindow first paint        {b * 1000:7.0f} ms")
    print(f"PortDesk window built and shown     {m_started * 1000:7.0f} ms")
    print(f"PortDesk main window first paint    {m_window * 1000:7.0f} ms")
    print(f"PortDesk product table painted      {m_table * 1000:7.0f} ms  ({main_runs[0]['rows']:,} rows)")
    print(f"ratio to bare QMainWindow           {m_table / b:7.1f} x")
    print(f"startup {m_table:.2f} s (goal <= {GOAL_S:.1f} s) {'OK' if m_table <= GOAL_S else 'SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
