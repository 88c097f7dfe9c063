"""Purchase lists (进货单, 采购单, 入库单): what the wholesaler charged, not what the shop sells at.

A shop keeps its purchases in the same kind of sheet as its products (日期, 供应商, 品名, 规格, 数量,
单价, 金额). Read as a product list, its 单价 would overwrite the sale prices and its 数量 the
stock. Read as a ledger, each purchase would count as a sale. So a purchase list is read as a
product list whose 单价 is the cost (进价) and whose quantity is left out: its products and their
costs reach the catalog, the prices and the stock stay as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from importers.mapping import ColumnMatch, normalize_header

_WORDS: Final = ("进货", "采购", "入库", "进仓", "购货", "送货单", "配送单", "供货单")
_HEADER_WORDS: Final = ("进货", "采购", "购进")  # 进货日期, 采购单价 (入库数量 may be a register's stock)
_SUPPLIER: Final = ("供应商", "供货商", "供货单位", "批发商", "进货单位", "进货商", "送货单位")
_SUPPLIER_EXACT: Final = {"厂家", "供货厂家", "进货厂家"}  # not 生产厂家: a product's maker
_PURCHASE_DATES: Final = {"日期", "进货日期", "采购日期", "送货日期", "入库日期", "单据日期", "下单日期", "到货日期"}
# a list with a sale price column lists what the shop sells (its 进价 or 单价 beside it is a cost)
_SALE_PRICES: Final = {"售价", "零售价", "销售价", "零售单价", "销售单价", "卖价", "标价"}
_UNIT_PRICES: Final = {"单价", "价格", "进货单价", "采购单价", "进价单价", "入库单价", "含税单价", "批发价", "进货价", "采购价"}
_QUANTITIES: Final = {"数量", "进货数量", "采购数量", "入库数量", "件数", "箱数", "订货数量", "送货数量"}


def is_purchase_list(headers: Sequence[str], preamble: str, sheet_name: str, file_name: str) -> bool:
    """Whether the table lists purchases: dated rows or quantities and amounts bought, with a supplier
    column or 进货/采购 in a header (进货日期, 采购单价); or 进货/采购/入库/送货单 in its title, sheet or
    file name."""
    keys = [normalize_header(h) for h in headers]
    named = any(w in f"{preamble} {sheet_name} {file_name}" for w in _WORDS)
    if named or any(k in _SALE_PRICES for k in keys):  # a list with a sale price sells: only its name makes it one
        return named
    purchase_column = any(any(w in k for w in (*_SUPPLIER, *_HEADER_WORDS)) or k in _SUPPLIER_EXACT for k in keys)
    # ... in rows of purchases: dated (not 生产日期: a product's), or with the quantity and amount bought
    bought = any(k in _PURCHASE_DATES or k in _QUANTITIES or k == "金额" for k in keys)
    return purchase_column and bought


def as_purchases(mapping: dict[int, ColumnMatch], headers: Sequence[str]) -> list[tuple[str, str]]:
    """Map a purchase list's unit price to the cost and leave its quantity out, in place; the notes
    saying so (none when the list has an explicit 售价 column, or nothing to change)."""
    keys = {c: normalize_header(headers[c]) if c < len(headers) else "" for c in mapping}
    fields = {m.field for m in mapping.values()}
    notes = []
    prices = [c for c, m in mapping.items() if m.field == "price_fen" and keys[c] in _UNIT_PRICES]
    if prices and "cost_fen" not in fields and len([m for m in mapping.values() if m.field == "price_fen"]) == 1:
        (col,) = prices
        mapping[col] = ColumnMatch("cost_fen", mapping[col].confidence, "purchase")
        notes.append((f"这是进货单：“{headers[col]}”作为进价导入，售价不变。",
                      f"This is a purchase list: \"{headers[col]}\" is imported as the cost; sale prices stay as they are."))
    quantities = [c for c, m in mapping.items() if m.field == "stock" and keys[c] in _QUANTITIES]
    for col in quantities:
        del mapping[col]
        notes.append((f"这是进货单：“{headers[col]}”是进货数量，不是库存，没有导入。",
                      f"This is a purchase list: \"{headers[col]}\" is the quantity bought, not the stock; it is not imported."))
    return notes
