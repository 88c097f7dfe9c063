"""Domain records of the catalog: plain dataclasses, no SQL."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

ProductKind = Literal["goods", "dish"]
Status = Literal["on", "off"]  # 上架 / 下架
AttributeKind = Literal["taste", "method", "addon"]  # 口味 / 做法 / 加料

ALLERGENS: dict[str, tuple[str, str]] = {
    "shellfish": ("贝类", "Shellfish"),
    "crustacean": ("甲壳类", "Crustaceans"),
    "fish": ("鱼类", "Fish"),
    "gluten": ("麸质", "Gluten"),
    "peanut": ("花生", "Peanut"),
    "tree_nut": ("坚果", "Tree nuts"),
    "dairy": ("乳制品", "Dairy"),
    "egg": ("蛋类", "Egg"),
    "soy": ("大豆", "Soy"),
    "sesame": ("芝麻", "Sesame"),
    "alcohol": ("酒精", "Alcohol"),
}
"""Allergen codes stored on products, with their (Chinese, English) labels."""

SPICY_LEVELS: tuple[tuple[str, str], ...] = (("不辣", "Not spicy"), ("微辣", "Mild"), ("中辣", "Medium"), ("特辣", "Hot"))


_rng = random.Random()  # seeded from os.urandom; ids need uniqueness, not secrecy
_last_ms = 0
_counter = 0


def new_id() -> str:
    """A fresh client-made record id, stable across sync retries: a UUIDv7 (RFC 9562).

    Time-ordered ids keep SQLite's B-tree inserts at the right edge of each index, which makes
    a 100,000-row import several times faster than random UUID4 keys. A 12-bit counter keeps
    ids made in the same millisecond in order; 62 random bits keep devices apart.
    """
    return new_ids(1)[0]


_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}  # a hex digit with its top bits set to 10


def new_ids(n: int) -> list[str]:
    """`n` fresh ids, the same as `n` calls of :func:`new_id` (in order after every earlier id),
    at half the cost: one clock read and one random draw for the lot."""
    global _last_ms, _counter
    out: list[str] = []
    if n <= 0:
        return out
    rhex = _rng.randbytes(8 * n).hex()
    ms = time.time_ns() // 1_000_000
    if ms <= _last_ms:
        ms, counter = _last_ms, _counter + 1
    else:
        counter = 0
    variant = _VARIANT
    t = f"{ms & 0xFFFF_FFFF_FFFF:012x}"
    head = f"{t[:8]}-{t[8:]}-7"
    for k in range(0, 16 * n, 16):
        if counter > 0xFFF:  # more than 4096 ids in one ms: borrow the next ms
            ms, counter = ms + 1, 0
            t = f"{ms & 0xFFFF_FFFF_FFFF:012x}"
            head = f"{t[:8]}-{t[8:]}-7"
        out.append(f"{head}{counter:03x}-{variant[rhex[k]]}{rhex[k + 1 : k + 4]}-{rhex[k + 4 : k + 16]}")
        counter += 1
    _last_ms, _counter = ms, counter - 1
    return out


def id_stream(chunk: int = 1024) -> Iterator[str]:
    """Fresh ids on demand, made `chunk` at a time with :func:`new_ids` (for bulk work)."""
    while True:
        yield from new_ids(chunk)


@dataclass
class Category:
    """A node of the category tree."""

    name: str
    parent_id: str | None = None
    sort_order: int = 0
    archived: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class Spec:
    """A sellable variant (规格) of a product with its own SKU, barcode, prices and stock."""

    name: str = ""
    sku: str | None = None
    barcode: str | None = None
    price_fen: int = 0
    member_price_fen: int | None = None
    cost_fen: int | None = None
    stock: Decimal = Decimal("0")
    sort_order: int = 0
    id: str = field(default_factory=new_id)
    market_price: bool = False  # sold at the day's price (时价): menus print 时价; price_fen is the last price set


@dataclass
class AttributeOption:
    """One choice of a dish attribute group, e.g. 微辣 or 加蛋 (+¥2)."""

    name: str
    price_fen: int = 0


@dataclass
class AttributeGroup:
    """A dish attribute group: 口味 (taste), 做法 (method) or 加料 (add-on)."""

    name: str
    kind: AttributeKind = "taste"
    options: list[AttributeOption] = field(default_factory=list)
    required: bool = False
    multi: bool = False


@dataclass
class Product:
    """A product or dish with its specs, images and dish attributes."""

    name: str
    kind: ProductKind = "goods"
    category_id: str | None = None
    unit: str = "件"
    description: str = ""
    status: Status = "on"
    shelf_life_days: int | None = None
    spicy_level: int = 0
    allergens: list[str] = field(default_factory=list)
    attributes: list[AttributeGroup] = field(default_factory=list)
    sold_out: bool = False
    retail_spec_id: str | None = None
    sort_order: int = 0
    archived: bool = False
    specs: list[Spec] = field(default_factory=list)
    images: list[str] = field(default_factory=list)  # sha256 of media, in display order
    id: str = field(default_factory=new_id)
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class ProductRow:
    """One line of the product table: a product summarised over its specs."""

    id: str
    name: str
    kind: str
    category: str
    unit: str
    status: str
    sold_out: bool
    spec_count: int
    specs: str
    sku: str
    barcode: str
    min_price_fen: int | None
    max_price_fen: int | None
    member_price_fen: int | None
    stock: Decimal
    updated_at: str
    photo: str | None = None  # sha256 of its first image, if it has any
    market_price: bool = False  # a spec is sold at the day's price (时价); min/max_price_fen are the others'
