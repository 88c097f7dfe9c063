"""Benchmark: read a generated 100,000 x 8 xlsx with python-calamine alone and with read_table.

    python bench/bench_read.py [--rows N] [--keep DIR] [--repeat N] [--stages]

Prints the calamine-only time, the read_table time, their ratio and the peak RSS. With
``--stages`` it also times the read layer step by step (best of ``--repeat``): sniff and open,
the xlsx extent guard, calamine's sheet parse, ``to_python``, ``detect_structure`` and
``classify_row`` over every data row.
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


def stage_times(path: Path, repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` seconds of each read-layer step on ``path`` (an xlsx file)."""
    import python_calamine

    from importers.readers import _guard_xlsx_extent, open_book
    from importers.sniff import sniff_path
    from importers.structure import classify_row, detect_structure, fill_vertical_merges

    best: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, seconds), seconds)

    for _ in range(repeat):
        t0 = time.perf_counter()
        book = open_book(path, sniff_path(path))
        keep("sniff + open_book", time.perf_counter() - t0)
        name = book.sheets[0].name
        t0 = time.perf_counter()
        _guard_xlsx_extent(path, None, name)
        keep("extent guard", time.perf_counter() - t0)
        with path.open("rb") as fh:
            wb = python_calamine.CalamineWorkbook.from_filelike(fh)
            t0 = time.perf_counter()
            sheet = wb.get_sheet_by_name(name)
            keep("calamine get_sheet_by_name", time.perf_counter() - t0)
            t0 = time.perf_counter()
            sheet.to_python(skip_empty_area=False)
            keep("calamine to_python (gc on)", time.perf_counter() - t0)
            del sheet, wb
        t0 = time.perf_counter()
        raw = book.load(name)
        keep("Book.load (guard + parse + to_python)", time.perf_counter() - t0)
        t0 = time.perf_counter()
        st = detect_structure(raw)
        keep("detect_structure", time.perf_counter() - t0)
        rows = raw.rows
        wide = set(fill_vertical_merges(rows, raw.merged, st.data_start))
        header = rows[st.header_rows[-1]] if st.header_rows else None
        start = st.data_start
        t0 = time.perf_counter()
        for ri in range(start, len(rows)):
            classify_row(rows[ri], header, ri - start < 3, ri in wide)
        keep("classify_row x all rows", time.perf_counter() - t0)
        book.close()
        del raw, rows
    return best


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
    ap.add_argument("--stages", action="store_true", help="also time each read-layer step")
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
        if args.stages:
            for name, seconds in stage_times(path, args.repeat).items():
                print(f"  {name:<38}: {seconds:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
