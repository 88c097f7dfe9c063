"""Search latency on a 100,000-product shop: p50/p95/max per query kind (goal: p95 <= 20 ms)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import make_shop

from catalog.store import Store

QUERIES = {
    "initials": ["qdpj", "lspj", "lcgl", "xhcs", "bwhp"],
    "full pinyin": ["qingdao", "laoshan", "pijiu", "hali"],
    "chinese 2-char": ["啤酒", "青岛", "蛤蜊", "花"],
    "chinese 3+": ["青岛啤", "辣炒蛤蜊", "鲅鱼水饺"],
    "sku": ["SKU012345", "sku0999"],
    "barcode": ["6900000012345", "690000009"],
    "two terms": ["青岛 500ml", "qd 1l"],
    "no match": ["zzzzqqq", "不存在的东西"],
}


def main(n: int = 100_000, rounds: int = 5) -> int:
    """Build (or reuse) an n-product shop and print latency figures per query kind."""
    path = Path(tempfile.gettempdir()) / f"portdesk-bench-{n}.sqlite"
    t0 = time.perf_counter()
    make_shop(path, n)
    print(f"shop with {n} products ready in {time.perf_counter() - t0:.1f} s")
    store = Store.open(path)
    all_times: list[float] = []
    for kind, queries in QUERIES.items():
        times = []
        for _ in range(rounds):
            for q in queries:
                t = time.perf_counter()
                ids = store.products.ids(query=q)
                store.products.rows(ids[:60])  # what the table shows first
                times.append((time.perf_counter() - t) * 1000)
        all_times += times
        times.sort()
        print(f"{kind:16s} p50 {statistics.median(times):6.1f} ms  p95 {times[int(len(times) * 0.95) - 1]:6.1f} ms  max {times[-1]:6.1f} ms")
    all_times.sort()
    p95 = all_times[int(len(all_times) * 0.95) - 1]
    print(f"search p95 over all queries: {p95:.1f} ms (goal <= 20 ms) {'OK' if p95 <= 20 else 'SLOW'}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
