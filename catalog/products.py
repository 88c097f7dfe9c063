"""Products and their specs: save (insert or update), load, archive, list and search."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict

from catalog import search
from catalog.db import transaction
from catalog.models import AttributeGroup, AttributeOption, Product, ProductRow, Spec, new_id
from catalog.money import decimal_to_milli, milli_to_decimal
from catalog.pinyin import keys

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"
_PRODUCT_COLS = (
    "kind", "name", "category_id", "unit", "description", "status", "shelf_life_days", "spicy_level",
    "allergens", "attributes", "sold_out", "retail_spec_id", "sort_order", "archived", "sort_key", "search_text",
)
_SPEC_COLS = ("product_id", "name", "sku", "barcode", "price_fen", "member_price_fen", "cost_fen", "stock_milli", "sort_order",
              "market_price")

Progress = Callable[[float, str], None]


class ProductError(ValueError):
    """A product that cannot be saved, with a plain reason naming the field."""


def _validate(p: Product) -> None:
    if not p.name.strip():
        raise ProductError("商品名称不能为空 / A product needs a name")
    if p.kind not in ("goods", "dish"):
        raise ProductError(f"未知的商品类型 {p.kind!r} / Unknown product kind {p.kind!r}")
    if p.status not in ("on", "off"):
        raise ProductError(f"未知的上架状态 {p.status!r} / Unknown status {p.status!r}")
    if not 0 <= p.spicy_level <= 3:
        raise ProductError("辣度须在 0 到 3 之间 / Spicy level must be 0 to 3")
    if p.shelf_life_days is not None and p.shelf_life_days < 0:
        raise ProductError("保质期不能为负 / Shelf life cannot be negative")
    skus = [s.sku for s in p.specs if s.sku]
    if len(skus) != len(set(skus)):
        raise ProductError("同一商品的规格货号重复 / Two specs of this product share a SKU")
    for s in p.specs:
        for label, value in (("售价 / price", s.price_fen), ("会员价 / member price", s.member_price_fen), ("成本 / cost", s.cost_fen)):
            if value is not None and value < 0:
                raise ProductError(f"“{p.name}” {s.name} 的{label}不能为负 / {label} of “{p.name}” cannot be negative")


def _product_values(p: Product) -> tuple[object, ...]:
    attributes = json.dumps([asdict(g) for g in p.attributes], ensure_ascii=False)
    return (
        p.kind, p.name.strip(), p.category_id, p.unit, p.description, p.status, p.shelf_life_days, p.spicy_level,
        json.dumps(p.allergens, ensure_ascii=False), attributes, int(p.sold_out), p.retail_spec_id, p.sort_order,
        int(p.archived), keys(p.name.strip())[0],
        search.document(p.name.strip(), (x for s in p.specs for x in (s.name, s.sku, s.barcode) if x)),
    )


def _spec_values(product_id: str, s: Spec, order: int) -> tuple[object, ...]:
    return (
        product_id, s.name.strip(), (s.sku or "").strip() or None, (s.barcode or "").strip() or None, s.price_fen,
        s.member_price_fen, s.cost_fen, decimal_to_milli(s.stock), order, int(s.market_price),
    )


class Products:
    """Repository of products over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.search = search.SearchIndex(conn)

    # ---- writing -------------------------------------------------------------------------
    def save(self, product: Product) -> Product:
        """Insert or update one product with its specs and images; returns it as stored."""
        self.save_many([product])
        saved = self.get(product.id)
        assert saved is not None
        return saved

    def save_many(
        self, products: Sequence[Product], *, progress: Progress | None = None, cancel: Callable[[], bool] | None = None
    ) -> None:
        """Insert or update many products in one transaction (all or nothing).

        Specs are matched by id: missing specs of an existing product are archived (sales may
        reference them). A product's images are replaced by its `images` list. `cancel()`
        returning True rolls everything back and raises `Cancelled`.
        """
        for p in products:
            _validate(p)
            if not p.specs:
                p.specs = [Spec()]
        product_sql = (
            f"INSERT INTO products (id, {', '.join(_PRODUCT_COLS)}) VALUES (?{', ?' * len(_PRODUCT_COLS)})"
            f" ON CONFLICT (id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _PRODUCT_COLS)},"
            f" updated_at = {_NOW} WHERE {' OR '.join(f'{c} IS NOT excluded.{c}' for c in _PRODUCT_COLS)}"
        )
        spec_sql = (
            f"INSERT INTO specs (id, {', '.join(_SPEC_COLS)}, archived) VALUES (?{', ?' * len(_SPEC_COLS)}, 0)"
            f" ON CONFLICT (id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _SPEC_COLS)}, archived = 0,"
            f" updated_at = {_NOW} WHERE archived = 1 OR {' OR '.join(f'{c} IS NOT excluded.{c}' for c in _SPEC_COLS)}"
        )
        step = max(1, len(products) // 50)
        try:
            with transaction(self.conn):
                for start in range(0, len(products), step):
                    if cancel is not None and cancel():
                        raise Cancelled()
                    chunk = products[start : start + step]
                    self._archive_dropped_specs(chunk)
                    self.conn.executemany(product_sql, [(p.id, *_product_values(p)) for p in chunk])
                    self.conn.executemany(
                        spec_sql, [(s.id, *_spec_values(p.id, s, i)) for p in chunk for i, s in enumerate(p.specs)]
                    )
                    self._set_images(chunk)
                    if progress is not None:
                        progress(min(1.0, (start + len(chunk)) / len(products)), "")
        except sqlite3.IntegrityError as exc:
            raise ProductError(self._explain(exc, products)) from exc
        finally:
            self.search.invalidate()

    def _archive_dropped_specs(self, chunk: Sequence[Product]) -> None:
        keep = {s.id for p in chunk for s in p.specs}
        ids = [p.id for p in chunk]
        marks = ",".join("?" * len(ids))
        dropped = [
            r[0]
            for r in self.conn.execute(
                f"SELECT id FROM specs WHERE archived = 0 AND product_id IN ({marks})", ids
            ).fetchall()
            if r[0] not in keep
        ]
        if dropped:
            self.conn.executemany(
                f"UPDATE specs SET archived = 1, updated_at = {_NOW} WHERE id = ?", [(i,) for i in dropped]
            )

    def _set_images(self, chunk: Sequence[Product]) -> None:
        for p in chunk:
            existing = {r[1]: r[0] for r in self.conn.execute(
                "SELECT id, sha256 FROM product_images WHERE product_id = ?", (p.id,)
            )}
            if not existing and not p.images:
                continue
            for order, digest in enumerate(dict.fromkeys(p.images)):
                if digest in existing:
                    self.conn.execute(
                        f"UPDATE product_images SET sort_order = ?, updated_at = {_NOW} WHERE id = ? AND sort_order IS NOT ?",
                        (order, existing.pop(digest), order),
                    )
                else:
                    self.conn.execute(
                        "INSERT INTO product_images (id, product_id, sha256, sort_order) VALUES (?, ?, ?, ?)",
                        (new_id(), p.id, digest, order),
                    )
            for image_id in existing.values():
                self.conn.execute("DELETE FROM product_images WHERE id = ?", (image_id,))

    def _explain(self, exc: sqlite3.IntegrityError, products: Sequence[Product]) -> str:
        text = str(exc)
        if "specs.sku" in text:
            ours = {s.id for p in products for s in p.specs}
            for sku in dict.fromkeys(s.sku.strip() for p in products for s in p.specs if s.sku):
                holder = self.conn.execute(
                    "SELECT s.id, p.name FROM specs s JOIN products p ON p.id = s.product_id"
                    " WHERE s.sku = ? AND s.archived = 0",
                    (sku,),
                ).fetchone()
                if holder is not None and holder[0] not in ours:
                    return f"货号 {sku} 已被“{holder[1]}”使用 / SKU {sku} is already used by “{holder[1]}”"
            return "两个规格使用了同一个货号 / Two specs use the same SKU"
        if "FOREIGN KEY" in text:
            return "所选分类或图片不存在 / The chosen category or image does not exist"
        return f"无法保存商品：{text} / Cannot save the product: {text}"

    def set_archived(self, product_ids: Iterable[str], archived: bool = True) -> None:
        """Archive (the catalog's delete: sales still reference it) or restore products."""
        with transaction(self.conn):
            self.conn.executemany(
                f"UPDATE products SET archived = ?, updated_at = {_NOW} WHERE id = ? AND archived IS NOT ?",
                [(int(archived), pid, int(archived)) for pid in product_ids],
            )
        self.search.invalidate()

    def set_sold_out(self, product_id: str, sold_out: bool) -> None:
        """Mark a dish sold out (估清) or available again."""
        with transaction(self.conn):
            self.conn.execute(
                f"UPDATE products SET sold_out = ?, updated_at = {_NOW} WHERE id = ? AND sold_out IS NOT ?",
                (int(sold_out), product_id, int(sold_out)),
            )

    # ---- reading -------------------------------------------------------------------------
    def get(self, product_id: str) -> Product | None:
        """One product with its active specs and images, or None."""
        found = self.get_many([product_id])
        return found[0] if found else None

    def get_many(self, product_ids: Sequence[str]) -> list[Product]:
        """The products with these ids (with active specs and images), in the order given; ids
        that do not exist are left out. Three queries per 500 products instead of three each."""
        out: list[Product] = []
        for start in range(0, len(product_ids), 500):
            chunk = list(product_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = {r["id"]: r for r in self.conn.execute(f"SELECT * FROM products WHERE id IN ({marks})", chunk)}
            specs: dict[str, list[Spec]] = {}
            for s in self.conn.execute(
                f"SELECT * FROM specs WHERE product_id IN ({marks}) AND archived = 0 ORDER BY sort_order, rowid", chunk
            ):
                specs.setdefault(s["product_id"], []).append(Spec(
                    s["name"], s["sku"], s["barcode"], s["price_fen"], s["member_price_fen"], s["cost_fen"],
                    milli_to_decimal(s["stock_milli"]), s["sort_order"], s["id"], bool(s["market_price"])))
            images: dict[str, list[str]] = {}
            for pid, sha in self.conn.execute(
                f"SELECT product_id, sha256 FROM product_images WHERE product_id IN ({marks}) ORDER BY sort_order", chunk
            ):
                images.setdefault(pid, []).append(sha)
            out += [_product(rows[i], specs.get(i, []), images.get(i, [])) for i in chunk if i in rows]
        return out

    def count(self, *, include_archived: bool = False) -> int:
        """How many products the shop has."""
        sql = "SELECT count(*) FROM products" + ("" if include_archived else " WHERE archived = 0")
        return int(self.conn.execute(sql).fetchone()[0])

    def ids(
        self, *, category_id: str | None = None, query: str = "", include_archived: bool = False
    ) -> list[str]:
        """Product ids for a listing, in display order (sort order, then pinyin of the name).

        `category_id` includes its subcategories. A `query` matches name, pinyin, initials, SKU,
        barcode and spec names (every whitespace-separated term must match); exact barcode/SKU
        matches come first, then names starting with the query. Archived products are never
        search results.
        """
        in_category = (
            "p.category_id IN (WITH RECURSIVE t(id) AS (SELECT ? UNION SELECT c.id FROM categories c"
            " JOIN t ON c.parent_id = t.id) SELECT id FROM t)"
        )
        if query.strip():
            found = self.search.find(query)
            exact = [pid for pid, _ in self.find_by_code(query)]
            if exact:
                found = list(dict.fromkeys([*exact, *found]))
            if category_id is not None:
                allowed = {r[0] for r in self.conn.execute(f"SELECT p.id FROM products p WHERE {in_category}", (category_id,))}
                found = [pid for pid in found if pid in allowed]
            return found
        where = [] if include_archived else ["p.archived = 0"]
        params: list[object] = []
        if category_id is not None:
            where.append(in_category)
            params.append(category_id)
        sql = "SELECT p.id FROM products p" + (f" WHERE {' AND '.join(where)}" if where else "")
        cur = self.conn.cursor()
        cur.row_factory = None
        return [r[0] for r in cur.execute(sql + " ORDER BY p.sort_order, p.sort_key, p.id", params)]

    def find_by_code(self, code: str) -> list[tuple[str, str]]:
        """(product id, spec id) of active specs whose barcode or SKU is exactly `code` (a scanner's input)."""
        code = code.strip()
        if not code:
            return []
        rows = self.conn.execute(
            "SELECT s.product_id, s.id FROM specs s JOIN products p ON p.id = s.product_id"
            " WHERE s.archived = 0 AND p.archived = 0 AND s.barcode = ?"
            " UNION SELECT s.product_id, s.id FROM specs s JOIN products p ON p.id = s.product_id"
            " WHERE s.archived = 0 AND p.archived = 0 AND s.sku = ?",
            (code, code),
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def any_photos(self) -> bool:
        """True when some product (not archived) has a photo."""
        return self.conn.execute("SELECT 1 FROM product_images i JOIN products p ON p.id = i.product_id"
                                 " WHERE p.archived = 0 LIMIT 1").fetchone() is not None

    def rows(self, product_ids: Sequence[str]) -> list[ProductRow]:
        """Table rows for the given ids, in the same order (ids not found are left out)."""
        found: dict[str, ProductRow] = {}
        for start in range(0, len(product_ids), 500):
            chunk = list(product_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                "SELECT p.id, p.name, p.kind, coalesce(c.name, '') AS category, p.unit, p.status, p.sold_out,"
                " count(s.id) AS n, group_concat(nullif(s.name, ''), ' / ') AS specs,"
                " group_concat(s.sku, ' / ') AS sku, group_concat(s.barcode, ' / ') AS barcode,"
                " min(s.price_fen) FILTER (WHERE NOT s.market_price) AS lo,"
                " max(s.price_fen) FILTER (WHERE NOT s.market_price) AS hi,"
                " min(s.member_price_fen) FILTER (WHERE NOT s.market_price) AS member,"
                " coalesce(max(s.market_price), 0) AS market,"
                " coalesce(sum(s.stock_milli), 0) AS stock, p.updated_at,"
                " (SELECT sha256 FROM product_images i WHERE i.product_id = p.id ORDER BY sort_order LIMIT 1) AS photo"
                " FROM products p LEFT JOIN categories c ON c.id = p.category_id"
                " LEFT JOIN specs s ON s.product_id = p.id AND s.archived = 0"
                f" WHERE p.id IN ({marks}) GROUP BY p.id",
                chunk,
            ):
                found[r["id"]] = ProductRow(
                    r["id"], r["name"], r["kind"], r["category"], r["unit"], r["status"], bool(r["sold_out"]), r["n"],
                    r["specs"] or "", r["sku"] or "", r["barcode"] or "", r["lo"], r["hi"], r["member"],
                    milli_to_decimal(r["stock"]), r["updated_at"], r["photo"], bool(r["market"]),
                )
        return [found[i] for i in product_ids if i in found]


class Cancelled(Exception):
    """The user cancelled a long operation; everything it did was rolled back."""


def _product(r: sqlite3.Row, specs: list[Spec], images: list[str]) -> Product:
    """A Product from its stored row, specs and image hashes."""
    attributes = [
        AttributeGroup(g["name"], g.get("kind", "taste"), [AttributeOption(**o) for o in g.get("options", [])],
                       bool(g.get("required", False)), bool(g.get("multi", False)))
        for g in json.loads(r["attributes"])
    ]
    return Product(
        name=r["name"], kind=r["kind"], category_id=r["category_id"], unit=r["unit"], description=r["description"],
        status=r["status"], shelf_life_days=r["shelf_life_days"], spicy_level=r["spicy_level"],
        allergens=json.loads(r["allergens"]), attributes=attributes, sold_out=bool(r["sold_out"]),
        retail_spec_id=r["retail_spec_id"], sort_order=r["sort_order"], archived=bool(r["archived"]),
        specs=specs, images=images, id=r["id"], created_at=r["created_at"], updated_at=r["updated_at"],
    )
