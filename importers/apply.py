"""Apply an import plan: the good rows in one transaction, recorded as an undoable batch."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from catalog.batches import refresh_search, row_dict
from catalog.models import new_id
from catalog.pinyin import keys
from catalog.products import Cancelled
from catalog.store import Store
from importers.plan import ImportPlan, RowPlan

Progress = Callable[[float, str], None]
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes (kept with the batch, to recognise the same file again)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def apply_plan(
    store: Store, plan: ImportPlan, *, progress: Progress | None = None, cancel: Callable[[], bool] | None = None
) -> str | None:
    """Write the plan's new and changed rows in one transaction; returns the batch id (None if nothing to do).

    Error rows are skipped (they go to the error report). Cancelling rolls everything back and
    raises `catalog.products.Cancelled`.
    """
    todo = [r for r in plan.rows if r.action in ("new", "changed")]
    if not todo:
        return None
    table = plan.table
    with store.transaction():
        batch = store.batches.begin(table.source.name, plan.kind, table.sheet, file_sha256(table.source))
        if plan.kind == "ledger":
            _apply_ledger(store, batch, todo)
        else:
            _apply_products(store, batch, plan, todo, progress, cancel)
        store.batches.finish(batch, summary(plan, batch))
    store.products.search.invalidate()
    return batch


def summary(plan: ImportPlan, batch: str | None) -> dict[str, Any]:
    """The machine-readable result of a plan (what `portdesk import --json` prints)."""
    t = plan.table
    return {
        "batch": batch,
        "file": str(t.source),
        "kind": plan.kind,
        "sheet": t.sheet,
        "header_row": t.header_row,
        "mapping": {t.headers[i] if i < len(t.headers) and t.headers[i] else f"#{i + 1}": f for i, (f, _c) in sorted(t.mapping.items())},
        "rows": len(plan.rows),
        "created": plan.count("new"),
        "updated": plan.count("changed"),
        "unchanged": plan.count("unchanged"),
        "errors": [
            {"row": i.row, "column": i.column, "message": f"{i.message_zh}；{i.fix_zh} / {i.message_en}. {i.fix_en}"}
            for i in plan.errors
        ],
    }


def _apply_products(
    store: Store, batch: str, plan: ImportPlan, todo: list[RowPlan], progress: Progress | None, cancel: Callable[[], bool] | None
) -> None:
    conn = store.conn
    changes: list[tuple[str, str, str, dict[str, Any] | None]] = []
    before_cats = {r[0] for r in conn.execute("SELECT id FROM categories")}
    category_ids: dict[str, str] = {}
    for path in sorted({r.category for r in todo if r.category}):
        category_ids[path] = store.categories.ensure_path(path)
    for cid in (r[0] for r in conn.execute("SELECT id FROM categories ORDER BY rowid")):
        if cid not in before_cats:
            changes.append(("category", cid, "insert", None))
    kind = "dish" if plan.kind == "menu" else "goods"
    step = max(1, len(todo) // 20)
    touched: set[str] = set()
    inserted: set[str] = set()
    spec_order: dict[str, int] = {}
    for i, r in enumerate(todo):
        if i % step == 0:
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(i / len(todo), "")
        assert r.product_id is not None and r.spec_id is not None
        pid = r.product_id
        category_id = category_ids.get(r.category) if r.category else None
        touched.add(pid)
        if r.new_product:
            if pid not in inserted:  # later rows of a new product only add specs
                values = {"kind": kind, "unit": "件", **r.product_values}
                if category_id:
                    values["category_id"] = category_id
                _insert(conn, "products", {"id": pid, **values, "sort_key": keys(values["name"])[0]})
                changes.append(("product", pid, "insert", None))
                inserted.add(pid)
        else:
            updates = dict(r.product_values)
            if "category" in r.diffs and category_id:
                updates["category_id"] = category_id
            if updates:
                changes.append(("product", pid, "update", row_dict(conn, "product", pid)))
                _update(conn, "products", pid, updates)
        if r.new_spec:
            order = spec_order.get(pid)
            if order is None:
                order = conn.execute("SELECT coalesce(max(sort_order) + 1, 0) FROM specs WHERE product_id = ?", (pid,)).fetchone()[0]
            spec_order[pid] = order + 1
            _insert(conn, "specs", {"id": r.spec_id, "product_id": pid, "sort_order": order, **r.spec_values})
            changes.append(("spec", r.spec_id, "insert", None))
        elif r.spec_values:
            changes.append(("spec", r.spec_id, "update", row_dict(conn, "spec", r.spec_id)))
            _update(conn, "specs", r.spec_id, r.spec_values)
    refresh_search(conn, touched)
    # a record changed by several rows keeps its state from before the first of them
    store.batches.record(batch, _first_per_record(changes))


def _insert(conn: Any, table: str, values: dict[str, Any]) -> None:
    conn.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})", tuple(values.values()))


def _update(conn: Any, table: str, record_id: str, values: dict[str, Any]) -> None:
    conn.execute(
        f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in values)}, updated_at = {_NOW} WHERE id = ?",
        (*values.values(), record_id),
    )


def _first_per_record(changes: list[tuple[str, str, str, dict[str, Any] | None]]) -> list[tuple[str, str, str, dict[str, Any] | None]]:
    seen: dict[tuple[str, str], tuple[str, str, str, dict[str, Any] | None]] = {}
    for c in changes:
        seen.setdefault((c[0], c[1]), c)
    return list(seen.values())


def _apply_ledger(store: Store, batch: str, todo: list[RowPlan]) -> None:
    rows = []
    changes: list[tuple[str, str, str, dict[str, Any] | None]] = []
    for r in todo:
        assert r.ledger is not None
        entry_id = new_id()
        rows.append({"id": entry_id, "batch_id": batch, **r.ledger})
        changes.append(("ledger", entry_id, "insert", None))
    cols = list(rows[0])
    store.conn.executemany(
        f"INSERT INTO ledger_entries ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [tuple(row[c] for c in cols) for row in rows],
    )
    store.batches.record(batch, changes)


def dumps(plan: ImportPlan, batch: str | None) -> str:
    """The summary as one JSON document."""
    return json.dumps(summary(plan, batch), ensure_ascii=False, indent=2, default=str)
