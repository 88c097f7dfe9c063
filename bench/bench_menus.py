"""Benchmark: a 300-item A4 menu plus 40 table tents to PDF (goal: <= 2 s together),
against a baseline measured in the same run: QPdfWriter writing one page of plain text.

    QT_QPA_PLATFORM=offscreen python bench/bench_menus.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QPainter, QPdfWriter

from menus.fonts import cjk_family, ensure_gui_app
from menus.model import Table
from menus.render import layout_document, render_pdf
from menus.samples import big_menu, sample_shop, sample_tables

GOAL_S = 2.0


def best_of(n: int, fn: Callable[[], object]) -> float:
    """The fastest of `n` runs, in seconds."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline(out: Path) -> None:
    """QPdfWriter, one A4 page, 40 lines of Chinese text."""
    writer = QPdfWriter(str(out))
    painter = QPainter(writer)
    font = QFont(cjk_family())
    font.setPointSize(11)
    painter.setFont(font)
    for i in range(40):
        painter.drawText(QPointF(500, 600 + i * 300), f"第 {i} 行 青岛啤酒原浆 1L ¥38 会员 ¥32")
    painter.end()


def main() -> int:
    """Run the benchmark and print the figures; exit 1 when the goal is missed."""
    ensure_gui_app()
    shop = sample_shop()
    menu = big_menu(300)
    tables = [Table(f"t{i}", f"{'AB'[i % 2]}{i + 1}", f"T{i + 1:03d}", "大厅") for i in range(40)]
    tables[0:2] = sample_tables()[0:2]
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        cold_start = time.perf_counter()
        render_pdf("a4", shop, menu, [], d / "cold.pdf")
        cold = time.perf_counter() - cold_start
        base = best_of(5, lambda: baseline(d / "base.pdf"))
        layout_a4 = best_of(3, lambda: layout_document("a4", shop, menu))
        layout_tents = best_of(3, lambda: layout_document("tent-a5", shop, menu, tables))
        a4 = best_of(3, lambda: render_pdf("a4", shop, menu, [], d / "a4.pdf"))
        tents = best_of(3, lambda: render_pdf("tent-a5", shop, menu, tables, d / "tents.pdf"))
        pages = len(layout_document("a4", shop, menu).pages)
        size_a4 = (d / "a4.pdf").stat().st_size
        size_tents = (d / "tents.pdf").stat().st_size
    total = a4 + tents
    print(f"baseline  QPdfWriter 1 page of text         {base * 1000:8.1f} ms")
    print(
        f"a4        300 items, {pages} pages, {size_a4 // 1024} KiB     {a4 * 1000:8.1f} ms"
        f"   (layout {layout_a4 * 1000:.0f} ms; first run incl. font loading {cold * 1000:.0f} ms)"
    )
    print(
        f"tent-a5   40 tables, 80 QR codes, {size_tents // 1024} KiB  {tents * 1000:8.1f} ms   (layout {layout_tents * 1000:.0f} ms)"
    )
    print(f"total     {total:.3f} s  (goal <= {GOAL_S:.1f} s)   ratio to baseline {total / base:.1f}x")
    return 0 if total <= GOAL_S else 1


if __name__ == "__main__":
    sys.exit(main())
