"""Import end to end (read, map, validate, plan, upsert, search text, batch, outbox) of a generated
100,000 x 8 xlsx, as a ratio to python-calamine only reading the same file in the same run.

    python bench/bench_import.py [--rows N] [--rounds N]

Goals (issue #3): first import <= 2.0x calamine, re-import of the unchanged file <= 1.5x,
peak RSS <= 300 MB; it also times undoing the first import. Each phase runs in a fresh process so
peak RSS is the import's own; the clock starts after the modules are loaded, on both sides (a
running app has them loaded). The machines here are shared and their speed wanders by +-30% within
a minute, so every import is measured against the mean of a calamine read just before it and
one just after, and each figure is the median over the rounds of those ratios (a fresh database
per round for the first import).

An import is timed until its result is ready (committed, searchable), as the wizard shows it. The
store's close afterwards, which folds the import's WAL into the database file (on the wizard's
worker thread, after the result is shown: catalog.db.checkpoint_later), is printed on its own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = """
import json, resource, sys, time
from pathlib import Path
phase, xlsx, db = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
from python_calamine import CalamineWorkbook
if phase in ("import", "undo"):
    from catalog.store import Store
    from importers.apply import apply_plan
    from importers.gcpause import gc_paused
    from importers.lookups import Lookups
    from importers.plan import build_plan
    from importers.remembered import trusted_sheets
    from importers.table import read_table
t = time.perf_counter()
if phase == "calamine":
    CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
    counts = {}
elif phase == "undo":
    with Store.open(db) as store:
        counts = {"records": store.batches.undo(store.batches.list()[-1].id)}
else:
    with gc_paused(freeze=True):  # as the CLI and the wizard do
        store = Store.open(db)
        trusted = trusted_sheets(store, xlsx)
        lookups = Lookups.prefetch(store.path, xlsx, bool(trusted))
        plan = build_plan(store, read_table(xlsx, trusted=trusted), lookups=lookups)
        apply_plan(store, plan)
        counts = {a: plan.count(a) for a in ("new", "changed", "unchanged", "error")}
        counts["close_seconds"] = -time.perf_counter()
        store.close()  # folds the WAL into the file (catalog.db.checkpoint_later), after the result is shown
        counts["close_seconds"] += time.perf_counter()
elapsed = time.perf_counter() - t - counts.get("close_seconds", 0)
try:  # this process's own peak (ru_maxrss would also count the parent's, carried over by vfork + exec)
    with open("/proc/self/status") as f:
        rss_mb = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
except (OSError, StopIteration):
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "rss_mb": rss_mb, **counts}))
"""


def _run(phase: str, xlsx: Path, db: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, phase, str(xlsx), str(db)], cwd=HERE.parent,
                         capture_output=True, text=True, check=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> int:
    """Generate the file, then time calamine, first imports and re-imports; print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from bench_read import make_file  # the same generated sheet as bench_read.py

    firsts: list[tuple[float, dict[str, float]]] = []
    agains: list[tuple[float, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / "products.xlsx"
        t = time.perf_counter()
        make_file(xlsx, args.rows)
        print(f"generated {args.rows} rows in {time.perf_counter() - t:.1f} s")
        for i in range(args.rounds):
            db = Path(tmp) / f"shop{i}.sqlite"
            for runs in (firsts, agains):  # a first import, then the same file again
                before = _run("calamine", xlsx, db)["seconds"]
                result = _run("import", xlsx, db)
                base = (before + _run("calamine", xlsx, db)["seconds"]) / 2
                runs.append((result["seconds"] / base, result))
        undo = _run("undo", xlsx, Path(tmp) / "shop0.sqlite")
    for label, runs, goal, count in (("first import:        ", firsts, 2.0, "new"),
                                     ("re-import, unchanged:", agains, 1.5, "unchanged")):
        ratio, result = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
        spread = ", ".join(f"{r:.2f}" for r, _ in runs)
        print(f"{label} {result['seconds']:6.2f} s  = {ratio:5.2f}x calamine (goal <= {goal}x; rounds: {spread})"
              f"  {count} {result[count]:.0f}, errors {result['error']:.0f},"
              f" peak RSS {max(r['rss_mb'] for _, r in runs):.0f} MB (goal <= 300);"
              f" then {result['close_seconds']:.2f} s closing the store")
    print(f"undo of the first:    {undo['seconds']:6.2f} s  ({undo['records']:.0f} records removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
