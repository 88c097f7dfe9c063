"""Pick products for a menu section: a search box (name, pinyin initials, barcode) and a
checklist. Searching uses the catalog's own search (`store.products.ids(query=...)`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog.models import ProductRow
from catalog.money import price_range
from catalog.store import Store
from menus.money import format_fen

SEARCH_DEBOUNCE_MS = 150
MAX_SHOWN = 500


def price_text(row: ProductRow) -> str:
    """"¥38", "¥38–68" or "时价" for a product row, as menus print prices (empty when it has no price)."""
    return price_range((row.min_price_fen, row.max_price_fen), row.market_price, fmt=format_fen)


class ProductPickerDialog(QDialog):
    """Tick products to add; `chosen_ids()` lists them in the order they were ticked."""

    def __init__(self, store: Store, exclude: set[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.exclude = exclude or set()
        self._chosen: list[str] = []
        self.setWindowTitle(self.tr("Add dishes and products"))
        self.resize(520, 600)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, pinyin initials (qdpj), barcode or SKU…"))
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.hint = QLabel(self.tr("Tick what to add. Products already in this section are not shown."))
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add ticked"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.list.itemChanged.connect(self._ticked)
        self.refresh()

    def refresh(self) -> None:
        """List the products matching the search (ticks are kept)."""
        ids = [i for i in self.store.products.ids(query=self.search.text()) if i not in self.exclude]
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.store.products.rows(ids[:MAX_SHOWN]):
            if row.status != "on":
                continue
            parts = [row.name, price_text(row)]
            if row.category:
                parts.append(f"({row.category})")
            if row.sold_out:
                parts.append(self.tr("sold out"))
            item = QListWidgetItem("   ".join(p for p in parts if p))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in self._chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def set_checked(self, product_id: str, checked: bool = True) -> None:
        """Tick (or untick) a listed product."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == product_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_ids(self) -> list[str]:
        """The ticked product ids, in ticking order."""
        return list(self._chosen)

    def shutdown(self) -> None:
        """Stop a pending search (before the dialog goes away)."""
        self._timer.stop()

    def done(self, result: int) -> None:
        """Closing the picker stops its pending search."""
        self.shutdown()
        super().done(result)

    def _ticked(self, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked and pid not in self._chosen:
            self._chosen.append(pid)
        elif item.checkState() != Qt.CheckState.Checked and pid in self._chosen:
            self._chosen.remove(pid)
