"""Turn a parsed table into an import plan: which rows create, change or leave records alone.

Matching (products and menus): by SKU, then barcode, then name + spec, then name (a new spec of
an existing product). Rows of the file that share a name become specs of one new product.
Blank cells never overwrite stored values unless `overwrite_blanks` is set. Nothing is written
here: `importers.apply` applies a plan in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from catalog.db import connect
from catalog.models import id_stream
from catalog.money import decimal_to_milli
from catalog.pinyin import keys
from catalog.store import Store
from importers.errors import Issue
from importers.gcpause import gc_paused
from importers.table import ParsedRow, ParsedTable

Action = Literal["new", "changed", "unchanged", "error"]

# Import field -> (table, column) for products/menus.
PRODUCT_COLUMNS: dict[str, str] = {
    "unit": "unit", "description": "description", "status": "status", "shelf_life_days": "shelf_life_days",
    "spicy_level": "spicy_level", "allergens": "allergens", "flavors": "attributes", "sold_out": "sold_out",
}
SPEC_COLUMNS: dict[str, str] = {
    "spec": "name", "sku": "sku", "barcode": "barcode", "price_fen": "price_fen",
    "member_price_fen": "member_price_fen", "cost_fen": "cost_fen", "stock": "stock_milli",
}
_NULLABLE = {"shelf_life_days", "sku", "barcode", "member_price_fen", "cost_fen"}
_BLANK_DEFAULTS: dict[str, Any] = {"description": "", "name": "", "stock_milli": 0, "price_fen": 0, "unit": "件"}


@dataclass(slots=True)
class RowPlan:
    """What one data row of the file will do."""

    row_number: int
    action: Action
    name: str = ""
    spec: str = ""
    product_id: str | None = None
    spec_id: str | None = None
    category: str | None = None
    product_values: dict[str, Any] = field(default_factory=dict)  # column -> new value
    spec_values: dict[str, Any] = field(default_factory=dict)
    diffs: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (old, new)
    issues: list[Issue] = field(default_factory=list)
    new_product: bool = False
    new_spec: bool = False
    ledger: dict[str, Any] | None = None


@dataclass
class ImportPlan:
    """A dry run's result: every data row with its action, ready for `apply`."""

    table: ParsedTable
    kind: str
    rows: list[RowPlan]
    overwrite_blanks: bool = False

    def count(self, action: Action) -> int:
        """How many rows have this action."""
        return sum(1 for r in self.rows if r.action == action)

    @property
    def errors(self) -> list[Issue]:
        """Every error issue of the rows that will not be imported, in row order."""
        return [i for r in self.rows if r.action == "error" for i in r.issues if i.severity == "error"]


def _product_values(values: dict[str, Any], fields: list[tuple[str, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f, col in fields:
        if f not in values:
            continue
        v = values[f]
        if f == "status":
            if v == "sold_out":
                out["sold_out"] = 1
                v = "on"
            else:
                v = "off" if v == "inactive" else "on"
        elif f == "allergens":
            v = json.dumps(list(v or []), ensure_ascii=False)
        elif f == "flavors":
            options = [{"name": str(o), "price_fen": 0} for o in (v or [])]
            v = json.dumps([{"name": "口味", "kind": "taste", "options": options, "required": False, "multi": False}]
                           if options else [], ensure_ascii=False)
        out[col] = v
    return out


_MILLI_CACHE: dict[Any, int] = {}


def _spec_values(values: dict[str, Any], fields: list[tuple[str, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f, col in fields:
        if f in values:
            v = values[f]
            if f == "stock" and v is not None:
                milli = _MILLI_CACHE.get(v)
                if milli is None:
                    milli = decimal_to_milli(v)
                    if len(_MILLI_CACHE) < 10_000:
                        _MILLI_CACHE[v] = milli
                v = milli
            out[col] = v
    return out


_NOTHING: dict[str, Any] = {}  # shared by the rows that have no values or diffs: never written to
_P_COLS = ["id", "name", "category_id", *PRODUCT_COLUMNS.values()]
_S_COLS = ["id", "product_id", *SPEC_COLUMNS.values()]
_P_INDEX = {c: i for i, c in enumerate(_P_COLS)}
# Columns with few distinct values (units, JSON lists, statuses, spec names): SQLite hands out a new
# string per row, 100,000 copies of "瓶"; sharing one object per value saves ~40 MB of a re-import.
_P_FEW = [_P_COLS.index(c) for c in ("category_id", "unit", "description", "status", "allergens", "attributes")]
_S_FEW = [_S_COLS.index("product_id"), _S_COLS.index("name")]


def _shared(rows: Iterable[tuple[Any, ...]], columns: list[int], seen: dict[Any, Any] | None = None) -> list[tuple[Any, ...]]:
    """The rows, with equal values of `columns` made one shared object (the one in `seen` if there)."""
    keep = ({} if seen is None else seen).setdefault
    out: list[tuple[Any, ...]] = []
    for row in rows:
        values = list(row)
        for i in columns:
            values[i] = keep(values[i], values[i])
        out.append(tuple(values))
    return out
_S_INDEX = {c: i for i, c in enumerate(_S_COLS)}


class CatalogIndex:
    """Lookup tables of the stored catalog, loaded once per plan.

    Records stay plain tuples in the column order of `_P_COLS`/`_S_COLS` (100,000 dicts cost a
    second).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        cur = conn.cursor()
        cur.row_factory = None  # plain tuples: sqlite3.Row costs seconds on 100,000 rows
        product_rows = _shared(cur.execute(f"SELECT {', '.join(_P_COLS)} FROM products WHERE archived = 0"), _P_FEW)
        self.products: dict[str, tuple[Any, ...]] = {r[0]: r for r in product_rows}
        self.by_name: dict[str, str] = {r[1]: r[0] for r in reversed(product_rows)}  # the first of a name wins
        products = self.products
        spec_rows = [r for r in _shared(cur.execute(f"SELECT {', '.join(_S_COLS)} FROM specs WHERE archived = 0"), _S_FEW,
                                        {pid: pid for pid in products})  # a spec's product_id: its product's id object
                     if r[1] in products]
        self.specs: dict[str, tuple[Any, ...]] = {r[0]: r for r in spec_rows}
        sku_i, barcode_i, name_i = _S_COLS.index("sku"), _S_COLS.index("barcode"), _S_COLS.index("name")
        self.by_sku: dict[str, str] = {r[sku_i]: r[0] for r in spec_rows if r[sku_i]}
        self.by_barcode: dict[str, str] = {}  # barcodes of exactly one spec (a shared barcode matches nothing)
        ambiguous: set[str] = set()
        for r in spec_rows:
            code = r[barcode_i]
            if code:
                if code in self.by_barcode:
                    ambiguous.add(code)
                self.by_barcode[code] = r[0]
        for code in ambiguous:
            del self.by_barcode[code]
        self.by_name_spec: dict[tuple[str, str], str] = {
            (products[r[1]][1], r[name_i]): r[0] for r in reversed(spec_rows)}  # the first wins
        self.category_path: dict[str | None, str] = {None: ""}
        cats = {r[0]: (r[1], r[2]) for r in cur.execute("SELECT id, name, parent_id FROM categories")}
        for cid in cats:
            parts: list[str] = []
            at: str | None = cid
            while at is not None and at in cats and len(parts) < 50:
                parts.append(cats[at][0])
                at = cats[at][1]
            self.category_path[cid] = "/".join(reversed(parts))

    @classmethod
    def prefetch(cls, db_path: Path) -> Callable[[], CatalogIndex | None]:
        """Start loading the index of the database at `db_path` on a thread of its own connection.

        Returns a function that waits for it (None if loading failed: build_plan then loads it
        itself). Reading a spreadsheet spends most of its time in python-calamine without the
        GIL, so an import that starts both at once gets the catalog's index (and the pinyin
        tables the apply step needs) nearly for free.
        """
        box: list[CatalogIndex | None] = [None]

        def load() -> None:
            keys("预热")  # the apply step needs pypinyin's tables: load them now too
            try:
                conn = connect(db_path, upgrade=False)
                conn.execute("PRAGMA cache_size=-2048")  # one pass over two tables: a big cache only adds memory
                try:
                    with gc_paused():
                        box[0] = cls(conn)
                finally:
                    conn.close()
            except Exception:  # the plan loads the index on its own connection instead
                box[0] = None

        thread = threading.Thread(target=load, name="catalog-index", daemon=True)
        thread.start()

        def wait() -> CatalogIndex | None:
            thread.join()
            return box[0]

        return wait


def _diff(old: tuple[Any, ...], index: dict[str, int], new: dict[str, Any], overwrite_blanks: bool) -> dict[str, Any]:
    """The columns of `new` whose value differs from the stored record `old` (columns by `index`)."""
    changed: dict[str, Any] = {}
    for col, value in new.items():
        if value is None:
            if not overwrite_blanks:
                continue
            value = None if col in _NULLABLE else _BLANK_DEFAULTS.get(col)
            if value is None and col not in _NULLABLE:
                continue
        if old[index[col]] != value:
            changed[col] = value
    return changed


def _normalise_category(text: Any) -> str | None:
    if text is None:
        return None
    path = str(text)
    for sep in (">", "＞", "／", "\\", "-"):
        path = path.replace(sep, "/") if sep != "-" else path
    return "/".join(p.strip() for p in path.split("/") if p.strip()) or None


def build_plan(
    store: Store, table: ParsedTable, *, overwrite_blanks: bool = False, index: CatalogIndex | None = None
) -> ImportPlan:
    """Plan an import of `table` into `store` without writing anything.

    `index` is the catalog's lookup index if already loaded (see `CatalogIndex.prefetch`).
    """
    with gc_paused():
        if table.kind == "ledger":
            return ImportPlan(table, "ledger", _plan_ledger(store, table), overwrite_blanks)
        return ImportPlan(table, table.kind, _plan_products(store, table, overwrite_blanks, index), overwrite_blanks)


def _has_errors(row: ParsedRow) -> bool:
    return any(i.severity == "error" for i in row.issues)


def _plan_products(store: Store, table: ParsedTable, overwrite_blanks: bool, existing: CatalogIndex | None = None) -> list[RowPlan]:
    ex = existing if existing is not None else CatalogIndex(store.conn)
    plans: list[RowPlan] = []
    new_products: dict[str, str] = {}  # name -> new product id (rows sharing a name share a product)
    seen_specs: dict[str, int] = {}  # spec id -> row number that already targets it
    new_in_file: dict[tuple[str, str], int] = {}  # (name, spec) of new specs -> their row
    mapped = {f for f, _ in table.mapping.values()}
    p_fields = [(f, c) for f, c in PRODUCT_COLUMNS.items() if f in mapped]
    s_fields = [(f, c) for f, c in SPEC_COLUMNS.items() if f in mapped]
    blanks = dict.fromkeys(mapped)  # a mapped but blank cell is None
    categories: dict[Any, str | None] = {}
    by_sku, by_barcode, by_name_spec, by_name = ex.by_sku, ex.by_barcode, ex.by_name_spec, ex.by_name
    ids = id_stream()
    for row in table.rows:
        v = row.values if len(row.values) == len(blanks) else {**blanks, **row.values}
        name = str(v.get("name") or "").strip()
        spec = str(v.get("spec") or "").strip()
        plan = RowPlan(row.row_number, "error", name, spec, product_values=_NOTHING, spec_values=_NOTHING, diffs=_NOTHING,
                       issues=row.issues)
        plans.append(plan)
        if row.issues and _has_errors(row):
            continue
        sku, barcode = v.get("sku"), v.get("barcode")
        spec_id: str | None = None
        if sku and sku in by_sku:
            spec_id = by_sku[sku]
        elif barcode and barcode in by_barcode:
            spec_id = by_barcode[barcode]
        elif name and (name, spec) in by_name_spec:
            spec_id = by_name_spec[(name, spec)]
        if spec_id is None and not name:
            _add_issue(plan, _row_issue(row, "name", "缺少商品名称", "The product name is missing",
                                          "请填写名称列", "Fill in the name column"))
            continue
        if spec_id is not None and spec_id in seen_specs:
            _add_issue(plan, _row_issue(
                row, "name", f"与第 {seen_specs[spec_id]} 行是同一个商品规格", f"Same product and spec as row {seen_specs[spec_id]}",
                "删除重复的行，或填写不同的规格/货号", "Delete the duplicate row, or give it another spec or SKU"))
            continue
        pv = _product_values(v, p_fields) if p_fields else {}
        sv = _spec_values(v, s_fields)
        category = v.get("category")
        if category is not None:
            if category not in categories:
                categories[category] = _normalise_category(category)
            plan.category = categories[category]
        if spec_id is not None:
            old_spec = ex.specs[spec_id]
            product_id = old_spec[1]
            old_product = ex.products[product_id]
            seen_specs[spec_id] = row.row_number
            plan.product_id, plan.spec_id = product_id, spec_id
            if name and name != old_product[1]:
                pv["name"] = name
            if not spec:
                sv.pop("name", None)  # no spec column or a blank one: keep the stored spec name
            plan.product_values = _diff(old_product, _P_INDEX, pv, overwrite_blanks)
            plan.spec_values = _diff(old_spec, _S_INDEX, sv, overwrite_blanks)
            plan.diffs = {}
            if plan.category is not None and plan.category != ex.category_path.get(old_product[2], ""):
                plan.diffs["category"] = (ex.category_path.get(old_product[2], ""), plan.category)
            for col, new in plan.product_values.items():
                plan.diffs[col] = (old_product[_P_INDEX[col]], new)
            for col, new in plan.spec_values.items():
                plan.diffs[col if col != "name" else "spec"] = (old_spec[_S_INDEX[col]], new)
            plan.action = "changed" if plan.diffs else "unchanged"
            if plan.action == "unchanged":
                plan.product_values = plan.spec_values = plan.diffs = _NOTHING  # 100,000 empty dicts add up
            continue
        # a new spec: of an existing product with that name, of a product new in this file, or a new product
        if (name, spec) in new_in_file:
            first_row = new_in_file[(name, spec)]
            _add_issue(plan, _row_issue(
                row, "name", f"与第 {first_row} 行是同一个商品规格", f"Same product and spec as row {first_row}",
                "删除重复的行，或填写不同的规格/货号", "Delete the duplicate row, or give it another spec or SKU"))
            continue
        new_in_file[(name, spec)] = row.row_number
        existing_product = by_name.get(name)
        product_id = existing_product or new_products.get(name)
        plan.new_product = existing_product is None
        if product_id is None:
            product_id = new_products[name] = next(ids)
        plan.product_id, plan.spec_id, plan.new_spec = product_id, next(ids), True
        seen_specs[plan.spec_id] = row.row_number
        if existing_product is not None:
            old_product = ex.products[existing_product]
            plan.product_values = _diff(old_product, _P_INDEX, pv, overwrite_blanks)
            if plan.category is not None and plan.category != ex.category_path.get(old_product[2], ""):
                plan.diffs = {"category": (ex.category_path.get(old_product[2], ""), plan.category)}
        else:
            plan.product_values = {k: x for k, x in pv.items() if x is not None}
            plan.product_values["name"] = name
        plan.spec_values = {k: x for k, x in sv.items() if x is not None}
        plan.spec_values["name"] = spec
        plan.action = "new"
    _check_sku_clashes(plans, table)
    return plans


def _check_sku_clashes(plans: list[RowPlan], table: ParsedTable) -> None:
    """Two rows of the file giving the same new SKU to different specs: the later one is an error."""
    first: dict[str, int] = {}
    by_number = {r.row_number: r for r in table.rows}
    for p in plans:
        sku = p.spec_values.get("sku")
        if p.action not in ("new", "changed") or not sku:
            continue
        if sku in first:
            p.action = "error"
            _add_issue(p, _row_issue(
                by_number[p.row_number], "sku", f"货号 {sku} 与第 {first[sku]} 行重复", f"SKU {sku} repeats row {first[sku]}",
                "每个规格使用不同的货号", "Give every spec its own SKU"))
        else:
            first[sku] = p.row_number


def _add_issue(plan: RowPlan, issue: Issue) -> None:
    """Add a plan-level issue to a row; its list starts as the parsed row's own, so copy it first."""
    plan.issues = [*plan.issues, issue]


def _row_issue(row: ParsedRow, field_name: str, zh: str, en: str, fix_zh: str, fix_en: str) -> Issue:
    column, header = "", ""
    for col_issue in row.issues:
        if col_issue.field == field_name:
            column, header = col_issue.column, col_issue.header
    return Issue(row.row_number, column, header, field_name, "row_" + field_name, zh, en, fix_zh, fix_en)


def _ledger_key(values: dict[str, Any], occurrence: int) -> str:
    basis = json.dumps(
        [str(values.get(k, "")) for k in ("occurred_at", "item", "spec", "qty", "amount_fen", "direction", "counterparty")]
        + [occurrence],
        ensure_ascii=False,
    )
    return "h:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:20]


def _plan_ledger(store: Store, table: ParsedTable) -> list[RowPlan]:
    plans: list[RowPlan] = []
    channel_default = table.bill_source or ""
    existing = {
        (r[0], r[1]) for r in store.conn.execute("SELECT channel, order_id FROM ledger_entries WHERE order_id IS NOT NULL")
    }
    occurrences: dict[str, int] = {}
    same_order: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()
    for row in table.rows:
        v = row.values
        plan = RowPlan(row.row_number, "error", str(v.get("item") or ""), str(v.get("spec") or ""), issues=row.issues)
        plans.append(plan)
        if _has_errors(row):
            continue
        if v.get("occurred_at") is None or v.get("amount_fen") is None:
            missing = "occurred_at" if v.get("occurred_at") is None else "amount_fen"
            zh = "缺少日期" if missing == "occurred_at" else "缺少金额"
            _add_issue(plan, _row_issue(row, missing, zh, "The date is missing" if missing == "occurred_at" else "The amount is missing",
                                          "请补上这一格", "Fill in this cell"))
            continue
        qty = v.get("qty")
        entry: dict[str, Any] = {
            "occurred_at": v["occurred_at"].isoformat() if hasattr(v["occurred_at"], "isoformat") else str(v["occurred_at"]),
            "item": str(v.get("item") or v.get("counterparty") or ""),
            "spec": str(v.get("spec") or ""),
            "qty_milli": decimal_to_milli(qty) if isinstance(qty, Decimal | int) else 1000,
            "amount_fen": int(v["amount_fen"]),
            "channel": str(v.get("channel") or channel_default),
            "direction": "out" if v.get("direction") == "out" else "in",
            "counterparty": str(v.get("counterparty") or ""),
            "note": str(v.get("note") or v.get("tx_type") or ""),
        }
        fingerprint = json.dumps(entry, ensure_ascii=False, sort_keys=True)
        occurrences[fingerprint] = occurrences.get(fingerprint, 0) + 1
        if v.get("order_id"):
            # a bill may list one order twice (payment and refund): the later rows get #2, #3...
            order_id = str(v["order_id"]).strip()
            same_order[order_id] = same_order.get(order_id, 0) + 1
            if same_order[order_id] > 1 and occurrences[fingerprint] == 1:
                order_id = f"{order_id}#{same_order[order_id]}"
        else:
            order_id = _ledger_key(entry, occurrences[fingerprint])
        entry["order_id"] = order_id
        key = (str(entry["channel"]), order_id)
        plan.ledger = entry
        if key in existing:
            plan.action = "unchanged"
        elif key in seen:
            _add_issue(plan, _row_issue(row, "order_id", f"单号 {order_id} 在文件中重复", f"Order id {order_id} appears twice",
                                          "删除重复的行", "Delete the duplicate row"))
        else:
            seen.add(key)
            plan.action = "new"
    return plans
