"""Canonical field names of the import kinds: the single place that defines them."""

from __future__ import annotations

from typing import Final, Literal

Kind = Literal["products", "menu", "ledger", "photos"]
# the kinds of a spreadsheet; "photos" is a folder of product photos (importers.photo_folder)
KINDS: Final[tuple[Kind, ...]] = ("products", "menu", "ledger")

PRODUCT_FIELDS: Final[tuple[str, ...]] = (
    "name",
    "spec",
    "sku",
    "barcode",
    "price_fen",
    "spec_price",
    "member_price_fen",
    "cost_fen",
    "unit",
    "category",
    "stock",
    "shelf_life_days",
    "status",
    "description",
    "image",
)

MENU_FIELDS: Final[tuple[str, ...]] = (*PRODUCT_FIELDS, "spicy_level", "flavors", "allergens")

LEDGER_FIELDS: Final[tuple[str, ...]] = (
    "occurred_at",
    "item",
    "spec",
    "qty",
    "amount_fen",
    "channel",
    "direction",
    "counterparty",
    "order_id",
    "note",
    "tx_type",
)

FIELDS_BY_KIND: Final[dict[Kind, tuple[str, ...]]] = {
    "products": PRODUCT_FIELDS,
    "menu": MENU_FIELDS,
    "ledger": LEDGER_FIELDS,
}

ALL_FIELDS: Final[frozenset[str]] = frozenset(PRODUCT_FIELDS + MENU_FIELDS + LEDGER_FIELDS)

# A column holding the price of the spec its header names ("小份", "330ml"): several columns can be
# one, and each gives a row an item of its own (importers.layouts).
SPEC_PRICE: Final = "spec_price"

# A column of pictures: each row's photo (importers.pictures), stored as the product's images.
IMAGE: Final = "image"

# Helper field used only while reading: a separate time-of-day column that is
# merged into ``occurred_at`` (bank statements split 交易日期 and 交易时间).
OCCURRED_TIME: Final = "occurred_time"
# Helper fields for ledgers that split money into an income and an expense column
# (bank statements: 收入/支出, 贷方/借方); merged into ``amount_fen`` + ``direction``.
AMOUNT_IN: Final = "amount_in_fen"
AMOUNT_OUT: Final = "amount_out_fen"
HELPER_FIELDS: Final = frozenset({OCCURRED_TIME, AMOUNT_IN, AMOUNT_OUT})

# How each field's cells are coerced (see importers.values.make_coercer).
FIELD_TYPES: Final[dict[str, str]] = {
    "name": "text",
    "spec": "text",
    "sku": "code",
    "barcode": "barcode",
    "price_fen": "price",
    "spec_price": "price",
    "member_price_fen": "price",
    "cost_fen": "price",
    "unit": "unit",
    "category": "text",
    "stock": "stock",
    "shelf_life_days": "days",
    "status": "status",
    "description": "prose",  # a platform's export may give HTML (Shopify's Body (HTML))
    "image": "picture",
    "spicy_level": "spicy",
    "flavors": "list",
    "allergens": "list",
    "occurred_at": "datetime",
    OCCURRED_TIME: "time",
    AMOUNT_IN: "money",
    AMOUNT_OUT: "money",
    "item": "text",
    "qty": "decimal",
    "amount_fen": "money",
    "channel": "text",
    "direction": "direction",
    "counterparty": "text",
    "order_id": "code",
    "note": "text",
    "tx_type": "text",
}

FIELD_LABELS_ZH: Final[dict[str, str]] = {
    "name": "名称",
    "spec": "规格",
    "sku": "货号",
    "barcode": "条码",
    "price_fen": "售价",
    "spec_price": "规格价",
    "member_price_fen": "会员价",
    "cost_fen": "进价",
    "unit": "单位",
    "category": "分类",
    "stock": "库存",
    "shelf_life_days": "保质期",
    "status": "状态",
    "description": "描述",
    "image": "图片",
    "spicy_level": "辣度",
    "flavors": "口味",
    "allergens": "过敏原",
    "occurred_at": "时间",
    OCCURRED_TIME: "时刻",
    AMOUNT_IN: "收入金额",
    AMOUNT_OUT: "支出金额",
    "item": "商品",
    "qty": "数量",
    "amount_fen": "金额",
    "channel": "支付方式",
    "direction": "收/支",
    "counterparty": "交易对方",
    "order_id": "单号",
    "note": "备注",
    "tx_type": "交易类型",
}

FIELD_LABELS_EN: Final[dict[str, str]] = {  # as messages of the cores name the fields in English
    "name": "name",
    "spec": "spec",
    "sku": "SKU",
    "barcode": "barcode",
    "price_fen": "price",
    "spec_price": "spec price",
    "member_price_fen": "member price",
    "cost_fen": "cost price",
    "unit": "unit",
    "category": "category",
    "stock": "stock",
    "shelf_life_days": "shelf life",
    "status": "status",
    "description": "description",
    "image": "picture",
    "spicy_level": "spicy level",
    "flavors": "flavours",
    "allergens": "allergens",
    "occurred_at": "date",
    OCCURRED_TIME: "time of day",
    AMOUNT_IN: "income",
    AMOUNT_OUT: "expense",
    "item": "item",
    "qty": "quantity",
    "amount_fen": "amount",
    "channel": "payment method",
    "direction": "in/out",
    "counterparty": "paid by/to",
    "order_id": "order no.",
    "note": "note",
    "tx_type": "transaction type",
}


def fields_for(kind: Kind) -> tuple[str, ...]:
    """The canonical fields a table of ``kind`` can carry (plus helper fields for ledgers)."""
    if kind == "ledger":
        return (*LEDGER_FIELDS, OCCURRED_TIME, AMOUNT_IN, AMOUNT_OUT)
    return FIELDS_BY_KIND[kind]


# Import field -> the column of products / of specs that stores it (products and menus).
PRODUCT_COLUMNS: Final[dict[str, str]] = {
    "unit": "unit", "description": "description", "status": "status", "shelf_life_days": "shelf_life_days",
    "spicy_level": "spicy_level", "allergens": "allergens", "flavors": "attributes", "sold_out": "sold_out",
}
SPEC_COLUMNS: Final[dict[str, str]] = {
    "spec": "name", "sku": "sku", "barcode": "barcode", "price_fen": "price_fen",
    "member_price_fen": "member_price_fen", "cost_fen": "cost_fen", "stock": "stock_milli",
    "market_price": "market_price",  # set by a price cell: 时价 (1) or a price (0); see written_fields
}


def written_fields(mapped: frozenset[str] | set[str], purchases: bool = False) -> set[str]:
    """The fields an import of products or a menu writes: the mapped ones, the unit and whether
    the spec is sold at the day's price when a price column is mapped (a price such as "12元/斤"
    gives the unit, when no column does; "时价" says the other), and the status in a purchase list
    (a product new in it has no sale price yet: it starts off sale)."""
    priced = {"unit", "market_price"} if mapped & {"price_fen", "spec_price"} else set()
    return set(mapped) | priced | ({"status"} if purchases else set())
