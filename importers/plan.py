"""Turn a parsed table into an import plan: which rows create, change or leave records alone.

Matching (products and menus): by SKU, then barcode, then name + spec, then name (a new spec of
an existing product). Rows of the file that share a name become specs of one new product.
Blank cells never overwrite stored values unless `overwrite_blanks` is set. A row imported before
and untouched since is recognised by its raw cells and planned "unchanged" without being
compared (importers.known_rows); the plan is the same as the full comparison's. Nothing is
written here: `importers.apply` applies a plan in one transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import repeat
from typing import Any, Literal

from catalog.models import id_stream
from catalog.money import decimal_to_milli
from catalog.store import Store
from importers.errors import ImportRefused, Issue, column_letter
from importers.fields import (
    AMOUNT_IN,
    AMOUNT_OUT,
    FIELD_LABELS_EN,
    FIELD_LABELS_ZH,
    IMAGE,
    PRODUCT_COLUMNS,
    SPEC_COLUMNS,
    SPEC_PRICE,
    written_fields,
)
from importers.gcpause import gc_paused
from importers.kinds import BILL_HEADERS, BILL_SOURCES
from importers.known_rows import context
from importers.lookups import P_INDEX, S_INDEX, CatalogIndex, Lookups, name_key
from importers.mapping import normalize_header
from importers.pictures import Picture
from importers.readers import Row
from importers.row_keys import row_keys
from importers.row_reading import DEFAULT_CATEGORY, SIGNED
from importers.table import ParsedRow, ParsedTable
from importers.values import is_sold_out

Action = Literal["new", "changed", "unchanged", "error"]

_NULLABLE = {"shelf_life_days", "sku", "barcode", "member_price_fen", "cost_fen"}
_BLANK_DEFAULTS: dict[str, Any] = {"description": "", "name": "", "stock_milli": 0, "price_fen": 0, "unit": "件", "status": "on",
                                   "allergens": "[]", "attributes": "[]"}


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
    known: bool = False  # recognised as unchanged by its raw cells (importers.known_rows): not coerced
    raw: Row | None = None  # its cells, when apply is to remember them for its spec (importers.known_rows)
    images: tuple[Picture, ...] = ()  # pictures in its cells that its product gets first (importers.pictures)


@dataclass(frozen=True)
class AllKnown:
    """The rows of a plan whose every row is known unchanged (importers.known_rows), each for a
    spec of its own: the same file again. Their RowPlans are made only when asked for."""

    row_numbers: list[int]
    product_ids: list[str]
    spec_ids: list[str]

    def plans(self) -> list[RowPlan]:
        """One RowPlan per row (one map instead of a loop: 100,000 rows in ~50 ms instead of ~90)."""
        n = len(self.row_numbers)
        return list(map(RowPlan, self.row_numbers, repeat("unchanged", n), repeat("", n), repeat("", n), self.product_ids,
                        self.spec_ids, repeat(None, n), repeat(_NOTHING, n), repeat(_NOTHING, n), repeat(_NOTHING, n),
                        repeat(_NO_ISSUES, n), repeat(False, n), repeat(False, n), repeat(None, n), repeat(True, n)))


@dataclass
class ImportPlan:
    """A dry run's result: every data row with its action, ready for `apply`."""

    table: ParsedTable
    kind: str
    _rows: list[RowPlan] | AllKnown
    overwrite_blanks: bool = False
    context: int = 0  # what besides its cells decides a row's plan (importers.known_rows.context)

    @property
    def rows(self) -> list[RowPlan]:
        """Every data row's plan, in the file's order."""
        if isinstance(self._rows, AllKnown):
            self._rows = self._rows.plans()
        return self._rows

    @property
    def all_known(self) -> bool:
        """True if every row is known unchanged: nothing to apply, nothing to remember."""
        return isinstance(self._rows, AllKnown)  # the planner makes one whenever every row is known

    @property
    def row_count(self) -> int:
        """How many data rows the plan has."""
        return len(self._rows.row_numbers) if isinstance(self._rows, AllKnown) else len(self._rows)

    def count(self, action: Action) -> int:
        """How many rows have this action."""
        if isinstance(self._rows, AllKnown):
            return self.row_count if action == "unchanged" else 0
        return sum(1 for r in self._rows if r.action == action)

    @property
    def pictures(self) -> int:
        """How many photos products get from the rows' pictures (each product's distinct ones)."""
        if isinstance(self._rows, AllKnown):
            return 0
        return len({(r.product_id, p.sha256) for r in self._rows if r.images and r.action in ("new", "changed")
                    for p in r.images})

    @property
    def warnings(self) -> list[Issue]:
        """Every warning of the rows (values taken that deserve a look, such as 时价), in row order."""
        if isinstance(self._rows, AllKnown):
            return []
        return [i for r in self._rows if r.issues for i in r.issues if i.severity == "warning"]

    @property
    def errors(self) -> list[Issue]:
        """Every error issue of the rows that will not be imported, in row order."""
        if isinstance(self._rows, AllKnown):
            return []
        return [i for r in self._rows if r.action == "error" for i in r.issues if i.severity == "error"]


def _product_values(values: dict[str, Any], fields: list[tuple[str, str]]) -> dict[str, Any]:
    """A row's product values by column. A restaurant writes 估清 in its 备注 (description)
    column: where the row's status cell says nothing, that column says whether the dish is sold
    out today ("今日估清": sold out, and not its description; anything else: on sale)."""
    out: dict[str, Any] = {}
    for f, col in fields:
        if f == "description":
            sold_out = is_sold_out(values.get(f))
            if values.get("status") is None:
                out["sold_out"] = int(sold_out)
            if sold_out:
                continue  # the dish's state, not its description
        if f not in values:
            continue
        v = values[f]
        if v is None:  # a blank cell says nothing: it must not read as 上架 or as no allergens
            pass
        elif f == "status":  # it says whether the dish is sold out, too: 上架 is on sale, not sold out
            if v != "inactive":  # 下架: off sale, sold out or not (an export writes 下架 for both)
                out["sold_out"] = int(v == "sold_out")
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
            elif f == "market_price":  # a 时价 cell
                v = 1
            out[col] = v
        elif f == "market_price" and values.get("price_fen") is not None:
            out[col] = 0  # a price: sold at it, not at the day's price (any more)
    return out


_NOTHING: dict[str, Any] = {}  # shared by the rows that have no values or diffs: never written to
_NO_ISSUES: list[Issue] = []  # shared likewise (_add_issue copies a row's list before adding)


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


def no_product_column(table: ParsedTable) -> ImportRefused | None:
    """Why nothing of a products or menu table can be imported, else None: no column is the name,
    SKU or barcode (a row can neither be matched nor created), or, with no header row, nothing
    but a column of text was found (notes, a letter: each line would become a ¥0 product). The
    import wizard lets the user map a column by hand; the command line cannot, so it refuses
    with this sentence."""
    if table.kind in ("ledger", "photos"):
        return None
    if table.header_row is None and set(table.field_columns) <= {"name", "description"}:
        name = table.source.name
        return ImportRefused(
            "not_a_list",
            f"文件「{name}」的工作表「{table.sheet}」不像商品清单：没有表头，也没有价格、条码或货号这样的列；"
            "请选择商品清单、菜单或流水表格，或在第一行写上表头（如“商品名称、售价”）。",
            f"Sheet \"{table.sheet}\" of \"{name}\" does not look like a list of products: it has no header row and no"
            " price, barcode or SKU column; choose a product list, menu or ledger, or put a header (商品名称, 售价) in its first row.",
            path=table.source, sheet=table.sheet)
    if {"name", "sku", "barcode"} & set(table.field_columns):
        return None
    headers = [h for h in table.headers if h]
    more = " …" if len(headers) > 8 else ""
    shown_zh, shown_en = "、".join(headers[:8]) + more, ", ".join(headers[:8]) + more
    where_zh = f"第 {table.header_row} 行的表头（{shown_zh}）" if table.header_row and headers else "各列"
    where_en = f"header row {table.header_row}: {shown_en}" if table.header_row and headers else "its columns"
    name = table.source.name
    return ImportRefused(
        "no_product_column",
        f"文件「{name}」的工作表「{table.sheet}」{where_zh}里没有商品名称、货号或条码列，无法导入："
        "请把名称那一列的表头改成“商品名称”，或在导入向导里指定哪一列是名称；也请确认选对了文件和工作表。",
        f"No column of sheet \"{table.sheet}\" of \"{name}\" ({where_en}) is a product name, SKU or barcode, so nothing"
        " can be imported: name that column's header 商品名称 (product name) or map it in the import wizard,"
        " and check that this is the right file and sheet.",
        path=table.source, sheet=table.sheet)


def kind_does_not_fit(table: ParsedTable) -> ImportRefused | None:
    """Why a table cannot be imported as the kind it was read as (a kind the user chose), else
    None: a ledger without a date or an amount column (each row would miss it), or a product
    list or menu whose header is a payment bill's (each row would be a product named 总共消费,
    with a 支付成功 status). The command line cannot map a column by hand: it refuses with this."""
    name, headers = table.source.name, [h for h in table.headers if h]
    more = " …" if len(headers) > 8 else ""
    where_zh = f"第 {table.header_row} 行的表头（{'、'.join(headers[:8]) + more}）" if table.header_row and headers else "各列"
    where_en = f"header row {table.header_row}: {', '.join(headers[:8]) + more}" if table.header_row and headers else "its columns"
    if table.kind == "ledger":
        fields = set(table.field_columns)
        if "occurred_at" not in fields:
            what = ("日期", "date", "日期")
        elif not fields & {"amount_fen", AMOUNT_IN, AMOUNT_OUT}:
            what = ("金额", "amount", "金额")
        else:
            return None
        return ImportRefused(
            "no_ledger_column",
            f"文件「{name}」的工作表「{table.sheet}」{where_zh}里没有{what[0]}列，不能按流水导入："
            f"请把{what[0]}那一列的表头改成“{what[2]}”，或在导入向导里指定；如果这是商品清单或菜单，请按商品清单或菜单导入。",
            f"Sheet \"{table.sheet}\" of \"{name}\" ({where_en}) has no {what[1]} column, so it cannot be imported as a"
            f" sales ledger: name that column's header {what[2]} ({what[1]}) or map it in the import wizard; if it is a"
            " product list or a menu, import it as one.",
            path=table.source, sheet=table.sheet)
    if table.kind not in ("products", "menu"):
        return None
    keys = {normalize_header(h) for h in table.headers}
    for source, signature in BILL_HEADERS:
        if len(signature & keys) >= len(signature) - 1:
            zh, en = next((z, e) for s, _w, z, e in BILL_SOURCES if s == source)
            kind_zh, kind_en = ("菜单", "a menu") if table.kind == "menu" else ("商品清单", "a product list")
            return ImportRefused(
                "bill_not_products",
                f"文件「{name}」的工作表「{table.sheet}」是{zh}，不能按{kind_zh}导入：请按流水导入（--kind ledger）。",
                f"Sheet \"{table.sheet}\" of \"{name}\" is {'an' if en[0] in 'AEIOU' else 'a'} {en}, which cannot be"
                f" imported as {kind_en}: import it as a"
                " sales ledger (--kind ledger).",
                path=table.source, sheet=table.sheet)
    return None


def _normalise_category(text: Any) -> str | None:
    if text is None:
        return None
    path = str(text)
    for sep in (">", "＞", "／", "\\", "-"):
        path = path.replace(sep, "/") if sep != "-" else path
    return "/".join(p.strip() for p in path.split("/") if p.strip()) or None


def build_plan(
    store: Store, table: ParsedTable, *, overwrite_blanks: bool = False, lookups: Lookups | None = None
) -> ImportPlan:
    """Plan an import of `table` into `store` without writing anything.

    `lookups` is the stored catalog if its loading started already (see `Lookups.prefetch`).
    """
    with gc_paused():
        if table.kind == "ledger":
            return ImportPlan(table, "ledger", _plan_ledger(store, table), overwrite_blanks)
        if table.kind == "photos":
            return ImportPlan(table, "photos", _plan_photos(store, table, lookups or Lookups()))
        ctx = context(table, overwrite_blanks)
        rows = _plan_products(store, table, overwrite_blanks, lookups or Lookups(), ctx)
        return ImportPlan(table, table.kind, rows, overwrite_blanks, ctx)


def _has_errors(issues: list[Issue]) -> bool:
    return any(i.severity == "error" for i in issues)


def _known_rows(store: Store, table: ParsedTable, lookups: Lookups, ctx: int) -> list[tuple[str, str] | None] | None:
    """(spec id, product id) of each row recognised by its raw cells, else None; None if no row can be."""
    known = lookups.known(store.conn)
    if not known:
        return None
    return known.match(row_keys([row.key_cells for row in table.rows]), ctx)


def _all_known(table: ParsedTable, hits: list[tuple[str, str] | None]) -> AllKnown | None:
    """The rows when every one is known, each for a spec of its own (the same file again), else None."""
    spec_ids = [h[0] for h in hits if h is not None]
    if len(spec_ids) != len(hits) or len(set(spec_ids)) != len(hits):
        return None
    return AllKnown([r.row_number for r in table.rows], [h[1] for h in hits if h is not None], spec_ids)


def _plan_products(store: Store, table: ParsedTable, overwrite_blanks: bool, lookups: Lookups, ctx: int) -> list[RowPlan] | AllKnown:
    hits = _known_rows(store, table, lookups, ctx)
    ex: CatalogIndex | None = None
    if hits is not None and None not in hits:
        lookups.skip_index()
        known = _all_known(table, hits)
        if known is not None:
            return known
    else:
        ex = lookups.index(store.conn)
    plans: list[RowPlan] = []
    # Rows are remembered for the next import only where their product ends up as they say (see _claim).
    claims = _Claims()
    new_products: dict[str, str] = {}  # name_key -> new product id (rows sharing a name share a product)
    seen_specs: dict[str, ParsedRow] = {}  # spec id -> the row that already targets it
    new_in_file: dict[tuple[str, str], ParsedRow] = {}  # name_keys of (name, spec) of new specs -> their row
    at = _where(table)  # how a message names such a row (made only for the message: 100,000 strings add up)
    mapped = table.fields
    written = written_fields(mapped, table.purchases)
    p_fields = [(f, c) for f, c in PRODUCT_COLUMNS.items() if f in written]
    s_fields = [(f, c) for f, c in SPEC_COLUMNS.items() if f in written]
    blanks = dict.fromkeys(mapped - {SPEC_PRICE})  # a mapped but blank cell is None
    categories: dict[Any, str | None] = {}
    ids = id_stream()
    photos = _StoredPhotos(store)
    in_full = 0  # rows planned in full (not known)
    if ex is not None:
        by_sku, by_barcode, by_name_spec, by_name = ex.by_sku, ex.by_barcode, ex.by_name_spec, ex.by_name
    later = _later_purchases(table) if table.purchases else {}
    taken: list[tuple[RowPlan, ParsedRow, str]] = []  # rows giving their spec a barcode another stored spec has
    first_says = _FirstRow(at, lambda known_row: _product_values({**blanks, **known_row.work_out()[0]}, p_fields))
    for row, hit in zip(table.rows, hits or repeat(None, len(table.rows)), strict=True):
        if row.row_number in later:  # bought again further down: that row's cost is the latest
            plans.append(_superseded(row, later[row.row_number], at))
            continue
        if hit is not None and hit[0] not in seen_specs:
            seen_specs[hit[0]] = row
            plans.append(RowPlan(row.row_number, "unchanged", "", "", hit[1], hit[0], None, _NOTHING, _NOTHING, _NOTHING,
                                 _NO_ISSUES, False, False, None, True))
            if hit[1] not in first_says.known:
                first_says.known[hit[1]] = (row, plans[-1])
            continue
        in_full += 1
        if ex is None:  # a known row's spec claimed twice: the second is planned in full (a duplicate)
            ex = lookups.index(store.conn)
            by_sku, by_barcode, by_name_spec, by_name = ex.by_sku, ex.by_barcode, ex.by_name_spec, ex.by_name
        values, issues = row.work_out()
        v = values if len(values) == len(blanks) else {**blanks, **values}
        name = str(v.get("name") or "").strip()
        spec = str(v.get("spec") or "").strip()
        plan = RowPlan(row.row_number, "error", name, spec, None, None, None, _NOTHING, _NOTHING, _NOTHING, issues)
        plans.append(plan)
        if issues and _has_errors(issues):
            continue
        sku, barcode = v.get("sku"), v.get("barcode")
        key = (name_key(name), name_key(spec) if spec else "")
        spec_id: str | None = None
        if sku and sku in by_sku:
            spec_id = by_sku[sku]
        elif barcode and barcode in by_barcode:
            spec_id = by_barcode[barcode]
            if name and _another_product(ex, spec_id, key[0], sku):
                _add_issue(plan, _barcode_of_another(ex, spec_id, table, row, barcode))
                continue
        elif name and key in by_name_spec and not _other_codes(ex.specs[by_name_spec[key]], sku, barcode):
            spec_id = by_name_spec[key]
        elif name and key[0] in by_name:
            spec_id = _only_spec(ex, by_name[key[0]], spec, seen_specs, sku, barcode)
            if spec_id is None and not spec and ex.spec_count.get(by_name[key[0]], 0) > 1:
                _add_issue(plan, _which_spec(row.row_number, issues, ex, by_name[key[0]]))
                continue
        if spec_id is None and not name:
            _add_issue(plan, _unknown_code(row.row_number, table, row.item, sku, barcode) if "name" not in mapped and (sku or barcode)
                       else _row_issue(row.row_number, issues, "name", "缺少商品名称", "The product name is missing",
                                       "请填写名称列", "Fill in the name column"))
            continue
        if spec_id is not None and spec_id in seen_specs:
            _add_issue(plan, _row_issue(
                row.row_number, issues, "name", f"与{at(seen_specs[spec_id])[0]}是同一个商品规格",
                f"Same product and spec as {at(seen_specs[spec_id])[1]}",
                "删除重复的行，或填写不同的规格/货号", "Delete the duplicate row, or give it another spec or SKU"))
            continue
        pv = _product_values(v, p_fields) if p_fields else {}
        if pv.get("sold_out") and v.get("status") is None:  # its note made it sold out: say so
            _add_issue(plan, _sold_out_by_note(table, row, v["description"]))
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
            seen_specs[spec_id] = row
            plan.product_id, plan.spec_id = product_id, spec_id
            if name and name_key(name) != name_key(old_product[1]):  # the same name in another width is no change
                pv["name"] = name
            if not spec or key[1] == name_key(old_spec[S_INDEX["name"]] or ""):
                sv.pop("name", None)  # no spec column, a blank one, or the same spec in another width: keep the stored one
            pv = first_says(product_id, pv, plan)
            plan.product_values = _diff(old_product, P_INDEX, pv, overwrite_blanks)
            plan.spec_values = _diff(old_spec, S_INDEX, sv, overwrite_blanks)
            code = plan.spec_values.get("barcode")
            if code and by_barcode.get(code, spec_id) != spec_id:  # another stored spec's barcode: see _taken_barcodes
                taken.append((plan, row, code))
            plan.diffs = {}
            if plan.category is not None and plan.category != ex.category_path.get(old_product[2], ""):
                plan.diffs["category"] = (ex.category_path.get(old_product[2], ""), plan.category)
            for col, new in plan.product_values.items():
                plan.diffs[col] = (old_product[P_INDEX[col]], new)
            for col, new in plan.spec_values.items():
                plan.diffs[col if col != "name" else "spec"] = (old_spec[S_INDEX[col]], new)
            if v.get(IMAGE):
                _plan_images(plan, v[IMAGE], photos(product_id))
            plan.action = "changed" if plan.diffs else "unchanged"
            claims.add(plan)
            if plan.action == "unchanged":
                plan.product_values = plan.spec_values = plan.diffs = _NOTHING  # 100,000 empty dicts add up
            continue
        # a new spec: of an existing product with that name, of a product new in this file, or a new product
        if key in new_in_file and _same_codes(new_in_file[key], sku, barcode):
            first_zh, first_en = at(new_in_file[key])
            _add_issue(plan, _row_issue(
                row.row_number, issues, "name", f"与{first_zh}是同一个商品规格", f"Same product and spec as {first_en}",
                "删除重复的行，或填写不同的规格/货号", "Delete the duplicate row, or give it another spec or SKU"))
            continue
        new_in_file[key] = row
        existing_product = by_name.get(key[0])
        product_id = existing_product or new_products.get(key[0])
        plan.new_product = existing_product is None
        if product_id is None:
            product_id = new_products[key[0]] = next(ids)
        plan.product_id, plan.spec_id, plan.new_spec = product_id, next(ids), True
        seen_specs[plan.spec_id] = row
        pv = first_says(product_id, pv, plan)
        if existing_product is not None:
            old_product = ex.products[existing_product]
            plan.product_values = _diff(old_product, P_INDEX, pv, overwrite_blanks)
            if plan.category is not None and plan.category != ex.category_path.get(old_product[2], ""):
                plan.diffs = {"category": (ex.category_path.get(old_product[2], ""), plan.category)}
            if v.get(IMAGE):
                plan.diffs = dict(plan.diffs)
                _plan_images(plan, v[IMAGE], photos(existing_product))
        else:
            if plan.category is None and v.get(DEFAULT_CATEGORY):  # the group the sheet is named after: new products only
                plan.category = _normalise_category(v[DEFAULT_CATEGORY])
            plan.images = v.get(IMAGE) or ()  # pv and sv are this row's own: kept as they are when no cell is blank (most rows)
            plan.product_values = pv if None not in pv.values() else {k: x for k, x in pv.items() if x is not None}
            plan.product_values["name"] = name
        plan.spec_values = sv if None not in sv.values() else {k: x for k, x in sv.items() if x is not None}
        plan.spec_values["name"] = spec
        if table.purchases and "price_fen" not in plan.spec_values:
            _add_issue(plan, _unpriced(row.row_number, name, plan.new_product))
            if plan.new_product:
                plan.product_values["status"] = "off"
        elif "price_fen" in mapped and plan.spec_values.get("price_fen") is None and not any(
                i.code == "market_price" for i in plan.issues):  # (时价 says so already)
            column, header = _field_cell(table, row.item, "price_fen") if "price_fen" in table.field_columns else ("", "")
            _add_issue(plan, Issue(row.row_number, column, header, "price_fen", "no_price", "售价是空的，先按 0 元导入",
                                   "The price is empty: imported at 0 for now", "请在商品资料里填写售价（菜单上先印“时价”）",
                                   "Set the price in the product (menus print 时价 until then)", severity="warning"))
        plan.action = "new"
        claims.add(plan)
    if taken:
        assert ex is not None
        _taken_barcodes(taken, plans, ex, table)
    if in_full:
        _finish(plans, table, claims)
    return plans


def _sold_out_by_note(table: ParsedTable, row: ParsedRow, note: str) -> Issue:
    column, header = _field_cell(table, row.item, "description")
    return Issue(row.row_number, column, header, "description", "sold_out_note",
                 f"「{note}」：这道菜设为估清（不作为描述）", f"\"{note}\": the dish is marked sold out (not its description)",
                 "以后导入时这一格不写估清，就恢复供应", "A later import without 估清 in this cell puts it back on sale", note, "warning")


def _another_product(ex: CatalogIndex, spec_id: str, name: str, sku: Any) -> bool:
    """Whether a row whose barcode is a stored spec's names another product: its name (`name`,
    a name_key) and its SKU both differ from that spec's (a typo in the barcode, not a rename:
    renaming, or renumbering the SKUs, changes one of them)."""
    stored = ex.specs[spec_id]
    return _differ(sku, stored[S_INDEX["sku"]]) and name != name_key(ex.products[stored[1]][1])


def _barcode_of_another(ex: CatalogIndex, spec_id: str, table: ParsedTable, row: ParsedRow, code: str) -> Issue:
    stored = ex.specs[spec_id]
    label = " ".join(p for p in (ex.products[stored[1]][1], stored[S_INDEX["name"]]) if p)
    sku = stored[S_INDEX["sku"]]
    column, header = _field_cell(table, row.item, "barcode")
    return Issue(row.row_number, column, header, "barcode", "barcode_of_another",
                 f"条码 {code} 是「{label}」（货号 {sku}）的条码，这一行的名称和货号都与它不同",
                 f"Barcode {code} is the barcode of \"{label}\" (SKU {sku}); this row's name and SKU are both different",
                 "请核对条码；如果就是这个商品，请把名称或货号改成与它相同",
                 "Check the barcode; if it is that product, give the row its name or its SKU", code)


def _taken_barcodes(taken: list[tuple[RowPlan, ParsedRow, str]], plans: list[RowPlan], ex: CatalogIndex,
                    table: ParsedTable) -> None:
    """A row giving its stored spec the barcode of another stored spec, which keeps it (no row of
    the file gives that one another), is an error: both would have it, and a scanner could find
    neither."""
    moved = {p.spec_id: p.spec_values.get("barcode") for p in plans if p.action == "changed" and "barcode" in p.spec_values}
    for plan, row, code in taken:
        owner = ex.by_barcode[code]
        if moved.get(owner, code) != code:
            continue  # that spec gets another barcode from this file: the barcode moves
        spec = ex.specs[owner]
        label = " ".join(p for p in (ex.products[spec[1]][1], spec[S_INDEX["name"]]) if p)
        column, header = _field_cell(table, row.item, "barcode")
        plan.action = "error"
        _add_issue(plan, Issue(plan.row_number, column, header, "barcode", "barcode_taken",
                               f"条码 {code} 已是「{label}」的条码", f"Barcode {code} is already the barcode of \"{label}\"",
                               "请核对条码：一个条码只能属于一个商品规格", "Check the barcode: a barcode belongs to one spec only",
                               code))


class _FirstRow:
    """A product's own values (unit, description, status, ...) as the first of its rows in the file
    to give each gives it: a later row of the same product (another spec) saying otherwise is no
    change to make (else each import would set them to the last row's, and the next to the
    first's); for a product new in the file, a note says so."""

    def __init__(self, at: Callable[[ParsedRow], tuple[str, str]], values_of: Callable[[ParsedRow], dict[str, Any]]) -> None:
        self.at = at
        # product id -> its first row when that row was known (importers.known_rows) and not worked out then; a later
        # row of the product planned in full compares with its values (`values_of` works them out), as if both were planned
        self.known: dict[str, tuple[ParsedRow, RowPlan]] = {}
        self.values_of = values_of
        # product id -> the values of its first row (that row's own dict: 100,000 copies would add up) and its plan
        self.first: dict[str, tuple[dict[str, Any], RowPlan]] = {}
        self.given_by: dict[str, dict[str, int]] = {}  # product id -> column -> the later row that gave it

    def __call__(self, product_id: str, pv: dict[str, Any], plan: RowPlan) -> dict[str, Any]:
        """`pv` without the values an earlier row of the product gives otherwise (said on `plan`)."""
        found = self.first.get(product_id)
        if found is None and product_id in self.known:
            known_row, known_plan = self.known.pop(product_id)
            found = self.first[product_id] = (self.values_of(known_row), known_plan)
        if found is None:
            self.first[product_id] = (pv, plan)
            return pv
        first, first_plan = found
        given_by = self.given_by.setdefault(product_id, {})
        for c, x in pv.items():  # a blank in the earlier rows says nothing: the first value given counts
            if x is not None and first.get(c) is None:
                first[c], given_by[c] = x, plan.row_number
                if plan.new_product and first_plan.product_values is not _NOTHING and first_plan.product_values is not first:
                    first_plan.product_values[c] = x  # the new product is made from its first row
        other = [c for c, x in pv.items() if c != "name" and x is not None and first[c] != x]
        if not other:
            return pv
        if not plan.new_product:  # a stored product keeps its own, quietly: a re-import's rows read alike, known or not
            return {c: x for c, x in pv.items() if c not in other}
        labels = {col: f for f, col in PRODUCT_COLUMNS.items()}
        said = "、".join(FIELD_LABELS_ZH.get(labels.get(c, c), c) for c in other)
        said_en = ", ".join(FIELD_LABELS_EN.get(labels.get(c, c), c) for c in other)
        row_number = given_by.get(other[0], first_plan.row_number)
        _add_issue(plan, Issue(plan.row_number, "", "", labels.get(other[0], other[0]), "product_differs",
                               f"「{plan.name}」的{said}与第 {row_number} 行不同：一件商品只有一个{said}，用第 {row_number} 行的",
                               f"The {said_en} of \"{plan.name}\" differs from row {row_number}'s: a product has one, row "
                               f"{row_number}'s is kept", "如果是不同的商品，请改成不同的名称",
                               "If they are different products, give them different names", severity="warning"))
        return {c: x for c, x in pv.items() if c not in other}


class _StoredPhotos:
    """The image hashes of stored products, in order, read when first asked for (few rows have pictures)."""

    def __init__(self, store: Store) -> None:
        self.conn, self.found = store.conn, dict[str, list[str]]()

    def __call__(self, product_id: str) -> list[str]:
        if product_id not in self.found:
            self.found[product_id] = [r[0] for r in self.conn.execute(
                "SELECT sha256 FROM product_images WHERE product_id = ? ORDER BY sort_order, rowid", (product_id,))]
        return self.found[product_id]


def _plan_images(plan: RowPlan, pictures: tuple[Picture, ...], stored: list[str]) -> None:
    """A stored product gets the row's pictures as its first photos, unless it has them already
    (its other photos stay, after them)."""
    counts = _photo_counts(stored, [p.sha256 for p in pictures])
    if counts is not None:
        plan.images = pictures
        plan.diffs["images"] = counts


def _photo_counts(stored: list[str], digests: list[str]) -> tuple[int, int] | None:
    """How many photos a product has before and after getting `digests` as its first ones; None
    when it has them first already (nothing changes)."""
    if stored[:len(digests)] == digests:
        return None
    return len(stored), len(set(stored) | set(digests))


def _plan_photos(store: Store, table: ParsedTable, lookups: Lookups) -> list[RowPlan]:
    """A folder of photos (importers.photo_folder): each goes to the product its name is the
    barcode, SKU or name of ("青岛啤酒_2": its second photo); a photo matching none is an error,
    never a new product. A product's photos from the folder come first, in name order, unless it
    has them first already."""
    from importers.photo_folder import KEY, numbered

    ex = lookups.index(store.conn)
    photos = _StoredPhotos(store)
    plans: list[RowPlan] = []
    by_product: dict[str, list[RowPlan]] = {}
    # file names are typed by hand, and Windows does not mind case: "ls-330.jpg" is LS-330's photo
    folded = {k.casefold(): v for k, v in ex.by_sku.items()}
    for row in table.rows:
        values, issues = row.work_out()
        plan = RowPlan(row.row_number, "error", str(row.raw[1]), "", issues=issues)
        plans.append(plan)
        if _has_errors(issues):
            continue
        key = str(values[KEY])
        product_id = _photo_product(ex, folded, key)
        if product_id is None and (n := numbered(key)) is not None:
            product_id = _photo_product(ex, folded, n[0])
        if product_id is None:
            _add_issue(plan, Issue(row.row_number, "B", table.headers[1], "name", "photo_unmatched",
                                   f"没有条码、货号或名称是「{key}」的商品", f"No product has the barcode, SKU or name \"{key}\"",
                                   "把图片文件改名为商品的条码、货号或名称", "Rename the photo after the product's barcode, SKU or name",
                                   str(row.raw[1])))
            continue
        plan.product_id, plan.name, plan.images = product_id, ex.products[product_id][1], values[IMAGE]
        by_product.setdefault(product_id, []).append(plan)
    for product_id, rows in by_product.items():
        stored = photos(product_id)
        counts = _photo_counts(stored, list(dict.fromkeys(p.sha256 for r in rows for p in r.images)))
        for r in rows:
            r.action = "unchanged" if counts is None else "changed"
            if counts is None:
                r.images = ()
            else:
                r.diffs = {"images": counts}
    return plans


def _photo_product(ex: CatalogIndex, folded: dict[str, str], key: str) -> str | None:
    """The product a photo's name names: by barcode, then SKU, then product name (in any case or
    width); then SKU in any case (`folded`: casefolded SKU -> spec id)."""
    spec_id = ex.by_barcode.get(key) or ex.by_sku.get(key)
    if spec_id is not None:
        return str(ex.specs[spec_id][1])
    if name_key(key) in ex.by_name:
        return str(ex.by_name[name_key(key)])
    found = folded.get(key.casefold())
    return None if found is None else str(ex.specs[found][1])


def _finish(plans: list[RowPlan], table: ParsedTable, claims: _Claims) -> None:
    """Refuse clashing SKUs, then pick the rows apply is to remember (see _Claims)."""
    _check_code_clashes(plans, table)
    _in_sheets(plans, table)
    for plan in plans if claims.changed else ():
        if plan.known and plan.product_id in claims.changed:  # its product changes: its other rows do not say so
            claims.conflicted.add(plan.product_id)
    for plan, parsed in zip(plans, table.rows, strict=True):
        if not plan.known and plan.action != "error" and not plan.issues and plan.product_id not in claims.conflicted:
            plan.raw = parsed.key_cells


class _Claims:
    """What the rows planned in full say of their products, to find the products whose rows disagree.

    A row is only remembered (importers.known_rows) if, after the import, its product is what the
    row says. Not so when another row of the file changes that stored product, or says something
    else of a product the file creates (the first row's values are the ones it gets).
    """

    def __init__(self) -> None:
        self.first: dict[str, RowPlan] = {}  # product id -> its first row
        self.changed: set[str] = set()  # stored products a row changes
        self.conflicted: set[str | None] = set()  # products none of whose rows may be remembered

    def add(self, plan: RowPlan) -> None:
        """Note a row planned in full (its product id set, its values not yet dropped)."""
        pid = plan.product_id
        assert pid is not None
        if not plan.new_product and (plan.product_values or "category" in plan.diffs or plan.images):
            self.changed.add(pid)
        first = self.first.setdefault(pid, plan)
        if first is not plan and (pid in self.changed or (plan.new_product and (
                first.name, first.product_values, first.category) != (plan.name, plan.product_values, plan.category))):
            self.conflicted.add(pid)


def _check_code_clashes(plans: list[RowPlan], table: ParsedTable) -> None:
    """Two rows of the file giving the same new SKU or barcode to different specs: the later one is
    an error (a scanner could find neither)."""
    at = _where(table)
    for field_name, what_zh, what_en in (("sku", "货号", "SKU"), ("barcode", "条码", "barcode")):
        first: dict[str, ParsedRow] = {}
        for p, row in zip(plans, table.rows, strict=True):
            code = p.spec_values.get(field_name)
            if p.action not in ("new", "changed") or not code:
                continue
            if code in first:
                p.action = "error"
                column, header = _field_cell(table, row.item, field_name)
                _add_issue(p, Issue(
                    p.row_number, column, header, field_name, "repeated_" + field_name,
                    f"{what_zh} {code} 与{at(first[code])[0]}重复",
                    f"{what_en.capitalize() if field_name == 'barcode' else what_en} {code} repeats {at(first[code])[1]}",
                    f"每个规格使用不同的{what_zh}", f"Give every spec its own {what_en}", str(code)))
            else:
                first[code] = row


def _where(table: ParsedTable) -> Callable[[ParsedRow], tuple[str, str]]:
    """How messages name a row, in Chinese and English: "第 3 行", or "「热菜」第 3 行" when the
    table was read from several sheets."""
    if len(table.sheets) > 1:
        return lambda row: (f"「{row.sheet}」第 {row.row_number} 行", f"row {row.row_number} of {row.sheet}")
    return lambda row: (f"第 {row.row_number} 行", f"row {row.row_number}")


def _in_sheets(plans: list[RowPlan], table: ParsedTable) -> None:
    """Issues made while planning name their row's sheet, when the table was read from several."""
    if len(table.sheets) < 2:
        return
    for p, row in zip(plans, table.rows, strict=True):
        if p.issues and any(not i.sheet for i in p.issues):
            p.issues = [i if i.sheet else replace(i, sheet=row.sheet or "") for i in p.issues]


def _add_issue(plan: RowPlan, issue: Issue) -> None:
    """Add a plan-level issue to a row; its list starts as the parsed row's own, so copy it first."""
    plan.issues = [*plan.issues, issue]


def _unknown_code(row_number: int, table: ParsedTable, item: int, sku: Any, barcode: Any) -> Issue:
    """A row of a file without a name column (a price or stock list) whose SKU or barcode no stored
    product has: it can neither update one nor create one. Placed in that code's cell."""
    field_name, code = ("sku", sku) if sku else ("barcode", barcode)
    column, header = _field_cell(table, item, field_name)
    what_zh, what_en = ("货号", "SKU") if field_name == "sku" else ("条码", "barcode")
    return Issue(row_number, column, header, field_name, "unknown_" + field_name,
                 f"没有{what_zh}为「{code}」的商品，文件里也没有名称列，无法新建",
                 f"No product has the {what_en} \"{code}\", and the file has no name column to create one",
                 f"请核对{what_zh}，或在文件里加上“商品名称”列", f"Check the {what_en}, or add a product name column",
                 str(code))


def _later_purchases(table: ParsedTable) -> dict[int, ParsedRow]:
    """Row number -> the later row of a purchase list that buys the same product and spec again (a
    month of 进货单 buys 青岛啤酒 each week): only the last purchase's cost is imported."""
    last: dict[tuple[str, str], ParsedRow] = {}
    earlier: dict[int, tuple[str, str]] = {}
    for row in table.rows:
        values, _issues = row.work_out()
        name = str(values.get("name") or "").strip()
        if not name:
            continue
        key = (name_key(name), name_key(str(values.get("spec") or "").strip()))
        if key in last:
            earlier[last[key].row_number] = key
        last[key] = row
    return {number: last[key] for number, key in earlier.items()}


def _superseded(row: ParsedRow, later: ParsedRow, at: Callable[[ParsedRow], tuple[str, str]]) -> RowPlan:
    """The plan of a purchase bought again further down: nothing, said as a note on the row."""
    values, _issues = row.work_out()
    name, spec = str(values.get("name") or "").strip(), str(values.get("spec") or "").strip()
    later_zh, later_en = at(later)
    note = Issue(row.row_number, "", "", "cost_fen", "bought_again", f"「{name}」在{later_zh}又进了一次",
                 f"\"{name}\" is bought again in {later_en}", "导入那一行较新的进价", "The newer cost of that row is imported",
                 severity="warning")
    return RowPlan(row.row_number, "unchanged", name, spec, issues=[note])


def _unpriced(row_number: int, name: str, new_product: bool) -> Issue:
    """A note on a purchase list's row that adds a product or spec: it has a cost, no sale price."""
    if new_product:
        return Issue(row_number, "", "", "price_fen", "no_sale_price", f"「{name}」是新商品，还没有售价，先设为下架",
                     f"\"{name}\" is a new product without a sale price: it starts off sale",
                     "请在商品资料里填写售价，再把它上架", "Set its price in the product, then put it on sale", severity="warning")
    return Issue(row_number, "", "", "price_fen", "no_sale_price", f"「{name}」的这个规格是新的，还没有售价",
                 f"This spec of \"{name}\" is new and has no sale price", "请在商品资料里填写它的售价",
                 "Set its price in the product", severity="warning")


def _code(value: Any) -> str:
    """A SKU or barcode as compared: in any case, without the leading zeros a number cell drops
    ("a-02" is "A-02", 33 is "0033", 12345678905 is "0012345678905")."""
    return str(value).strip().casefold().lstrip("0")


def _differ(one: Any, other: Any) -> bool:
    return bool(one) and bool(other) and _code(one) != _code(other)


def _other_codes(stored: tuple[Any, ...], sku: Any, barcode: Any) -> bool:
    """Whether a row's SKU or barcode differs from a stored spec's: then they are two specs,
    whatever their names (the black and the white case, both "磨砂")."""
    return _differ(sku, stored[S_INDEX["sku"]]) or _differ(barcode, stored[S_INDEX["barcode"]])


def _same_codes(first: ParsedRow, sku: Any, barcode: Any) -> bool:
    """Whether a row may be the same spec as an earlier row of the same name and spec: not when
    both give SKUs (or barcodes) and they differ."""
    values, _issues = first.work_out()
    return not (_differ(sku, values.get("sku")) or _differ(barcode, values.get("barcode")))


def _only_spec(ex: CatalogIndex, product_id: str, spec: str, seen_specs: dict[str, ParsedRow], sku: Any,
               barcode: Any) -> str | None:
    """The stored spec a row naming an existing product but none of its specs updates: the
    product's only spec, when the row names no spec, or when that spec has no name yet (a first
    list without a spec column, a second with one); not one another row of the file updates, nor
    one with another SKU or barcode."""
    only = ex.only_spec.get(product_id)
    if only is None or only in seen_specs or (spec and ex.specs[only][S_INDEX["name"]]) or _other_codes(ex.specs[only], sku, barcode):
        return None
    return only


def _which_spec(row_number: int, issues: list[Issue], ex: CatalogIndex, product_id: str) -> Issue:
    """A row naming a stored product of several specs, and none of them: which one it means is unknown."""
    name = ex.products[product_id][1]
    specs = [s[S_INDEX["name"]] or "（无）" for s in ex.specs_of(product_id)][:5]
    listed = "、".join(specs)
    return _row_issue(row_number, issues, "spec", f"「{name}」有 {ex.spec_count[product_id]} 个规格（{listed}），这一行没有写是哪一个",
                      f"\"{name}\" has {ex.spec_count[product_id]} specs ({', '.join(specs)}); this row does not say which",
                      "请在文件里加上规格列并填写规格", "Add a spec column to the file and fill in the spec")


def _field_cell(table: ParsedTable, item: int, field_name: str) -> tuple[str, str]:
    """The column letter and header of a mapped field's cell, in the block of the row's item."""
    col = table.field_columns[field_name] + table.shift(item)
    return column_letter(col), table.headers[col] if col < len(table.headers) else ""


def _row_issue(row_number: int, issues: list[Issue], field_name: str, zh: str, en: str, fix_zh: str, fix_en: str) -> Issue:
    """A row-level issue, placed in the column of the row's own issue about `field_name` if any."""
    column, header = "", ""
    for col_issue in issues:
        if col_issue.field == field_name:
            column, header = col_issue.column, col_issue.header
    return Issue(row_number, column, header, field_name, "row_" + field_name, zh, en, fix_zh, fix_en)


def _neutral(values: dict[str, Any]) -> bool:
    """A bill's row that is neither income nor expense: 收支 "/" (WeChat's 中性交易: withdrawals,
    transfers to oneself) or "不计收支" (Alipay): its direction is None, not left out."""
    return "direction" in values and values["direction"] is None


def _refunded_payment(table: ParsedTable, raw: Row) -> bool:
    """Whether a bill's 不计收支 row is a payment refunded since, as JD marks it in its amount
    ("468.32(已全额退款)"): its money went out, and came back in the refund rows of the bill."""
    col = table.field_columns.get("amount_fen")
    cell = raw[col] if col is not None and col < len(raw) else None
    return isinstance(cell, str) and "退款" in cell


def _numbered(order_id: str) -> str:
    """The order id a ledger entry's id numbers ("4200001#2" -> "4200001"), else the id itself."""
    base, hash_sign, number = order_id.rpartition("#")
    return base if hash_sign and base and number.isdigit() else order_id


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
    existing: dict[tuple[str, str], str] = {}  # (channel, order id) -> its direction
    stored: set[tuple[str, str, str, int, str]] = set()  # (channel, order id and the id it numbers, time, amount, direction)
    for channel, stored_id, occurred_at, amount, direction in store.conn.execute(
            "SELECT channel, order_id, occurred_at, amount_fen, direction FROM ledger_entries WHERE order_id IS NOT NULL"):
        existing[(channel, stored_id)] = direction
        for one in {stored_id, _numbered(stored_id)}:
            stored.add((channel, one, occurred_at, amount, direction))
    occurrences: dict[str, int] = {}
    same_order: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()
    for row in table.rows:
        v = row.values
        plan = RowPlan(row.row_number, "error", str(v.get("item") or ""), str(v.get("spec") or ""), issues=row.issues)
        plans.append(plan)
        if _has_errors(row.issues):
            continue
        if v.get("occurred_at") is None or v.get("amount_fen") is None:
            missing = "occurred_at" if v.get("occurred_at") is None else "amount_fen"
            zh = "缺少日期" if missing == "occurred_at" else "缺少金额"
            _add_issue(plan, _row_issue(row.row_number, row.issues, missing, zh, "The date is missing" if missing == "occurred_at" else "The amount is missing",
                                          "请补上这一格", "Fill in this cell"))
            continue
        if _neutral(v) and table.bill_source is not None and _refunded_payment(table, row.raw):
            v = {**v, "direction": "out"}  # the payment its refund rows (money back, below) bring back: they net to 0
        elif _neutral(v) and (table.bill_source is None or any("退款" in str(c) for c in row.raw)):
            v = {**v, "direction": "in"}  # money back (a bill's 不计收支 refund), or a hand ledger's "其他": as before
        elif _neutral(v):  # a bill's withdrawal or transfer
            plan.action = "unchanged"
            _add_issue(plan, Issue(row.row_number, "", "", "direction", "neutral",
                                   "这一笔不算收入也不算支出（如提现、转账给自己），没有记入流水",
                                   "This is neither income nor expense (a withdrawal, a transfer to yourself): not recorded",
                                   "不用处理", "Nothing to do", severity="warning"))
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
        if entry["amount_fen"] < 0:  # stored as every source's entries are: a positive amount, in or out (after the
            # key, so a file reads as before): a refund typed as -15 is out; -50 under 支出 is money back, in
            flipped = "in" if entry["direction"] == "out" else "out"
            entry["amount_fen"], entry["direction"] = -entry["amount_fen"], "out" if v.get(SIGNED) else flipped
        key = (str(entry["channel"]), order_id)
        plan.ledger = entry
        if v.get("order_id"):
            file_id = str(v["order_id"]).strip()
            if (key[0], file_id, entry["occurred_at"], entry["amount_fen"], entry["direction"]) in stored:
                plan.action = "unchanged"  # stored already, maybe under another number of its order (#2)
                continue
            if existing.get(key, entry["direction"]) != entry["direction"]:
                # the id is the other side of the order (the refund of a payment, fixed in the error
                # report and imported after it): the next number of the order that is free
                n = 2
                while (key[0], f"{file_id}#{n}") in existing or (key[0], f"{file_id}#{n}") in seen:
                    n += 1
                key = (key[0], f"{file_id}#{n}")
                entry["order_id"] = key[1]
        if key in existing:
            plan.action = "unchanged"
        elif key in seen:
            _add_issue(plan, _row_issue(row.row_number, row.issues, "order_id", f"单号 {order_id} 在文件中重复", f"Order id {order_id} appears twice",
                                          "删除重复的行", "Delete the duplicate row"))
        else:
            seen.add(key)
            plan.action = "new"
    return plans
