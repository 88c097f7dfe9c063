"""Apply an import plan: the good rows in one transaction, recorded as an undoable batch."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from catalog.batches import refresh_search
from catalog.models import new_id
from catalog.pinyin import keys
from catalog.products import Cancelled
from catalog.search import document
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
    changes: list[tuple[str, str, str, str | None]] = []
    before_cats = {r[0] for r in conn.execute("SELECT id FROM categories")}
    category_ids = {path: store.categories.ensure_path(path) for path in sorted({r.category for r in todo if r.category})}
    changes += [("category", cid, "insert", None) for (cid,) in conn.execute("SELECT id FROM categories ORDER BY rowid")
                if cid not in before_cats]

    # Sort the rows into bulk statements first (pure Python), then write each kind in one go.
    kind = "dish" if plan.kind == "menu" else "goods"
    new_products: dict[str, dict[str, Any]] = {}
    new_specs: list[dict[str, Any]] = []
    product_updates: dict[str, dict[str, Any]] = {}
    spec_updates: dict[str, dict[str, Any]] = {}
    spec_words: dict[str, list[str]] = {}
    for r in todo:
        assert r.product_id is not None and r.spec_id is not None
        pid = r.product_id
        category_id = category_ids.get(r.category) if r.category else None
        if r.new_product:
            if pid not in new_products:  # later rows of a new product only add specs
                values = {"kind": kind, "unit": "件", **r.product_values}
                if category_id:
                    values["category_id"] = category_id
                new_products[pid] = values
        else:
            updates = dict(r.product_values)
            if "category" in r.diffs and category_id:
                updates["category_id"] = category_id
            if updates:
                product_updates.setdefault(pid, {}).update(updates)
        if r.new_spec:
            new_specs.append({"id": r.spec_id, "product_id": pid, **r.spec_values})
            spec_words.setdefault(pid, []).extend(str(r.spec_values.get(k) or "") for k in ("name", "sku", "barcode"))
        elif r.spec_values:
            spec_updates.setdefault(r.spec_id, {}).update(r.spec_values)
    _number_new_specs(conn, new_specs, set(new_products))

    before_products = store.batches.snapshot("product", list(product_updates))
    before_specs = store.batches.snapshot("spec", list(spec_updates))
    for pid, values in new_products.items():
        name = values["name"]
        values.update(id=pid, sort_key=keys(name)[0], search_text=document(name, spec_words.get(pid, [])))
    touched = (set(product_updates) | _spec_products(conn, list(spec_updates))
               | {s["product_id"] for s in new_specs if s["product_id"] not in new_products})
    steps: list[Callable[[], None]] = [
        lambda: _bulk_insert(conn, "products", list(new_products.values())),
        lambda: _bulk_insert(conn, "specs", new_specs),
        lambda: _bulk_update(conn, "products", product_updates),
        lambda: _bulk_update(conn, "specs", spec_updates),
        lambda: refresh_search(conn, touched),
    ]
    with store.outbox.capture_paused("import"):
        for i, step in enumerate(steps):
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(i / (len(steps) + 1), "")
            step()
    store.outbox.add(
        [("product", pid, "insert", []) for pid in new_products]
        + [("spec", s["id"], "insert", []) for s in new_specs]
        + [("product", pid, "update", sorted(v)) for pid, v in product_updates.items()]
        + [("spec", sid, "update", sorted(v)) for sid, v in spec_updates.items()]
    )
    changes += [("product", pid, "insert", None) for pid in new_products]
    changes += [("product", pid, "update", before_products[pid]) for pid in product_updates]
    changes += [("spec", s["id"], "insert", None) for s in new_specs]
    changes += [("spec", sid, "update", before_specs[sid]) for sid in spec_updates]
    store.batches.record(batch, changes)


def _number_new_specs(conn: Any, new_specs: list[dict[str, Any]], new_products: set[str]) -> None:
    """Give new specs sort orders after the existing specs of their product."""
    existing = [s["product_id"] for s in new_specs if s["product_id"] not in new_products]
    next_order: dict[str, int] = {}
    for start in range(0, len(existing), 500):
        chunk = list(dict.fromkeys(existing[start : start + 500]))
        next_order.update(conn.execute(
            f"SELECT product_id, max(sort_order) + 1 FROM specs WHERE product_id IN ({','.join('?' * len(chunk))})"
            " GROUP BY product_id", chunk,
        ).fetchall())
    for s in new_specs:
        order = next_order.get(s["product_id"], 0)
        s["sort_order"] = order
        next_order[s["product_id"]] = order + 1


def _spec_products(conn: Any, spec_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(spec_ids), 500):
        chunk = spec_ids[start : start + 500]
        found.update(r[0] for r in conn.execute(
            f"SELECT product_id FROM specs WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def _bulk_insert(conn: Any, table: str, rows: list[dict[str, Any]]) -> None:
    """INSERT rows with executemany, one statement per distinct column set (missing columns keep their defaults)."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(tuple(row.values()))
    for cols, values in groups.items():
        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values)


def _bulk_update(conn: Any, table: str, updates: dict[str, dict[str, Any]]) -> None:
    """UPDATE records with executemany, one statement per distinct set of changed columns."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for record_id, values in updates.items():
        groups.setdefault(tuple(values), []).append((*values.values(), record_id))
    for cols, params in groups.items():
        conn.executemany(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)}, updated_at = {_NOW} WHERE id = ?", params
        )


def _apply_ledger(store: Store, batch: str, todo: list[RowPlan]) -> None:
    rows = []
    changes: list[tuple[str, str, str, str | None]] = []
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
