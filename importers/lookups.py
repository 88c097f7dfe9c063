"""What planning an import of products or a menu looks up in the stored catalog, and loading it
while the file is still being parsed.

`CatalogIndex` holds every live product and spec by SKU, barcode and name; `KnownRows`
(importers.known_rows) the rows imported before. `Lookups.prefetch` loads both on a thread of its
own connection: python-calamine parses a spreadsheet without holding the GIL, so the loading is
nearly free. A re-import whose rows are all known never needs the index: the plan says so and
the thread stops.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from catalog.batches import Batches
from catalog.db import connect
from catalog.pinyin import keys
from importers.fields import PRODUCT_COLUMNS, SPEC_COLUMNS
from importers.gcpause import gc_paused
from importers.known_rows import KnownRows
from importers.sniff import file_sha256

_P_COLS = ["id", "name", "category_id", *PRODUCT_COLUMNS.values()]
_S_COLS = ["id", "product_id", *SPEC_COLUMNS.values()]
P_INDEX: Final = {c: i for i, c in enumerate(_P_COLS)}  # column -> its place in a product tuple
S_INDEX: Final = {c: i for i, c in enumerate(_S_COLS)}  # column -> its place in a spec tuple
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


def name_key(name: str) -> str:
    """How an import compares product and spec names: in any width, case and spacing, as typed on a
    Chinese keyboard or not ("娃哈哈ＡＤ钙奶" is "娃哈哈AD钙奶", "苹果（红富士）" is "苹果(红富士)",
    "散装 大米" is "散装大米"), with units in letters or characters ("105克" is "105g")."""
    text = name
    if not name.isascii():
        text = unicodedata.normalize("NFKC", name)
        if "克" in text or "升" in text or "斤" in text or "米" in text:  # the regex only where a unit word may be
            text = _UNIT_WORD.sub(lambda m: _UNIT_LETTERS[m.group().strip()], text)
    key = "".join(text.casefold().split())
    return name if key == name else key  # most names are their own key: keep one string, not two


_UNIT_LETTERS: Final = {"千克": "kg", "公斤": "kg", "克": "g", "毫升": "ml", "升": "l", "厘米": "cm", "毫米": "mm"}
_UNIT_WORD: Final = re.compile(r"(?<=\d)\s*(?:千克|公斤|毫升|厘米|毫米|克|升)")


class CatalogIndex:
    """Lookup tables of the stored catalog, loaded once per plan.

    Records stay plain tuples, their columns placed by `P_INDEX`/`S_INDEX` (100,000 dicts cost a
    second).
    """

    def __init__(self, conn: sqlite3.Connection, category_path: dict[str | None, str] | None = None) -> None:
        """Load the index from `conn` (`category_path`: the categories' paths, if already loaded)."""
        cur = conn.cursor()
        cur.row_factory = None  # plain tuples: sqlite3.Row costs seconds on 100,000 rows
        product_rows = _shared(cur.execute(f"SELECT {', '.join(_P_COLS)} FROM products WHERE archived = 0"), _P_FEW)
        self.products: dict[str, tuple[Any, ...]] = {r[0]: r for r in product_rows}
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
        keyed: dict[str, str] = {}  # a stored name or spec name -> its key (names repeat across specs)
        for r in product_rows:
            keyed.setdefault(r[1], name_key(r[1]))
        self.by_name = {keyed[r[1]]: r[0] for r in reversed(product_rows)}  # by name_key; the first wins
        self.by_name_spec: dict[tuple[str, str], str] = {}  # (name_key of product, of spec) -> spec id
        spec_count: dict[str, int] = {}
        for r in reversed(spec_rows):
            spec_name = r[name_i] or ""
            if spec_name not in keyed:
                keyed[spec_name] = name_key(spec_name)
            self.by_name_spec[(keyed[products[r[1]][1]], keyed[spec_name])] = r[0]  # the first wins
            spec_count[r[1]] = spec_count.get(r[1], 0) + 1
        # a product's spec when it has just one (a price list without a spec column updates it)
        self.only_spec: dict[str, str] = {r[1]: r[0] for r in spec_rows if spec_count[r[1]] == 1}
        self.spec_count = spec_count
        self._specs_of: dict[str, list[tuple[Any, ...]]] | None = None
        self.category_path = category_path if category_path is not None else category_paths(conn)

    def specs_of(self, product_id: str) -> list[tuple[Any, ...]]:
        """The stored specs of a product (the map is made when first asked for: few plans need it)."""
        if self._specs_of is None:
            self._specs_of = {}
            for spec in self.specs.values():
                self._specs_of.setdefault(spec[1], []).append(spec)
        return self._specs_of.get(product_id, [])


def _imported_before(conn: sqlite3.Connection, source: Path) -> bool:
    try:
        return Batches(conn).has_file(file_sha256(source))
    except OSError:  # unreadable: reading it will say so
        return False


def category_paths(conn: sqlite3.Connection) -> dict[str | None, str]:
    """Category id -> its path ("酒水/啤酒"); None -> ""."""
    paths: dict[str | None, str] = {None: ""}
    cats = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, name, parent_id FROM categories")}
    for cid in cats:
        parts: list[str] = []
        at: str | None = cid
        while at is not None and at in cats and len(parts) < 50:
            parts.append(cats[at][0])
            at = cats[at][1]
        paths[cid] = "/".join(reversed(parts))
    return paths


_PLAN_WAIT_S: Final = 60.0


class Lookups:
    """The stored catalog as a plan looks it up: the known rows first, the whole index if needed.

    Made with `Lookups()` everything loads on demand from the connection given to `known()` and
    `index()`; made with `Lookups.prefetch(path, source)` a thread starts loading at once.
    """

    def __init__(self) -> None:
        self._known: KnownRows | None = None
        self._index: CatalogIndex | None = None
        self._paths: dict[str | None, str] | None = None
        self._thread: threading.Thread | None = None
        self._known_ready = threading.Event()  # set: known() need not wait for a thread
        self._known_ready.set()
        self._go = threading.Event()  # the prefetching thread waits for it before loading the index
        self._skip = False
        self.seen_before = False  # (prefetched) the file to plan was imported before, byte for byte

    @classmethod
    def prefetch(cls, db_path: Path, source: Path | None = None, seen_before: bool | None = None) -> Lookups:
        """Start loading the catalog of the database at `db_path` on a thread of its own connection,
        for planning an import of the file `source`.

        The known rows load first. The index follows at once, while the file is still being
        parsed, unless `source` is a file imported before (the same bytes): then its rows are
        likely all known, and the index loads only if the plan asks for it (a thread building it
        meanwhile would slow the plan down by taking turns at the GIL). `seen_before` says so when
        the caller knows already (else the file is hashed here). If loading fails, `known()` and
        `index()` load on the connection they are given.
        """
        self = cls()
        self._known_ready.clear()
        self._thread = threading.Thread(target=self._load, args=(db_path, source, seen_before), name="catalog-lookups",
                                        daemon=True)
        self._thread.start()
        return self

    def _load(self, db_path: Path, source: Path | None, seen_before: bool | None) -> None:
        try:
            conn = connect(db_path, upgrade=False)
            try:
                conn.execute("PRAGMA cache_size=-2048")  # one pass over each table: a big cache only adds memory
                with gc_paused():
                    paths = category_paths(conn)
                    known = KnownRows.load(conn, paths)
                self.seen_before = bool(known) and source is not None and (
                    seen_before if seen_before is not None else _imported_before(conn, source))
                self._paths, self._known = paths, known
                self._known_ready.set()
                if not self.seen_before:
                    self._go.set()
                # no plan within a minute (the file was refused, the wizard closed): give up
                if self._go.wait(_PLAN_WAIT_S) and not self._skip:
                    keys("预热")  # rows to plan in full may make products: apply needs the pinyin tables
                    with gc_paused():
                        self._index = CatalogIndex(conn, paths)
            finally:
                conn.close()
        except Exception:  # known()/index() load on the plan's connection instead
            pass
        finally:
            self._known_ready.set()

    def known(self, conn: sqlite3.Connection) -> KnownRows:
        """The rows imported before that are still valid (loaded from `conn` unless prefetched)."""
        self._known_ready.wait()
        if self._known is None:
            self._paths = self._paths or category_paths(conn)
            self._known = KnownRows.load(conn, self._paths)
        return self._known

    def skip_index(self) -> None:
        """The plan needs no index: do not load it."""
        self._skip = True
        self._go.set()

    def index(self, conn: sqlite3.Connection) -> CatalogIndex:
        """The whole index (loaded from `conn` unless prefetched)."""
        self._go.set()
        if self._thread is not None:
            self._thread.join()
        if self._index is None:
            self._index = CatalogIndex(conn, self._paths)
        return self._index
