"""Benchmark: read a generated 100,000 x 8 xlsx with python-calamine alone and with read_table.

    python bench/bench_read.py [--rows N] [--keep DIR]

Prints the calamine-only time, the read_table time, their ratio and the peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path


def make_file(path: Path, rows: int) -> None:
    """Write a products sheet of ``rows`` rows x 8 columns with openpyxl's write-only mode."""
    import openpyxl

    rnd = random.Random(42)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("商品")
    ws.append(["商品名称", "条码", "规格", "单位", "零售价", "进价", "库存", "分类"])
    for i in range(rows):
        body = f"{690123456789 + i:012d}"[-12:]
        total = sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(body))
        code = body + str((10 - total % 10) % 10)
        ws.append([f"商品{i}", code, "500ml", "瓶", round(rnd.random() * 100, 2),
                   round(rnd.random() * 50, 2), rnd.randint(0, 500), "饮料"])
    wb.save(path)


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def main() -> int:
    """Generate the file, time both readers (best of 3) and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, default=None, help="write the file here and keep it")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import python_calamine

    from importers import read_table

    with tempfile.TemporaryDirectory() as tmp:
        path = (args.keep or Path(tmp)) / "bench_products.xlsx"
        if not path.exists():
            t0 = time.perf_counter()
            make_file(path, args.rows)
            print(f"generated {path.name}: {args.rows} rows in {time.perf_counter() - t0:.1f} s")
        cal = []
        ours = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            with path.open("rb") as fh:
                wb = python_calamine.CalamineWorkbook.from_filelike(fh)
                data = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
            cal.append(time.perf_counter() - t0)
            del data, wb
            t0 = time.perf_counter()
            table = read_table(path)
            ours.append(time.perf_counter() - t0)
            assert len(table.rows) == args.rows, len(table.rows)
            del table
        c, o = min(cal), min(ours)
        print(f"calamine alone : {c:.3f} s")
        print(f"read_table     : {o:.3f} s")
        print(f"ratio          : {o / c:.2f}x")
        print(f"peak RSS       : {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
