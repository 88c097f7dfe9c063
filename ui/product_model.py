"""The product table: a QAbstractTableModel that keeps only row ids and fills a row cache on demand.

Like Anki's browser model: `store.products.ids(...)` gives the listing (100,000 ids is a few MB);
`data()` asks `store.products.rows()` for the chunk around a row the first time it is painted, so
opening or filtering a huge shop costs one id query plus one small chunk per screenful.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPixmap

from catalog.media import read_media
from catalog.models import ProductRow
from catalog.money import format_fen, format_qty, price_range
from catalog.store import Store
from ui.thumbnails import Thumbnails

CHUNK = 100  # rows fetched together: a screenful or two
PHOTO_HEIGHT = 20  # pixels: a product's first photo beside its name, about a line of text high
PHOTO_WIDTH = 30  # the box each photo is fitted into, so that the names line up
MAX_CACHED = 5_000  # rows kept; the oldest chunks are dropped beyond this

Index = QModelIndex | QPersistentModelIndex

# Column keys in display order. Headers are translated in headerData() so a language switch shows.
COLUMNS = ("name", "specs", "category", "price", "member_price", "barcode", "sku", "stock", "unit", "status", "sold_out")
SORTABLE = frozenset({"name"})  # the store lists in one order (sort order, pinyin); name can flip it
_RIGHT = frozenset({"price", "member_price", "stock"})
_OFF_COLOUR = QColor("#8a939c")
_SOLD_OUT_COLOUR = QColor("#b3261e")


def _price_range(row: ProductRow) -> str:
    return price_range((row.min_price_fen, row.max_price_fen), row.market_price)


class ProductTableModel(QAbstractTableModel):
    """Rows of products for the main table, fetched lazily from the store in chunks."""

    sig_listing_changed = Signal(int)
    """The listing was reloaded (filter, search, or an add/archive); the argument is the row count."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self._ids: list[str] = []
        self._row_of: dict[str, int] | None = None
        self._cache: OrderedDict[str, ProductRow] = OrderedDict()
        self._category_id: str | None = None
        self._query = ""
        self._descending = False
        # Prepared once, outside the paint loop (calibre's habit).
        self._display: dict[str, Callable[[ProductRow], str]] = {
            "name": lambda r: r.name,
            "specs": lambda r: r.specs,
            "category": lambda r: r.category,
            "price": _price_range,
            "member_price": lambda r: format_fen(r.member_price_fen),
            "barcode": lambda r: r.barcode,
            "sku": lambda r: r.sku,
            "stock": lambda r: format_qty(r.stock),
            "unit": lambda r: r.unit,
            "status": lambda r: self.tr("On sale") if r.status == "on" else self.tr("Off shelf"),
            "sold_out": lambda r: self.tr("Sold out") if r.sold_out else "",
        }
        self._getters = [self._display[c] for c in COLUMNS]
        self._photos = Thumbnails(PHOTO_HEIGHT, parent=self, width=PHOTO_WIDTH)  # by image hash: its bytes never change
        self._any_photos = False  # some product has one: a product without gets a blank box, names line up
        self._photos.sig_ready.connect(self._photo_arrived)

    # ---- listing -----------------------------------------------------------------------------
    @property
    def category_id(self) -> str | None:
        """The category the listing is filtered to (None: all products)."""
        return self._category_id

    @property
    def descending(self) -> bool:
        """True when the listing is in reverse name order."""
        return self._descending

    @property
    def query(self) -> str:
        """The search text the listing is filtered by."""
        return self._query

    def set_filter(self, *, category_id: str | None = None, query: str = "") -> None:
        """Show the products of a category (None: all) matching a search (empty: no search)."""
        self._category_id = category_id
        self._query = query.strip()
        self.reload()

    def reload(self) -> None:
        """Re-read the id listing (after adds, archives or an import) and drop the row cache."""
        ids = self.store.products.ids(category_id=self._category_id, query=self._query)
        if self._descending:
            ids.reverse()
        self._any_photos = self.store.products.any_photos()
        self.beginResetModel()
        self._ids = ids
        self._row_of = None
        self._cache.clear()
        self.endResetModel()
        self.sig_listing_changed.emit(len(ids))

    def refresh_products(self, product_ids: Sequence[str]) -> None:
        """Products were edited: forget their cached rows and repaint them."""
        for pid in product_ids:
            self._cache.pop(pid, None)
            row = self.row_of(pid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def product_id(self, row: int) -> str | None:
        """The product id shown at `row`."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, product_id: str) -> int | None:
        """The row showing a product, or None when it is not in the listing."""
        if self._row_of is None:
            self._row_of = {pid: i for i, pid in enumerate(self._ids)}
        return self._row_of.get(product_id)

    def cached_count(self) -> int:
        """How many rows are in the cache (for tests and diagnostics)."""
        return len(self._cache)

    # ---- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        """Number of products in the listing."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Translated column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return self.column_title(COLUMNS[section])

    def column_title(self, key: str) -> str:
        """The translated title of a column."""
        titles = {
            "name": self.tr("Name"),
            "specs": self.tr("Specs"),
            "category": self.tr("Category"),
            "price": self.tr("Price"),
            "member_price": self.tr("Member price"),
            "barcode": self.tr("Barcode"),
            "sku": self.tr("SKU"),
            "stock": self.tr("Stock"),
            "unit": self.tr("Unit"),
            "status": self.tr("Status"),
            "sold_out": self.tr("Sold out"),
        }
        return titles[key]

    def retranslate(self) -> None:
        """The language changed: repaint headers and the translated cells."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, alignment and colour; Qt.UserRole gives the product id."""
        if not index.isValid():
            return None
        row_i, col = index.row(), index.column()
        if not (0 <= row_i < len(self._ids) and 0 <= col < len(COLUMNS)):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[row_i]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if COLUMNS[col] in _RIGHT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole:
            if col != 0:
                return None
            row = self._row(row_i)
            if row is None or row.photo is None:
                return self._photos.placeholder if self._any_photos and row is not None else None
            return self._photo(row.photo)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(row_i)
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if COLUMNS[col] == "sold_out" and row.sold_out:
                return _SOLD_OUT_COLOUR
            return _OFF_COLOUR if row.status == "off" else None
        text = self._getters[col](row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 24 else None
        return text

    def _photo(self, sha256: str) -> QPixmap | None:
        """A product photo as a thumbnail (a placeholder while it is decoded in the background)."""
        path = self.store.path
        return self._photos.get(sha256, lambda: read_media(path, sha256))

    def _photo_arrived(self, _sha256: str) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0), [Qt.ItemDataRole.DecorationRole])

    @property
    def photos(self) -> Thumbnails:
        """The thumbnails of the products' photos (decoded in the background)."""
        return self._photos

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Only the name column sorts (the store's pinyin order, or its reverse); others keep the order."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column] not in SORTABLE:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if descending == self._descending:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] for i in old]
        self._descending = descending
        self._ids.reverse()
        self._row_of = None
        self.changePersistentIndexList(
            old, [self.index(self.row_of(pid) or 0, i.column()) for pid, i in zip(old_ids, old, strict=True)]
        )
        self.layoutChanged.emit()

    # ---- the cache ---------------------------------------------------------------------------
    def _row(self, row_i: int) -> ProductRow | None:
        pid = self._ids[row_i]
        row = self._cache.get(pid)
        if row is not None:
            return row
        start = row_i - row_i % CHUNK
        wanted = [i for i in self._ids[start : start + CHUNK] if i not in self._cache]
        for r in self.store.products.rows(wanted):
            self._cache[r.id] = r
        while len(self._cache) > MAX_CACHED:
            self._cache.popitem(last=False)
        return self._cache.get(pid)
