"""The floor under bench_import.py: what a first import of the same 100,000 x 8 file costs with the
cheapest possible Python (no validation, no plan, no undo, no error report) and the same SQL
writes (staged products and specs, their indexes, the row keys a re-import recognises them by,
outbox rows, commit), as a ratio to python-calamine only reading the file, in the same process.

    python bench/bench_import_floor.py [--rows N]

It answers whether a goal is reachable at all: if the SQL writes alone cost about 2x calamine,
no importer that writes this schema can do a first import in 2x. It also times a bare import that
keeps only what any catalog must: two plain tables (products, specs) with their primary keys, the
cells copied as they are, no search text, no outbox, no undo, no other index.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Generate the file, then time calamine, the minimal Python and the SQL writes; print ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))
    from bench_read import make_file
    from python_calamine import CalamineWorkbook

    from catalog.db import checkpoint_later
    from catalog.models import new_ids
    from catalog.pinyin import keys
    from catalog.search import document
    from catalog.store import Store
    from importers.row_keys import row_keys

    keys("预热")  # load the pinyin tables before the clock starts, as bench_import's prefetch does
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / "products.xlsx"
        make_file(xlsx, args.rows)
        gc.disable()
        with Store.open(Path(tmp) / "shop.sqlite") as store:
            t0 = time.perf_counter()
            rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
            t1 = time.perf_counter()
            data = rows[1:]
            n = len(data)
            names = [r[0].strip() for r in data]
            barcodes, specs = [r[1] for r in data], [r[2] for r in data]
            price, cost = [round(r[4] * 100) for r in data], [round(r[5] * 100) for r in data]
            stock = [int(r[6]) * 1000 for r in data]
            pids, sids = new_ids(n), new_ids(n)
            docs = [document(nm, [sp, bc]) for nm, sp, bc in zip(names, specs, barcodes, strict=True)]
            sort_keys = [keys(nm)[0] for nm in names]
            row_keys_ = row_keys(data)  # what the import remembers for the next one (importers.known_rows)
            t2 = time.perf_counter()
            c = store.conn
            stamp = "2026-11-29T12:00:00.000001Z"
            with checkpoint_later(c):  # as the importer does: the WAL is folded when the store closes
                c.execute("BEGIN")
                c.execute("INSERT INTO capture_off VALUES ('floor')")
                state = c.execute("INSERT INTO import_states (context, spec_at, product_at, category) VALUES (0, ?1, ?1, '饮料')",
                                  (stamp,)).lastrowid
                c.execute("CREATE TEMP TABLE sp (a, b, c, d, e)")
                c.executemany("INSERT INTO temp.sp VALUES (?, ?, ?, ?, ?)", zip(pids, names, ["瓶"] * n, sort_keys, docs, strict=True))
                c.execute("INSERT INTO products (id, name, unit, sort_key, search_text, created_at, updated_at)"
                          " SELECT a, b, c, d, e, ?1, ?1 FROM temp.sp", (stamp,))
                c.execute("CREATE TEMP TABLE ss (a, b, c, d, e, f, g, h)")
                c.executemany("INSERT INTO temp.ss VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              zip(sids, pids, specs, barcodes, price, cost, stock, row_keys_, strict=True))
                c.execute("INSERT INTO specs (id, product_id, name, barcode, price_fen, cost_fen, stock_milli, import_key,"
                          " import_state, created_at, updated_at) SELECT a, b, c, d, e, f, g, h, ?2, ?1, ?1 FROM temp.ss", (stamp, state))
                for entity, table in (("product", "products"), ("spec", "specs")):
                    c.execute(f"INSERT INTO outbox (entity, entity_id, op, fields, created_at) SELECT ?, id, 'insert', '[]', ?2"
                              f" FROM {table} WHERE created_at = ?2", (entity, stamp))
                c.execute("DELETE FROM capture_off")
                c.execute("COMMIT")
                t3 = time.perf_counter()
        t4 = time.perf_counter()
        bare = _bare(xlsx, Path(tmp) / "bare.sqlite")
        gc.enable()
    base = t1 - t0
    print(f"calamine read only:        {base:6.2f} s")
    print(f"minimal Python (no checks): {t2 - t1:6.2f} s  = {(t2 - t1) / base:4.1f}x calamine")
    print(f"SQL writes and commit:      {t3 - t2:6.2f} s  = {(t3 - t2) / base:4.1f}x calamine")
    print(f"floor of a first import:    {t3 - t0:6.2f} s  = {(t3 - t0) / base:4.1f}x calamine (bench_import's goal: 2.0x)")
    print(f"then closing the store:     {t4 - t3:6.2f} s  (folds the WAL into the database file)")
    print(f"bare import (keys only):    {bare[1]:6.2f} s  = {bare[1] / bare[0]:4.1f}x calamine (its own calamine read: {bare[0]:.2f} s)")
    return 0


def _bare(xlsx: Path, db: Path) -> tuple[float, float]:
    """(calamine read, whole bare import) in seconds: read, take the cells as they are, write two
    tables with nothing but their primary keys in one transaction."""
    from python_calamine import CalamineWorkbook

    t0 = time.perf_counter()
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
    t1 = time.perf_counter()
    data = rows[1:]
    products = [(str(i), r[0].strip()) for i, r in enumerate(data)]
    specs = [(str(i), str(i), r[2], r[1], round(r[4] * 100), round(r[5] * 100), int(r[6]) * 1000) for i, r in enumerate(data)]
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")  # as the importer: the WAL is folded later
    conn.execute("CREATE TABLE products (id TEXT PRIMARY KEY, name TEXT NOT NULL)")
    conn.execute("CREATE TABLE specs (id TEXT PRIMARY KEY, product_id TEXT, name TEXT, barcode TEXT,"
                 " price_fen INTEGER, cost_fen INTEGER, stock_milli INTEGER)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO products VALUES (?, ?)", products)
    conn.executemany("INSERT INTO specs VALUES (?, ?, ?, ?, ?, ?, ?)", specs)
    conn.execute("COMMIT")
    t2 = time.perf_counter()
    conn.close()
    return t1 - t0, t2 - t0


if __name__ == "__main__":
    sys.exit(main())
