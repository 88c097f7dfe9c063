"""Apply an import plan: the good rows in one transaction, recorded as an undoable batch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from catalog.batches import OpenBatch, refresh_search
from catalog.db import checkpoint_later
from catalog.models import new_id
from catalog.pinyin import keys
from catalog.products import Cancelled
from catalog.search import document
from catalog.store import Store
from importers.errors import Issue
from importers.fields import PRODUCT_COLUMNS, SPEC_COLUMNS, written_fields
from importers.gcpause import gc_paused
from importers.known_rows import States, forget_unused_states, stamps
from importers.pictures import Picture, PictureReader
from importers.plan import ImportPlan, RowPlan
from importers.row_keys import row_key

Progress = Callable[[float, str], None]


def apply_plan(
    store: Store, plan: ImportPlan, *, progress: Progress | None = None, cancel: Callable[[], bool] | None = None
) -> str | None:
    """Write the plan's new and changed rows in one transaction; returns the batch id (None if nothing to do).

    Error rows are skipped (they go to the error report). Cancelling rolls everything back and
    raises `catalog.products.Cancelled`.
    """
    if plan.all_known:
        return None
    todo = [r for r in plan.rows if r.action in ("new", "changed")]
    if not todo:
        if any(r.raw is not None for r in plan.rows):
            with gc_paused(), store.transaction():  # nothing to change, but rows to recognise next time
                _remember_stored(store.conn, plan, States(store.conn, plan.context), "", set(), set())
        return None
    table = plan.table
    with gc_paused(), checkpoint_later(store.conn), store.transaction():
        batch = store.batches.begin(table.source.name, plan.kind, "、".join(table.sheets) or table.sheet, table.sha256)
        if plan.kind == "ledger":
            _apply_ledger(store, batch, todo, cancel)
        elif plan.kind == "photos":
            store.batches.record(batch.id, _attach_pictures(store, batch, plan, todo, cancel))
        else:
            _apply_products(store, batch, plan, todo, progress, cancel)
        store.batches.finish(batch.id, summary(plan, batch.id))
    store.products.search.invalidate()
    return batch.id


def _remember_stored(conn: Any, plan: ImportPlan, states: States, stamp: str, stamped_products: set[str],
                     stamped_specs: set[str]) -> None:
    """Keep the key and state of the plan's remembered rows whose spec was stored before this import
    (new specs get theirs as they are written). Records this import wrote carry `stamp`."""
    rows = [(r, r.raw, r.spec_id, r.product_id) for r in plan.rows if r.raw is not None and not r.new_spec]
    old_specs = stamps(conn, "specs", [s for _r, _raw, s, _p in rows if s and s not in stamped_specs])
    old_products = stamps(conn, "products", {p for _r, _raw, _s, p in rows if p and p not in stamped_products})
    params = []
    for r, raw, spec_id, product_id in rows:
        assert raw is not None and spec_id is not None and product_id is not None
        spec_at = stamp if spec_id in stamped_specs else old_specs.get(spec_id)
        product_at = stamp if product_id in stamped_products else old_products.get(product_id)
        if spec_at and product_at:
            params.append((row_key(raw), states.id(spec_at, product_at, r.category), spec_id))
    conn.executemany("UPDATE specs SET import_key = ?, import_state = ? WHERE id = ?", params)
    forget_unused_states(conn)


def summary(plan: ImportPlan, batch: str | None) -> dict[str, Any]:
    """The machine-readable result of a plan (what `portdesk import --json` prints)."""
    t = plan.table
    return {
        "batch": batch,
        "file": str(t.source),
        "kind": plan.kind,
        "sheet": t.sheet,
        "sheets": t.sheets or [t.sheet],
        "header_row": t.header_row,
        "mapping": {t.headers[i] if i < len(t.headers) and t.headers[i] else f"#{i + 1}": f for i, (f, _c) in sorted(t.mapping.items())},
        "rows": t.data_rows,  # rows of the sheet(s) that hold data
        # what those rows hold, which the counts below count: specs of products and dishes, ledger
        # entries; a row with a 小份 and a 大份 price holds two
        "items": plan.row_count,
        "created": plan.count("new"),
        "new_products": len({r.product_id for r in plan.rows if r.action == "new" and r.new_product}),
        "updated": plan.count("changed"),
        "unchanged": plan.count("unchanged"),
        "pictures": plan.pictures,  # photos products get from pictures in the sheet
        "errors": [_issue_json(i) for i in plan.errors],
        "warnings": [_issue_json(i) for i in plan.warnings],
        "notes": [f"{zh} / {en}" for zh, en in t.warnings],  # how the file was read (sheets together, headings, ...)
    }


def _issue_json(i: Issue) -> dict[str, Any]:
    found = {"row": i.row, "column": i.column, "message": f"{i.message_zh}；{i.fix_zh} / {i.message_en}. {i.fix_en}"}
    return {**found, "sheet": i.sheet} if i.sheet else found  # sheets read together: which one


_CHUNK = 20_000  # rows whose new records are built and written at a time (bounds the memory they take)


def _defaults(conn: Any, table: str) -> dict[str, str]:
    """Column -> its DEFAULT as SQL text ("NULL" if none), from the schema itself."""
    return {r[1]: r[4] if r[4] is not None else "NULL" for r in conn.execute(f"PRAGMA table_info({table})")}


def _apply_products(
    store: Store, batch: OpenBatch, plan: ImportPlan, todo: list[RowPlan], progress: Progress | None, cancel: Callable[[], bool] | None
) -> None:
    conn = store.conn
    changes: list[tuple[str, str, str, str | None]] = []
    before_cats = {r[0] for r in conn.execute("SELECT id FROM categories")}
    category_ids = {path: store.categories.ensure_path(path) for path in sorted({r.category for r in todo if r.category})}
    changes += [("category", cid, "insert", None) for (cid,) in conn.execute("SELECT id FROM categories ORDER BY rowid")
                if cid not in before_cats]

    kind = "dish" if plan.kind == "menu" else "goods"
    # Only the columns the file maps travel with the rows; the others keep their column defaults.
    mapped = written_fields(plan.table.fields, plan.table.purchases)
    p_own = list(dict.fromkeys([c for f, c in PRODUCT_COLUMNS.items() if f in mapped] + (["sold_out"] if mapped & {"status", "description"} else [])))
    s_own = [c for f, c in SPEC_COLUMNS.items() if f in mapped and c != "name"]

    # Updates are few and need their old values first; new records are built chunk by chunk below.
    product_updates: dict[str, dict[str, Any]] = {}
    spec_updates: dict[str, dict[str, Any]] = {}
    grown: set[str] = set()  # stored products that get new specs
    for r in todo:
        assert r.product_id is not None and r.spec_id is not None
        if not r.new_product:
            updates = dict(r.product_values)
            if "category" in r.diffs and r.category and category_ids.get(r.category):
                updates["category_id"] = category_ids[r.category]
            if updates:
                product_updates.setdefault(r.product_id, {}).update(updates)
            if r.new_spec:
                grown.add(r.product_id)
        if not r.new_spec and r.spec_values:
            spec_updates.setdefault(r.spec_id, {}).update(r.spec_values)
    next_order = _next_spec_orders(conn, grown)
    before_products = store.batches.snapshot("product", list(product_updates))
    before_specs = store.batches.snapshot("spec", list(spec_updates))
    touched = set(product_updates) | _spec_products(conn, list(spec_updates)) | grown
    # what remembered rows keep (importers.known_rows): the records' updated_at after this import
    states = States(conn, plan.context)
    stamped_products = set(product_updates) | {r.product_id for r in todo if r.new_product and r.product_id}
    old_products = stamps(conn, "products", {r.product_id for r in todo if r.new_spec and r.raw is not None
                                             and r.product_id and r.product_id not in stamped_products})

    # a mapped cell left blank in a new record gets the column's default
    p_default, s_default = _defaults(conn, "products"), _defaults(conn, "specs")
    p_cols = ["id", "kind", "name", "category_id", *p_own, "sort_key", "search_text"]
    p_exprs = ["value0", "value1", "value2", "value3",
               *[f"coalesce(value{i}, {p_default[c]})" for i, c in enumerate(p_own, start=4)],
               f"value{len(p_cols) - 2}", f"value{len(p_cols) - 1}"]
    s_cols = ["id", "product_id", "sort_order", "name", *s_own, "import_key", "import_state"]
    s_exprs = ["value0", "value1", "value2", f"coalesce(value3, {s_default['name']})",
               *[f"coalesce(value{i}, {s_default[c]})" for i, c in enumerate(s_own, start=4)],
               f"value{len(s_cols) - 2}", f"value{len(s_cols) - 1}"]
    products_in = _Stage(conn, "products", p_cols, p_exprs, batch.stamp)
    specs_in = _Stage(conn, "specs", s_cols, s_exprs, batch.stamp)
    created: set[str] = set()  # products this import created so far

    def write_new(rows: list[RowPlan]) -> None:
        """Build the new records of a chunk of rows, then stage and copy them (products first)."""
        product_rows: list[list[Any]] = []
        spec_rows: list[list[Any]] = []
        for r in rows:
            if not r.new_spec:
                continue
            pid, sv = r.product_id, r.spec_values
            assert pid is not None
            if r.new_product and pid not in created:  # the product's first row
                created.add(pid)
                pv, name = r.product_values, r.product_values["name"]
                words = [w for w in (sv.get("name"), sv.get("sku"), sv.get("barcode")) if w]
                product_rows.append([pid, kind, name, category_ids.get(r.category) if r.category else None,
                                     *[pv.get(c) for c in p_own], keys(name)[0], document(name, words)])
                order = 0
            else:  # another spec of a new product, or a new spec of a stored one
                if r.new_product:
                    touched.add(pid)  # its search text is made again from what is stored, at the end
                order = next_order.get(pid, 1 if r.new_product else 0)
                next_order[pid] = order + 1
            key = state = None
            if r.raw is not None:
                product_at = batch.stamp if pid in stamped_products else old_products.get(pid)
                if product_at:
                    key, state = row_key(r.raw), states.id(batch.stamp, product_at, r.category)
            spec_rows.append([r.spec_id, pid, order, sv.get("name"), *[sv.get(c) for c in s_own], key, state])
        products_in.write(product_rows)
        specs_in.write(spec_rows)

    steps: list[Callable[[], None]] = [
        *[lambda part=todo[i : i + _CHUNK]: write_new(part) for i in range(0, len(todo), _CHUNK)],
        products_in.drop, specs_in.drop,
        lambda: _bulk_update(conn, "products", product_updates, batch.stamp),
        lambda: _bulk_update(conn, "specs", spec_updates, batch.stamp),
        lambda: _remember_stored(conn, plan, states, batch.stamp, stamped_products, set(spec_updates)),
        lambda: refresh_search(conn, touched),
    ]
    with store.outbox.capture_paused("import"):
        for i, step in enumerate(steps):
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(i / (len(steps) + 1), "")
            step()
    # Inserted records are found by the batch stamp, in SQL: no Python row per record.
    now = conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").fetchone()[0]  # once, not per row
    for entity, table_name in (("product", "products"), ("spec", "specs")):
        conn.execute(f"INSERT INTO outbox (entity, entity_id, op, fields, created_at) SELECT ?, id, 'insert', '[]', ?"
                     f" FROM {table_name} WHERE created_at = ? ORDER BY rowid", (entity, now, batch.stamp))
    store.outbox.add(
        [("product", pid, "update", sorted(v)) for pid, v in product_updates.items()]
        + [("spec", sid, "update", sorted(v)) for sid, v in spec_updates.items()]
    )
    changes += [("product", pid, "update", before_products[pid]) for pid in product_updates]
    changes += [("spec", sid, "update", before_specs[sid]) for sid in spec_updates]
    changes += _attach_pictures(store, batch, plan, todo, cancel)
    store.batches.record(batch.id, changes)


def _attach_pictures(store: Store, batch: OpenBatch, plan: ImportPlan, todo: list[RowPlan],
                     cancel: Callable[[], bool] | None) -> list[tuple[str, str, str, str | None]]:
    """Give products the pictures of their rows as their first photos; returns the batch's changes.

    Written after the products' outbox rows, with change capture on: each new image writes its
    media row (uploaded first) and its image row, and a stored product's other photos move
    after the new ones (update rows). Images this import stores carry the batch stamp.
    """
    wanted: dict[str, list[Picture]] = {}  # product id -> its pictures, in order
    for r in todo:
        if r.images and r.product_id is not None:
            have = wanted.setdefault(r.product_id, [])
            have += [p for p in r.images if p not in have]
    if not wanted:
        return []
    conn, changes = store.conn, list[tuple[str, str, str, str | None]]()
    with PictureReader(plan.table.source) as reader:
        for product_id, pictures in wanted.items():
            if cancel is not None and cancel():
                raise Cancelled()
            stored = conn.execute("SELECT id, sha256, sort_order FROM product_images WHERE product_id = ?"
                                  " ORDER BY sort_order, rowid", (product_id,)).fetchall()
            unique: dict[str, Picture] = {}
            for picture in pictures:
                unique.setdefault(picture.sha256, picture)
            keep: dict[str, str] = {}  # hash -> the stored image of it that is kept
            for image_id, sha, _order in stored:
                keep.setdefault(sha, image_id)
            target = {keep[d]: i for i, d in enumerate(unique) if d in keep}
            others = [image_id for image_id, _sha, _order in stored if image_id not in target]
            target.update({image_id: len(unique) + k for k, image_id in enumerate(others)})
            moved = [image_id for image_id, _sha, old in stored if target[image_id] != old]
            before = store.batches.snapshot("image", moved)
            for image_id in moved:
                conn.execute("UPDATE product_images SET sort_order = ?, updated_at = ? WHERE id = ?",
                             (target[image_id], batch.stamp, image_id))
                changes.append(("image", image_id, "update", before[image_id]))
            for position, (sha, picture) in enumerate(unique.items()):
                if sha in keep:
                    continue
                if conn.execute("SELECT 1 FROM media WHERE sha256 = ?", (sha,)).fetchone() is None:
                    conn.execute("INSERT INTO media (sha256, mime, width, height, data, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                                 (sha, picture.mime, picture.width, picture.height, reader.read(picture), batch.stamp))
                image_id = new_id()
                conn.execute("INSERT INTO product_images (id, product_id, sha256, sort_order, created_at, updated_at)"
                             " VALUES (?, ?, ?, ?, ?, ?)", (image_id, product_id, sha, position, batch.stamp, batch.stamp))
                changes.append(("image", image_id, "insert", None))
    return changes


class _Stage:
    """Inserts into `table` through a bare temporary table (columns value0, value1, ...), copied by
    an INSERT ... SELECT of `exprs` over them (which fill in the defaults).

    Measured on 100,000 products: executemany straight into the table costs ~1.0-1.4 s, because
    every row is then a statement of its own with its constraint and trigger bookkeeping; through
    the bare table ~0.6-0.8 s. The copy runs without holding Python's GIL, so the UI thread stays
    responsive meanwhile. Inserted records carry the batch stamp.
    """

    def __init__(self, conn: Any, table: str, cols: list[str], exprs: list[str], stamp: str) -> None:
        self.conn, self.table, self.stage = conn, table, f"temp.stage_{table}"
        self.insert = f"INSERT INTO {self.stage} VALUES ({', '.join('?' * len(cols))})"
        self.copy = (f"INSERT INTO {table} ({', '.join(cols)}, created_at, updated_at) SELECT {', '.join(exprs)}, ?1, ?1"
                     f" FROM {self.stage} ORDER BY rowid")
        self.stamp = stamp
        conn.execute(f"DROP TABLE IF EXISTS {self.stage}")
        conn.execute(f"CREATE TABLE {self.stage} ({', '.join(f'value{i}' for i in range(len(cols)))})")

    def write(self, rows: list[list[Any]]) -> None:
        """Insert these rows into the table."""
        if rows:
            self.conn.executemany(self.insert, rows)
            self.conn.execute(self.copy, (self.stamp,))
            self.conn.execute(f"DELETE FROM {self.stage}")

    def drop(self) -> None:
        """Remove the temporary table."""
        self.conn.execute(f"DROP TABLE IF EXISTS {self.stage}")


def _next_spec_orders(conn: Any, product_ids: set[str]) -> dict[str, int]:
    """The sort order a new spec of each of these stored products gets: after its existing specs."""
    ids = list(product_ids)
    found: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(conn.execute(
            f"SELECT product_id, max(sort_order) + 1 FROM specs WHERE product_id IN ({','.join('?' * len(chunk))})"
            " GROUP BY product_id", chunk,
        ).fetchall())
    return found


def _spec_products(conn: Any, spec_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(spec_ids), 500):
        chunk = spec_ids[start : start + 500]
        found.update(r[0] for r in conn.execute(
            f"SELECT product_id FROM specs WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def _bulk_update(conn: Any, table: str, updates: dict[str, dict[str, Any]], stamp: str) -> None:
    """UPDATE records with executemany, one statement per distinct set of changed columns; updated_at = `stamp`."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for record_id, values in updates.items():
        groups.setdefault(tuple(values), []).append((*values.values(), record_id))
    for cols, params in groups.items():
        conn.executemany(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)}, updated_at = ? WHERE id = ?",
            [(*p[:-1], stamp, p[-1]) for p in params],
        )


def _apply_ledger(store: Store, batch: OpenBatch, todo: list[RowPlan], cancel: Callable[[], bool] | None) -> None:
    """Append the entries; they carry the batch id, which is all undo needs (the ledger is append-only).
    A cancel seen before or after the insert rolls it back (raises Cancelled)."""
    if cancel is not None and cancel():
        raise Cancelled()
    rows = []
    for r in todo:
        assert r.ledger is not None
        rows.append({"id": new_id(), "batch_id": batch.id, **r.ledger})
    cols = list(rows[0])
    store.conn.executemany(
        f"INSERT INTO ledger_entries ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [tuple(row[c] for c in cols) for row in rows],
    )
    if cancel is not None and cancel():
        raise Cancelled()
