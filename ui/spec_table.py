"""The specs (规格) table of the product editor: one row per variant, money typed in yuan."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from catalog.models import Spec
from catalog.money import MARKET_PRICE, parse_yuan
from importers.values import is_market_price
from ui.add_remove import add_remove_layout

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRICE_ROLE = Qt.ItemDataRole.UserRole + 2  # the price cell's stored price: kept while the cell says 时价
FIELDS = ("name", "sku", "barcode", "price", "member_price", "cost", "stock")


def yuan_text(fen: int | None) -> str:
    """Fen as a plain yuan amount for editing: 1250 → "12.50"; None → ""."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


class SpecTable(QWidget):
    """Edit a product's specs; `specs()` reads them back or raises ValueError with a plain message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(FIELDS), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button, self.remove_button = add_remove_layout(self, self.table, self.add_row, self.remove_selected)
        self.retranslate()

    def retranslate(self) -> None:
        """Set translated headers and button texts."""
        self.table.setHorizontalHeaderLabels([
            self.tr("Spec"), self.tr("SKU"), self.tr("Barcode"), self.tr("Price ¥"), self.tr("Member ¥"),
            self.tr("Cost ¥"), self.tr("Stock"),
        ])
        self.table.horizontalHeaderItem(FIELDS.index("price")).setToolTip(
            self.tr("Type 时价 for a dish sold at the day's price: menus print 时价."))
        self.add_button.setText(self.tr("Add spec"))
        self.remove_button.setText(self.tr("Remove spec"))

    def set_specs(self, specs: list[Spec]) -> None:
        """Show these specs (one empty row when there are none)."""
        self.table.setRowCount(0)
        for spec in specs or [Spec()]:
            self.add_row(spec)

    def add_row(self, spec: Spec | None = None) -> int:
        """Append a row (empty, or showing `spec`); returns its index."""
        spec = spec or Spec()
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (
            spec.name, spec.sku or "", spec.barcode or "", MARKET_PRICE if spec.market_price else yuan_text(spec.price_fen),
            yuan_text(spec.member_price_fen),
            yuan_text(spec.cost_fen), format(spec.stock.normalize(), "f") if spec.stock else "0",
        )
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col >= 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, item)
        self.table.item(row, 0).setData(ID_ROLE, spec.id)
        self.table.item(row, FIELDS.index("price")).setData(PRICE_ROLE, spec.price_fen)
        return row

    def set_cell(self, row: int, field: str, text: str) -> None:
        """Type `text` into a cell (used by tests and paste helpers)."""
        self.table.item(row, FIELDS.index(field)).setText(text)

    def remove_selected(self) -> None:
        """Remove the selected rows (at least one row always stays)."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            if self.table.rowCount() > 1:
                self.table.removeRow(row)

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def specs(self) -> list[Spec]:
        """The specs as typed; raises ValueError naming the row and column of a bad value."""
        out: list[Spec] = []
        for row in range(self.table.rowCount()):
            texts = [self._text(row, c) for c in range(len(FIELDS))]
            if not any(texts[:6]) and texts[6] in ("", "0") and self.table.rowCount() > 1:
                continue  # an empty extra row
            where = self.tr("Spec row %1").replace("%1", str(row + 1))

            def money(col: int, required: bool, where: str = where, texts: list[str] = texts) -> int | None:
                if not texts[col]:
                    return 0 if required else None
                try:
                    value = parse_yuan(texts[col])
                except ValueError:
                    value = -1
                if value < 0:
                    title = self.table.horizontalHeaderItem(col).text()
                    raise ValueError(
                        self.tr("%1, %2: “%3” is not a valid amount.")
                        .replace("%1", where).replace("%2", title).replace("%3", texts[col])
                    )
                return value

            try:
                stock = Decimal(texts[6] or "0")
                if not stock.is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                raise ValueError(
                    self.tr("%1: stock “%2” is not a number.").replace("%1", where).replace("%2", texts[6])
                ) from None
            spec_id = self.table.item(row, 0).data(ID_ROLE)
            market = is_market_price(texts[3])
            stored = self.table.item(row, 3).data(PRICE_ROLE) if self.table.item(row, 3) is not None else None
            spec = Spec(
                name=texts[0], sku=texts[1] or None, barcode=texts[2] or None,
                price_fen=(int(stored or 0) if market else money(3, True) or 0), member_price_fen=money(4, False),
                cost_fen=money(5, False), stock=stock, sort_order=len(out), market_price=market,
            )
            if spec_id:
                spec.id = spec_id
            out.append(spec)
        return out
