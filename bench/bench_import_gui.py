"""Benchmark: import a 100,000-row x 8-column xlsx through the import wizard, offscreen, while a
10 ms heartbeat on the UI thread measures how long the UI is ever kept waiting.

    python bench/bench_import_gui.py [--rows N] [--keep DIR] [--switch-interval S] [--gc {on,off,freeze}]

Prints the time of read+plan and apply, the total, the longest UI stall, the p99 heartbeat gap
and how many gaps exceeded 100 ms (the goal is none).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

GOAL_MS = 100.0


def ean13(body12: str) -> str:
    """An EAN-13 code: 12 digits plus their check digit."""
    total = sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def make_file(path: Path, rows: int) -> None:
    """A products sheet of `rows` rows x 8 columns with valid EAN-13 barcodes (openpyxl write-only)."""
    import openpyxl

    rnd = random.Random(42)
    brands = ["青岛", "崂山", "雪花", "燕京", "百威", "即墨", "琅琊台"]
    things = ["啤酒", "原浆", "纯生", "可乐", "花生", "蛤蜊", "数据线", "充电器", "手机壳"]
    units = ["瓶", "罐", "件", "斤", "个"]
    cats = ["酒水/啤酒", "酒水/饮料", "凉菜", "海鲜", "数码/配件"]
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("商品")
    ws.append(["商品名称", "条码", "规格", "单位", "零售价", "进价", "库存", "分类"])
    for i in range(rows):
        price = rnd.randint(100, 20000)
        ws.append([
            f"{rnd.choice(brands)}{rnd.choice(things)}{i}",
            ean13(f"690{i:09d}"),
            rnd.choice(["500ml", "330ml", "1L", "大份", ""]),
            rnd.choice(units),
            price / 100,
            round(price * 0.6) / 100,
            rnd.randint(0, 500),
            rnd.choice(cats),
        ])
    wb.save(path)


class Heartbeat:
    """A 10 ms QTimer on the UI thread recording the gaps between its ticks."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        self.stalls: list[tuple[float, float]] = []  # (when, ms) of gaps over 60 ms
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self.last) * 1000
        self.gaps.append(gap)
        if gap > 60:
            self.stalls.append((self.last, gap))
        self.last = now

    def start(self) -> None:
        """Start recording."""
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        """Stop and return the gaps (ms)."""
        self.timer.stop()
        return self.gaps


def _wait(app: object, done: object, timeout_s: float) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)  # type: ignore[attr-defined]
    if not done():  # type: ignore[operator]
        raise SystemExit("timed out")


def _stats(label: str, gaps: list[float]) -> str:
    if not gaps:
        return f"{label}: no ticks"
    s = sorted(gaps)
    p99 = s[min(len(s) - 1, int(len(s) * 0.99))]
    over = sum(1 for g in gaps if g > GOAL_MS)
    return f"{label}: ticks {len(gaps)}, longest stall {s[-1]:.0f} ms, p99 gap {p99:.1f} ms, gaps > {GOAL_MS:.0f} ms: {over}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the generated file and database in this folder")
    parser.add_argument("--switch-interval", type=float, help="sys.setswitchinterval for the run (default 0.005)")
    parser.add_argument("--gc", choices=("on", "off", "freeze"), default="on",
                        help="garbage collector during the run: as is, disabled, or frozen after loading")
    parser.add_argument("--no-apply", action="store_true", help="stop after the preview")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    import ui.i18n
    import ui.style

    ui.style.apply(app)  # type: ignore[arg-type]
    ui.i18n.install("zh_CN")
    from ui.import_wizard import ImportWizard

    folder = args.keep or Path(tempfile.mkdtemp(prefix="portdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    xlsx = folder / f"商品-{args.rows}.xlsx"
    if not xlsx.exists():
        t = time.perf_counter()
        make_file(xlsx, args.rows)
        print(f"generated {xlsx.name} ({xlsx.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")
    db = folder / "shop.sqlite"
    for p in folder.glob("shop.sqlite*"):
        p.unlink()
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)
    if args.gc == "off":
        gc.disable()
    elif args.gc == "freeze":
        gc.collect()
        gc.freeze()
    print(f"switch interval {sys.getswitchinterval() * 1000:.1f} ms, gc {args.gc}")

    beat = Heartbeat()
    beat.start()
    t0 = time.perf_counter()
    wizard = ImportWizard(db, xlsx)
    wizard.show()
    _wait(app, lambda: wizard.read_result is not None or wizard.choose_error.isVisible(), 600)
    if wizard.read_result is None:
        print("refused:", wizard.choose_error.text())
        return 1
    t1 = time.perf_counter()
    read_gaps = list(beat.gaps)
    beat.gaps.clear()
    counts = wizard.counts
    # scroll the preview to the end and back, as a user would
    wizard.view.scrollToBottom()
    app.processEvents()
    wizard.view.scrollToTop()
    if args.no_apply:
        wizard.shutdown()
        print(f"read + plan (to preview shown): {t1 - t0:.2f} s")
        print(_stats("UI during read+plan", read_gaps))
        return 0
    wizard.start_apply()
    _wait(app, lambda: wizard.applied is not None or wizard.message_note.isVisible(), 600)
    _wait(app, lambda: not wizard.runner.busy, 60)  # the old plan is freed too
    t2 = time.perf_counter()
    apply_gaps = beat.stop()
    wizard.shutdown()
    print(f"rows {args.rows}: {counts}")
    print(f"read + plan (to preview shown): {t1 - t0:.2f} s")
    print(f"apply (to result shown):         {t2 - t1:.2f} s  result {wizard.applied}")
    print(f"total:                           {t2 - t0:.2f} s")
    print(_stats("UI during read+plan", read_gaps))
    print(_stats("UI during apply", apply_gaps))
    print(_stats("UI overall", read_gaps + apply_gaps))
    for when, gap in beat.stalls:
        phase = "read+plan" if when < t1 else "apply"
        print(f"  stall {gap:.0f} ms at {when - (t0 if when < t1 else t1):.2f} s into {phase}")
    worst = max(read_gaps + apply_gaps, default=0.0)
    print("goal met" if worst <= GOAL_MS else f"goal NOT met: longest stall {worst:.0f} ms > {GOAL_MS:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
